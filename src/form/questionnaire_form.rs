use leptos::prelude::*;
use questionnaire::catalogue::{Source, SECTIONS};

use super::checks::Checks;
use super::completeness_meter::CompletenessMeter;
use super::error_summary::ErrorSummary;
use super::QuestionField;
use crate::draft::Questionnaire;

/// Every section and question of the catalogue; each question shows or hides itself.
/// `on_preview` runs when "Save and preview" finds nothing to fix.
#[component]
pub fn QuestionnaireForm(#[prop(optional, into)] on_preview: Option<Callback<()>>) -> impl IntoView {
    let checks = Checks::provide();
    crate::first_page::typed::adopt_answers(checks);
    let fields = Questionnaire::expect().fields();
    let hidden = crate::erased::memo(move |_| fields.iter().filter(|field| field.kept.get()).count());

    let save_and_preview = move |_| {
        checks.show_all.set(true);
        if checks.errors.with_untracked(Vec::is_empty) {
            if let Some(on_preview) = on_preview {
                on_preview.run(());
            }
        } else {
            crate::focus::focus_by_id_later("error-summary".to_owned());
        }
    };

    let sections = SECTIONS.iter().map(|section| {
        let questions = section
            .questions
            .iter()
            .filter(|question| question.source == Source::Partner)
            .map(|question| view! { <QuestionField question /> })
            .collect_view();
        view! {
            <section class="form-section" id=format!("section-{}", section.id) aria-labelledby=format!("section-{}-title", section.id)>
                <h2 id=format!("section-{}-title", section.id)>{section.title}</h2>
                {questions}
            </section>
        }
    });
    view! {
        <CompletenessMeter />
        <ErrorSummary />
        <p class="visually-hidden" aria-live="polite" id="error-announcer">{move || checks.announcement()}</p>
        <form class="questionnaire" novalidate on:submit=|ev| ev.prevent_default()>
            {sections.collect_view()}
            <p class="hidden-answers" role="status">
                // None rather than "": the page rendered at build time writes an empty text as a
                // space, which `:empty` (the stylesheet hides the empty note so) would not match.
                {move || match hidden.get() {
                    0 => None,
                    1 => Some("1 answer belongs to a question that your other answers now hide: it is kept here, but it will not be submitted or shown.".to_owned()),
                    n => Some(format!("{n} answers belong to questions that your other answers now hide: they are kept here, but they will not be submitted or shown.")),
                }}
            </p>
            <div class="form-actions">
                <button type="button" id="save-and-preview" class="primary" on:click=save_and_preview>
                    "Save and preview"
                </button>
            </div>
        </form>
    }
}
