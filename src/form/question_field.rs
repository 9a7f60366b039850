use leptos::prelude::*;
use questionnaire::catalogue::{Kind, Question};

use super::certifications_field::CertificationsField;
use super::checkbox_field::CheckboxField;
use super::checks::Checks;
use super::choice_field::ChoiceField;
use super::days_range_field::DaysRangeField;
use super::field_errors::FieldErrors;
use super::findings_note::FindingsNote;
use super::help::Help;
use super::list_field::ListField;
use super::text_field::TextField;
use super::third_parties_field::ThirdPartiesField;
use crate::draft::Questionnaire;

/// One question: rendered only while the rules ask it, with the control its kind calls for,
/// its errors (once the partner has left it) and its help.
#[component]
pub fn QuestionField(question: &'static Question) -> impl IntoView {
    let visible = Questionnaire::expect().field(question.id).visible;
    let checks = Checks::expect();
    let has_errors = crate::erased::memo(move |_| !checks.shown_for(question.id).is_empty());
    // Indented under its parent only when it answers a specific choice; questions that are
    // merely skipped for apps without End-User Data stay top-level.
    let follow_up = question.shown_when.is_some_and(|condition| !condition.parents().is_empty());

    move || {
        visible.get().then(|| {
            let control = match question.kind {
                Kind::OneOf(choices) => view! { <ChoiceField question choices /> }.into_any(),
                Kind::List { suggestions } => view! { <ListField question suggestions /> }.into_any(),
                Kind::Checkbox => view! { <CheckboxField question /> }.into_any(),
                Kind::DaysRange => view! { <DaysRangeField question /> }.into_any(),
                Kind::ThirdParties => view! { <ThirdPartiesField question /> }.into_any(),
                Kind::Certifications { options } => view! { <CertificationsField question options /> }.into_any(),
                Kind::Text { .. } | Kind::Link | Kind::Email => view! { <TextField question /> }.into_any(),
                // Atlassian supplies these; the form does not ask them.
                Kind::Provided => ().into_any(),
            };
            view! {
                <div
                    class="question"
                    class:follow-up=follow_up
                    class:has-error=has_errors
                    data-question=question.id.as_str()
                    on:focusout=move |_| checks.touch(question.id)
                >
                    {control}
                    <FieldErrors question />
                    <FindingsNote question />
                    <Help question />
                </div>
            }
        })
    }
}
