use std::sync::Arc;

use leptos::prelude::*;
use questionnaire::catalogue::{third_party_field, Question, QuestionId, ThirdPartyColumn};
use questionnaire::countries::COUNTRIES;
use questionnaire::validation::{FieldError, FieldPart};
use questionnaire::ThirdParty;

use super::by_position::by_position;
use super::chips_input::{ChipsInput, Suggestions};
use super::question_label::QuestionLegend;
use super::{control_id, described_by, third_party_input_id};
use crate::draft::{Party, PartyEdit, Questionnaire};

/// The third parties End-User Data is shared with: one fieldset per row, add and remove, and
/// an undo for the last removal.
#[component]
pub fn ThirdPartiesField(question: &'static Question) -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    let parties = questionnaire.parties();
    let count = crate::erased::memo(move |_| parties.count());
    let removed = RwSignal::new(None::<(usize, ThirdParty)>);

    let add = move |_| {
        questionnaire.add_party();
        removed.set(None);
        crate::focus::focus_by_id_later(third_party_input_id(
            question.id,
            count.get_untracked() - 1,
            ThirdPartyColumn::Name,
        ));
    };
    let remove = Callback::new(move |index: usize| {
        if let Some(row) = questionnaire.remove_party(index) {
            removed.set(Some((index, row)));
        }
    });
    let undo = move |_| {
        if let Some((index, row)) = removed.get_untracked() {
            questionnaire.insert_party(index, row);
            removed.set(None);
        }
    };

    view! {
        <fieldset class="third-parties" id=control_id(question.id) aria-describedby=described_by(question.id)>
            <QuestionLegend question />
            {by_position(count.into(), Arc::new(move |index| view! { <ThirdPartyRow question index remove /> }.into_any()))}
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

/// One row: its own cells (`draft::Party`), so typing in it re-renders nothing else.
#[component]
fn ThirdPartyRow(question: &'static Question, index: usize, remove: Callback<usize>) -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    let row = questionnaire.parties().row(index);
    let id = move |column| third_party_input_id(question.id, index, column);
    let label = |column| third_party_field(column).label;
    let title = move || {
        row.name.with(|name| match name.trim() {
            "" => format!("Third party {}", index + 1),
            name => name.to_owned(),
        })
    };
    view! {
        <fieldset class="third-party-row" data-row=index>
            <legend>{title}</legend>
            <RowText question index column=ThirdPartyColumn::Name row />
            <RowText question index column=ThirdPartyColumn::Domain row />
            <label for=id(ThirdPartyColumn::Countries)>{label(ThirdPartyColumn::Countries)}</label>
            <ChipsInput
                id=id(ThirdPartyColumn::Countries)
                list_label="Countries added".to_owned()
                items=row.countries
                on_change=Callback::new(move |countries| questionnaire.edit_party(index, PartyEdit::Countries(countries)))
                suggestions=COUNTRIES
                shared_list=countries_list_id(question.id)
            />
            <RowText question index column=ThirdPartyColumn::Purpose row />
            <button type="button" class="secondary remove-third-party" on:click=move |_| remove.run(index)>
                {move || format!("Remove {}", title())}
            </button>
        </fieldset>
    }
}

/// One free-text cell of a row (name, domain or purpose), labelled from the catalogue.
#[component]
fn RowText(question: &'static Question, index: usize, column: ThirdPartyColumn, row: Party) -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    let id = third_party_input_id(question.id, index, column);
    let checks = super::checks::Checks::expect();
    let text = match column {
        ThirdPartyColumn::Name => row.name,
        ThirdPartyColumn::Domain => row.domain,
        _ => row.purpose,
    };
    // The row's errors, read only once the question's errors show.
    let invalid = move || {
        let about = |error: &FieldError| matches!(error.part, Some(FieldPart::ThirdParty { column: which, .. }) if which.is_none_or(|c| c == column));
        (checks.showing(question.id) && row.errors.with(|errors| errors.iter().any(about))).then_some("true")
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        let edit = match column {
            ThirdPartyColumn::Name => PartyEdit::Name(text),
            ThirdPartyColumn::Domain => PartyEdit::Domain(text),
            _ => PartyEdit::Purpose(text),
        };
        questionnaire.edit_party(index, edit);
    };
    view! {
        <label for=id.clone()>{third_party_field(column).label}</label>
        <input
            class="text-input"
            type="text"
            id=id
            inputmode=(column == ThirdPartyColumn::Domain).then_some("url")
            aria-invalid=invalid
            prop:value=text
            on:input=on_input
        />
    }
}

/// One list of countries for every row's picker.
fn countries_list_id(question_id: QuestionId) -> String {
    format!("{}-countries", control_id(question_id))
}
