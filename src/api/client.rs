//! The Marketplace Privacy & Security endpoints, v2 or v3, over gloo-net. Bodies and URLs come
//! from the questionnaire crate; this file only knows headers, status codes and how to send.

use gloo_net::http::{Request, RequestBuilder, Response};
use questionnaire::wire::{PUT_BODY_KEY, V3_BODY_KEY};
use serde_json::{Map, Value};
use web_sys::{RequestCache, RequestCredentials};

use super::config::ApiVersion;
use super::error::ApiError;

/// An account e-mail and API token. No `Debug`: it must never end up in a log.
#[derive(Clone)]
pub struct Credentials {
    pub email: String,
    pub token: String,
}

impl Credentials {
    /// Both given, or `None`.
    pub fn new(email: &str, token: &str) -> Option<Credentials> {
        let (email, token) = (email.trim(), token.trim());
        (!email.is_empty() && !token.is_empty())
            .then(|| Credentials { email: email.to_owned(), token: token.to_owned() })
    }

    /// `Authorization: Basic …` (UTF-8, as browsers send it).
    fn header(&self) -> String {
        let pair = format!("{}:{}", self.email, self.token);
        // btoa takes one character per byte; mapping each UTF-8 byte to the char of that code
        // point gives it exactly the bytes to encode.
        let bytes: String = pair.bytes().map(char::from).collect();
        let encoded = web_sys::window().and_then(|window| window.btoa(&bytes).ok()).unwrap_or_default();
        format!("Basic {encoded}")
    }
}

/// Which version of the tab to read.
pub use questionnaire::endpoints::TabVersion as Version;

/// One app on one API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub api_base: String,
    pub version: ApiVersion,
    /// The app key (v2) or product id (v3).
    pub key: String,
}

impl Target {
    pub fn resource_url(&self) -> String {
        questionnaire::endpoints::resource_url(&self.api_base, self.version, &self.key)
    }

    fn body_key(&self) -> &'static str {
        match self.version {
            ApiVersion::V2 => PUT_BODY_KEY,
            ApiVersion::V3 => V3_BODY_KEY,
        }
    }
}

/// Every request: no cookies and no browser-managed auth (a 401 carrying
/// `WWW-Authenticate: Basic` would otherwise pop the browser's own login dialog over the app,
/// and hang a headless one), and no cached answers.
fn prepared(builder: RequestBuilder, credentials: Option<&Credentials>) -> RequestBuilder {
    let builder = builder.credentials(RequestCredentials::Omit).cache(RequestCache::NoStore);
    match credentials {
        Some(credentials) => builder.header("Authorization", &credentials.header()),
        None => builder,
    }
}

/// The version's JSON as the API returns it (v2 `TrustInfo`, v3 `{"commonCloud": …}`).
pub async fn read(target: &Target, version: Version, credentials: Option<&Credentials>) -> Result<Value, ApiError> {
    if !crate::platform::IN_BROWSER {
        // The build's prerender of the page: the live version is as unknown as while loading.
        return Err(ApiError::Network);
    }
    let url = format!("{}{}", target.resource_url(), version.query());
    let response = send(prepared(Request::get(&url), credentials).build()).await?;
    let response = successful(response).await?;
    let text = response.text().await.map_err(|_| no_answer())?;
    match serde_json::from_str::<Value>(&text) {
        Ok(json) if json.is_object() => Ok(json),
        _ => Err(ApiError::NotTheApi),
    }
}

/// Sends the answers: v2 `PUT` (the Marketplace keeps it as a new version); v3 `PUT` of the
/// draft, then `POST …/publish`.
pub async fn submit(target: &Target, credentials: &Credentials, trust_info: Value) -> Result<(), ApiError> {
    let mut body = Map::new();
    body.insert(target.body_key().to_owned(), trust_info);
    let put = prepared(Request::put(&target.resource_url()), Some(credentials))
        .json(&Value::Object(body))
        .map_err(|_| ApiError::Network)?;
    successful(send(Ok(put)).await?).await?;
    if target.version == ApiVersion::V3 {
        let publish = prepared(Request::post(&format!("{}/publish", target.resource_url())), Some(credentials));
        successful(send(publish.build()).await?).await?;
    }
    Ok(())
}

async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, ApiError> {
    // A rejected fetch means no answer at all: offline, refused or a dropped connection.
    request.map_err(|_| ApiError::Network)?.send().await.map_err(|_| no_answer())
}

fn no_answer() -> ApiError {
    let online = web_sys::window().is_none_or(|window| window.navigator().on_line());
    if online {
        ApiError::Network
    } else {
        ApiError::Offline
    }
}

async fn successful(response: Response) -> Result<Response, ApiError> {
    if response.ok() {
        return Ok(response);
    }
    let code = response.status();
    let retry_after = response.headers().get("retry-after");
    let body = response.text().await.unwrap_or_default();
    Err(ApiError::Status { code, body, retry_after })
}
