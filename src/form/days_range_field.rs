use leptos::prelude::*;
use questionnaire::catalogue::Question;
use questionnaire::Answer;

use super::{control_id, days_input_id, described_by};
use questionnaire::validation::FieldPart;
use crate::state::Questionnaire;

/// Minimum and maximum days. Kept as typed (text): the validator says what is wrong with
/// "30 days" or "-1"; the form never rewrites it.
#[component]
pub fn DaysRangeField(question: &'static Question) -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    let range = Memo::new(move |_| {
        questionnaire.answers.with(|answers| match answers.get(question.id) {
            Some(Answer::DaysRange { min, max }) => (min.clone(), max.clone()),
            _ => (String::new(), String::new()),
        })
    });
    let set = move |min: String, max: String| questionnaire.set(question.id, Answer::DaysRange { min, max });
    let min_id = days_input_id(question.id, FieldPart::Min);
    let max_id = days_input_id(question.id, FieldPart::Max);
    view! {
        <fieldset class="days-range" id=control_id(question.id) aria-describedby=described_by(question.id)>
            <legend>{question.text}</legend>
            <div class="days-range-inputs">
                <div class="days-input">
                    <label for=min_id.clone()>"Minimum (days)"</label>
                    <input
                        class="text-input days"
                        type="text"
                        inputmode="numeric"
                        id=min_id
                        prop:value=move || range.with(|(min, _)| min.clone())
                        on:input=move |ev| set(event_target_value(&ev), range.get_untracked().1)
                    />
                </div>
                <div class="days-input">
                    <label for=max_id.clone()>"Maximum (days)"</label>
                    <input
                        class="text-input days"
                        type="text"
                        inputmode="numeric"
                        id=max_id
                        prop:value=move || range.with(|(_, max)| max.clone())
                        on:input=move |ev| set(range.get_untracked().0, event_target_value(&ev))
                    />
                </div>
            </div>
        </fieldset>
    }
}
