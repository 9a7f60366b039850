//! Response shapes shared by every handler, so all errors look alike to the client.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::store::Record;

/// One entry of an error body's `errors` list, as the client is told to parse it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub message: String,
    pub path: String,
}

impl FieldError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError { message: message.into(), path: path.into() }
    }
}

pub fn json(status: StatusCode, value: &Value) -> Response {
    (status, Json(value)).into_response()
}

pub fn error(status: StatusCode, message: impl Into<String>) -> Response {
    json(status, &json!({ "message": message.into() }))
}

pub fn field_errors(message: impl Into<String>, errors: &[FieldError]) -> Response {
    json(StatusCode::BAD_REQUEST, &json!({ "message": message.into(), "errors": errors }))
}

pub fn unauthorized(message: impl Into<String>) -> Response {
    let mut response = error(StatusCode::UNAUTHORIZED, message);
    response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Basic realm=\"marketplace\""));
    response
}

pub fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

/// `204 No Content` for a stored draft, with `Location` naming where it is read.
pub fn stored_at(location: &str) -> Response {
    let mut response = no_content();
    if let Ok(location) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// Moves `record`'s draft to live, as approval would. `what` names the record as the API
/// does ("app", "product").
pub fn publish(record: Option<&mut Record>, what: &str, id: &str) -> Response {
    match record {
        None => error(StatusCode::NOT_FOUND, format!("{} not found: {id}", capitalised(what))),
        Some(record) => match record.draft.take() {
            None => error(StatusCode::CONFLICT, format!("No draft to publish for {what} {id}")),
            Some(draft) => {
                record.live = Some(draft);
                no_content()
            }
        },
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
