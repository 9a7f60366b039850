use leptos::prelude::*;
use questionnaire::completeness::summary;
use questionnaire::Answers;

use super::{ChangeSummary, ListingTab};

/// The tab beside the form, updating as the partner types, with how much of each view is
/// answered and what submitting would change.
#[component]
pub fn PreviewPane(
    #[prop(into)] answers: Signal<Answers>,
    #[prop(into)] live: Signal<Option<Answers>>,
) -> impl IntoView {
    let progress = Memo::new(move |_| answers.with(summary));
    let line = move || {
        let progress = progress.get();
        format!(
            "Default view: {} of {} answered · Expanded view: {} of {} answered",
            progress.default.answered, progress.default.total, progress.expanded.answered, progress.expanded.total
        )
    };
    view! {
        <aside id="preview-pane" class="preview-pane" aria-label="Preview of your listing tab">
            <p class="preview-pane-title">"Preview: what customers will see"</p>
            <p class="completeness" role="status">{line}</p>
            <ListingTab answers live />
            <ChangeSummary answers live />
        </aside>
    }
}
