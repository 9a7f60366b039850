//! What submitting would change on the live tab: "Data residency: No → Yes, …". Only answers
//! that are sent count, compared by their wire values so re-typed whitespace is no change.

use litemap::LiteMap;
use serde_json::Value;

use crate::answers::Answers;
use crate::catalogue::{self, Question, QuestionId};
use crate::listing::{value_of, ListingValue};
use crate::wire::sent;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub question: &'static Question,
    /// As the tab shows it (`Response not provided by the partner` when not sent).
    pub before: String,
    pub after: String,
}

impl Change {
    /// One line, like `Data residency: No. App does not support… → Yes. App stores…`.
    pub fn summary(&self) -> String {
        format!("{}: {} → {}", self.question.listing_label, self.before, self.after)
    }
}

pub fn changes(live: &Answers, draft: &Answers) -> Vec<Change> {
    let live_sent = by_id(live);
    let draft_sent = by_id(draft);
    catalogue::questions()
        .filter(|question| live_sent.get(&question.id) != draft_sent.get(&question.id))
        .map(|question| Change {
            question,
            before: shown(question, live, &live_sent),
            after: shown(question, draft, &draft_sent),
        })
        .collect()
}

fn by_id(answers: &Answers) -> LiteMap<QuestionId, Value> {
    crate::unsorted::map_of(sent(answers).into_iter().map(|(question, value)| (question.id, value)))
}

fn shown(question: &Question, answers: &Answers, sent: &LiteMap<QuestionId, Value>) -> String {
    if sent.contains_key(&question.id) { value_of(question.id, answers) } else { ListingValue::NotProvided }.to_plain()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::catalogue::ids::{self, choice};

    #[test]
    fn lists_only_sent_answers_that_differ() {
        let mut live = Answers::new();
        live.set(ids::DATA_RESIDENCY, Answer::Choice(choice::RESIDENCY_NOT_SUPPORTED.into()));
        live.set(ids::SECURITY_CONTACT, Answer::Text("security@example.com".into()));
        let mut draft = live.clone();
        draft.set(ids::SECURITY_CONTACT, Answer::Text(" security@example.com ".into()));
        assert!(changes(&live, &draft).is_empty());

        draft.set(ids::DATA_RESIDENCY, Answer::Choice(choice::RESIDENCY_WITHIN_ATLASSIAN.into()));
        draft.set(ids::PRIVACY_POLICY, Answer::Text("https://example.com/privacy".into()));
        draft.set(ids::HAS_DPA, Answer::Choice(choice::YES.into()));
        let found = changes(&live, &draft);
        let ids: Vec<_> = found.iter().map(|c| c.question.id).collect();
        // The privacy policy cannot be sent, so it changes nothing on the tab.
        assert_eq!(ids, [ids::DATA_RESIDENCY, ids::HAS_DPA]);
        assert!(found[0]
            .summary()
            .starts_with("Data residency: No. App does not support data residency options. → Yes. App stores"));
        assert_eq!(found[1].summary(), "Data Processing Agreement (DPA): Response not provided by the partner → Yes");
    }

    #[test]
    fn hiding_an_answer_is_a_change_to_not_provided() {
        let mut live = Answers::new();
        live.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
        live.set(ids::STORED_DATA_TYPES, Answer::List(vec!["Email address".into()]));
        let mut draft = live.clone();
        draft.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
        let summaries: Vec<_> = changes(&live, &draft).iter().map(Change::summary).collect();
        assert_eq!(
            summaries,
            [
                "Stores End-User Data outside Atlassian: Yes → No",
                "End-User Data types stored: Email address → Response not provided by the partner",
            ]
        );
    }
}
