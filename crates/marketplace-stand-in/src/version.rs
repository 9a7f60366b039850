//! The `state=live|draft` query parameter shared by v2 and v3.

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::auth::Caller;
use crate::respond::{self, FieldError};
use crate::state::AppState;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    Live,
    Draft,
}

impl Version {
    pub fn name(self) -> &'static str {
        match self {
            Version::Live => "live",
            Version::Draft => "draft",
        }
    }
}

/// The raw `state` value, if any. Hand-parsed: it is the only parameter, and its legal values
/// need no percent-decoding.
pub fn state_param(query: Option<&str>) -> Option<&str> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(name, _)| *name == "state")
        .map(|(_, value)| value)
}

/// A `state` other than `live`/`draft`; answered with 400.
#[derive(Debug)]
pub struct BadState(String);

impl IntoResponse for BadState {
    fn into_response(self) -> Response {
        respond::errors_doc(&[FieldError::coded(
            "state",
            format!("Invalid state: '{}' (expected 'live' or 'draft')", self.0),
            "INVALID_ENUM_VALUE",
        )])
    }
}

/// `Ok(None)` when no state was asked for.
pub fn requested(query: Option<&str>) -> Result<Option<Version>, BadState> {
    match state_param(query) {
        None => Ok(None),
        Some("live") => Ok(Some(Version::Live)),
        Some("draft") => Ok(Some(Version::Draft)),
        Some(other) => Err(BadState(other.to_string())),
    }
}

/// Why a read is refused, the same for v2 and v3.
#[derive(Debug)]
pub enum Refusal {
    /// A `state` other than live or draft (400).
    BadState(BadState),
    /// Credentials sent, but wrong (401).
    WrongCredentials,
    /// The draft asked for without credentials (401).
    DraftWithoutCredentials,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::BadState(bad) => bad.into_response(),
            Refusal::WrongCredentials => respond::unauthorized("Invalid credentials"),
            Refusal::DraftWithoutCredentials => respond::unauthorized("Authentication required to read the draft"),
        }
    }
}

/// Who asks for which version (`None`: not said), or why they may not.
pub fn read_request(
    state: &AppState,
    query: Option<&str>,
    headers: &HeaderMap,
) -> Result<(Caller, Option<Version>), Refusal> {
    let requested = requested(query).map_err(Refusal::BadState)?;
    match (state.credentials().caller(headers), requested) {
        (Caller::Rejected, _) => Err(Refusal::WrongCredentials),
        (Caller::Anonymous, Some(Version::Draft)) => Err(Refusal::DraftWithoutCredentials),
        (caller, requested) => Ok((caller, requested)),
    }
}

pub fn missing(kind: &str, id: &str, version: Version) -> Response {
    respond::error(StatusCode::NOT_FOUND, format!("No {} version for {kind} {id}", version.name()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_state_parameter_among_others() {
        assert_eq!(state_param(Some("a=1&state=draft")), Some("draft"));
        assert_eq!(state_param(Some("state")), Some(""));
        assert_eq!(state_param(Some("statex=live")), None);
        assert_eq!(state_param(None), None);
        assert!(requested(Some("state=LIVE")).is_err());
        assert_eq!(requested(Some("state=live")).ok(), Some(Some(Version::Live)));
    }
}
