use leptos::prelude::*;
use questionnaire::Answers;

use crate::api::{Marketplace, RuntimeConfig};
use crate::connect::{ConnectPanel, Connection, SubmitPanel};
use crate::draft::{DraftPanel, DraftStore};
use crate::form::QuestionnaireForm;
use crate::state::Questionnaire;

/// The whole partner-facing page: who we are talking to, the questionnaire, and its draft.
#[component]
pub fn App() -> impl IntoView {
    let config = use_context::<RuntimeConfig>().unwrap_or_default();
    let connection = Connection::provide(&config);
    let questionnaire = Questionnaire::provide(Answers::new());
    let drafts = DraftStore::start(connection.app_key, questionnaire.answers);
    Marketplace::provide(connection, questionnaire, drafts);

    view! {
        <header class="page-header">
            <h1>"Privacy & Security tab"</h1>
            <p class="lede">"Fill in, check and submit the Privacy & Security tab of your Marketplace cloud app listing."</p>
        </header>
        <main class="page">
            <ConnectPanel />
            <DraftPanel drafts />
            <QuestionnaireForm />
            <SubmitPanel />
        </main>
    }
}
