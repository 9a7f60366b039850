//! When the answers of an app were last accepted by the Marketplace: a small record of its own
//! per app key (`privacy-tab:submitted:{key}` = `{"submittedAt": ms}`), apart from the draft,
//! so neither can damage the other.

use serde_json::{json, Value};

const PREFIX: &str = "privacy-tab:submitted:";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether the browser kept the record (the submission itself succeeded either way).
pub fn mark_submitted(key: &str, at_ms: f64) -> bool {
    let record = json!({ "submittedAt": at_ms }).to_string();
    storage().is_some_and(|storage| storage.set_item(&format!("{PREFIX}{key}"), &record).is_ok())
}

pub fn submitted_at(key: &str) -> Option<f64> {
    let text = storage()?.get_item(&format!("{PREFIX}{key}")).ok().flatten()?;
    serde_json::from_str::<Value>(&text).ok()?.get("submittedAt")?.as_f64()
}
