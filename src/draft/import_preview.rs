use leptos::html;
use leptos::prelude::*;
use questionnaire::draft::{AnswerChange, Draft, ImportKind};
use questionnaire::session::Source;

use super::store::DraftStore;
use crate::form::control_id;
use crate::routes::{Nav, Page};

/// The form's element `id`, from any page (a review link's page too, whose own fragment holds
/// its answers).
fn on_form(id: &str) -> String {
    match use_context::<Nav>() {
        Some(nav) => nav.href(Page::Form, false, id),
        None => format!("#{id}"),
    }
}

/// A file read and understood, waiting for the partner to look at its changes.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    pub file_name: String,
    pub kind: ImportKind,
    /// Where the answers come from (a file, a review link, another app's draft).
    pub source: Source,
    /// The app key the file names, when it is not the current one.
    pub other_app: Option<String>,
    pub changes: Vec<AnswerChange>,
    pub draft: Draft,
}

/// What an import will change, question by question (before → after), with "Apply" and
/// "Cancel". Nothing changes until "Apply". Each question links to it on the form.
#[component]
pub fn ImportPreview(
    drafts: DraftStore,
    pending: PendingImport,
    on_done: Callback<()>,
    /// Runs once the import is applied (after `on_done`).
    #[prop(optional)]
    on_applied: Option<Callback<()>>,
) -> impl IntoView {
    let PendingImport { file_name, kind, source, other_app, changes, draft } = pending;
    let shell = crate::shell::Shell::expect();
    let heading = NodeRef::<html::H2>::new();
    request_animation_frame(move || drop(heading.get_untracked().map(|h| h.focus())));
    let what = match (&source, kind) {
        (Source::OtherApp(_), _) => "another app's answers",
        (_, kind) => what_kind(kind),
    };
    let open_app = drafts.app_key().get_untracked();
    let replaces = match other_app {
        Some(other) => format!(
            "This was saved for the app “{other}”. Importing its answers replaces your draft of “{open_app}”; its Marketplace record stays {open_app}'s own."
        ),
        None => format!("Importing it replaces your draft of “{open_app}”. You can undo that until the next import or discard."),
    };
    let other_app = view! { <p class="import-other-app import-replaces">{replaces}</p> };
    let summary = match changes.len() {
        0 => "It holds the same answers as your draft: importing changes nothing you can see.".to_owned(),
        1 => "Importing it changes 1 answer:".to_owned(),
        n => format!("Importing it changes {n} answers:"),
    };
    let rows = changes
        .into_iter()
        .map(|change| {
            let label = match change.question {
                Some(question) => view! { <a href=on_form(&control_id(question.id))>{change.label}</a> }.into_any(),
                None => view! { <span>{change.label}</span> }.into_any(),
            };
            view! {
                <li class="import-change" data-question-id=change.id>
                    {label} ": "
                    <span class="before">{change.before}</span>
                    " → "
                    <span class="after">{change.after}</span>
                </li>
            }
        })
        .collect_view();
    let apply_name = file_name.clone();
    let draft = StoredValue::new(draft);
    let apply = move |_| {
        shell.import(draft.get_value(), source.clone(), apply_name.clone());
        on_done.run(());
        if let Some(on_applied) = on_applied {
            on_applied.run(());
        }
    };
    view! {
        <div class="draft-notice info import-preview" role="region" aria-labelledby="import-preview-title">
            <h2 class="notice-title" id="import-preview-title" tabindex="-1" node_ref=heading>
                {format!("Import “{file_name}”?")}
            </h2>
            <p>{format!("This is {what}. {summary}")}</p>
            {other_app}
            <ul class="import-changes">{rows}</ul>
            <button type="button" class="primary apply-import" on:click=apply>"Apply import"</button>
            <button type="button" class="secondary cancel-import" on:click=move |_| on_done.run(())>"Cancel"</button>
        </div>
    }
}

fn what_kind(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Export => "a privacy-tab export",
        ImportKind::Draft => "a privacy-tab draft",
        ImportKind::ApiBody | ImportKind::TrustInfo => "a Marketplace Privacy & Security document",
        ImportKind::ReviewLink => "a review link: the answers its tab shows, without answers to hidden questions",
    }
}
