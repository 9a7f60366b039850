//! Replacing the local answers with a version read from the Marketplace (live or draft), and
//! the list of what that would change, shown to the partner before anything is overwritten.
//!
//! The Marketplace holds only answers that are sent. So a replacement takes the Marketplace's
//! version and keeps, from the local draft, every answer the local draft would not send
//! (answers without a known wire field, answers to hidden questions, answers not valid yet)
//! where the Marketplace has none, as long as keeping it does not change what would be sent.
//! Replacing, then submitting, sends exactly what the Marketplace holds.

use crate::answers::{Answer, Answers};
use crate::catalogue::{self, Question, QuestionId, Wire};
use crate::diff::{changes, Change};
use crate::wire::sent;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// The answers after replacing.
    pub answers: Answers,
    /// What the listing would show differently afterwards ([`crate::diff`]), in catalogue
    /// order. Empty: the versions agree.
    pub changes: Vec<Change>,
}

/// What replacing `local` with `incoming` (read by `wire::from_trust_info`) gives and changes.
pub fn replacement(local: &Answers, incoming: &Answers) -> Replacement {
    let answers = replaced(local, incoming);
    let changes = changes(local, &answers);
    Replacement { answers, changes }
}

/// What a version read from the Marketplace does to the local answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arrival {
    /// It agrees with them: nothing to do.
    Same,
    /// There is no local answer to lose: it fills the form (as the Marketplace's own form shows
    /// answers sent through the API).
    Fill,
    /// It would change these: the partner decides, shown them, and nothing is replaced unasked.
    Ask(Vec<Change>),
}

/// What reading `incoming` (by `wire::from_trust_info`) does to `local`.
pub fn arrival(local: &Answers, incoming: &Answers) -> Arrival {
    let Replacement { changes, .. } = replacement(local, incoming);
    if changes.is_empty() {
        Arrival::Same
    } else if !local.iter().any(|(_, answer)| answer.is_given()) {
        Arrival::Fill
    } else {
        Arrival::Ask(changes)
    }
}

