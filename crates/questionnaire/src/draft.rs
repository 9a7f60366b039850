//! The draft as stored in local storage and exported to a file: versioned JSON.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::answers::Answers;

/// Names the format inside the file, so a stray JSON file is told apart from a draft.
pub const FORMAT: &str = "privacy-tab-draft";
/// The version this build writes. Older versions are migrated on read.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub format: String,
    pub version: u32,
    pub app_key: String,
    /// Milliseconds since the Unix epoch, as the browser's `Date.now()` gives them.
    pub saved_at: f64,
    pub answers: Answers,
}

impl Draft {
    pub fn new(app_key: impl Into<String>, answers: Answers, saved_at: f64) -> Self {
        Draft { format: FORMAT.to_owned(), version: VERSION, app_key: app_key.into(), saved_at, answers }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a draft always serialises")
    }

    /// Reads a stored or exported draft. Never panics: anything unreadable is a [`DraftError`]
    /// that says what is wrong, and the caller keeps the original text.
    pub fn parse(text: &str) -> Result<Draft, DraftError> {
        let value: Value = serde_json::from_str(text).map_err(|e| DraftError::NotJson(e.to_string()))?;
        if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(DraftError::NotADraft);
        }
        let version = value.get("version").and_then(Value::as_u64).ok_or(DraftError::NoVersion)?;
        if version > u64::from(VERSION) {
            return Err(DraftError::NewerVersion(version));
        }
        serde_json::from_value(value).map_err(|e| DraftError::Malformed(e.to_string()))
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
            DraftError::NotJson(detail) => write!(f, "This is not a JSON file ({detail})."),
            DraftError::NotADraft => write!(f, "This JSON file is not a privacy-tab draft (it has no \"format\": \"{FORMAT}\")."),
            DraftError::NoVersion => write!(f, "This draft does not say which version of the format it uses."),
            DraftError::NewerVersion(v) => write!(f, "This draft was written by a newer version of privacy-tab (format {v}; this one reads up to {VERSION}). Update the app to open it."),
            DraftError::Malformed(detail) => write!(f, "This draft is damaged: {detail}."),
        }
    }
}

impl std::error::Error for DraftError {}
