//! How much of the tab the answers fill, per view, and what is still missing: the form's
//! "the default view still shows 3 × Response not provided by the partner".

use crate::answers::Answers;
use crate::catalogue::{self, Kind, Question, QuestionId, Source, View};
use crate::listing::{rows, ListingRow, ListingValue};
use crate::visibility::is_asked;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewSummary {
    pub view: View,
    pub answered: usize,
    pub total: usize,
    /// The questions that view would show as "Response not provided by the partner".
    pub missing: Vec<QuestionId>,
}

impl ViewSummary {
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completeness {
    pub default: ViewSummary,
    /// The expanded view shows every question, the default ones included.
    pub expanded: ViewSummary,
}

pub fn summary(answers: &Answers) -> Completeness {
    Completeness { default: for_view(answers, View::Default), expanded: for_view(answers, View::Expanded) }
}

/// Counts the rows of the view that the partner fills in. Checkboxes always read Yes or No, so
/// they are not counted; answers that cannot be sent to the API count as answered (the
/// partner did answer; `wire::unsendable` tells them about the rest).
pub fn for_view(answers: &Answers, view: View) -> ViewSummary {
    tally(view, rows(answers, view).iter().map(|row| (row.question, is_provided(row))))
}

/// Whether a row counts as answered.
pub fn is_provided(row: &ListingRow) -> bool {
    row.value != ListingValue::NotProvided
}

/// The summary of `view` from the rows of the expanded view (or any view that shows at least
/// its rows), each with [`is_provided`], in catalogue order: for callers that keep the rows
/// one question at a time.
pub fn tally(view: View, rows: impl IntoIterator<Item = (&'static Question, bool)>) -> ViewSummary {
    let counted: Vec<_> = rows.into_iter().filter(|(question, _)| view.shows(question) && counts(question)).collect();
    let missing: Vec<QuestionId> =
        counted.iter().filter(|(_, provided)| !provided).map(|(question, _)| question.id).collect();
    ViewSummary { view, answered: counted.len() - missing.len(), total: counted.len(), missing }
}

fn counts(question: &Question) -> bool {
    question.source == Source::Partner && question.kind != Kind::Checkbox
}

/// The next question asked now and not answered, after `after` (from the start when `None`),
/// wrapping around: for "take me to the next gap".
pub fn next_unanswered(answers: &Answers, after: Option<QuestionId>) -> Option<&'static Question> {
    next_gap(&for_view(answers, View::Expanded).missing, after, |question| is_asked(question, answers))
}

/// [`next_unanswered`] from the expanded view's `missing` and whether each question is
/// `asked` now: for callers that keep both already.
pub fn next_gap(
    missing: &[QuestionId],
    after: Option<QuestionId>,
    asked: impl Fn(&Question) -> bool,
) -> Option<&'static Question> {
    let order: Vec<&'static Question> = catalogue::questions().collect();
    let start = after.and_then(|id| order.iter().position(|q| q.id == id)).map_or(0, |i| i + 1);
    (0..order.len())
        .map(|offset| order[(start + offset) % order.len()])
        .find(|question| asked(question) && missing.contains(&question.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::catalogue::ids::{self, choice};

    #[test]
    fn counts_answered_and_missing_per_view() {
        let empty = summary(&Answers::new());
        assert_eq!((empty.default.answered, empty.default.total), (0, 7));
        assert_eq!(empty.default.missing.first(), Some(&ids::STORES_EUD));
        assert!(!empty.default.is_complete());
        assert!(empty.expanded.total > empty.default.total);

        let mut a = Answers::new();
        a.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
        let after = summary(&a).default;
        // Yes brings in its follow-up, still missing.
        assert_eq!((after.answered, after.total), (1, 8));
        assert!(after.missing.contains(&ids::STORED_DATA_TYPES));
    }

    #[test]
    fn hidden_questions_are_not_counted() {
        let mut a = Answers::new();
        a.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
        a.set(ids::PROCESSES_EUD, Answer::Choice(choice::NO.into()));
        let expanded = for_view(&a, View::Expanded);
        assert!(!expanded.missing.contains(&ids::LOGS_EUD));
        assert!(expanded.missing.contains(&ids::SECURITY_CONTACT));
    }

    #[test]
    fn a_full_default_view_is_complete() {
        let mut a = Answers::new();
        for id in [ids::STORES_EUD, ids::PROCESSES_EUD, ids::HAS_CERTIFICATIONS] {
            a.set(id, Answer::Choice(choice::NO.into()));
        }
        a.set(ids::DATA_RESIDENCY, Answer::Choice(choice::RESIDENCY_NOT_APPLICABLE.into()));
        a.set(ids::GDPR_CONTROLLER, Answer::Choice(choice::NOT_APPLICABLE.into()));
        a.set(ids::GDPR_PROCESSOR, Answer::Choice(choice::NOT_APPLICABLE.into()));
        a.set(ids::PRIVACY_POLICY, Answer::Text("https://example.com/privacy".into()));
        assert!(for_view(&a, View::Default).is_complete());
    }

    #[test]
    fn next_unanswered_walks_forward_and_wraps() {
        let mut a = Answers::new();
        assert_eq!(next_unanswered(&a, None).map(|q| q.id), Some(ids::STORES_EUD));
        assert_eq!(next_unanswered(&a, Some(ids::STORES_EUD)).map(|q| q.id), Some(ids::PROCESSES_EUD));
        // Atlassian's questions are skipped.
        assert_eq!(next_unanswered(&a, Some(ids::CAIQ_LITE)).map(|q| q.id), Some(ids::DISK_ENCRYPTION));
        assert_eq!(next_unanswered(&a, Some(ids::DISK_ENCRYPTION)).map(|q| q.id), Some(ids::HAS_CERTIFICATIONS));
        assert_eq!(next_unanswered(&a, Some(ids::PRIVACY_POLICY)).map(|q| q.id), Some(ids::STORES_EUD));
        a.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
        assert_eq!(next_unanswered(&a, None).map(|q| q.id), Some(ids::PROCESSES_EUD));
        assert_eq!(next_unanswered(&a, QuestionId::parse("no_such_id")).map(|q| q.id), Some(ids::PROCESSES_EUD));
    }
}
