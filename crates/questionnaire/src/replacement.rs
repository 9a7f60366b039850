//! Replacing the local answers with a version read from the Marketplace (live or draft), and
//! the list of what that would change, shown to the partner before anything is overwritten.
//!
//! The Marketplace holds only answers that have a wire field. So a replacement takes every
//! such answer from the Marketplace's version and keeps, from the local draft, what the
//! Marketplace cannot hold: answers without a known wire field, and answers to questions that
//! stay hidden (they are never sent and come back if the partner switches back).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::answers::{Answer, Answers};
use crate::catalogue::{self, Kind, Question, Wire};
use crate::visibility::{effective, is_visible};
use crate::wire::sent;

/// One answer that would change. `before` and `after` are short descriptions of what the
/// listing would say (`None`: no answer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub question: &'static Question,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// The answers after replacing.
    pub answers: Answers,
    /// What the partner would see change, in catalogue order. Empty: the versions agree.
    pub changes: Vec<Change>,
}

/// What replacing `local` with `incoming` (read by `wire::from_trust_info`) gives and changes.
pub fn replacement(local: &Answers, incoming: &Answers) -> Replacement {
    let answers = replaced(local, incoming);
    let changes = changes(local, &answers);
    Replacement { answers, changes }
}

fn replaced(local: &Answers, incoming: &Answers) -> Answers {
    let mut result = incoming.clone();
    let has_field = |question: &Question| matches!(question.wire, Wire::Field { .. });
    let unanswered = |answers: &Answers, id: &str| !answers.get(id).is_some_and(Answer::is_given);
    // Answers the Marketplace cannot hold first: they can change what is visible.
    for question in catalogue::questions().filter(|q| !has_field(q)) {
        if let (Some(answer), true) = (local.get(question.id), unanswered(&result, question.id)) {
            result.set(question.id, answer.clone());
        }
    }
    // A hidden answer does not count in any rule, so adding them cannot change visibility.
    let hidden_now: Vec<&Question> = catalogue::questions().filter(|q| !is_visible(q, &result)).collect();
    for question in hidden_now {
        if let (Some(answer), true) = (local.get(question.id), unanswered(&result, question.id)) {
            result.set(question.id, answer.clone());
        }
    }
    result
}

/// The answers that read differently between `before` and `after`: compared as they would be
/// sent (so `" a@b.c "` and `"a@b.c"` agree), or as given when one of them cannot be sent.
pub fn changes(before: &Answers, after: &Answers) -> Vec<Change> {
    let (effective_before, effective_after) = (effective(before), effective(after));
    let (sent_before, sent_after) = (sent_by_id(before), sent_by_id(after));
    catalogue::questions()
        .filter(|question| matches!(question.wire, Wire::Field { .. }))
        .filter(|question| {
            let id = question.id;
            match (sent_before.get(id), sent_after.get(id)) {
                (Some(a), Some(b)) => a != b,
                _ => given(&effective_before, id) != given(&effective_after, id),
            }
        })
        .map(|question| Change {
            question,
            before: given(&effective_before, question.id).map(|answer| describe(question, answer)),
            after: given(&effective_after, question.id).map(|answer| describe(question, answer)),
        })
        .collect()
}

fn sent_by_id(answers: &Answers) -> BTreeMap<&'static str, Value> {
    sent(answers).into_iter().map(|(question, value)| (question.id, value)).collect()
}

fn given<'a>(answers: &'a Answers, id: &str) -> Option<&'a Answer> {
    answers.get(id).filter(|answer| answer.is_given())
}

