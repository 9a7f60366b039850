//! What replacing the answers with an imported draft would change, every answer included:
//! hidden ones and ones the Marketplace never receives too, since an import replaces them all.

use crate::answers::{Answer, Answers};
use crate::catalogue::{self, Question};
use crate::listing::{describe, NOT_PROVIDED};
use crate::unsorted::set_of;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerChange {
    /// The question id (also for ids this catalogue does not know, kept from newer builds).
    pub id: String,
    /// `None` for an id the catalogue does not know.
    pub question: Option<&'static Question>,
    /// How the listing words the question, or the bare id when unknown.
    pub label: String,
    pub before: String,
    pub after: String,
}

/// Every answer that differs between `before` and `after`, in catalogue order, then unknown ids.
pub fn changes(before: &Answers, after: &Answers) -> Vec<AnswerChange> {
    let known = catalogue::questions().map(|question| question.id.as_str().to_owned());
    let unknown = set_of(
        before
            .iter()
            .chain(after.iter())
            .map(|(id, _)| id)
            .filter(|id| catalogue::find(id).is_none())
            .map(str::to_owned),
    );
    known
        .chain(unknown)
        .filter(|id| before.get(id) != after.get(id))
        .map(|id| {
            let question = catalogue::find(&id);
            AnswerChange {
                label: question.map_or_else(|| id.clone(), |q| q.listing_label.to_owned()),
                before: answer_text(question, before.get(&id)),
                after: answer_text(question, after.get(&id)),
                question,
                id,
            }
        })
        // Differences no one could see (" a" and "a") are applied but not listed.
        .filter(|change| change.before != change.after)
        .collect()
}

/// An answer in words: as the listing would show it, or its raw JSON for unknown ids.
pub fn answer_text(question: Option<&Question>, answer: Option<&Answer>) -> String {
    match (question, answer) {
        (_, None) => NOT_PROVIDED.to_owned(),
        (Some(question), Some(answer)) => describe(question, answer),
        (None, Some(answer)) => serde_json::to_string(answer).expect("an answer always serialises"),
    }
}
