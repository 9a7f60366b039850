use leptos::prelude::*;

use super::conflict_notice::ConflictNotice;
use super::discard_button::DiscardButton;
use super::export_button::ExportButton;
use super::import_button::ImportButton;
use super::kept_copies::KeptCopies;
use super::start_from_app::StartFromApp;
use super::status::AutosaveStatus;
use super::storage_notice::StorageNotice;
use super::store::DraftStore;

/// The draft at a glance: whether it is saved, anything that needs the partner, and the
/// export, import and discard actions.
#[component]
pub fn DraftPanel(drafts: DraftStore) -> impl IntoView {
    view! {
        <section class="draft-panel" aria-labelledby="draft-panel-title">
            <h2 id="draft-panel-title" class="visually-hidden">"Your draft"</h2>
            <AutosaveStatus drafts />
            <StorageNotice drafts />
            <ConflictNotice />
            <div class="draft-actions">
                <ExportButton drafts label="Export draft" />
                <ImportButton drafts />
                <StartFromApp drafts />
                <DiscardButton drafts />
            </div>
            <KeptCopies drafts />
        </section>
    }
}