/// An answer in a few words, for a list of changes.
pub fn describe(question: &Question, answer: &Answer) -> String {
    const LONGEST: usize = 80;
    let text = match answer {
        Answer::Choice(picked) => match (picked.strip_prefix(Answer::UNKNOWN_PREFIX), question.kind) {
            (Some(raw), _) => format!("{raw} (a value this app does not know)"),
            (None, Kind::OneOf(choices)) => choices
                .iter()
                .find(|choice| choice.id == picked)
                .map_or_else(|| picked.clone(), |choice| choice.label.to_owned()),
            (None, _) => picked.clone(),
        },
        Answer::Text(text) => text.trim().to_owned(),
        Answer::List(items) => non_blank(items.iter().map(String::as_str)).join(", "),
        Answer::Flag(ticked) => if *ticked { "Ticked" } else { "Not ticked" }.to_owned(),
        Answer::DaysRange { min, max } => format!("{}–{} days", min.trim(), max.trim()),
        Answer::ThirdParties(rows) => {
            let names = non_blank(rows.iter().map(|row| row.name.as_str()));
            let count = rows.len();
            let noun = if count == 1 { "third party" } else { "third parties" };
            if names.is_empty() { format!("{count} {noun}") } else { format!("{count} {noun}: {}", names.join(", ")) }
        }
        Answer::Certifications { picked, other } => {
            non_blank(picked.iter().map(String::as_str).chain([other.as_str()])).join(", ")
        }
    };
    shorten(&text, LONGEST)
}

fn non_blank<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    items.map(str::trim).filter(|item| !item.is_empty()).collect()
}

fn shorten(text: &str, longest: usize) -> String {
    match text.char_indices().nth(longest) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::ThirdParty;
    use crate::catalogue::ids::{self, choice};
    use crate::wire::{from_trust_info, to_put_body, to_trust_info};

    fn pick(answers: &mut Answers, id: &str, picked: &str) {
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
        let summary: Vec<_> = changes.iter().map(|c| (c.question.id, c.before.as_deref(), c.after.as_deref())).collect();
        assert_eq!(
            summary,
            [
                (ids::STORED_DATA_TYPES, Some("Email address"), Some("Email address, IP address")),
                (ids::SECURITY_CONTACT, Some("security@example.com"), None),
                (ids::DISK_ENCRYPTION, None, Some("Yes")),
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
        // The checkbox now shown reads "not ticked" on both sides: no change to report.
        assert_eq!(changed, [ids::PROCESSES_EUD, ids::PROCESSED_DATA_TYPES]);
    }

    #[test]
    fn an_answer_that_cannot_be_sent_yet_still_counts_as_a_change() {
        let mut local = Answers::new();
        pick(&mut local, ids::STORES_EUD, choice::YES);
        pick(&mut local, ids::RETAINS_AFTER_UNINSTALL, choice::YES);
        local.set(ids::RETENTION_DAYS, Answer::DaysRange { min: "ten".into(), max: "30".into() });
        let incoming = from_trust_info(&to_put_body(&local));
        let changes = replacement(&local, &incoming).changes;
        let retention = changes.iter().find(|c| c.question.id == ids::RETENTION_DAYS).expect("listed");
        assert_eq!((retention.before.as_deref(), retention.after.as_deref()), (Some("ten–30 days"), None));
    }

    #[test]
    fn describes_every_kind_of_answer_briefly() {
        let q = catalogue::question;
        assert_eq!(describe(q(ids::DATA_RESIDENCY), &Answer::Choice("wire:SOMETHING_NEW".into())), "SOMETHING_NEW (a value this app does not know)");
        assert_eq!(describe(q(ids::GDPR_CONTROLLER), &Answer::Choice(choice::NOT_APPLICABLE.into())), "Not applicable - Company/Organization is not subject to the GDPR.");
        let rows = vec![
            ThirdParty { name: "AWS".into(), ..ThirdParty::default() },
            ThirdParty { name: " ".into(), ..ThirdParty::default() },
        ];
        assert_eq!(describe(q(ids::THIRD_PARTIES), &Answer::ThirdParties(rows)), "2 third parties: AWS");
        assert_eq!(describe(q(ids::RETENTION_DAYS), &Answer::DaysRange { min: "0".into(), max: " 30".into() }), "0–30 days");
        let long = "x".repeat(200);
        assert_eq!(describe(q(ids::SECURITY_CONTACT), &Answer::Text(long)).chars().count(), 81);
    }
}
