//! Reading the draft kept in local storage, and knowing when the text must be kept aside
//! before it is written over: storing the draft back would lose something from it.

use serde_json::Value;

use super::{Draft, DraftError};

/// A stored draft, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub draft: Draft,
    /// The text says more than the draft will when saved again: it was an older version
    /// (migrated), or it held entries that could not be read or fields this version does not
    /// know. Keep the original text before the next save replaces it.
    pub keep_original: bool,
}

/// Reads stored text. An error means nothing could be read: keep the text, tell the partner.
pub fn restore(text: &str) -> Result<Restored, DraftError> {
    let draft = Draft::parse(text)?;
    let original: Value = serde_json::from_str(text).map_err(|e| DraftError::NotJson(e.to_string()))?;
    let rewritten = serde_json::to_value(&draft).expect("a draft always serialises");
    Ok(Restored { keep_original: !same_json(&original, &rewritten), draft })
}

/// JSON equality that reads `5` and `5.0` as the same number, as JavaScript does.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(xs), Value::Array(ys)) => xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same_json(x, y)),
        (Value::Object(xs), Value::Object(ys)) => {
            xs.len() == ys.len() && xs.iter().all(|(key, x)| ys.get(key).is_some_and(|y| same_json(x, y)))
        }
        _ => a == b,
    }
}
