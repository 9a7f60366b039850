use leptos::prelude::*;
use questionnaire::Answers;

use super::{ChangeSummary, ListingTabRows, Rows};

/// The tab beside the form, updating as the partner types, and what submitting would change.
/// (How complete each view is, the form's own meter says.)
#[component]
pub fn PreviewPane(
    rows: Rows,
    /// The answers as of the last pause in typing (the change summary compares them all).
    #[prop(into)]
    answers: Signal<Answers>,
    #[prop(into)] live: Signal<Option<Answers>>,
) -> impl IntoView {
    view! {
        <aside id="preview-pane" class="preview-pane" aria-label="Preview of your listing tab">
            <p class="preview-pane-title">"Preview: what customers will see"</p>
            <ListingTabRows rows />
            <ChangeSummary answers live />
        </aside>
    }
}
