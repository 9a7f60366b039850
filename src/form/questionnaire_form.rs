use leptos::prelude::*;
use questionnaire::catalogue::{Source, SECTIONS};

use super::QuestionField;

/// Every section and question of the catalogue; each question shows or hides itself.
#[component]
pub fn QuestionnaireForm() -> impl IntoView {
    let sections = SECTIONS.iter().map(|section| {
        let questions = section
            .questions
            .iter()
            .filter(|question| question.source == Source::Partner)
            .map(|question| view! { <QuestionField question /> })
            .collect_view();
        view! {
            <section class="form-section" id=format!("section-{}", section.id)>
                <h2>{section.title}</h2>
                {questions}
            </section>
        }
    });
    view! {
        <form class="questionnaire" novalidate on:submit=|ev| ev.prevent_default()>
            {sections.collect_view()}
        </form>
    }
}
