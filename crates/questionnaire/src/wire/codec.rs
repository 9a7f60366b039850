//! One answer ↔ one wire value, per [`Encoding`]. Reading never fails loudly: a value it cannot
//! use gives `None`, and a string it does not know is kept as an unknown choice.

use serde_json::{Map, Value};

use crate::answers::{Answer, ThirdParty};
use crate::catalogue::{ids::choice, third_party_field, Encoding, Kind, ThirdPartyColumn};

const TRUE: &str = "TRUE";
const FALSE: &str = "FALSE";
const NOT_APPLICABLE: &str = "NOT_APPLICABLE";
const MIN: &str = "min";
const MAX: &str = "max";

/// The wire value of an answer, or `None` when it cannot be sent (an unknown wire value, a day
/// count that is not a number, or nothing left once blanks are dropped).
pub(super) fn encode(encoding: Encoding, answer: &Answer) -> Option<Value> {
    if let Answer::Unknown(raw) = answer {
        // Read from the API and not understood: sent back exactly as it came.
        return Some(Value::from(raw.as_str()));
    }
    let value = match (encoding, answer) {
        (Encoding::Bool, Answer::Choice(picked)) => Value::Bool(yes_or_no(picked)?),
        (Encoding::Bool, Answer::Flag(ticked)) => Value::Bool(*ticked),
        (Encoding::YesNoNotApplicable, Answer::Choice(picked)) => Value::from(match picked.as_str() {
            choice::NOT_APPLICABLE => NOT_APPLICABLE,
            other if yes_or_no(other)? => TRUE,
            _ => FALSE,
        }),
        (Encoding::Enum(table), Answer::Choice(picked)) => {
            let (_, wire) = table.iter().find(|(id, _)| id == picked)?;
            Value::from((*wire)?)
        }
        (Encoding::StringList, Answer::List(items)) => Value::from(non_blank(items)),
        (Encoding::String, Answer::Text(text)) => Value::from(text.trim()),
        (Encoding::DaysRange, Answer::DaysRange { min, max }) => {
            let mut range = Map::new();
            range.insert(MIN.into(), Value::from(min.trim().parse::<u32>().ok()?));
            range.insert(MAX.into(), Value::from(max.trim().parse::<u32>().ok()?));
            Value::Object(range)
        }
        (Encoding::ThirdParties, Answer::ThirdParties(rows)) => {
            Value::Array(rows.iter().filter(|row| !is_blank(row)).map(encode_row).collect())
        }
        _ => return None,
    };
    let empty = match &value {
        Value::Array(items) => items.is_empty(),
        Value::String(text) => text.is_empty(),
        _ => false,
    };
    (!empty).then_some(value)
}

/// The answer a wire value stands for, shaped for the question's kind.
pub(super) fn decode(kind: Kind, encoding: Encoding, value: &Value) -> Option<Answer> {
    let yes_no = |truth: bool| Answer::Choice(if truth { choice::YES } else { choice::NO }.to_owned());
    Some(match encoding {
        Encoding::Bool if kind == Kind::Checkbox => Answer::Flag(read_bool(value)?),
        Encoding::Bool => match read_bool(value) {
            Some(truth) => yes_no(truth),
            None => unknown_choice(value)?,
        },
        Encoding::YesNoNotApplicable => match value {
            Value::String(s) if s.eq_ignore_ascii_case(NOT_APPLICABLE) => Answer::Choice(choice::NOT_APPLICABLE.into()),
            other => match read_bool(other) {
                Some(truth) => yes_no(truth),
                None => unknown_choice(other)?,
            },
        },
        Encoding::Enum(table) => {
            let raw = value.as_str()?;
            match table.iter().find(|(_, wire)| *wire == Some(raw)) {
                Some((id, _)) => Answer::Choice((*id).to_owned()),
                None => unknown_choice(value)?,
            }
        }
        Encoding::StringList => Answer::List(read_strings(value)?),
        Encoding::String => Answer::Text(scalar_text(value)?),
        Encoding::DaysRange => Answer::DaysRange {
            min: value.get(MIN).and_then(scalar_text).unwrap_or_default(),
            max: value.get(MAX).and_then(scalar_text).unwrap_or_default(),
        },
        Encoding::ThirdParties => Answer::ThirdParties(value.as_array()?.iter().filter_map(decode_row).collect()),
    })
}

fn encode_row(row: &ThirdParty) -> Value {
    let mut object = Map::new();
    let key = |column| third_party_field(column).wire_key.to_owned();
    object.insert(key(ThirdPartyColumn::Name), Value::from(row.name.trim()));
    object.insert(key(ThirdPartyColumn::Domain), Value::from(row.domain.trim()));
    object.insert(key(ThirdPartyColumn::Countries), Value::from(non_blank(&row.countries)));
    object.insert(key(ThirdPartyColumn::Purpose), Value::from(row.purpose.trim()));
    Value::Object(object)
}

fn decode_row(row: &Value) -> Option<ThirdParty> {
    row.as_object()?;
    let field = |column| row.get(third_party_field(column).wire_key);
    let text = |column| field(column).and_then(scalar_text).unwrap_or_default();
    let decoded = ThirdParty {
        name: text(ThirdPartyColumn::Name),
        domain: text(ThirdPartyColumn::Domain),
        countries: field(ThirdPartyColumn::Countries).and_then(read_strings).unwrap_or_default(),
        purpose: text(ThirdPartyColumn::Purpose),
    };
    (!is_blank(&decoded)).then_some(decoded)
}

fn is_blank(row: &ThirdParty) -> bool {
    row.name.trim().is_empty()
        && row.domain.trim().is_empty()
        && row.purpose.trim().is_empty()
        && row.countries.iter().all(|country| country.trim().is_empty())
}

fn yes_or_no(picked: &str) -> Option<bool> {
    match picked {
        choice::YES => Some(true),
        choice::NO => Some(false),
        _ => None,
    }
}

fn unknown_choice(value: &Value) -> Option<Answer> {
    Some(Answer::Unknown(value.as_str()?.to_owned()))
}

/// A boolean sent as JSON `true`/`false` or as the strings `"TRUE"`/`"FALSE"` (any case).
fn read_bool(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(truth) => Some(*truth),
        Value::String(s) if s.eq_ignore_ascii_case(TRUE) => Some(true),
        Value::String(s) if s.eq_ignore_ascii_case(FALSE) => Some(false),
        _ => None,
    }
}

/// A list of strings; a lone string is read as a list of one, numbers as their text.
fn read_strings(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::Array(items) => Some(items.iter().filter_map(scalar_text).collect()),
        Value::String(_) => Some(vec![scalar_text(value)?]),
        _ => None,
    }
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn non_blank(items: &[String]) -> Vec<String> {
    items.iter().map(|item| item.trim()).filter(|item| !item.is_empty()).map(str::to_owned).collect()
}
