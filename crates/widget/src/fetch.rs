//! One anonymous GET with the browser's own `fetch` (lighter in the widget than an HTTP
//! library): no cookies go to the other origin, and it must allow this page to read (CORS).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, Response};

pub enum Failure {
    /// Nothing came back: offline, refused, or a response this page may not read (CORS).
    Unreachable,
    /// The server answered with this status and body.
    Status(u16, String),
}

/// The body of a successful GET of `url`.
pub async fn get_text(url: &str) -> Result<String, Failure> {
    let window = web_sys::window().ok_or(Failure::Unreachable)?;
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    let response: Response =
        JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|_| Failure::Unreachable)?.unchecked_into();
    let body = JsFuture::from(response.text().map_err(|_| Failure::Unreachable)?)
        .await
        .map_err(|_| Failure::Unreachable)?
        .as_string()
        .unwrap_or_default();
    if response.ok() {
        Ok(body)
    } else {
        Err(Failure::Status(response.status(), body))
    }
}
