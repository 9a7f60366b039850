use leptos::prelude::*;

/// Several short answers (data types, locations, certifications), one per item.
#[component]
pub fn ListValue(items: Vec<String>) -> impl IntoView {
    view! {
        <ul class="value-list">
            {items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
        </ul>
    }
}
