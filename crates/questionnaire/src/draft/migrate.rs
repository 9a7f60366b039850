//! Reading each version of the draft format into today's [`Draft`].
//!
//! Version 0, the prototype's, had neither `format` nor `version`:
//! `{"appKey": "…", "savedAt": 1700000000000, "answers": {"stores_eud": "yes", …}}`, its
//! answers plain JSON values (a choice id, a string, a list of strings, a boolean, `{min,max}`,
//! rows, `{picked,other}`). Version 1 tags each answer: `{"kind": "choice", "value": "yes"}`.
//! Both are read entry by entry, by the catalogue's kind for the id, so one unreadable entry
//! is dropped rather than losing the whole draft.

use serde_json::Value;

use super::{tagged, Draft, DraftError};
use crate::answers::{Answer, Answers};
use crate::catalogue::{self, Kind};

pub(super) fn is_version_0(value: &Value) -> bool {
    value.get("appKey").is_some_and(Value::is_string) && value.get("answers").is_some_and(Value::is_object)
}

pub(super) fn from_version_0(value: &Value) -> Result<Draft, DraftError> {
    let mut draft = from_version_1(value)?;
    draft.version = super::VERSION;
    draft.format = super::FORMAT.to_owned();
    Ok(draft)
}

pub(super) fn from_version_1(value: &Value) -> Result<Draft, DraftError> {
    let app_key = match value.get("appKey") {
        Some(Value::String(key)) => key.clone(),
        _ => return Err(DraftError::Malformed("it has no app key".into())),
    };
    let saved_at = match value.get("savedAt") {
        None | Some(Value::Null) => 0.0,
        Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0),
        Some(_) => return Err(DraftError::Malformed("its time stamp is not a number".into())),
    };
    let answers = match value.get("answers") {
        None | Some(Value::Null) => Answers::new(),
        Some(Value::Object(entries)) => {
            let mut answers = Answers::new();
            for (id, entry) in entries {
                if let Some(answer) = read_answer(id, entry) {
                    answers.set(id, answer);
                }
            }
            answers
        }
        Some(_) => return Err(DraftError::Malformed("its answers are not a list of question and answer".into())),
    };
    let position = value.get("position").and_then(Value::as_str).map(str::to_owned);
    let raw_trust_info = value.get("rawTrustInfo").filter(|raw| raw.is_object()).cloned();
    let revision = |name: &str| value.get(name).and_then(Value::as_u64).unwrap_or(0);
    Ok(Draft {
        position,
        raw_trust_info,
        revision: revision("revision"),
        parent: revision("parent"),
        ancestors: value
            .get("ancestors")
            .and_then(Value::as_array)
            .map(|all| all.iter().filter_map(Value::as_u64).collect())
            .unwrap_or_default(),
        record_read_at: value.get("recordReadAt").and_then(Value::as_f64),
        ..Draft::new(app_key, answers, saved_at)
    })
}

/// A tagged answer as it is, or a plain value shaped by the question's kind. Ids the catalogue
/// does not know keep tagged answers (from a newer build) and drop the rest.
fn read_answer(id: &str, entry: &Value) -> Option<Answer> {
    if entry.get("kind").is_some() {
        return tagged::answer(entry);
    }
    let kind = catalogue::find(id)?.kind;
    let number_or_text = |v: Option<&Value>| match v {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    Some(match kind {
        Kind::OneOf(_) => Answer::stored_choice(text(entry)?),
        Kind::Text { .. } | Kind::Link | Kind::Email => Answer::Text(text(entry)?),
        Kind::List { .. } => Answer::List(tagged::texts(entry)?),
        Kind::Checkbox => Answer::Flag(entry.as_bool()?),
        Kind::DaysRange => {
            entry.as_object()?;
            Answer::DaysRange { min: number_or_text(entry.get("min")), max: number_or_text(entry.get("max")) }
        }
        Kind::ThirdParties => Answer::ThirdParties(entry.as_array()?.iter().map(tagged::third_party).collect()),
        Kind::Certifications { .. } => match entry {
            Value::Array(_) => Answer::Certifications { picked: tagged::texts(entry)?, other: String::new() },
            _ => Answer::Certifications {
                picked: entry.get("picked").and_then(tagged::texts).unwrap_or_default(),
                other: entry.get("other").and_then(text).unwrap_or_default(),
            },
        },
        Kind::Provided => return None,
    })
}

fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}
