use leptos::prelude::*;
use questionnaire::catalogue::Question;
use questionnaire::Answer;

use super::question_label::{glossed, labelled_words};
use super::{control_id, described_by, label_id};
use crate::draft::Questionnaire;

/// A confirmation the partner ticks, such as "the processed data is the same as the stored".
#[component]
pub fn CheckboxField(question: &'static Question) -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    let glossed = glossed(question);
    view! {
        <div class="choice checkbox">
            <input
                type="checkbox"
                id=control_id(question.id)
                aria-labelledby=label_id(question.id)
                aria-describedby=described_by(question.id)
                prop:checked=move || questionnaire.with(question.id, |answer| answer == Some(&Answer::Flag(true)))
                on:change=move |ev| questionnaire.set(question.id, Answer::Flag(event_target_checked(&ev)))
            />
            <span class="checkbox-label" id=label_id(question.id)>{labelled_words(&glossed, question)}</span>
        </div>
        {glossed.notes()}
    }
}
