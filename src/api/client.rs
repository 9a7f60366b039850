use gloo_net::http::Request;
use serde_json::Value;
use web_sys::RequestCredentials;

/// Why a call did not succeed, in words a partner can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The request never got an answer (offline, dropped connection).
    Network(String),
    Status { code: u16, body: String },
}

impl ApiError {
    pub fn explain(&self) -> String {
        match self {
            ApiError::Network(_) => "The Marketplace could not be reached. Check your connection and try again: your answers are kept.".to_owned(),
            ApiError::Status { code: 401 | 403, .. } => "The Marketplace did not accept your e-mail and API token. Check both and try again.".to_owned(),
            ApiError::Status { code: 404, .. } => "The Marketplace does not know this app key. Check the app key.".to_owned(),
            ApiError::Status { code, body } => format!("The Marketplace answered with an error ({code}): {body}"),
        }
    }
}

/// `Authorization: Basic …` for an account e-mail and API token (UTF-8, as browsers send it).
fn basic_auth(email: &str, token: &str) -> String {
    let credentials = format!("{email}:{token}");
    // btoa takes one character per byte; mapping each UTF-8 byte to the char of that code
    // point gives it exactly the bytes to encode.
    let bytes: String = credentials.bytes().map(char::from).collect();
    let encoded = web_sys::window().and_then(|window| window.btoa(&bytes).ok()).unwrap_or_default();
    format!("Basic {encoded}")
}

pub fn trust_info_url(api_base: &str, app_key: &str) -> String {
    let key: String = js_sys::encode_uri_component(app_key).into();
    format!("{}/addons/{key}/privacy-and-security", api_base.trim_end_matches('/'))
}

/// `PUT` the whole body; the Marketplace answers 204 and keeps it as a draft version.
pub async fn put_trust_info(api_base: &str, app_key: &str, email: &str, token: &str, body: &Value) -> Result<(), ApiError> {
    let response = Request::put(&trust_info_url(api_base, app_key))
        // Omit: a 401 carrying `WWW-Authenticate: Basic` would otherwise make the browser pop
        // its own login dialog over the app (and hang a headless one). Our header still goes.
        .credentials(RequestCredentials::Omit)
        .header("Authorization", &basic_auth(email, token))
        .json(body)
        .map_err(|error| ApiError::Network(error.to_string()))?
        .send()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    if response.ok() {
        return Ok(());
    }
    let code = response.status();
    let body = response.text().await.unwrap_or_default();
    Err(ApiError::Status { code, body })
}
