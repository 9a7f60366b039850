//! Response shapes shared by every handler, so all errors look alike to the client.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::store::Record;

/// One entry of an error body's `errors` list: the spec's `JsonError`, `path` a JSON Pointer
/// inside the wrapper (left out when the error is about no field).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub message: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

impl FieldError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError { message: message.into(), path: path.into(), code: None }
    }

    pub fn coded(path: impl Into<String>, message: impl Into<String>, code: &str) -> Self {
        FieldError { code: Some(code.to_owned()), ..FieldError::new(path, message) }
    }
}

pub fn json(status: StatusCode, value: &Value) -> Response {
    (status, Json(value)).into_response()
}

pub fn error(status: StatusCode, message: impl Into<String>) -> Response {
    json(status, &json!({ "message": message.into() }))
}

/// 400 with the spec's `JsonErrorsDoc`: `{"errors": [{"message", "path", "code"}]}`, nothing
/// else: how the API itself refuses a request.
pub fn errors_doc(errors: &[FieldError]) -> Response {
    json(StatusCode::BAD_REQUEST, &json!({ "errors": errors }))
}

/// 400 for the control API (not the Marketplace's): a `message` and the `errors` list.
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

/// `204 No Content` for a stored draft, with `Location` naming where it is read (v2, as its
/// reference documents).
pub fn stored_at(location: &str) -> Response {
    with_location(no_content(), location)
}

/// A stored v3 draft, as the spec answers it: `201 Created` (with `Location`) when there was
/// no draft before, `200 OK` when it replaced one.
pub fn stored_v3(replaced: bool, location: &str) -> Response {
    if replaced {
        StatusCode::OK.into_response()
    } else {
        with_location(StatusCode::CREATED.into_response(), location)
    }
}

fn with_location(mut response: Response, location: &str) -> Response {
    if let Ok(location) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// Moves `record`'s draft to live, as approval would, answering as the spec's publish does:
/// `200`, or `404` when there is no such record or no draft. `what` names the record as the
/// API does ("app", "product").
pub fn publish(record: Option<&mut Record>, what: &str, id: &str) -> Response {
    match record {
        None => error(StatusCode::NOT_FOUND, format!("{} not found: {id}", capitalised(what))),
        Some(record) => match record.draft.take() {
            None => error(StatusCode::NOT_FOUND, format!("No draft to publish for {what} {id}")),
            Some(draft) => {
                record.live = Some(draft);
                StatusCode::OK.into_response()
            }
        },
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
