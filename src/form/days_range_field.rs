use leptos::prelude::*;
use questionnaire::catalogue::Question;
use questionnaire::validation::FieldPart;
use questionnaire::Answer;

use super::checks::Checks;
use super::question_label::QuestionLegend;
use super::{control_id, days_input_id, described_by};
use crate::draft::Questionnaire;

/// Minimum and maximum days. Kept as typed (text): the validator says what is wrong with
/// "30 days" or "-1"; the form never rewrites it.
#[component]
pub fn DaysRangeField(question: &'static Question) -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    let range = crate::erased::memo(move |_| {
        questionnaire.with(question.id, |answer| match answer {
            Some(Answer::DaysRange { min, max }) => (min.clone(), max.clone()),
            _ => (String::new(), String::new()),
        })
    });
    let set = Callback::new(move |(min, max)| questionnaire.set(question.id, Answer::DaysRange { min, max }));
    view! {
        <fieldset class="days-range" id=control_id(question.id) aria-describedby=described_by(question.id)>
            <QuestionLegend question />
            <div class="days-range-inputs">
                <DaysInput question part=FieldPart::Min label="Minimum (days)" range set />
                <DaysInput question part=FieldPart::Max label="Maximum (days)" range set />
            </div>
        </fieldset>
    }
}

/// The minimum or the maximum: editing one keeps the other as it is.
#[component]
fn DaysInput(
    question: &'static Question,
    part: FieldPart,
    label: &'static str,
    range: Memo<(String, String)>,
    set: Callback<(String, String)>,
) -> impl IntoView {
    let id = days_input_id(question.id, part);
    let is_min = part == FieldPart::Min;
    let checks = Checks::expect();
    // An error about the range as a whole (say, nothing entered) is about both inputs.
    let invalid = move || checks.aria_invalid(question.id, |about| about.is_none() || about == Some(part));
    view! {
        <div class="days-input">
            <label for=id.clone()>{label}</label>
            <input
                class="text-input days"
                type="text"
                inputmode="numeric"
                id=id
                aria-invalid=invalid
                prop:value=move || range.with(|(min, max)| if is_min { min.clone() } else { max.clone() })
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    let (min, max) = range.get_untracked();
                    set.run(if is_min { (typed, max) } else { (min, typed) });
                }
            />
        </div>
    }
}
