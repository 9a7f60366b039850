use leptos::prelude::*;
use questionnaire::Answers;

use super::{PreviewPane, Rows};

/// The form with the preview beside it on wide screens; on narrow ones a switch shows one or
/// the other (CSS decides which layout applies, so nothing re-renders on resize).
#[component]
pub fn Workspace(
    rows: Rows,
    /// The answers as of the last pause in typing.
    #[prop(into)]
    answers: Signal<Answers>,
    #[prop(into)] live: Signal<Option<Answers>>,
    children: Children,
) -> impl IntoView {
    let showing_preview = RwSignal::new(false);
    let switch = move |preview: bool, label: &'static str, id: &'static str| {
        let node = NodeRef::new();
        crate::first_page::presses::apply_early_presses(node, move || showing_preview.set(preview));
        view! {
            <button
                node_ref=node
                type="button"
                id=id
                class="pane-button"
                aria-pressed=move || (showing_preview.get() == preview).to_string()
                on:click=move |_| showing_preview.set(preview)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="workspace" class:showing-preview=showing_preview>
            <div class="pane-switch" role="group" aria-label="Show">
                {switch(false, "Form", "show-form")}
                {switch(true, "Preview", "show-preview")}
            </div>
            <div class="workspace-form">{children()}</div>
            <PreviewPane rows answers live />
        </div>
    }
}
