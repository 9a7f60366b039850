use leptos::prelude::*;
use questionnaire::catalogue::{third_party_field, Question, ThirdPartyColumn};
use questionnaire::countries::COUNTRIES;
use questionnaire::validation::FieldPart;
use questionnaire::{Answer, ThirdParty};

use super::chips_input::{ChipsInput, Suggestions};
use super::question_label::QuestionLegend;
use super::{control_id, described_by, third_party_input_id};
use crate::state::Questionnaire;

/// The third parties End-User Data is shared with: one fieldset per row, add and remove, and
/// an undo for the last removal.
#[component]
pub fn ThirdPartiesField(question: &'static Question) -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    let count = Memo::new(move |_| questionnaire.with(question.id, |answer| rows_of(answer).len()));
    let removed = RwSignal::new(None::<(usize, ThirdParty)>);

    let edit_rows = move |change: &dyn Fn(&mut Vec<ThirdParty>)| {
        let mut rows = untrack(|| questionnaire.with(question.id, |answer| rows_of(answer).to_vec()));
        change(&mut rows);
        questionnaire.set(question.id, Answer::ThirdParties(rows));
    };
    let add = move |_| {
        edit_rows(&|rows| rows.push(ThirdParty::default()));
        removed.set(None);
        crate::focus::focus_by_id_later(third_party_input_id(
            question.id,
            count.get_untracked() - 1,
            ThirdPartyColumn::Name,
        ));
    };
    let remove = Callback::new(move |index: usize| {
        edit_rows(&|rows| {
            if index < rows.len() {
                removed.set(Some((index, rows.remove(index))));
            }
        });
    });
    let undo = move |_| {
        if let Some((index, row)) = removed.get_untracked() {
            edit_rows(&|rows| rows.insert(index.min(rows.len()), row.clone()));
            removed.set(None);
        }
    };
    let edit = Callback::new(move |(index, change): (usize, RowEdit)| {
        edit_rows(&|rows| {
            if let Some(row) = rows.get_mut(index) {
                change.apply(row);
            }
        })
    });

    view! {
        <fieldset class="third-parties" id=control_id(question.id) aria-describedby=described_by(question.id)>
            <QuestionLegend question />
            <For each=move || 0..count.get() key=|index| *index let:index>
                <ThirdPartyRow question index edit remove />
            </For>
            <p class="removed-notice" role="status" aria-live="polite">
                {move || removed.get().map(|(_, row)| {
                    let name = if row.name.trim().is_empty() { "a third party".to_owned() } else { format!("“{}”", row.name.trim()) };
                    view! {
                        "Removed " {name} ". "
                        <button type="button" class="link-button" on:click=undo>"Undo"</button>
                    }
                })}
            </p>
            <button type="button" class="secondary add-third-party" on:click=add>"Add a third party"</button>
            <Suggestions id=countries_list_id(question.id) suggestions=COUNTRIES />
        </fieldset>
    }
}

/// One change to one row, as the inputs produce them.
#[derive(Clone)]
pub enum RowEdit {
    Name(String),
    Domain(String),
    Countries(Vec<String>),
    Purpose(String),
}

impl RowEdit {
    fn apply(&self, row: &mut ThirdParty) {
        match self.clone() {
            RowEdit::Name(name) => row.name = name,
            RowEdit::Domain(domain) => row.domain = domain,
            RowEdit::Countries(countries) => row.countries = countries,
            RowEdit::Purpose(purpose) => row.purpose = purpose,
        }
    }
}

#[component]
fn ThirdPartyRow(
    question: &'static Question,
    index: usize,
    edit: Callback<(usize, RowEdit)>,
    remove: Callback<usize>,
) -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    // One memo per row: a keystroke in one row re-renders that row only.
    let row = Memo::new(move |_| {
        questionnaire.with(question.id, |answer| rows_of(answer).get(index).cloned().unwrap_or_default())
    });
    let id = move |column| third_party_input_id(question.id, index, column);
    let label = |column| third_party_field(column).label;
    let title = move || {
        row.with(|row| match row.name.trim() {
            "" => format!("Third party {}", index + 1),
            name => name.to_owned(),
        })
    };
    view! {
        <fieldset class="third-party-row" data-row=index>
            <legend>{title}</legend>
            <RowText question index column=ThirdPartyColumn::Name row edit />
            <RowText question index column=ThirdPartyColumn::Domain row edit />
            <label for=id(ThirdPartyColumn::Countries)>{label(ThirdPartyColumn::Countries)}</label>
            <ChipsInput
                id=id(ThirdPartyColumn::Countries)
                list_label="Countries added".to_owned()
                items=Signal::derive(move || row.with(|row| row.countries.clone()))
                on_change=Callback::new(move |countries| edit.run((index, RowEdit::Countries(countries))))
                suggestions=COUNTRIES
                shared_list=countries_list_id(question.id)
            />
            <RowText question index column=ThirdPartyColumn::Purpose row edit />
            <button type="button" class="secondary remove-third-party" on:click=move |_| remove.run(index)>
                {move || format!("Remove {}", title())}
            </button>
        </fieldset>
    }
}

/// One free-text cell of a row (name, domain or purpose), labelled from the catalogue.
#[component]
fn RowText(
    question: &'static Question,
    index: usize,
    column: ThirdPartyColumn,
    row: Memo<ThirdParty>,
    edit: Callback<(usize, RowEdit)>,
) -> impl IntoView {
    let id = third_party_input_id(question.id, index, column);
    let checks = super::checks::Checks::expect();
    let invalid = move || {
        checks.aria_invalid(question.id, |about| {
            matches!(about, Some(FieldPart::ThirdParty { row, column: which }) if row == index && which.is_none_or(|c| c == column))
        })
    };
    let value = move || {
        row.with(|row| match column {
            ThirdPartyColumn::Name => row.name.clone(),
            ThirdPartyColumn::Domain => row.domain.clone(),
            _ => row.purpose.clone(),
        })
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        let change = match column {
            ThirdPartyColumn::Name => RowEdit::Name(text),
            ThirdPartyColumn::Domain => RowEdit::Domain(text),
            _ => RowEdit::Purpose(text),
        };
        edit.run((index, change));
    };
    view! {
        <label for=id.clone()>{third_party_field(column).label}</label>
        <input
            class="text-input"
            type="text"
            id=id
            inputmode=(column == ThirdPartyColumn::Domain).then_some("url")
            aria-invalid=invalid
            prop:value=value
            on:input=on_input
        />
    }
}

/// One list of countries for every row's picker.
fn countries_list_id(question_id: &str) -> String {
    format!("{}-countries", control_id(question_id))
}

fn rows_of(answer: Option<&Answer>) -> &[ThirdParty] {
    match answer {
        Some(Answer::ThirdParties(rows)) => rows,
        _ => &[],
    }
}
