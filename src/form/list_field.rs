use leptos::prelude::*;
use questionnaire::catalogue::Question;
use questionnaire::Answer;

use super::chips_input::ChipsInput;
use super::question_label::QuestionLabel;
use super::{control_id, described_by, label_id};
use crate::draft::Questionnaire;

/// A list of short strings, such as End-User Data types.
#[component]
pub fn ListField(question: &'static Question, suggestions: &'static [&'static str]) -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    let checks = super::checks::Checks::expect();
    let items = crate::erased::memo(move |_| {
        questionnaire.with(question.id, |answer| match answer {
            Some(Answer::List(items)) => items.clone(),
            _ => Vec::new(),
        })
    });
    view! {
        <QuestionLabel question />
        <ChipsInput
            id=control_id(question.id)
            labelled_by=label_id(question.id)
            list_label="Added".to_owned()
            items
            on_change=Callback::new(move |list| questionnaire.set(question.id, Answer::List(list)))
            suggestions
            described_by=described_by(question.id)
            invalid=Signal::derive(move || checks.aria_invalid(question.id, |_| true).is_some())
        />
    }
}
