//! Which questions are asked, given the answers so far.

use crate::answers::Answers;
use crate::catalogue::{self, Condition, Question, Source};

impl Condition {
    pub fn holds(&self, answers: &Answers) -> bool {
        match *self {
            Condition::Is(id, choice) => {
                answers.choice(id) == Some(choice) && is_visible(catalogue::question(id), answers)
            }
            Condition::IsAnyOf(id, choices) => {
                answers.choice(id).is_some_and(|picked| choices.contains(&picked))
                    && is_visible(catalogue::question(id), answers)
            }
            Condition::Unticked(id) => !answers.flag(id),
            Condition::AnyOf(conditions) => conditions.iter().any(|c| c.holds(answers)),
            Condition::AllOf(conditions) => conditions.iter().all(|c| c.holds(answers)),
        }
    }
}

/// Whether the question is asked now. A follow-up of a hidden question is hidden too.
pub fn is_visible(question: &Question, answers: &Answers) -> bool {
    question
        .shown_when
        .as_ref()
        .is_none_or(|condition| condition.holds(answers))
}

/// Whether the partner answers this question in the form now.
pub fn is_asked(question: &Question, answers: &Answers) -> bool {
    question.source == Source::Partner && is_visible(question, answers)
}

/// Questions that hold an answer but are hidden: kept for when they come back, never sent
/// and never shown in the preview.
pub fn hidden_answers(answers: &Answers) -> Vec<&'static Question> {
    catalogue::questions()
        .filter(|question| !is_visible(question, answers))
        .filter(|question| answers.get(question.id).is_some_and(|a| a.is_given()))
        .collect()
}
