//! One answer ↔ one wire value, per [`Encoding`]. Reading never fails loudly: a value it cannot
//! use gives `None`, and a string it does not know is kept as an unknown choice.

use serde_json::{Map, Value};

use crate::answers::{Answer, ThirdParty};
use crate::catalogue::{ids::choice, third_party_field, Encoding, Kind, ThirdPartyColumn, OTHER_CERTIFICATION};
use crate::validation::link::{check_domain, domain_href};

const TRUE: &str = "TRUE";
const FALSE: &str = "FALSE";
const NOT_APPLICABLE: &str = "NOT_APPLICABLE";
const MIN: &str = "min";
const MAX: &str = "max";

/// The wire value of an answer, or `None` when it cannot be sent (an unknown wire value, a day
/// count that is not a number, or nothing left once blanks are dropped).
pub(crate) fn encode(encoding: Encoding, answer: &Answer) -> Option<Value> {
    if let Answer::Unknown(raw) = answer {
        // Read from the API and not understood: sent back exactly as it came.
        return Some(Value::from(raw.as_str()));
    }
    let value = match (encoding, answer) {
        (Encoding::Bool, Answer::Choice(picked)) => Value::Bool(yes_or_no(picked)?),
        (Encoding::Bool, Answer::Flag(ticked)) => Value::Bool(*ticked),
        // The spec's enum: JSON `true` and `false`, and the string "NOT_APPLICABLE".
        (Encoding::YesNoNotApplicable, Answer::Choice(picked)) => match picked.as_str() {
            choice::NOT_APPLICABLE => Value::from(NOT_APPLICABLE),
            other => Value::Bool(yes_or_no(other)?),
        },
        (Encoding::Enum(table), Answer::Choice(picked)) => {
            let (_, wire) = table.iter().find(|(id, _)| id == picked)?;
            Value::from((*wire)?)
        }
        (Encoding::Certifications(table), Answer::Certifications { picked, other }) => {
            Value::from(encode_certifications(table, picked, other))
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
            Value::String(s) if s.eq_ignore_ascii_case(NOT_APPLICABLE) && offers(kind, choice::NOT_APPLICABLE) => {
                Answer::Choice(choice::NOT_APPLICABLE.into())
            }
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
        Encoding::Certifications(table) => {
            let items: Vec<String> = read_strings(value)?.iter().map(|item| item.trim().to_owned()).collect();
            let is_known = |item: &String| table.iter().any(|(_, wire)| wire == item);
            let mut picked: Vec<String> = table
                .iter()
                .filter(|(_, wire)| items.iter().any(|item| item == wire))
                .map(|(option, _)| (*option).to_owned())
                .collect();
            let mut others: Vec<&str> = Vec::new();
            for item in items.iter().filter(|item| !item.is_empty() && !is_known(item)) {
                if !others.contains(&item.as_str()) {
                    others.push(item);
                }
            }
            if !others.is_empty() {
                picked.push(OTHER_CERTIFICATION.to_owned());
            }
            Answer::Certifications { picked, other: others.join(", ") }
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

/// The wire values of the picked options, in the table's order, then each certification the
/// "Other" text names (separated by commas) that is none of them. Reading gives the options
/// back in that order, and the rest joined by ", " as the "Other" text, so a record read and
/// written back is unchanged.
fn encode_certifications(table: &[(&str, &'static str)], picked: &[String], other: &str) -> Vec<String> {
    let others: Vec<&str> = if picked.iter().any(|option| option == OTHER_CERTIFICATION) {
        other.split(',').map(str::trim).filter(|entry| !entry.is_empty()).collect()
    } else {
        Vec::new()
    };
    let mut values: Vec<String> = table
        .iter()
        .filter(|(option, wire)| picked.iter().any(|picked| picked == option) || others.contains(wire))
        .map(|(_, wire)| (*wire).to_owned())
        .collect();
    for entry in others {
        if !values.iter().any(|value| value == entry) {
            values.push(entry.to_owned());
        }
    }
    values
}

fn encode_row(row: &ThirdParty) -> Value {
    let mut object = Map::new();
    let key = |column| third_party_field(column).wire_key.to_owned();
    object.insert(key(ThirdPartyColumn::Name), Value::from(row.name.trim()));
    // The wire's `link` is a URI (the spec's `format: uri`); the partner types a domain or a
    // link, so a bare domain goes as the https link the tab opens for it.
    let link = domain_href(&row.domain).unwrap_or_else(|| row.domain.trim().to_owned());
    object.insert(key(ThirdPartyColumn::Domain), Value::from(link));
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
        domain: domain_of_link(&text(ThirdPartyColumn::Domain)),
        countries: field(ThirdPartyColumn::Countries).and_then(read_strings).unwrap_or_default(),
        purpose: text(ThirdPartyColumn::Purpose),
    };
    (!is_blank(&decoded)).then_some(decoded)
}

/// The domain a partner typed, from the link sent for it: the https link of a bare domain
/// reads back as that domain (a link typed with `https://` reads back without it, which points
/// to the same place).
fn domain_of_link(link: &str) -> String {
    match link.strip_prefix("https://") {
        Some(domain) if !domain.contains(':') && check_domain(domain).is_ok() => domain.to_owned(),
        _ => link.to_owned(),
    }
}

fn offers(kind: Kind, choice_id: &str) -> bool {
    matches!(kind, Kind::OneOf(choices) if choices.iter().any(|choice| choice.id == choice_id))
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
