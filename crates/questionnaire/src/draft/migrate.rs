//! Reading each version of the draft format into today's [`Draft`].
//!
//! Version 0, the prototype's, had neither `format` nor `version`:
//! `{"appKey": "…", "savedAt": 1700000000000, "answers": {"stores_eud": "yes", …}}`, its
//! answers plain JSON values (a choice id, a string, a list of strings, a boolean, `{min,max}`,
//! rows, `{picked,other}`). Version 1 tags each answer: `{"kind": "choice", "value": "yes"}`.
//! Both are read entry by entry, by the catalogue's kind for the id, so one unreadable entry
//! is dropped rather than losing the whole draft.
//!
//! Answers are read from the JSON value by hand, not by serde's derived `Deserialize` over a
//! `Value`: that reader, the only one the app's wasm would need, was 6 KB of its download.
//! A property test holds the two to the same result on any answer, damaged or not.

use serde_json::Value;

use super::{Draft, DraftError};
use crate::answers::{Answer, Answers, ThirdParty};
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
        return match tagged(entry)? {
            Answer::Choice(id) => Some(Answer::stored_choice(id)),
            answer => Some(answer),
        };
    }
    let kind = catalogue::find(id)?.kind;
    let texts = |v: &Value| v.as_array().map(|items| items.iter().filter_map(text).collect::<Vec<_>>());
    let number_or_text = |v: Option<&Value>| match v {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    Some(match kind {
        Kind::OneOf(_) => Answer::stored_choice(text(entry)?),
        Kind::Text { .. } | Kind::Link | Kind::Email => Answer::Text(text(entry)?),
        Kind::List { .. } => Answer::List(texts(entry)?),
        Kind::Checkbox => Answer::Flag(entry.as_bool()?),
        Kind::DaysRange => {
            entry.as_object()?;
            Answer::DaysRange { min: number_or_text(entry.get("min")), max: number_or_text(entry.get("max")) }
        }
        Kind::ThirdParties => Answer::ThirdParties(third_parties(entry)?),
        Kind::Certifications { .. } => match entry {
            Value::Array(_) => Answer::Certifications { picked: texts(entry)?, other: String::new() },
            _ => Answer::Certifications {
                picked: entry.get("picked").and_then(texts).unwrap_or_default(),
                other: entry.get("other").and_then(text).unwrap_or_default(),
            },
        },
        Kind::Provided => return None,
    })
}

/// `{"kind": "days_range", "value": {"min": "0", "max": "30"}}` and the like, as
/// `serde_json::from_value::<Answer>` reads it: any part of the wrong type, and the answer is
/// unreadable.
fn tagged(entry: &Value) -> Option<Answer> {
    let value = entry.get("value")?;
    let field = |name: &str| value.as_object()?.get(name);
    Some(match entry.get("kind")?.as_str()? {
        "choice" => Answer::Choice(text(value)?),
        "unknown" => Answer::Unknown(text(value)?),
        "text" => Answer::Text(text(value)?),
        "list" => Answer::List(all_texts(value)?),
        "flag" => Answer::Flag(value.as_bool()?),
        "days_range" => Answer::DaysRange { min: text(field("min")?)?, max: text(field("max")?)? },
        "third_parties" => Answer::ThirdParties(third_parties(value)?),
        "certifications" => {
            Answer::Certifications { picked: all_texts(field("picked")?)?, other: text(field("other")?)? }
        }
        _ => return None,
    })
}

/// Rows of third parties, every field optional (empty when absent), as serde reads
/// `Vec<ThirdParty>`.
fn third_parties(value: &Value) -> Option<Vec<ThirdParty>> {
    let row = |row: &Value| {
        let row = row.as_object()?;
        let text_or_empty = |name: &str| row.get(name).map_or(Some(String::new()), text);
        Some(ThirdParty {
            name: text_or_empty("name")?,
            domain: text_or_empty("domain")?,
            countries: row.get("countries").map_or(Some(Vec::new()), all_texts)?,
            purpose: text_or_empty("purpose")?,
        })
    };
    value.as_array()?.iter().map(row).collect()
}

fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

