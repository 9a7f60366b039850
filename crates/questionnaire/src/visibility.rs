//! Which questions are asked, given the answers so far, and what the answers amount to once
//! hidden ones are set aside.

use crate::answers::{Answer, Answers};
use crate::catalogue::{self, Condition, Kind, Question, QuestionId, Source, SAME_AS_STORED};

impl Condition {
    pub fn holds(&self, answers: &Answers) -> bool {
        match *self {
            Condition::Is(id, choice) => picked(answers, id).is_some_and(|picked| picked == choice),
            Condition::IsAnyOf(id, choices) => picked(answers, id).is_some_and(|picked| choices.contains(&picked)),
            Condition::IsNot(id, choice) => picked(answers, id) != Some(choice),
            Condition::Unticked(id) => !is_ticked(answers, id),
            Condition::AnyOf(conditions) => conditions.iter().any(|c| c.holds(answers)),
            Condition::AllOf(conditions) => conditions.iter().all(|c| c.holds(answers)),
            Condition::Own(condition) => condition.holds(answers),
        }
    }

    /// Whether the spec's part of the condition holds: our own conditions are set aside, though
    /// a question they test must still be shown by the spec.
    fn holds_by_spec(&self, answers: &Answers) -> bool {
        match *self {
            Condition::Own(condition) => {
                condition.parents().into_iter().all(|parent| is_visible_by_spec(catalogue::question(parent), answers))
            }
            Condition::AnyOf(conditions) => conditions.iter().any(|c| c.holds_by_spec(answers)),
            Condition::AllOf(conditions) => conditions.iter().all(|c| c.holds_by_spec(answers)),
            _ => self.holds(answers),
        }
    }
}

/// A hidden question's answer does not count: it is kept, not used.
fn picked(answers: &Answers, id: QuestionId) -> Option<&str> {
    answers.choice(id).filter(|_| is_visible(catalogue::question(id), answers))
}

/// A checkbox counts as ticked only while it is shown.
fn is_ticked(answers: &Answers, id: QuestionId) -> bool {
    answers.flag(id) && is_visible(catalogue::question(id), answers)
}

/// Whether the question is asked now. A follow-up of a hidden question is hidden too.
pub fn is_visible(question: &Question, answers: &Answers) -> bool {
    question.shown_when.as_ref().is_none_or(|condition| condition.holds(answers))
}

/// Whether the spec alone would show the question now. A question hidden only by one of our own
/// conditions ([`Condition::Own`]) keeps the value the Marketplace holds for it.
pub fn is_visible_by_spec(question: &Question, answers: &Answers) -> bool {
    question.shown_when.as_ref().is_none_or(|condition| condition.holds_by_spec(answers))
}

/// Hidden now only by a condition of ours, not the spec's: what the Marketplace holds for it is
/// kept as it is.
pub fn is_hidden_by_own_condition(question: &Question, answers: &Answers) -> bool {
    !is_visible(question, answers) && is_visible_by_spec(question, answers)
}

/// Whether the question may be left empty now (see [`catalogue::OPTIONAL`]). `shown`: the
/// [`effective`] answers.
pub fn may_stay_empty(id: QuestionId, shown: &Answers) -> bool {
    catalogue::OPTIONAL
        .iter()
        .any(|optional| optional.question == id && optional.or_instead.is_none_or(|other| shown.get(other).is_some()))
}

/// Whether the partner answers this question in the form now.
pub fn is_asked(question: &Question, answers: &Answers) -> bool {
    is_asked_when(question, is_visible(question, answers))
}

/// [`is_asked`], given whether the question is `visible`.
pub fn is_asked_when(question: &Question, visible: bool) -> bool {
    question.source == Source::Partner && visible
}

/// Questions that hold an answer but are hidden: kept for when they come back, never sent
/// and never shown in the preview.
pub fn hidden_answers(answers: &Answers) -> Vec<&'static Question> {
    catalogue::questions()
        .filter(|question| is_hidden_answer(is_visible(question, answers), answers.get(question.id)))
        .collect()
}

