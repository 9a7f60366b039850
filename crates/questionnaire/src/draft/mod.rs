//! The draft as stored in local storage and exported to a file: versioned JSON with the app
//! key and a timestamp. Older versions are migrated on read; newer ones are refused clearly.

mod changes;
mod export;
mod migrate;
mod restore;
pub mod sync;
pub(crate) mod tagged;
#[cfg(test)]
mod tests;

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::answers::Answers;
use crate::wire;

pub use changes::{answer_text, changes, AnswerChange};
pub use export::{export_json, import, ImportKind, Imported};
pub use restore::{restore, Restored};

/// Names the format inside the file, so a stray JSON file is told apart from a draft.
pub const FORMAT: &str = "privacy-tab-draft";
/// Drafts are a few tens of kilobytes; a file far larger is not one, and is not read on. The
/// browser's import and the command line stop at the same size.
pub const LARGEST_FILE_BYTES: u64 = 5_000_000;

/// The version this build writes. Version 0 (no `format`, no `version`) is migrated on read.
pub const VERSION: u32 = 1;

/// Where the browser keeps the draft of one app: one local-storage entry per app key.
pub fn storage_key(app_key: &str) -> String {
    format!("{FORMAT}:{app_key}")
}

/// Where copies of stored text that could not be kept as it was go: this prefix, then the
/// time the copy was made (milliseconds since the epoch).
pub fn backup_key_prefix(app_key: &str) -> String {
    format!("{FORMAT}-backup:{app_key}:")
}

/// The IndexedDB database of the drafts' crash-safe copies (one object store, `drafts`, keyed
/// by [`storage_key`]).
pub const DURABLE_DATABASE: &str = "privacy-tab";

/// Where the first builds kept the draft; read once and moved to [`storage_key`].
pub fn legacy_storage_key(app_key: &str) -> String {
    format!("privacy-tab:draft:{app_key}")
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub format: String,
    pub version: u32,
    pub app_key: String,
    /// Milliseconds since the Unix epoch, as the browser's `Date.now()` gives them.
    pub saved_at: f64,
    pub answers: Answers,
    /// The question id the partner was at, to take them back there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// The `TrustInfo` last read from the API. Fields the catalogue does not know live only
    /// here, and [`Draft::put_body`] sends them back untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_trust_info: Option<Value>,
    /// Names this save among all saves of the draft, in every tab (see [`sync::Lineage`]).
    /// 0: written before saves were named.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u64,
    /// The save this one was made over: what the writing tab had read from storage.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub parent: u64,
    /// The saves this one descends from, oldest first, `parent` last (the last few only): which
    /// of two copies is newer is read here, never from clocks (see [`crate::session::revisions`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ancestors: Vec<u64>,
    /// When `raw_trust_info` was read from the Marketplace (milliseconds since the epoch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_read_at: Option<f64>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Draft {
    pub fn new(app_key: impl Into<String>, answers: Answers, saved_at: f64) -> Self {
        Draft {
            format: FORMAT.to_owned(),
            version: VERSION,
            app_key: app_key.into(),
            saved_at,
            answers,
            position: None,
            raw_trust_info: None,
            revision: 0,
            parent: 0,
            ancestors: Vec::new(),
            record_read_at: None,
        }
    }

    /// A draft from what the API returned (a `TrustInfo`, or a v2/v3 body wrapping one).
    pub fn from_api(app_key: impl Into<String>, json: &Value, saved_at: f64) -> Self {
        Draft {
            raw_trust_info: Some(wire::trust_info_of(json).clone()),
            ..Draft::new(app_key, wire::from_trust_info(json), saved_at)
        }
    }

    /// The PUT body for this draft: its answers written over the document read from the API.
    pub fn put_body(&self) -> Value {
        wire::to_put_body_over(self.raw_trust_info.as_ref().unwrap_or(&Value::Null), &self.answers)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a draft always serialises")
    }

    /// Reads a stored or exported draft, of this version or an older one. Never panics: anything
    /// unreadable is a [`DraftError`] that says what is wrong, and the caller keeps the text.
    pub fn parse(text: &str) -> Result<Draft, DraftError> {
        let value: Value = serde_json::from_str(text).map_err(|e| DraftError::NotJson(e.to_string()))?;
        Draft::from_value(&value)
    }

    fn from_value(value: &Value) -> Result<Draft, DraftError> {
        if !value.is_object() {
            return Err(DraftError::NotADraft);
        }
        match value.get("format") {
            None if migrate::is_version_0(value) => return migrate::from_version_0(value),
            Some(Value::String(format)) if format == FORMAT => {}
            _ => return Err(DraftError::NotADraft),
        }
        match value.get("version").and_then(Value::as_u64) {
            None => Err(DraftError::NoVersion),
            Some(0) => migrate::from_version_0(value),
            Some(1) => migrate::from_version_1(value),
            Some(newer) => Err(DraftError::NewerVersion(newer)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    NotJson(String),
    NotADraft,
    NoVersion,
    NewerVersion(u64),
    Malformed(String),
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::NotJson(detail) => write!(f, "This is not a JSON file, or it was cut short ({detail})."),
            DraftError::NotADraft => write!(f, "This JSON file is neither a privacy-tab draft nor a Marketplace Privacy & Security document."),
            DraftError::NoVersion => write!(f, "This draft does not say which version of the format it uses."),
            DraftError::NewerVersion(v) => write!(f, "This draft was written by a newer version of privacy-tab (format {v}; this one reads up to {VERSION}). Update the app to open it."),
            DraftError::Malformed(detail) => write!(f, "This draft is damaged: {detail}."),
        }
    }
}

impl std::error::Error for DraftError {}
