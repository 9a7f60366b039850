use leptos::prelude::*;
use questionnaire::catalogue::{Kind, Question};
use questionnaire::visibility::is_visible;

use super::choice_field::ChoiceField;
use super::help_id;
use super::list_field::ListField;
use super::text_field::TextField;
use crate::state::Questionnaire;

/// One question: rendered only while the rules ask it, with its help text and the control
/// its kind calls for.
#[component]
pub fn QuestionField(question: &'static Question) -> impl IntoView {
    let answers = Questionnaire::expect().answers;
    let visible = Memo::new(move |_| answers.with(|answers| is_visible(question, answers)));
    let follow_up = question.shown_when.is_some();

    move || {
        visible.get().then(|| {
            let control = match question.kind {
                Kind::OneOf(choices) => view! { <ChoiceField question choices /> }.into_any(),
                Kind::List { suggestions } => view! { <ListField question suggestions /> }.into_any(),
                _ => view! { <TextField question /> }.into_any(),
            };
            view! {
                <div class="question" class:follow-up=follow_up data-question=question.id>
                    {control}
                    <p class="help" id=help_id(question.id)>{question.help}</p>
                </div>
            }
        })
    }
}