/// Every item a string, or nothing.
fn all_texts(value: &Value) -> Option<Vec<String>> {
    value.as_array()?.iter().map(text).collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{json, Value};

    use super::{tagged, third_parties};
    use crate::answers::{Answer, ThirdParty};

    /// Damage as a hand-edited or truncated draft holds it: the `pick`th part of the value (0 is
    /// the whole) replaced, or, for an object's field and a null replacement, removed.
    fn damaged(mut value: Value, pick: usize, replacement: &Value) -> Value {
        fn walk(node: &mut Value, pick: usize, seen: &mut usize, replacement: &Value) -> bool {
            match node {
                Value::Object(map) => {
                    for key in map.keys().cloned().collect::<Vec<_>>() {
                        *seen += 1;
                        if *seen == pick {
                            match replacement {
                                Value::Null => map.remove(&key),
                                other => map.insert(key, other.clone()),
                            };
                            return true;
                        }
                        if walk(&mut map[&key], pick, seen, replacement) {
                            return true;
                        }
                    }
                    false
                }
                Value::Array(items) => items.iter_mut().any(|item| {
                    *seen += 1;
                    if *seen == pick {
                        *item = replacement.clone();
                        return true;
                    }
                    walk(item, pick, seen, replacement)
                }),
                _ => false,
            }
        }
        if pick == 0 {
            return replacement.clone();
        }
        walk(&mut value, pick, &mut 0, replacement);
        value
    }

    /// serde also reads a struct written as the array of its fields (`["0", "30"]`). No build
    /// writes one; the hand reader drops it as damage.
    fn struct_as_array(answer: &Value) -> bool {
        let content = answer.get("value");
        match answer.get("kind").and_then(Value::as_str) {
            Some("days_range" | "certifications") => content.is_some_and(Value::is_array),
            Some("third_parties") => content.is_some_and(rows_as_arrays),
            _ => false,
        }
    }

    fn rows_as_arrays(rows: &Value) -> bool {
        rows.as_array().is_some_and(|rows| rows.iter().any(Value::is_array))
    }

    fn leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i32>().prop_map(Value::from),
            "[a-z_]{0,8}".prop_map(Value::from),
            Just(json!(["a", "b"])),
            Just(json!(["a", 1])),
            Just(json!({})),
            Just(json!({"min": "1", "max": "2", "picked": [], "other": ""})),
        ]
    }

    fn answer() -> impl Strategy<Value = Answer> {
        let text = || "[a-z ]{0,6}";
        let texts = || proptest::collection::vec(text(), 0..3);
        let row = (text(), text(), texts(), text()).prop_map(|(name, domain, countries, purpose)| ThirdParty {
            name,
            domain,
            countries,
            purpose,
        });
        prop_oneof![
            text().prop_map(Answer::Choice),
            text().prop_map(Answer::Unknown),
            text().prop_map(Answer::Text),
            texts().prop_map(Answer::List),
            any::<bool>().prop_map(Answer::Flag),
            (text(), text()).prop_map(|(min, max)| Answer::DaysRange { min, max }),
            proptest::collection::vec(row, 0..3).prop_map(Answer::ThirdParties),
            (texts(), text()).prop_map(|(picked, other)| Answer::Certifications { picked, other }),
        ]
    }

    proptest! {
        #[test]
        fn a_tagged_answer_reads_as_serde_reads_it_damaged_or_not(
            answer in answer(), damage in proptest::option::of((0usize..12, leaf())),
        ) {
            let mut value = serde_json::to_value(&answer).expect("an answer serialises");
            if let Some((pick, replacement)) = damage {
                value = damaged(value, pick, &replacement);
            }
            if struct_as_array(&value) {
                prop_assert_eq!(tagged(&value), None, "{}", value);
            } else {
                prop_assert_eq!(tagged(&value), serde_json::from_value::<Answer>(value.clone()).ok(), "{}", value);
            }
            let rows = value.get("value").cloned().unwrap_or(Value::Null);
            if rows_as_arrays(&rows) {
                prop_assert_eq!(third_parties(&rows), None, "{}", rows);
            } else {
                prop_assert_eq!(third_parties(&rows), serde_json::from_value::<Vec<ThirdParty>>(rows.clone()).ok(), "{}", rows);
            }
        }
    }
}
