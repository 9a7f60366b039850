use std::sync::Arc;

use leptos::prelude::*;
use questionnaire::validation::already_listed;

use super::by_position::by_position;

/// Several short strings as removable chips, and a box to add one: Enter or "Add" adds what is
/// typed, Backspace in the empty box removes the last chip. Suggestions come from a datalist,
/// which also filters as the partner types.
#[component]
pub fn ChipsInput(
    /// The id of the text box, for its label.
    id: String,
    /// What the chips' list is called, for screen readers ("Data types added").
    list_label: String,
    #[prop(into)] items: Signal<Vec<String>>,
    on_change: Callback<Vec<String>>,
    suggestions: &'static [&'static str],
    /// A `<datalist>` rendered once elsewhere and shared (the 250 countries of every
    /// third-party row); otherwise this input renders its own from `suggestions`.
    #[prop(optional, into)]
    shared_list: Option<String>,
    /// The id of what names the text box, when that is not a `<label>` of it alone.
    #[prop(optional, into)]
    labelled_by: Option<String>,
    #[prop(optional, into)] described_by: Option<String>,
    /// Whether an error shown for the list is about it (`aria-invalid`).
    #[prop(optional, into)]
    invalid: Option<Signal<bool>>,
    #[prop(optional, into)] on_blur: Option<Callback<()>>,
) -> impl IntoView {
    let (typed, set_typed) = signal(String::new());
    let own_list = shared_list.is_none();
    let datalist_id = shared_list.unwrap_or_else(|| format!("{id}-suggestions"));

    let add = move || {
        let entry = typed.get_untracked().trim().to_owned();
        if entry.is_empty() {
            return;
        }
        let mut list = items.get_untracked();
        if !already_listed(&list, &entry) {
            list.push(entry);
            on_change.run(list);
        }
        set_typed.set(String::new());
    };
    let remove = move |index: usize| {
        let mut list = items.get_untracked();
        if index < list.len() {
            list.remove(index);
            on_change.run(list);
        }
    };

    view! {
        <ul class="chips" aria-label=list_label>
            {by_position(
                Signal::derive(move || items.with(Vec::len)),
                Arc::new(move |index| {
                    let item = move || items.with(|list| list.get(index).cloned().unwrap_or_default());
                    view! {
                        <li class="chip">
                            <span>{item}</span>
                            <button
                                type="button"
                                class="chip-remove"
                                aria-label=move || format!("Remove {}", item())
                                on:click=move |_| remove(index)
                            >
                                "×"
                            </button>
                        </li>
                    }
                    .into_any()
                }),
            )}
        </ul>
        <div class="list-entry">
            <input
                class="text-input"
                type="text"
                id=id
                list=datalist_id.clone()
                aria-labelledby=labelled_by
                aria-describedby=described_by
                aria-invalid=move || invalid.is_some_and(|invalid| invalid.get()).then_some("true")
                prop:value=typed
                on:input=move |ev| set_typed.set(event_target_value(&ev))
                on:blur=move |_| {
                    add();
                    if let Some(on_blur) = on_blur {
                        on_blur.run(());
                    }
                }
                on:keydown=move |ev| match ev.key().as_str() {
                    "Enter" => {
                        ev.prevent_default();
                        add();
                    }
                    "Backspace" if typed.with_untracked(String::is_empty) => {
                        let count = items.with_untracked(Vec::len);
                        if count > 0 {
                            remove(count - 1);
                        }
                    }
                    _ => {}
                }
            />
            <button type="button" class="secondary" on:click=move |_| add()>"Add"</button>
        </div>
        {own_list.then(|| view! { <Suggestions id=datalist_id suggestions /> })}
    }
}

/// The suggestions a text box offers and filters as the partner types.
#[component]
pub fn Suggestions(id: String, suggestions: &'static [&'static str]) -> impl IntoView {
    view! {
        <datalist id=id>
            {suggestions.iter().map(|suggestion| view! { <option value=*suggestion></option> }).collect_view()}
        </datalist>
    }
}
