//! Answers ↔ the v2 `appTrustInformation` JSON, driven by each question's [`Wire`] entry.

use serde_json::{Map, Value};

use crate::answers::{Answer, Answers, ThirdParty};
use crate::catalogue::{self, Encoding, Question, Wire};
use crate::visibility::is_asked;

/// The top-level key of the PUT body.
pub const PUT_BODY_KEY: &str = "appTrustInformation";

/// The `TrustInfo` object for the answers that will be submitted: visible, given, and with a
/// known wire field.
pub fn to_trust_info(answers: &Answers) -> Value {
    let mut root = Value::Object(Map::new());
    for question in catalogue::questions() {
        if !is_asked(question, answers) {
            continue;
        }
        let (Wire::Field { path, encoding, .. }, Some(answer)) = (question.wire, answers.get(question.id))
        else {
            continue;
        };
        if !answer.is_given() && !matches!(answer, Answer::Flag(_)) {
            continue;
        }
        if let Some(value) = encode(encoding, answer) {
            insert_at(&mut root, path, value);
        }
    }
    root
}

/// The whole PUT body: `{"appTrustInformation": TrustInfo}`.
pub fn to_put_body(answers: &Answers) -> Value {
    let mut body = Map::new();
    body.insert(PUT_BODY_KEY.to_owned(), to_trust_info(answers));
    Value::Object(body)
}

/// Answers that are given and asked but cannot be sent, because no public source names their
/// wire field. The UI lists them before a submit.
pub fn unsendable(answers: &Answers) -> Vec<&'static Question> {
    catalogue::questions()
        .filter(|question| question.wire == Wire::Unknown && is_asked(question, answers))
        .filter(|question| answers.get(question.id).is_some_and(Answer::is_given))
        .collect()
}

/// Reads a `TrustInfo` (or a whole GET/PUT body that wraps one). Tolerant: missing groups
/// leave answers unset, values of an unexpected type are skipped, unknown enum values are kept.
pub fn from_trust_info(json: &Value) -> Answers {
    let info = json.get(PUT_BODY_KEY).unwrap_or(json);
    let mut answers = Answers::new();
    for question in catalogue::questions() {
        let Wire::Field { path, encoding, .. } = question.wire else {
            continue;
        };
        if let Some(answer) = lookup(info, path).and_then(|value| decode(question, encoding, value)) {
            answers.set(question.id, answer);
        }
    }
    answers
}

fn encode(encoding: Encoding, answer: &Answer) -> Option<Value> {
    Some(match (encoding, answer) {
        (Encoding::Bool, Answer::Choice(choice)) => Value::Bool(match choice.as_str() {
            "yes" => true,
            "no" => false,
            _ => return None,
        }),
        (Encoding::Bool, Answer::Flag(ticked)) => Value::Bool(*ticked),
        (Encoding::YesNoNotApplicable, Answer::Choice(choice)) => Value::from(match choice.as_str() {
            "yes" => "TRUE",
            "no" => "FALSE",
            "na" => "NOT_APPLICABLE",
            _ => return None,
        }),
        (Encoding::Enum(table), Answer::Choice(choice)) => {
            if let Some(raw) = choice.strip_prefix(Answer::UNKNOWN_PREFIX) {
                Value::from(raw)
            } else {
                let (_, wire) = table.iter().find(|(id, _)| id == choice)?;
                Value::from((*wire)?)
            }
        }
        (Encoding::StringList, Answer::List(items)) => Value::from(non_blank(items)),
        (Encoding::String, Answer::Text(text)) => Value::from(text.trim()),
        (Encoding::DaysRange, Answer::DaysRange { min, max }) => {
            let mut range = Map::new();
            range.insert("min".into(), Value::from(min.trim().parse::<u32>().ok()?));
            range.insert("max".into(), Value::from(max.trim().parse::<u32>().ok()?));
            Value::Object(range)
        }
        (Encoding::ThirdParties, Answer::ThirdParties(rows)) => Value::Array(
            rows.iter()
                .map(|row| {
                    serde_json::json!({
                        "name": row.name.trim(),
                        "link": row.domain.trim(),
                        "purpose": row.purpose.trim(),
                        "thirdPartyCountries": non_blank(&row.countries),
                    })
                })
                .collect(),
        ),
        _ => return None,
    })
}

fn decode(question: &Question, encoding: Encoding, value: &Value) -> Option<Answer> {
    let yes_no = |truth: bool| Answer::Choice(if truth { "yes" } else { "no" }.to_owned());
    Some(match encoding {
        Encoding::Bool if matches!(question.kind, catalogue::Kind::Checkbox) => {
            Answer::Flag(read_bool(value)?)
        }
        Encoding::Bool => yes_no(read_bool(value)?),
        Encoding::YesNoNotApplicable => match value {
            Value::String(s) if s.eq_ignore_ascii_case("NOT_APPLICABLE") => Answer::Choice("na".into()),
            other => yes_no(read_bool(other)?),
        },
        Encoding::Enum(table) => {
            let raw = value.as_str()?;
            match table.iter().find(|(_, wire)| *wire == Some(raw)) {
                Some((id, _)) => Answer::Choice((*id).to_owned()),
                None => Answer::Choice(format!("{}{raw}", Answer::UNKNOWN_PREFIX)),
            }
        }
        Encoding::StringList => Answer::List(read_strings(value)?),
        Encoding::String => Answer::Text(value.as_str()?.to_owned()),
        Encoding::DaysRange => Answer::DaysRange {
            min: value.get("min").map(number_text).unwrap_or_default(),
            max: value.get("max").map(number_text).unwrap_or_default(),
        },
        Encoding::ThirdParties => Answer::ThirdParties(
            value
                .as_array()?
                .iter()
                .map(|row| ThirdParty {
                    name: string_at(row, "name"),
                    domain: string_at(row, "link"),
                    purpose: string_at(row, "purpose"),
                    countries: row.get("thirdPartyCountries").and_then(read_strings).unwrap_or_default(),
                })
                .collect(),
        ),
    })
}

/// A boolean sent as JSON `true`/`false` or as the strings `"TRUE"`/`"FALSE"` (any case).
fn read_bool(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(truth) => Some(*truth),
        Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

fn read_strings(value: &Value) -> Option<Vec<String>> {
    Some(value.as_array()?.iter().filter_map(|item| item.as_str().map(str::to_owned)).collect())
}

fn string_at(object: &Value, key: &str) -> String {
    object.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn number_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn non_blank(items: &[String]) -> Vec<String> {
    items.iter().map(|item| item.trim()).filter(|item| !item.is_empty()).map(str::to_owned).collect()
}

fn lookup<'v>(root: &'v Value, path: &[&str]) -> Option<&'v Value> {
    path.iter().try_fold(root, |node, key| node.get(key))
}

fn insert_at(root: &mut Value, path: &[&str], value: Value) {
    let (last, parents) = path.split_last().expect("wire paths are never empty");
    let mut node = root;
    for key in parents {
        let object = node.as_object_mut().expect("wire paths only pass through objects");
        node = object.entry(*key).or_insert_with(|| Value::Object(Map::new()));
    }
    node.as_object_mut()
        .expect("wire paths only pass through objects")
        .insert((*last).to_owned(), value);
}
