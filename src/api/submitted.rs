//! When the answers of an app were last accepted by the Marketplace: a small record of its own
//! per app key (`privacy-tab:submitted:{key}` = `{"submittedAt": ms}`), apart from the draft,
//! so neither can damage the other.

use serde_json::{json, Value};

use crate::draft::storage;

const PREFIX: &str = "privacy-tab:submitted:";

/// Whether the browser kept the record (the submission itself succeeded either way).
pub fn mark_submitted(key: &str, at_ms: f64) -> bool {
    let record = json!({ "submittedAt": at_ms }).to_string();
    storage::write(&format!("{PREFIX}{key}"), &record)
}

pub fn submitted_at(key: &str) -> Option<f64> {
    let text = storage::read(&format!("{PREFIX}{key}"))?;
    serde_json::from_str::<Value>(&text).ok()?.get("submittedAt")?.as_f64()
}
