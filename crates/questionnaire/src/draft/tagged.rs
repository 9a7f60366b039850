//! The draft format's answers, `{"kind": "text", "value": "…"}`, read by walking the JSON
//! rather than by serde's derived deserialisers: dropping those, over a `Value`, and a second
//! JSON parser took 9.6 KB off the app's wasm (docs/benchmarks.md). Lenient: a part of the
//! wrong type reads as empty, so a damaged entry keeps what can be read (and the draft's
//! original text is kept beside it, `restore`).

use serde_json::Value;

use crate::answers::{Answer, ThirdParty};

/// One answer as the draft format tags it, `{"kind": "text", "value": "…"}`; `None` for a
/// kind or shape this build does not know.
pub(crate) fn answer(entry: &Value) -> Option<Answer> {
    let value = entry.get("value")?;
    Some(match entry.get("kind")?.as_str()? {
        "choice" => Answer::stored_choice(value.as_str()?.to_owned()),
        "unknown" => Answer::Unknown(value.as_str()?.to_owned()),
        "text" => Answer::Text(value.as_str()?.to_owned()),
        "list" => Answer::List(texts(value)?),
        "flag" => Answer::Flag(value.as_bool()?),
        "days_range" => Answer::DaysRange { min: text_in(value, "min"), max: text_in(value, "max") },
        "third_parties" => Answer::ThirdParties(value.as_array()?.iter().map(third_party).collect()),
        "certifications" => Answer::Certifications {
            picked: value.get("picked").and_then(texts).unwrap_or_default(),
            other: text_in(value, "other"),
        },
        _ => return None,
    })
}

pub(crate) fn third_party(row: &Value) -> ThirdParty {
    ThirdParty {
        name: text_in(row, "name"),
        domain: text_in(row, "domain"),
        countries: row.get("countries").and_then(texts).unwrap_or_default(),
        purpose: text_in(row, "purpose"),
    }
}

/// The strings of an array (anything else in it is skipped).
pub(crate) fn texts(value: &Value) -> Option<Vec<String>> {
    Some(value.as_array()?.iter().filter_map(Value::as_str).map(str::to_owned).collect())
}

fn text_in(object: &Value, key: &str) -> String {
    object.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}
