use leptos::prelude::*;
use questionnaire::catalogue::{Choice, Question};
use questionnaire::Answer;

use super::question_label::QuestionLegend;
use super::rich_label::RichLabel;
use super::{control_id, described_by};
use crate::draft::Questionnaire;

/// A radio group: a fieldset whose legend is the question.
#[component]
pub fn ChoiceField(question: &'static Question, choices: &'static [Choice]) -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    let picked = crate::erased::memo(move |_| {
        questionnaire.with(question.id, |answer| match answer {
            Some(Answer::Choice(picked)) => Some(picked.clone()),
            _ => None,
        })
    });
    let options = choices.iter().map(|choice| {
        let id = format!("{}-{}", control_id(question.id), choice.id);
        view! {
            <div class="choice">
                <input
                    type="radio"
                    id=id.clone()
                    name=control_id(question.id)
                    value=choice.id
                    prop:checked=move || picked.with(|picked| picked.as_deref() == Some(choice.id))
                    on:change=move |_| questionnaire.set(question.id, Answer::Choice(choice.id.to_owned()))
                />
                <label for=id><RichLabel text=choice.label /></label>
            </div>
        }
    });
    view! {
        <fieldset class="choices" id=control_id(question.id) aria-describedby=described_by(question.id)>
            <QuestionLegend question />
            {options.collect_view()}
        </fieldset>
    }
}
