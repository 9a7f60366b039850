//! CORS for the one public read: an anonymous v2 GET of the live version, so an embeddable
//! widget on another origin can show it. Nothing else gets CORS headers, because the real API
//! is assumed to send none and the app must not come to rely on them.

use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::version::state_param;

/// Runs outside the fault layer, so injected errors on a public read are readable too.
pub async fn public_live_reads(request: Request, next: Next) -> Response {
    let public = is_public_read(&request);
    let mut response = next.run(request).await;
    if public {
        response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    }
    response
}

fn is_public_read(request: &Request) -> bool {
    let path = request.uri().path();
    matches!(*request.method(), Method::GET | Method::HEAD)
        && !request.headers().contains_key(header::AUTHORIZATION)
        && path.starts_with("/rest/2/addons/")
        && path.ends_with("/privacy-and-security")
        && state_param(request.uri().query()) != Some("draft")
}

/// Allows GET with simple headers only: a preflight for PUT or for an `Authorization` header
/// fails, as it would against the real API.
pub async fn preflight() -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    let headers = response.headers_mut();
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, HEAD, OPTIONS"));
    headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("Accept, Content-Type"));
    headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
    response
}