/// Whether a question, shown or not (`visible`), holds an answer kept while hidden.
pub fn is_hidden_answer(visible: bool, answer: Option<&Answer>) -> bool {
    !visible && answer.is_some_and(Answer::is_given)
}

/// The answers as the listing and the API see them: only questions asked now, only answers of
/// the right shape and actually given, a shown checkbox read as ticked or not, and the processed
/// types standing in for the stored ones while "same data processed and stored" is ticked.
pub fn effective(answers: &Answers) -> Answers {
    let mut effective = Answers::new();
    for question in catalogue::questions().filter(|question| is_asked(question, answers)) {
        if question.kind == Kind::Checkbox {
            effective.set(question.id, Answer::Flag(answers.flag(question.id)));
        } else if let Some(answer) = answers.get(question.id) {
            if question.kind.fits(answer) && answer.is_given() {
                effective.set(question.id, answer.clone());
            }
        }
    }
    let mirror = SAME_AS_STORED;
    if is_ticked(answers, mirror.checkbox) {
        if let Some(stored) = effective.get(mirror.copy_from).cloned() {
            effective.set(mirror.copy_to, stored);
        }
    }
    effective
}

/// Whether `id` carries a value copied from another question right now (see [`effective`]).
pub fn is_mirrored(id: QuestionId, answers: &Answers) -> bool {
    id == SAME_AS_STORED.copy_to && is_ticked(answers, SAME_AS_STORED.checkbox)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::ids::{self, choice};

    fn yes_no(stores: &str, processes: &str) -> Answers {
        let mut answers = Answers::new();
        answers.set(ids::STORES_EUD, Answer::Choice(stores.into()));
        answers.set(ids::PROCESSES_EUD, Answer::Choice(processes.into()));
        answers
    }

    fn visible(id: QuestionId, answers: &Answers) -> bool {
        is_visible(catalogue::question(id), answers)
    }

    #[test]
    fn follow_ups_appear_only_when_their_answer_calls_for_them() {
        let mut answers = Answers::new();
        assert!(!visible(ids::STORED_DATA_TYPES, &answers));
        answers.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
        assert!(visible(ids::STORED_DATA_TYPES, &answers));
        answers.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
        assert!(!visible(ids::STORED_DATA_TYPES, &answers));
    }

    #[test]
    fn no_further_data_questions_when_the_app_neither_stores_nor_processes() {
        let data_related = [
            ids::LOGS_EUD,
            ids::LOGS_OUTSIDE_ATLASSIAN,
            ids::SHARES_EUD,
            ids::SHARES_LOGS,
            ids::LOG_SHARING_INTEGRAL,
            ids::RETAINS_AFTER_UNINSTALL,
            ids::CUSTOM_RETENTION,
            ids::USES_PETS,
            ids::TRANSFERS_EEA_DATA,
            ids::DISK_ENCRYPTION,
        ];
        let always =
            [ids::DATA_RESIDENCY, ids::GDPR_CONTROLLER, ids::HAS_DPA, ids::SECURITY_CONTACT, ids::PRIVACY_POLICY];
        let none = yes_no(choice::NO, choice::NO);
        for id in data_related {
            assert!(!visible(id, &none), "{id} should be hidden");
            assert!(visible(id, &yes_no(choice::YES, choice::NO)), "{id}");
            assert!(visible(id, &yes_no(choice::NO, choice::YES)), "{id}");
            assert!(visible(id, &Answers::new()), "{id}: asked until both are No");
        }
        for id in always {
            assert!(visible(id, &none), "{id} should stay");
        }
    }

    #[test]
    fn the_transfer_mechanism_appears_only_when_eea_data_leaves_the_eea() {
        let mut answers = yes_no(choice::YES, choice::YES);
        assert!(!visible(ids::TRANSFER_MECHANISM, &answers));
        answers.set(ids::TRANSFERS_EEA_DATA, Answer::Choice(choice::YES.into()));
        assert!(visible(ids::TRANSFER_MECHANISM, &answers));
        answers.set(ids::TRANSFER_MECHANISM, Answer::Choice(choice::YES.into()));
        assert!(visible(ids::TRANSFER_MECHANISM_DETAILS, &answers));
        // Hiding the grandparent hides the whole chain.
        answers.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
        answers.set(ids::PROCESSES_EUD, Answer::Choice(choice::NO.into()));
        assert!(!visible(ids::TRANSFER_MECHANISM, &answers));
        assert!(!visible(ids::TRANSFER_MECHANISM_DETAILS, &answers));
    }

    #[test]
    fn same_data_checkbox_mirrors_stored_types_into_processed_ones() {
        let mut answers = yes_no(choice::YES, choice::YES);
        answers.set(ids::STORED_DATA_TYPES, Answer::List(vec!["Email address".into()]));
        answers.set(ids::PROCESSED_DATA_TYPES, Answer::List(vec!["IP address".into()]));
        assert_eq!(effective(&answers).list(ids::PROCESSED_DATA_TYPES), ["IP address"]);

        answers.set(ids::SAME_DATA_PROCESSED_AND_STORED, Answer::Flag(true));
        assert!(!visible(ids::PROCESSED_DATA_TYPES, &answers));
        assert!(is_mirrored(ids::PROCESSED_DATA_TYPES, &answers));
        assert_eq!(effective(&answers).list(ids::PROCESSED_DATA_TYPES), ["Email address"]);
        // The partner's own list is kept for when the box is unticked.
        assert_eq!(answers.list(ids::PROCESSED_DATA_TYPES), ["IP address"]);
    }

    #[test]
    fn a_ticked_checkbox_that_is_hidden_does_not_count() {
        let mut answers = yes_no(choice::NO, choice::YES);
        answers.set(ids::SAME_DATA_PROCESSED_AND_STORED, Answer::Flag(true));
        answers.set(ids::PROCESSED_DATA_TYPES, Answer::List(vec!["IP address".into()]));
        assert!(visible(ids::PROCESSED_DATA_TYPES, &answers));
        assert!(!is_mirrored(ids::PROCESSED_DATA_TYPES, &answers));
        assert_eq!(effective(&answers).list(ids::PROCESSED_DATA_TYPES), ["IP address"]);
    }

    #[test]
    fn hidden_answers_are_kept_listed_and_restored_on_switching_back() {
        let mut answers = yes_no(choice::YES, choice::YES);
        answers.set(ids::STORED_DATA_TYPES, Answer::List(vec!["Email address".into()]));
        answers.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
        let hidden: Vec<_> = hidden_answers(&answers).iter().map(|q| q.id).collect();
        assert_eq!(hidden, [ids::STORED_DATA_TYPES]);
        assert!(effective(&answers).get(ids::STORED_DATA_TYPES).is_none());
        answers.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
        assert!(hidden_answers(&answers).is_empty());
        assert_eq!(effective(&answers).list(ids::STORED_DATA_TYPES), ["Email address"]);
    }

    #[test]
    fn effective_answers_drop_blank_and_misshapen_ones_and_read_shown_checkboxes_as_false() {
        let mut answers = yes_no(choice::YES, choice::YES);
        answers.set(ids::SECURITY_CONTACT, Answer::Text("  ".into()));
        answers.set(ids::HAS_DPA, Answer::Text("yes".into()));
        let effective = effective(&answers);
        assert!(effective.get(ids::SECURITY_CONTACT).is_none());
        assert!(effective.get(ids::HAS_DPA).is_none());
        assert_eq!(effective.get(ids::SAME_DATA_PROCESSED_AND_STORED), Some(&Answer::Flag(false)));
    }
}
