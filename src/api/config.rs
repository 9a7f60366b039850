//! The runtime configuration: `config.json` beside `index.html`, read once at start, so a
//! static deployment can point the app at its API without rebuilding. No file means defaults.
//!
//! ```json
//! {"apiBase": "/rest/2", "apiVersion": 2}
//! ```

use gloo_net::http::Request;
use questionnaire::api_config::ApiConfig;
use web_sys::{RequestCache, RequestCredentials};

pub use questionnaire::api_config::ApiVersion;

/// Relative, so it is found beside the app whatever path the app is served from.
const CONFIG_URL: &str = "config.json";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuntimeConfig {
    pub api_base: String,
    pub api_version: ApiVersion,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig::from(ApiConfig::default())
    }
}

/// What the file says, with the same-origin proxy path (see docs/hosting.md) where it names no base.
impl From<ApiConfig> for RuntimeConfig {
    fn from(config: ApiConfig) -> Self {
        let api_version = config.version();
        let api_base = config.api_base.unwrap_or_else(|| api_version.default_proxy_base().to_owned());
        RuntimeConfig { api_base, api_version }
    }
}

impl RuntimeConfig {
    /// Reads `config.json`'s text (the pure crate's rules, shared with the command line).
    pub fn parse(text: &str) -> Result<RuntimeConfig, String> {
        ApiConfig::parse(text).map(RuntimeConfig::from)
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
