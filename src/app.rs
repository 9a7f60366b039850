use leptos::prelude::*;
use questionnaire::Answers;

use crate::api::{live_answers, Submission};
use crate::connect::{ConnectPanel, Connection};
use crate::draft::{AutosaveStatus, DraftStore};
use crate::form::QuestionnaireForm;
use crate::preview::{PreviewPage, Workspace};
use crate::state::Questionnaire;

/// The whole partner-facing page: who we are talking to, the questionnaire beside its preview,
/// and its draft; "Save and preview" swaps the form for the full-page preview.
#[component]
pub fn App() -> impl IntoView {
    let connection = Connection::provide();
    let questionnaire = Questionnaire::provide(Answers::new());
    let drafts = DraftStore::start(connection.app_key, questionnaire.answers);
    let answers: Signal<Answers> = questionnaire.answers.into();
    let live = live_answers(connection);
    let previewing = RwSignal::new(false);
    let submission = Submission::new(connection);

    view! {
        <header class="page-header">
            <h1>"Privacy & Security tab"</h1>
            <p class="lede">"Fill in, check and submit the Privacy & Security tab of your Marketplace cloud app listing."</p>
        </header>
        <main class="page" class:previewing=previewing>
            // Hidden, not removed, while previewing: nothing half-typed is lost on the way back.
            <div class="editing" hidden=previewing>
                <Workspace answers live>
                    <ConnectPanel />
                    <AutosaveStatus drafts />
                    <QuestionnaireForm on_preview=move |_| previewing.set(true) />
                </Workspace>
            </div>
            <Show when=move || previewing.get()>
                <PreviewPage
                    answers
                    live
                    app_key=connection.app_key
                    api_base=connection.api_base
                    on_edit=Callback::new(move |_| previewing.set(false))
                    on_submit=Callback::new(move |_| submission.submit())
                    submit_status=Signal::derive(move || submission.message())
                    submitting=Signal::derive(move || submission.pending())
                />
            </Show>
        </main>
    }
}
