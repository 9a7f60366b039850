//! The runtime configuration: `config.json` beside `index.html`, read once at start, so a
//! static deployment can point the app at its API without rebuilding. No file means defaults.
//!
//! ```json
//! {"apiBase": "/rest/2", "apiVersion": 2}
//! ```

use gloo_net::http::Request;
use serde_json::Value;
use web_sys::{RequestCache, RequestCredentials};

/// Relative, so it is found beside the app whatever path the app is served from.
const CONFIG_URL: &str = "config.json";

/// Which Marketplace REST API the app speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ApiVersion {
    /// `/rest/2/addons/{appKey}/privacy-and-security`: PUT saves a new version.
    #[default]
    V2,
    /// `/rest/3/privacy-and-security/products/{productId}`: PUT saves a draft, POST publishes.
    V3,
}

impl ApiVersion {
    /// The same-origin path a proxy forwards to the Marketplace (see the README).
    pub fn default_base(self) -> &'static str {
        match self {
            ApiVersion::V2 => "/rest/2",
            ApiVersion::V3 => "/rest/3",
        }
    }

    /// What the partner calls the identifier this version addresses apps by.
    pub fn key_label(self) -> &'static str {
        match self {
            ApiVersion::V2 => "App key",
            ApiVersion::V3 => "Product ID",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuntimeConfig {
    pub api_base: String,
    pub api_version: ApiVersion,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig { api_base: ApiVersion::V2.default_base().to_owned(), api_version: ApiVersion::V2 }
    }
}

impl RuntimeConfig {
    /// Reads `config.json`'s text. Unknown keys are ignored (room to grow); a wrong value is an
    /// error that names it, so a deployer sees what to fix.
    pub fn parse(text: &str) -> Result<RuntimeConfig, String> {
        let json: Value = serde_json::from_str(text).map_err(|e| format!("config.json is not JSON: {e}"))?;
        let object = json.as_object().ok_or("config.json must be a JSON object")?;
        let api_version = match object.get("apiVersion") {
            None | Some(Value::Null) => ApiVersion::V2,
            Some(value) => match value.as_u64().map(|n| n.to_string()).or_else(|| value.as_str().map(str::to_owned)).as_deref() {
                Some("2" | "v2") => ApiVersion::V2,
                Some("3" | "v3") => ApiVersion::V3,
                _ => return Err(format!("config.json: apiVersion must be 2 or 3, not {value}")),
            },
        };
        let api_base = match object.get("apiBase") {
            None | Some(Value::Null) => api_version.default_base().to_owned(),
            Some(Value::String(base)) if !base.trim().is_empty() => base.trim().trim_end_matches('/').to_owned(),
            Some(value) => return Err(format!("config.json: apiBase must be a non-empty string, not {value}")),
        };
        Ok(RuntimeConfig { api_base, api_version })
    }

    /// Fetches `config.json`. Absent (or served as the app's HTML by an SPA fallback) means
    /// defaults; a file that is there but wrong is reported on the console for the deployer.
    pub async fn load() -> RuntimeConfig {
        let response = Request::get(CONFIG_URL)
            .cache(RequestCache::NoCache)
            .credentials(RequestCredentials::SameOrigin)
            .send()
            .await;
        let Ok(response) = response else { return RuntimeConfig::default() };
        if !response.ok() {
            return RuntimeConfig::default();
        }
        let text = response.text().await.unwrap_or_default();
        if text.trim_start().starts_with('<') {
            return RuntimeConfig::default();
        }
        RuntimeConfig::parse(&text).unwrap_or_else(|problem| {
            leptos::logging::warn!("{problem}; using the defaults");
            RuntimeConfig::default()
        })
    }
}