fn replaced(local: &Answers, incoming: &Answers) -> Answers {
    let mut result = incoming.clone();
    let unanswered = |answers: &Answers, id: QuestionId| !answers.get(id).is_some_and(Answer::is_given);
    let has_field = |question: &Question| matches!(question.wire, Wire::Field { .. });
    // Answers the Marketplace cannot hold go first: they may decide what is asked.
    for question in catalogue::questions().filter(|q| !has_field(q)) {
        if let (Some(answer), true) = (local.get(question.id), unanswered(&result, question.id)) {
            result.set(question.id, answer.clone());
        }
    }
    let sent_by_local: Vec<QuestionId> = sent(local).into_iter().map(|(question, _)| question.id).collect();
    let target = sent(&result);
    for question in catalogue::questions().filter(|q| has_field(q) && !sent_by_local.contains(&q.id)) {
        let Some(answer) = local.get(question.id).filter(|a| a.is_given()) else { continue };
        if !unanswered(&result, question.id) {
            continue;
        }
        result.set(question.id, answer.clone());
        if sent(&result) != target {
            result.clear(question.id);
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::ids::{self, choice};
    use crate::wire::{from_trust_info, to_put_body, to_trust_info};

    fn pick(answers: &mut Answers, id: QuestionId, picked: &str) {
        answers.set(id, Answer::Choice(picked.into()));
    }

    fn local() -> Answers {
        let mut a = Answers::new();
        pick(&mut a, ids::STORES_EUD, choice::YES);
        a.set(ids::STORED_DATA_TYPES, Answer::List(vec!["Email address".into()]));
        pick(&mut a, ids::PROCESSES_EUD, choice::NO);
        a.set(ids::SECURITY_CONTACT, Answer::Text(" security@example.com ".into()));
        a.set(ids::PRIVACY_POLICY, Answer::Text("https://example.com/privacy".into()));
        a
    }

    #[test]
    fn the_same_answers_sent_and_read_back_change_nothing() {
        let local = local();
        let incoming = from_trust_info(&to_put_body(&local));
        let replacement = replacement(&local, &incoming);
        assert_eq!(replacement.changes, [], "whitespace that is trimmed on sending is no change");
        assert_eq!(to_trust_info(&replacement.answers), to_trust_info(&local));
    }

    #[test]
    fn lists_each_answer_that_differs_with_before_and_after() {
        let local = local();
        let mut marketplace = local.clone();
        marketplace.set(ids::STORED_DATA_TYPES, Answer::List(vec!["Email address".into(), "IP address".into()]));
        marketplace.clear(ids::SECURITY_CONTACT);
        pick(&mut marketplace, ids::DISK_ENCRYPTION, choice::YES);
        let incoming = from_trust_info(&to_put_body(&marketplace));

        let changes = replacement(&local, &incoming).changes;
        let summary: Vec<_> = changes.iter().map(|c| (c.question.id, c.before.as_str(), c.after.as_str())).collect();
        let none = "Response not provided by the partner";
        assert_eq!(
            summary,
            [
                (ids::STORED_DATA_TYPES, "Email address", "Email address, IP address"),
                (ids::SECURITY_CONTACT, "security@example.com", none),
                (ids::DISK_ENCRYPTION, none, "Yes"),
            ]
        );
    }

    #[test]
    fn answers_the_marketplace_cannot_hold_and_hidden_ones_are_kept() {
        let mut local = local();
        // Hidden while "processes" is No: kept in the draft, never sent.
        local.set(ids::PROCESSED_DATA_TYPES, Answer::List(vec!["Device ID".into()]));
        let incoming = from_trust_info(&to_put_body(&local));
        assert!(incoming.get(ids::PRIVACY_POLICY).is_none(), "no wire field for the privacy policy");

        let replaced = replacement(&local, &incoming).answers;
        assert_eq!(replaced.text(ids::PRIVACY_POLICY), "https://example.com/privacy");
        assert_eq!(replaced.list(ids::PROCESSED_DATA_TYPES), ["Device ID"]);
    }

    #[test]
    fn a_hidden_local_answer_gives_way_when_the_marketplace_shows_that_question() {
        let mut local = local();
        local.set(ids::PROCESSED_DATA_TYPES, Answer::List(vec!["Device ID".into()]));
        let mut marketplace = local.clone();
        pick(&mut marketplace, ids::PROCESSES_EUD, choice::YES);
        marketplace.set(ids::PROCESSED_DATA_TYPES, Answer::List(vec!["IP address".into()]));
        let incoming = from_trust_info(&to_put_body(&marketplace));

        let replacement = replacement(&local, &incoming);
        assert_eq!(replacement.answers.list(ids::PROCESSED_DATA_TYPES), ["IP address"]);
        let changed: Vec<_> = replacement.changes.iter().map(|c| c.question.id).collect();
        // The "same data" checkbox is asked now, so the tab states it (unticked) too.
        assert_eq!(changed, [ids::PROCESSES_EUD, ids::PROCESSED_DATA_TYPES, ids::SAME_DATA_PROCESSED_AND_STORED]);
    }

    #[test]
    fn an_answer_not_valid_yet_is_kept_rather_than_lost() {
        let mut local = Answers::new();
        pick(&mut local, ids::STORES_EUD, choice::YES);
        pick(&mut local, ids::RETAINS_AFTER_UNINSTALL, choice::YES);
        local.set(ids::RETENTION_DAYS, Answer::DaysRange { min: "ten".into(), max: "30".into() });
        let incoming = from_trust_info(&to_put_body(&local));
        let replacement = replacement(&local, &incoming);
        assert_eq!(replacement.changes, []);
        assert_eq!(replacement.answers.days_range(ids::RETENTION_DAYS), Some(("ten", "30")));
    }

    #[test]
    fn a_kept_answer_never_changes_what_would_be_sent() {
        // Hidden locally (stores is No), but the Marketplace says Yes with no types: the old
        // list would be sent if kept, so it goes.
        let mut local = local();
        pick(&mut local, ids::STORES_EUD, choice::NO);
        let mut marketplace = local.clone();
        pick(&mut marketplace, ids::STORES_EUD, choice::YES);
        marketplace.clear(ids::STORED_DATA_TYPES);
        let incoming = from_trust_info(&to_put_body(&marketplace));
        let replacement = replacement(&local, &incoming);
        assert!(replacement.answers.get(ids::STORED_DATA_TYPES).is_none());
        assert_eq!(to_trust_info(&replacement.answers), to_trust_info(&marketplace));
    }

    #[test]
    fn a_version_fills_an_empty_form_and_is_offered_over_any_answer() {
        let marketplace = from_trust_info(&to_put_body(&local()));
        assert_eq!(arrival(&Answers::new(), &marketplace), Arrival::Fill);
        let mut blank = Answers::new();
        blank.set(ids::SECURITY_CONTACT, Answer::Text(String::new()));
        assert_eq!(arrival(&blank, &marketplace), Arrival::Fill, "an emptied field is no answer to lose");
        let mut one = Answers::new();
        pick(&mut one, ids::STORES_EUD, choice::NO);
        let Arrival::Ask(changes) = arrival(&one, &marketplace) else { panic!("one answer is asked about") };
        assert_eq!(changes, replacement(&one, &marketplace).changes);
        assert_eq!(arrival(&local(), &marketplace), Arrival::Same);
        assert_eq!(arrival(&Answers::new(), &Answers::new()), Arrival::Same);
    }
}
