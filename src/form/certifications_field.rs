use leptos::prelude::*;
use questionnaire::catalogue::{Question, OTHER_CERTIFICATION};
use questionnaire::unsorted::sort_short_by;
use questionnaire::validation::FieldPart;
use questionnaire::Answer;

use super::checks::Checks;
use super::question_label::QuestionLegend;
use super::{control_id, described_by, other_certification_id};
use crate::draft::Questionnaire;
use crate::erased::Shown;

/// Pick any of the listed certifications; "Other" reveals a box to name it.
#[component]
pub fn CertificationsField(question: &'static Question, options: &'static [&'static str]) -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    let checks = Checks::expect();
    let current = crate::erased::memo(move |_| {
        questionnaire.with(question.id, |answer| match answer {
            Some(Answer::Certifications { picked, other }) => (picked.clone(), other.clone()),
            _ => (Vec::new(), String::new()),
        })
    });
    let set = move |picked: Vec<String>, other: String| {
        questionnaire.set(question.id, Answer::Certifications { picked, other })
    };
    let toggle = move |option: &'static str, on: bool| {
        let (mut picked, other) = current.get_untracked();
        picked.retain(|item| item != option);
        if on {
            picked.push(option.to_owned());
            // Keep the catalogue's order, whatever order they were ticked in.
            let rank = |item: &String| options.iter().position(|option| option == item);
            sort_short_by(&mut picked, |a, b| rank(a).cmp(&rank(b)));
        }
        set(picked, other);
    };
    let other_picked = move || current.with(|(picked, _)| picked.iter().any(|p| p == OTHER_CERTIFICATION));
    let other_id = other_certification_id(question.id);

    let boxes = options.iter().map(|option| {
        let id = format!("{}-{}", control_id(question.id), option.to_ascii_lowercase());
        view! {
            <div class="choice checkbox">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=move || current.with(|(picked, _)| picked.iter().any(|p| p == option))
                    on:change=move |ev| toggle(option, event_target_checked(&ev))
                />
                <label for=id>{*option}</label>
            </div>
        }
    });
    view! {
        <fieldset class="choices" id=control_id(question.id) aria-describedby=described_by(question.id)>
            <QuestionLegend question />
            {boxes.collect_view()}
            <Shown when=other_picked>
                <div class="conditional">
                    <label for=other_id.clone()>"Name the other certification"</label>
                    <input
                        class="text-input"
                        type="text"
                        id=other_id.clone()
                        aria-invalid=move || {
                            checks.aria_invalid(question.id, |about| about == Some(FieldPart::Other))
                        }
                        prop:value=move || current.with(|(_, other)| other.clone())
                        on:input=move |ev| set(current.get_untracked().0, event_target_value(&ev))
                    />
                </div>
            </Shown>
        </fieldset>
    }
}
