use leptos::prelude::*;
use questionnaire::catalogue::Question;
use questionnaire::Answer;

use super::{control_id, help_id};
use crate::state::Questionnaire;

/// A list of short strings: type one and press Enter (or "Add") to add it; remove with its
/// button. Suggestions come from the spec's examples.
#[component]
pub fn ListField(question: &'static Question, suggestions: &'static [&'static str]) -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    let items = Memo::new(move |_| questionnaire.answers.with(|answers| answers.list(question.id).to_vec()));
    let (typed, set_typed) = signal(String::new());
    let datalist_id = format!("{}-suggestions", control_id(question.id));

    let add = move || {
        let entry = typed.get_untracked().trim().to_owned();
        if entry.is_empty() {
            return;
        }
        let mut list = items.get_untracked();
        if !list.iter().any(|item| item.eq_ignore_ascii_case(&entry)) {
            list.push(entry);
            questionnaire.set(question.id, Answer::List(list));
        }
        set_typed.set(String::new());
    };
    let remove = move |index: usize| {
        let mut list = items.get_untracked();
        if index < list.len() {
            list.remove(index);
            questionnaire.set(question.id, Answer::List(list));
        }
    };

    view! {
        <label class="question-label" for=control_id(question.id)>{question.text}</label>
        <ul class="chips" aria-label="Added">
            {move || {
                items
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, item)| {
                        let label = format!("Remove {item}");
                        view! {
                            <li class="chip">
                                <span>{item}</span>
                                <button type="button" class="chip-remove" aria-label=label on:click=move |_| remove(index)>
                                    "×"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
        <div class="list-entry">
            <input
                class="text-input"
                type="text"
                id=control_id(question.id)
                list=datalist_id.clone()
                aria-describedby=help_id(question.id)
                prop:value=typed
                on:input=move |ev| set_typed.set(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        add();
                    }
                }
            />
            <button type="button" class="secondary" on:click=move |_| add()>"Add"</button>
        </div>
        <datalist id=datalist_id>
            {suggestions.iter().map(|suggestion| view! { <option value=*suggestion></option> }).collect_view()}
        </datalist>
    }
}
