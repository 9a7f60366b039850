//! Answers ↔ the `TrustInfo` JSON (v2 `appTrustInformation`, v3 `commonCloud`), driven by each
//! question's [`Wire`] entry: the catalogue is the one table of wire names, with how sure we are
//! of each. Atlassian's OpenAPI document for v3 (`spec/`) defines the fields; v2 is inferred to
//! hold the same.

pub(crate) mod codec;
mod json;

use serde_json::{Map, Value};

use crate::answers::{Answer, Answers};
use crate::catalogue::SAME_AS_STORED;
use crate::catalogue::{self, Question, Wire};
use crate::validation::field_errors;
use crate::visibility::{effective, is_hidden_by_own_condition, is_mirrored};

/// The top-level key of the v2 PUT body (and of what some GET responses wrap).
pub const PUT_BODY_KEY: &str = "appTrustInformation";
/// The v3 API's wrapper around the same groups: the spec's PUT body, and what live reads show.
pub const V3_BODY_KEY: &str = "commonCloud";
/// The wrapper the spec's v3 GET schema names (`TrustInfo.common`); live reads show
/// [`V3_BODY_KEY`], so both are read.
pub const V3_READ_KEY: &str = "common";
/// Groups the API returns but does not take back (`properties.formStatus`, seen live).
pub const READ_ONLY_GROUPS: &[&str] = &["properties"];

/// Why an answer the partner gave does not go into the PUT body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsentReason {
    /// The API has no field for it: the question's [`Wire::Elsewhere`] says where it goes.
    UnknownField,
    /// It follows up an answer that cannot be sent, and would make no sense on its own.
    ParentNotSent,
    /// Not valid yet (a day count that is not a number, a link that is not a web link, one bad
    /// third-party row): see validation. The old value the Marketplace holds is not kept either:
    /// the partner changed it.
    Invalid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsent {
    pub question: &'static Question,
    pub reason: UnsentReason,
}

/// Every answer that will be submitted, with its wire value, in catalogue order: visible,
/// given, valid, of a known field and value, and following up answers that are sent too.
///
/// Valid means without any field error, whoever calls this: a link, e-mail or day count the
/// form marks as wrong is never sent. One error withholds the whole answer, so a list of third
/// parties with one bad row (or an empty one) is not sent until corrected, rather than sent
/// without the rows a customer would then not know about.
pub fn sent(answers: &Answers) -> Vec<(&'static Question, Value)> {
    let effective = effective(answers);
    let errors = field_errors(answers);
    let mut sent: Vec<(&'static Question, Value)> = Vec::new();
    for question in catalogue::questions() {
        let (Wire::Field { encoding, .. }, Some(answer)) = (question.wire, effective.get(question.id)) else {
            continue;
        };
        // A mirrored answer is the one it copies, errors included.
        let typed_in = if is_mirrored(question.id, answers) { SAME_AS_STORED.copy_from } else { question.id };
        if errors.iter().any(|error| error.question == typed_in) || !parents_sent(question, &sent) {
            continue;
        }
        if let Some(value) = codec::encode(encoding, answer) {
            sent.push((question, value));
        }
    }
    sent
}

fn parents_sent(question: &Question, sent: &[(&Question, Value)]) -> bool {
    question
        .shown_when
        .is_none_or(|condition| condition.parents().iter().all(|parent| sent.iter().any(|(q, _)| q.id == *parent)))
}

/// The `TrustInfo` object for the answers that will be submitted.
pub fn to_trust_info(answers: &Answers) -> Value {
    to_trust_info_over(&Value::Null, answers)
}

/// The answers written over a `TrustInfo` read from the API: fields this catalogue does not
/// know (`requiresUsersToProvidePATs`, `permissionsJustification`, anything newer) are kept.
/// A field the catalogue knows gets the answer sent, or is removed where the partner cleared
/// it or a sent answer hides it. An answer that is given but not sent (not valid yet, a value
/// with no wire name, following up such an answer) leaves the record's value exactly as the
/// Marketplace holds it, as does a question hidden only by a condition of ours: "not sent"
/// never erases what customers read. A value no choice knows goes back only where the record
/// holds that very value (it is the record's, not an answer a link or file may bring).
pub fn to_trust_info_over(raw: &Value, answers: &Answers) -> Value {
    let mut info = trust_info_of(raw).clone();
    if !info.is_object() {
        info = Value::Object(Map::new());
    }
    for group in READ_ONLY_GROUPS {
        json::remove_at(&mut info, &[group]);
    }
    let record = trust_info_of(raw);
    let foreign_unknown = |question: &Question, value: &Value| {
        let Wire::Field { path, .. } = question.wire else { return false };
        matches!(answers.get(question.id), Some(Answer::Unknown(_))) && json::lookup(record, path) != Some(value)
    };
    let sent: Vec<_> =
        sent(answers).into_iter().filter(|(question, value)| !foreign_unknown(question, value)).collect();
    let effective = effective(answers);
    let mut kept: Vec<crate::catalogue::QuestionId> = Vec::new();
    for question in catalogue::questions().filter(|question| !is_hidden_by_own_condition(question, answers)) {
        let Wire::Field { path, .. } = question.wire else { continue };
        let withheld =
            effective.get(question.id).is_some_and(Answer::is_given) && !sent.iter().any(|(q, _)| q.id == question.id);
        let parent_kept =
            question.shown_when.is_some_and(|condition| condition.parents().iter().any(|parent| kept.contains(parent)));
        if withheld || parent_kept {
            kept.push(question.id);
        } else {
            json::remove_at(&mut info, path);
        }
    }
    for (question, value) in sent {
        if let Wire::Field { path, .. } = question.wire {
            json::insert_at(&mut info, path, value);
        }
    }
    info
}

/// The whole PUT body: `{"appTrustInformation": TrustInfo}`.
pub fn to_put_body(answers: &Answers) -> Value {
    to_put_body_over(&Value::Null, answers)
}

pub fn to_put_body_over(raw: &Value, answers: &Answers) -> Value {
    let mut body = Map::new();
    body.insert(PUT_BODY_KEY.to_owned(), to_trust_info_over(raw, answers));
    Value::Object(body)
}

/// The v3 PUT body, `{"commonCloud": TrustInfo}` (the spec's `AppPrivacyAndSecurity`).
pub fn to_v3_put_body_over(raw: &Value, answers: &Answers) -> Value {
    let mut body = Map::new();
    body.insert(V3_BODY_KEY.to_owned(), to_trust_info_over(raw, answers));
    Value::Object(body)
}

/// Answers that are given and asked but will not be sent, and why. The UI lists them before
/// a submit; they stay in the draft and the export.
pub fn unsent(answers: &Answers) -> Vec<Unsent> {
    let effective = effective(answers);
    let sent = sent(answers);
    catalogue::questions()
        .filter(|question| effective.get(question.id).is_some() && !sent.iter().any(|(q, _)| q.id == question.id))
        .map(|question| {
            let reason = match question.wire {
                Wire::Field { .. } if !parents_sent(question, &sent) => UnsentReason::ParentNotSent,
                Wire::Field { .. } => UnsentReason::Invalid,
                Wire::Elsewhere { .. } | Wire::NotSent => UnsentReason::UnknownField,
            };
            Unsent { question, reason }
        })
        .collect()
}

/// Answers that cannot be sent because the API's name for the field or value is not known,
/// or because they follow up such an answer.
pub fn unsendable(answers: &Answers) -> Vec<&'static Question> {
    unsent(answers)
        .into_iter()
        .filter(|unsent| unsent.reason != UnsentReason::Invalid)
        .map(|unsent| unsent.question)
        .collect()
}

