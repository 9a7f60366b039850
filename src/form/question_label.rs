//! A question's words, with the terms the glossary explains as toggletips (crate::toggletip)
//! and their definitions said just after the words, outside the label or legend: a definition
//! is no part of the question's name.

use leptos::prelude::*;
use questionnaire::catalogue::Question;

use super::{control_id, label_id};
use crate::toggletip::Glossed;

/// The legend of a question asked as a group (responses, a range, rows).
#[component]
pub fn QuestionLegend(question: &'static Question) -> impl IntoView {
    let glossed = glossed(question);
    view! {
        <legend>{glossed.words(|words| words.into_any())}</legend>
        {glossed.notes()}
    }
}

/// The label of a question asked with one box; the box names [`label_id`] in
/// `aria-labelledby`.
#[component]
pub fn QuestionLabel(question: &'static Question) -> impl IntoView {
    let glossed = glossed(question);
    view! {
        <div class="question-label" id=label_id(question.id)>{labelled_words(&glossed, question)}</div>
        {glossed.notes()}
    }
}

/// The question's words, its terms' buttons with ids of its own.
pub fn glossed(question: &'static Question) -> Glossed {
    Glossed::with_ids(question.label(), Some(control_id(question.id)))
}

/// The words, those between terms as `<label>`s of the question's control: clicking them
/// focuses it (or ticks it) as a label does, and no button sits inside a label.
pub fn labelled_words(glossed: &Glossed, question: &'static Question) -> AnyView {
    glossed.words(move |words| view! { <label for=control_id(question.id)>{words}</label> }.into_any())
}
