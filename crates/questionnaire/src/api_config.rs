//! `config.json`, the deployment's choice of Marketplace API, read the same way by the browser
//! app and the command line tool:
//!
//! ```json
//! {"apiBase": "/rest/2", "apiVersion": 2}
//! ```
//!
//! Unknown keys are ignored (room to grow); a wrong value is an error that names it, so a
//! deployer sees what to fix.

use serde_json::Value;

/// Which Marketplace REST API is spoken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ApiVersion {
    /// `{base}/addons/{appKey}/privacy-and-security`: PUT saves a new version.
    #[default]
    V2,
    /// `{base}/privacy-and-security/products/{productId}`: PUT saves a draft, POST publishes.
    V3,
}

impl ApiVersion {
    /// The same-origin path a proxy forwards to the Marketplace (the browser app's default).
    pub fn default_proxy_base(self) -> &'static str {
        match self {
            ApiVersion::V2 => "/rest/2",
            ApiVersion::V3 => "/rest/3",
        }
    }

    /// The Marketplace's own address for this version (`marketplace-api.md`), for clients that
    /// call it directly rather than through a proxy.
    pub fn public_base(self) -> &'static str {
        match self {
            ApiVersion::V2 => "https://marketplace.atlassian.com/rest/2",
            ApiVersion::V3 => "https://api.atlassian.com/marketplace/rest/3",
        }
    }

    /// What the partner calls the identifier this version addresses apps by.
    pub fn key_label(self) -> &'static str {
        match self {
            ApiVersion::V2 => "App key",
            ApiVersion::V3 => "Product ID",
        }
    }

    /// "2", "v2", "3" or "v3" (as a number or a string in `config.json`, or typed).
    pub fn parse(value: &str) -> Option<ApiVersion> {
        match value.trim() {
            "2" | "v2" => Some(ApiVersion::V2),
            "3" | "v3" => Some(ApiVersion::V3),
            _ => None,
        }
    }
}

/// What `config.json` says; `None` where it says nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApiConfig {
    /// Without a trailing slash.
    pub api_base: Option<String>,
    pub api_version: Option<ApiVersion>,
}

impl ApiConfig {
    pub fn parse(text: &str) -> Result<ApiConfig, String> {
        let json: Value = serde_json::from_str(text).map_err(|e| format!("config.json is not JSON: {e}"))?;
        let object = json.as_object().ok_or("config.json must be a JSON object")?;
        let api_version = match object.get("apiVersion") {
            None | Some(Value::Null) => None,
            Some(value) => {
                let typed = value.as_u64().map(|n| n.to_string()).or_else(|| value.as_str().map(str::to_owned));
                match typed.as_deref().and_then(ApiVersion::parse) {
                    Some(version) => Some(version),
                    None => return Err(format!("config.json: apiVersion must be 2 or 3, not {}", quoted(value))),
                }
            }
        };
        let api_base = match object.get("apiBase") {
            None | Some(Value::Null) => None,
            Some(Value::String(base)) if !base.trim().is_empty() => Some(base.trim().trim_end_matches('/').to_owned()),
            Some(value) => {
                return Err(format!("config.json: apiBase must be a non-empty string, not {}", quoted(value)));
            }
        };
        Ok(ApiConfig { api_base, api_version })
    }

    /// The version, 2 unless the file says otherwise.
    pub fn version(&self) -> ApiVersion {
        self.api_version.unwrap_or_default()
    }
}

/// A wrong value as a message names it: whole when short, else its start (a message is read by
/// a person, and the file may hold anything).
fn quoted(value: &Value) -> String {
    const SHOWN_CHARS: usize = 60;
    let text = value.to_string();
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_deployment_says_and_nothing_more() {
        assert_eq!(
            ApiConfig::parse(r#"{"apiBase": "https://x.example/rest/3/ ", "apiVersion": "v3", "later": 1}"#),
            Ok(ApiConfig { api_base: Some("https://x.example/rest/3".into()), api_version: Some(ApiVersion::V3) })
        );
        let empty = ApiConfig::parse("{}").unwrap();
        assert_eq!(empty, ApiConfig::default());
        assert_eq!(empty.version(), ApiVersion::V2);
        assert_eq!(ApiConfig::parse(r#"{"apiVersion": 2}"#).unwrap().version(), ApiVersion::V2);
    }

    #[test]
    fn a_wrong_value_is_named() {
        assert_eq!(
            ApiConfig::parse(r#"{"apiVersion": 4}"#),
            Err("config.json: apiVersion must be 2 or 3, not 4".into())
        );
        assert!(ApiConfig::parse(r#"{"apiBase": " "}"#).unwrap_err().contains("apiBase"));
        assert!(ApiConfig::parse("[]").unwrap_err().contains("object"));
        assert!(ApiConfig::parse("{").unwrap_err().contains("not JSON"));
    }

    /// Found by `hostile_input`: the message echoed a megabyte-long value whole.
    #[test]
    fn a_huge_wrong_value_is_named_by_its_start() {
        let huge = "9".repeat(1 << 20);
        for text in [format!(r#"{{"apiVersion": "{huge}"}}"#), format!(r#"{{"apiBase": ["{huge}"]}}"#)] {
            let error = ApiConfig::parse(&text).unwrap_err();
            assert!(error.len() < 200, "{} bytes: {}…", error.len(), &error[..100]);
            assert!(error.contains("\"9999999999") || error.contains("[9999999999"), "{error}");
            assert!(error.ends_with('…'), "{error}");
        }
    }
}
