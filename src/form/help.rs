use leptos::prelude::*;
use questionnaire::catalogue::Question;

use super::help_id;

/// The question's plain-English explanation, as a disclosure under the field (so it never
/// covers what is being typed): opened by click, tap, Enter or Space, closed the same way or
/// with Escape.
#[component]
pub fn Help(question: &'static Question) -> impl IntoView {
    let open = RwSignal::new(false);
    let summary_ref = NodeRef::<leptos::html::Summary>::new();
    view! {
        <details
            class="help"
            prop:open=open
            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    ev.prevent_default();
                    open.set(false);
                    if let Some(summary) = summary_ref.get_untracked() {
                        let _ = summary.focus();
                    }
                }
            }
        >
            <summary node_ref=summary_ref>"What does this mean?"</summary>
            <p class="help-text" id=help_id(question.id)>{question.help()}</p>
        </details>
    }
}
