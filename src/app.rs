use leptos::prelude::*;
use questionnaire::Answers;

use crate::api::{live_answers, Marketplace, RuntimeConfig, Submission};
use crate::connect::{ConnectPanel, Connection, SubmitPanel};
use crate::draft::{DraftPanel, DraftStore, Questionnaire};
use crate::erased::Shown;
use crate::form::QuestionnaireForm;
use crate::preview::{PreviewPage, ReviewPage, Rows, Workspace};
use crate::routes::{app_in_address, Nav, Page};
use crate::shell::Shell;

/// The whole partner-facing page, at every address of `crate::routes`. Rendered at build time
/// (no browser: the renderer provides the form's address) it is the form's page, the same tree
/// the browser then hydrates.
#[component]
pub fn App() -> impl IntoView {
    view! { <Pages /> }
}

/// Who we are talking to, the questionnaire beside its preview and its draft; the full-page
/// preview, the submit review and a review link each at their own address.
#[component]
fn Pages() -> impl IntoView {
    let config = use_context::<RuntimeConfig>().unwrap_or_default();
    let questionnaire = Questionnaire::provide(Answers::new());
    let drafts = DraftStore::start(app_in_address(), questionnaire);
    let connection = Connection::provide(&config, drafts.app_key());
    let shell = Shell::provide(drafts, questionnaire, connection);
    let nav = Nav::provide(shell);
    crate::first_page::snapshot::keep_on_leave(nav.page, drafts);
    let marketplace = Marketplace::provide(connection, questionnaire, drafts, shell);
    let live = live_answers(marketplace);
    let rows = Rows::of_questionnaire(questionnaire, live);
    let settled = questionnaire.settled();
    let answers = Signal::derive(move || questionnaire.snapshot());
    let page = nav.page;
    // The form stays (hidden) on the other pages: nothing half-typed is lost on the way back.
    let on_form = move || matches!(page.get(), Page::Form | Page::Submit);
    arrive(nav, drafts, marketplace.submission);
    crate::first_page::typed::adopt_connection(shell);

    view! {
        <header class="page-header">
            <h1>"Privacy & Security tab"</h1>
            <p class="lede">"Fill in, check and submit the Privacy & Security tab of your Marketplace cloud app listing."</p>
        </header>
        <main class="page" class:previewing=move || !on_form()>
            <div class="editing" hidden=move || !on_form()>
                <Workspace rows answers=settled live>
                    <ConnectPanel />
                    <DraftPanel drafts />
                    <QuestionnaireForm on_preview=move |_| nav.go(Page::Preview) />
                    <SubmitPanel />
                </Workspace>
            </div>
            <Shown when=move || page.get() == Page::Preview>
                <PreviewPage
                    rows
                    answers
                    live
                    app_key=connection.app_key
                    api_base=connection.api_base
                    live_embeddable=connection.api_version == crate::api::ApiVersion::V2
                    on_edit=Callback::new(move |_| nav.go(Page::Form))
                    on_submit=Callback::new(move |_| nav.go(Page::Submit))
                />
            </Shown>
            <Shown when=move || matches!(page.get(), Page::Review | Page::Import)>
                <ReviewPage drafts import_at_once=page.get_untracked() == Page::Import />
            </Shown>
            <Shown when=move || page.get() == Page::NotFound>
                <section class="preview-page-bar" aria-labelledby="not-found-title">
                    <h2 id="not-found-title">"There is no such page"</h2>
                    <p><a href=move || nav.href(Page::Form, false, "")>"Go to the form"</a></p>
                </section>
            </Shown>
        </main>
    }
}

/// What arriving at a page does, however the partner got there (a button, Back or Forward, an
/// address typed or shared): its title, and focus where a keyboard user expects it. A page
/// that moves focus itself (the previews: to their heading) is left to do so.
fn arrive(nav: Nav, drafts: DraftStore, submission: Submission) {
    Effect::new(move |came_from: Option<Page>| {
        let page = nav.page.get();
        document().set_title(page.title());
        let to_question = !nav.hash.get_untracked().is_empty();
        match (page, came_from) {
            // Opening the app: back to the question the partner was at.
            (Page::Form, None) if !to_question => {
                if let Some(id) = drafts.position() {
                    crate::focus::focus_question_later(id);
                }
            }
            (Page::Form, Some(Page::Submit)) if !to_question => crate::preview::reveal("submit-heading"),
            (Page::Form, Some(Page::Preview | Page::Review | Page::Import | Page::NotFound)) if !to_question => {
                crate::preview::reveal("save-and-preview")
            }
            (Page::Submit, _) => {
                submission.review();
                crate::preview::reveal("submit-review-heading");
            }
            _ => {}
        }
        page
    });
    // A link to a question or a section of the form (also the error summary's and the
    // completeness meter's, and another page's link to the form's `#q-…`).
    crate::erased::effect(move || {
        let hash = nav.hash.get();
        if nav.page.get() == Page::Form && !hash.is_empty() {
            crate::focus::focus_target_later(hash);
        }
    });
}
