use leptos::prelude::*;
use questionnaire::draft::{changes, import, Draft, ImportKind};
use questionnaire::session::Source;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::files::read_text;
use super::import_preview::{ImportPreview, PendingImport};
use super::status::fixed;
use super::store::DraftStore;

/// The command line stops reading at the same size.
const LARGEST_FILE_BYTES: f64 = questionnaire::draft::LARGEST_FILE_BYTES as f64;

#[derive(Clone, Debug, PartialEq)]
pub enum ImportState {
    Idle,
    Invalid { file_name: String, problem: String },
    Ready(Box<PendingImport>),
}

/// "Import a draft": reads a JSON file, shows what it would change, applies it only when asked.
/// A file that is not a draft or an API document changes nothing and says why.
#[component]
pub fn ImportButton(drafts: DraftStore) -> impl IntoView {
    let state = RwSignal::new(ImportState::Idle);

    let picked = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = ev.target().expect("a change has a target").unchecked_into();
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        // The same file can be picked again after a cancel.
        input.set_value("");
        let file_name = file.name();
        if file.size() > LARGEST_FILE_BYTES {
            let problem =
                format!("It is {} MB; a draft is far smaller, so this is not one.", fixed(file.size() / 1e6, 1));
            state.set(ImportState::Invalid { file_name, problem });
            return;
        }
        leptos::task::spawn_local(async move {
            state.set(match read_text(&file).await {
                Err(problem) => ImportState::Invalid { file_name, problem },
                Ok(text) => read_import(drafts, &text, file_name),
            });
        });
    };

    view! {
        <span class="import-draft">
            <input type="file" id="import-file" class="visually-hidden file-input" accept=".json,application/json"
                on:change=picked />
            <label for="import-file" class="secondary button-like">"Import a draft…"</label>
        </span>
        {move || match state.get() {
            ImportState::Idle => ().into_any(),
            ImportState::Invalid { file_name, problem } => view! {
                <div class="draft-notice warning import-invalid" role="alert">
                    <p>{format!("“{file_name}” was not imported: {problem} Nothing was changed.")}</p>
                    <button type="button" class="secondary" on:click=move |_| state.set(ImportState::Idle)>"Close"</button>
                </div>
            }.into_any(),
            ImportState::Ready(pending) => view! {
                <ImportPreview drafts pending=*pending on_done=Callback::new(move |()| state.set(ImportState::Idle)) />
            }.into_any(),
        }}
    }
}

fn read_import(drafts: DraftStore, text: &str, file_name: String) -> ImportState {
    let current: Draft = drafts.draft();
    match import(text, &current.app_key, crate::platform::epoch_ms()) {
        Err(error) => ImportState::Invalid { file_name, problem: error.to_string() },
        Ok(imported) => {
            let other_app = (matches!(imported.kind, ImportKind::Export | ImportKind::Draft)
                && imported.draft.app_key != current.app_key)
                .then(|| imported.draft.app_key.clone());
            let source = Source::File { name: file_name.clone(), app: other_app.clone() };
            ImportState::Ready(Box::new(PendingImport {
                file_name,
                kind: imported.kind,
                source,
                other_app,
                changes: changes(&current.answers, &imported.draft.answers),
                draft: imported.draft,
            }))
        }
    }
}
