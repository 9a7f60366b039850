//! One file per subcommand.

pub mod check;
pub mod diff;
pub mod pull;
pub mod push;
pub mod show;

use questionnaire::catalogue::{self, Question, QuestionId};

/// How a question is named in output: its label on the tab, and its id for `grep` and the app.
pub fn named(question: &Question) -> String {
    format!("{} [{}]", question.listing_label, question.id)
}

/// [`named`] for an id from a rule's output.
pub fn named_id(id: QuestionId) -> String {
    named(catalogue::question(id))
}
