use leptos::prelude::*;
use questionnaire::listing::NOT_PROVIDED;

/// What the tab shows for an unanswered question (the spec's FAQ).
#[component]
pub fn NotProvided() -> impl IntoView {
    view! { <span class="not-provided">{NOT_PROVIDED}</span> }
}
