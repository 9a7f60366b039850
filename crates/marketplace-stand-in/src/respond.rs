//! Response shapes shared by every handler, so all errors look alike to the client.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

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
