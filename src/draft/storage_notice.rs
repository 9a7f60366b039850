use leptos::prelude::*;

use super::export_button::ExportButton;
use super::files::{download_json, file_name};
use super::store::{DraftStore, KeptOriginal};

/// Tells the partner at once when storage fails them: a write refused (they work on in
/// memory and can export), or a stored draft that could not be kept as it was (they can
/// download the original text).
#[component]
pub fn StorageNotice(drafts: DraftStore) -> impl IntoView {
    let write_failed = move || {
        drafts.write_failed().then(|| {
            view! {
                <div class="draft-notice warning write-failed">
                    <p>
                        "This browser is not letting us save your draft (its storage is full or turned off). "
                        "Your answers stay here while this tab is open; export them to a file to keep them safe."
                    </p>
                    <ExportButton drafts label="Export your answers" />
                </div>
            }
        })
    };
    let kept = move || drafts.kept().map(|kept| view! { <KeptOriginalNotice drafts kept /> });
    view! {
        <div class="storage-notice" role="alert">
            {write_failed}
            {kept}
        </div>
    }
}

#[component]
fn KeptOriginalNotice(drafts: DraftStore, kept: KeptOriginal) -> impl IntoView {
    let KeptOriginal { text, unreadable, backup_key } = kept;
    let app_key = drafts.app_key().get_untracked();
    let (headline, class) = match &unreadable {
        Some(reason) => {
            (format!("Your saved draft could not be opened. {reason} You are starting from an empty form."), "warning")
        }
        None => (
            "Your saved draft was written by an earlier version of this app and has been converted.".to_owned(),
            "info",
        ),
    };
    let where_kept = match backup_key {
        Some(key) => format!("The original text is kept in this browser (under “{key}”), and you can download it."),
        None => "This browser has no room for a copy of the original text, so nothing is saved over it until you download it.".to_owned(),
    };
    let download = move |_| {
        if download_json(&file_name("saved-text", &app_key, crate::platform::epoch_ms()), &text) {
            drafts.original_downloaded();
        }
    };
    view! {
        <div class=format!("draft-notice {class} kept-original")>
            <p>{headline}</p>
            <p>{where_kept}</p>
            <button type="button" class="secondary download-original" on:click=download>
                "Download the original text"
            </button>
        </div>
    }
}
