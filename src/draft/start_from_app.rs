use leptos::prelude::*;
use questionnaire::draft::{changes, Draft, ImportKind};
use questionnaire::session::Source;
use questionnaire::wire::from_trust_info;
use questionnaire::Answers;

use super::import_preview::{ImportPreview, PendingImport};
use super::storage;
use super::store::DraftStore;
use crate::api::{read_version, Marketplace, Version};
use crate::erased::Shown;

/// "Start from another app's answers": vendors with many apps answer the same questions again
/// and again. Copies the answers (never the record) of another app's draft in this browser, or
/// else of its live version, shown first as an import of what it would change, and undoable.
#[component]
pub fn StartFromApp(drafts: DraftStore) -> impl IntoView {
    let open = RwSignal::new(false);
    let other = RwSignal::new(String::new());
    // Read when the partner opens this, never while rendering.
    let known = RwSignal::new(Vec::<String>::new());
    let problem = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<PendingImport>);
    let marketplace = use_context::<Marketplace>();

    let toggle = move |_| {
        open.update(|open| *open = !*open);
        let here = drafts.app_key().get_untracked();
        known.set(storage::app_keys_with_drafts().into_iter().filter(|key| *key != here).collect());
    };
    let offer = move |from: String, answers: Answers| {
        let current = drafts.draft();
        problem.set(None);
        pending.set(Some(PendingImport {
            file_name: format!("the answers of {from}"),
            // Said by its source: another app's answers.
            kind: ImportKind::Draft,
            source: Source::OtherApp(from),
            other_app: None,
            changes: changes(&current.answers, &answers),
            draft: Draft::new(current.app_key, answers, crate::platform::epoch_ms()),
        }));
    };
    let copy = move |_| {
        let from = other.get_untracked().trim().to_owned();
        if from.is_empty() || from == drafts.app_key().get_untracked() {
            problem.set(Some("Enter the key of another app.".to_owned()));
            return;
        }
        if let Some(draft) = storage::read_draft(&from).and_then(|text| Draft::parse(&text).ok()) {
            return offer(from, draft.answers);
        }
        let Some(marketplace) = marketplace else { return };
        let target = crate::api::Target { key: from.clone(), ..marketplace.connection.target() };
        leptos::task::spawn_local(async move {
            match read_version(&target, Version::Live, None).await {
                Ok(raw) => offer(from, from_trust_info(&raw)),
                Err(_) => problem.set(Some(format!(
                    "This browser holds no draft of {from}, and its live version could not be read. Nothing was changed."
                ))),
            }
        });
    };

    view! {
        <button type="button" class="secondary start-from-app" aria-expanded=move || open.get().to_string() on:click=toggle>
            "Start from another app's answers…"
        </button>
        <Shown when=move || open.get()>
            <div class="draft-notice info start-from-app-form">
                <label for="start-from-app-key">"Copy the answers of the app"</label>
                <input id="start-from-app-key" type="text" list="start-from-app-known" prop:value=move || other.get()
                    on:input=move |ev| other.set(event_target_value(&ev)) />
                <datalist id="start-from-app-known">
                    {move || known.get().into_iter().map(|key| view! { <option value=key></option> }).collect_view()}
                </datalist>
                <button type="button" class="secondary" id="start-from-app-copy" on:click=copy>"Copy its answers"</button>
                <p class="hint">"Its draft in this browser, or else its live version: answers only, never its Marketplace record. You see what changes before anything does."</p>
                {move || problem.get().map(|text| view! { <p class="error-message" role="alert">{text}</p> })}
            </div>
        </Shown>
        {move || pending.get().map(|pending_import| view! {
            <ImportPreview drafts pending=pending_import on_done=Callback::new(move |()| {
                pending.set(None);
                open.set(false);
            }) />
        })}
    }
}
