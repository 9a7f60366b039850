use leptos::prelude::*;
use questionnaire::Answers;

use crate::api::{live_answers, Marketplace, RuntimeConfig};
use crate::connect::{ConnectPanel, Connection, SubmitPanel};
use crate::draft::{DraftPanel, DraftStore};
use crate::form::QuestionnaireForm;
use crate::preview::{PreviewPage, Rows, Workspace};
use crate::state::Questionnaire;

/// The whole partner-facing page: who we are talking to, the questionnaire beside its preview,
/// and its draft; "Save and preview" swaps the form for the full-page preview.
#[component]
pub fn App() -> impl IntoView {
    let config = use_context::<RuntimeConfig>().unwrap_or_default();
    let connection = Connection::provide(&config);
    let questionnaire = Questionnaire::provide(Answers::new());
    let drafts = DraftStore::start(connection.app_key, questionnaire);
    let marketplace = Marketplace::provide(connection, questionnaire, drafts);
    let live = live_answers(marketplace);
    let rows = Rows::of_questionnaire(questionnaire, live);
    let settled = questionnaire.settled();
    // The full-page preview: shown only while the form (hidden) cannot be typed in.
    let answers = Signal::derive(move || questionnaire.snapshot());
    let previewing = RwSignal::new(false);
    // "Submit and publish" opens the submit review under the form, where the credentials are.
    let submit_and_publish = Callback::new(move |_| {
        previewing.set(false);
        marketplace.submission.review();
        crate::preview::reveal("submit-review-heading");
    });

    view! {
        <header class="page-header">
            <h1>"Privacy & Security tab"</h1>
            <p class="lede">"Fill in, check and submit the Privacy & Security tab of your Marketplace cloud app listing."</p>
        </header>
        <main class="page" class:previewing=previewing>
            // Hidden, not removed, while previewing: nothing half-typed is lost on the way back.
            <div class="editing" hidden=previewing>
                <Workspace rows answers=settled live>
                    <ConnectPanel />
                    <DraftPanel drafts />
                    <QuestionnaireForm on_preview=move |_| previewing.set(true) />
                    <SubmitPanel />
                </Workspace>
            </div>
            <Show when=move || previewing.get()>
                <PreviewPage
                    rows
                    answers
                    live
                    app_key=connection.app_key
                    api_base=connection.api_base
                    live_embeddable=connection.api_version == crate::api::ApiVersion::V2
                    on_edit=Callback::new(move |_| {
                        previewing.set(false);
                        crate::preview::reveal("save-and-preview");
                    })
                    on_submit=submit_and_publish
                />
            </Show>
        </main>
    }
}
