use leptos::prelude::*;
use questionnaire::Answers;

use crate::connect::{ConnectPanel, Connection};
use crate::draft::{DraftPanel, DraftStore};
use crate::form::QuestionnaireForm;
use crate::state::Questionnaire;

/// The whole partner-facing page: who we are talking to, the questionnaire, and its draft.
#[component]
pub fn App() -> impl IntoView {
    let connection = Connection::provide();
    let questionnaire = Questionnaire::provide(Answers::new());
    let drafts = DraftStore::start(connection.app_key, questionnaire.answers);

    view! {
        <header class="page-header">
            <h1>"Privacy & Security tab"</h1>
            <p class="lede">"Fill in, check and submit the Privacy & Security tab of your Marketplace cloud app listing."</p>
        </header>
        <main class="page">
            <ConnectPanel />
            <DraftPanel drafts />
            <QuestionnaireForm />
        </main>
    }
}
