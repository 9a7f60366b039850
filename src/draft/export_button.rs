use leptos::prelude::*;
use questionnaire::draft::export_json;

use super::files::{download_json, file_name};
use super::store::DraftStore;

/// Downloads the draft as a JSON file: its own fields plus the v2 `appTrustInformation`
/// body a submit would send. Credentials are never part of a draft, so never of the file.
#[component]
pub fn ExportButton(drafts: DraftStore, #[prop(into)] label: String) -> impl IntoView {
    let export = move |_| {
        let draft = drafts.draft();
        download_json(&file_name("draft", &draft.app_key, draft.saved_at), &export_json(&draft));
    };
    view! {
        <button type="button" class="secondary export-draft" on:click=export>
            {label}
        </button>
    }
}