/// Reads a `TrustInfo`, a v2 body that wraps one, or a v3 body. Tolerant: missing groups leave
/// answers unset, values of an unexpected type are skipped, strings it does not know are kept
/// as unknown choices. Keep the JSON itself too (see [`to_trust_info_over`]): fields the
/// catalogue does not know live only there.
pub fn from_trust_info(json: &Value) -> Answers {
    let info = trust_info_of(json);
    let mut answers = Answers::new();
    for question in catalogue::questions() {
        let Wire::Field { path, encoding, .. } = question.wire else {
            continue;
        };
        if let Some(answer) = json::lookup(info, path).and_then(|value| codec::decode(question.kind, encoding, value)) {
            answers.set(question.id, answer);
        }
    }
    answers
}

/// The `TrustInfo` inside a v2 body (`appTrustInformation`) or a v3 one (`commonCloud`, or the
/// spec's `common`), or the value itself.
pub fn trust_info_of(json: &Value) -> &Value {
    [PUT_BODY_KEY, V3_BODY_KEY, V3_READ_KEY].iter().find_map(|key| json.get(key)).unwrap_or(json)
}

/// Whether the JSON looks like a `TrustInfo` or a body wrapping one: it has at least one of
/// the groups the catalogue knows.
pub fn is_trust_info(json: &Value) -> bool {
    let info = trust_info_of(json);
    info.is_object() && known_paths().any(|path| info.get(path[0]).is_some())
}

/// Dotted paths of the fields in a `TrustInfo` that this catalogue does not know. They are
/// kept and sent back untouched by [`to_trust_info_over`].
pub fn unknown_fields(json: &Value) -> Vec<String> {
    let mut found = Vec::new();
    collect_unknown(trust_info_of(json), &mut Vec::new(), &mut found);
    found
}

fn collect_unknown<'v>(node: &'v Value, at: &mut Vec<&'v str>, found: &mut Vec<String>) {
    let Some(object) = node.as_object() else { return };
    for (key, value) in object {
        at.push(key);
        let is_field = known_paths().any(|path| path == at.as_slice());
        let is_group = known_paths().any(|path| path.len() > at.len() && path.starts_with(at));
        let is_read_only = at.len() == 1 && READ_ONLY_GROUPS.contains(&key.as_str());
        if is_group {
            // A group of another type is in the way, not unknown: writing replaces it.
            collect_unknown(value, at, found);
        } else if !is_field && !is_read_only {
            found.push(at.join("."));
        }
        at.pop();
    }
}

fn known_paths() -> impl Iterator<Item = &'static [&'static str]> {
    catalogue::questions().filter_map(|question| match question.wire {
        Wire::Field { path, .. } => Some(path),
        _ => None,
    })
}

#[cfg(test)]
mod tests;
