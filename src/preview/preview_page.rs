use leptos::prelude::*;
use questionnaire::Answers;

use super::review_link::CopyReviewLink;
use super::{ChangeSummary, EmbedSnippet, ListingTabRows, Rows};
use crate::routes::Nav;

/// "Save and preview": the tab as it will appear on the listing, full page, with what
/// submitting changes, "Edit draft" to go back and "Submit and publish" (the spec's steps 6–9),
/// a review link for a colleague, and the snippet that shows the tab on another site. The view
/// shown is in the page's address (`?view=expanded`).
#[component]
pub fn PreviewPage(
    /// The tab's rows, as the preview beside the form shows them.
    rows: Rows,
    #[prop(into)] answers: Signal<Answers>,
    #[prop(into)] live: Signal<Option<Answers>>,
    #[prop(into)] app_key: Signal<String>,
    #[prop(into)] api_base: Signal<String>,
    /// Whether the widget can read this app's live version by its key (v2 API).
    live_embeddable: bool,
    on_edit: Callback<()>,
    on_submit: Callback<()>,
) -> impl IntoView {
    let nav = Nav::expect();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Arriving here moves focus to the heading, so a screen reader announces the new page.
    heading.on_load(|heading| {
        request_animation_frame(move || {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            let _ = heading.focus();
        })
    });
    view! {
        <section id="preview-page" class="preview-page" aria-labelledby="preview-page-title">
            <div class="preview-page-bar">
                <h2 id="preview-page-title" tabindex="-1" node_ref=heading>"Preview of your Privacy & Security tab"</h2>
                <p class="hint">
                    "This is how the tab will read on your listing for "
                    <span class="app-key">{app_key}</span>
                    ". Check it, then submit and publish, or go back and edit your draft."
                </p>
                <div class="preview-actions">
                    <button type="button" id="edit-draft" class="secondary" on:click=move |_| on_edit.run(())>
                        "Edit draft"
                    </button>
                    <button type="button" id="submit-and-publish" class="primary" on:click=move |_| on_submit.run(())>
                        "Submit and publish"
                    </button>
                    <button type="button" id="print-preview" class="secondary" on:click=move |_| { let _ = window().print(); }>
                        "Print"
                    </button>
                </div>
                <CopyReviewLink answers expanded=nav.expanded />
                <p class="print-only print-title">"Privacy & Security information for " {app_key}</p>
            </div>
            <ChangeSummary answers live />
            <ListingTabRows
                rows
                expanded=nav.expanded.get_untracked()
                on_view=Callback::new(move |expanded| nav.show_view(expanded))
            />
            <EmbedSnippet app_key api_base answers live_embeddable />
        </section>
    }
}
