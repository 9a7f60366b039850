use leptos::prelude::*;
use questionnaire::catalogue::{Kind, Question};
use questionnaire::Answer;

use super::checks::Checks;
use super::question_label::QuestionLabel;
use super::{control_id, described_by, label_id};
use crate::draft::Questionnaire;

/// A single-line answer: free text, a link or an e-mail address. The text is kept exactly as
/// typed; checking it is the validator's job.
#[component]
pub fn TextField(question: &'static Question) -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    let checks = Checks::expect();
    let input_type = match question.kind {
        Kind::Link => "url",
        Kind::Email => "email",
        _ => "text",
    };
    view! {
        <QuestionLabel question />
        <input
            class="text-input"
            type=input_type
            id=control_id(question.id)
            aria-labelledby=label_id(question.id)
            aria-describedby=described_by(question.id)
            aria-invalid=move || checks.aria_invalid(question.id, |_| true)
            prop:value=move || questionnaire.with(question.id, |answer| match answer {
                Some(Answer::Text(text)) => text.clone(),
                _ => String::new(),
            })
            on:input=move |ev| questionnaire.set(question.id, Answer::Text(event_target_value(&ev)))
        />
    }
}
