//! Which Marketplace API a command talks to: `--api-base`, `--api-version`, or the same
//! `config.json` the browser app reads, else the public Marketplace (v2).

use std::path::PathBuf;

use questionnaire::api_config::{ApiConfig, ApiVersion};

#[derive(clap::Args, Debug, Clone, Default)]
pub struct EndpointArgs {
    /// The API's base address, like https://marketplace.atlassian.com/rest/2 [default: the public Marketplace]
    #[arg(long, value_name = "URL")]
    pub api_base: Option<String>,
    /// 2 (apps by app key) or 3 (apps by product ID, draft then publish) [default: 2]
    #[arg(long, value_name = "VERSION", value_parser = parse_version)]
    pub api_version: Option<ApiVersion>,
    /// The browser app's config.json ({"apiBase": …, "apiVersion": …}); the options above win over it
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Allow an http:// API base on another machine (the API token would cross the network unencrypted)
    #[arg(long)]
    pub allow_http: bool,
}

fn parse_version(text: &str) -> Result<ApiVersion, String> {
    ApiVersion::parse(text).ok_or_else(|| format!("“{text}” is not an API version: use 2 or 3"))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// Absolute, without a trailing slash.
    pub base: String,
    pub version: ApiVersion,
}

impl EndpointArgs {
    pub fn resolve(&self) -> Result<Endpoint, String> {
        let file = match &self.config {
            Some(path) => {
                let text = crate::files::read_text(path)?;
                ApiConfig::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?
            }
            None => ApiConfig::default(),
        };
        let version = self.api_version.unwrap_or(file.version());
        let base = match self.api_base.clone().or(file.api_base) {
            Some(base) => base.trim().trim_end_matches('/').to_owned(),
            None => version.public_base().to_owned(),
        };
        if !(base.starts_with("https://") || base.starts_with("http://")) {
            return Err(format!(
                "The API base “{base}” is not a full address (a path like /rest/2 is for the browser app's proxy): \
                 give one like {} with --api-base.",
                version.public_base()
            ));
        }
        if base.starts_with("http://") && !self.allow_http && !is_loopback(&base) {
            return Err(format!(
                "The API base “{base}” is http://, not https://: the API token and the answers would cross the \
                 network unencrypted. Use https://, or pass --allow-http if this is really meant."
            ));
        }
        Ok(Endpoint { base, version })
    }
}

/// Whether the address names this machine (the stand-in, a local proxy): there plain http
/// never leaves it.
fn is_loopback(base: &str) -> bool {
    match url::Url::parse(base).ok().and_then(|url| url.host().map(|host| host.to_owned())) {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(address)) => address.is_loopback(),
        Some(url::Host::Ipv6(address)) => address.is_loopback(),
        None => false,
    }
}

impl Endpoint {
    /// The Privacy & Security resource of one app (v2 app key) or product (v3 product ID).
    pub fn resource_url(&self, key: &str) -> String {
        questionnaire::endpoints::resource_url(&self.base, self.version, key)
    }

    /// Whether `key` can name an app of this version, checked before any request.
    pub fn check_key(&self, key: &str) -> Result<(), String> {
        match questionnaire::app_keys::key_problem(self.version, key) {
            None => Ok(()),
            Some(problem) => Err(format!("{problem} Nothing was sent.")),
        }
    }

    /// "app key" or "product ID", for messages.
    pub fn key_label(&self) -> String {
        self.version.key_label().to_lowercase().replace("id", "ID")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(base: Option<&str>, version: Option<ApiVersion>) -> EndpointArgs {
        EndpointArgs { api_base: base.map(str::to_owned), api_version: version, config: None, allow_http: false }
    }

    #[test]
    fn defaults_to_the_public_marketplace_of_the_version() {
        let v3 = args(None, Some(ApiVersion::V3)).resolve().unwrap();
        assert_eq!(
            v3.resource_url("abc"),
            "https://api.atlassian.com/marketplace/rest/3/privacy-and-security/products/abc"
        );
        let v2 = args(Some("http://127.0.0.1:1/rest/2/"), None).resolve().unwrap();
        assert_eq!(v2.resource_url("com.x/y z"), "http://127.0.0.1:1/rest/2/addons/com.x%2Fy%20z/privacy-and-security");
    }

    #[test]
    fn plain_http_is_for_this_machine_only_unless_allowed() {
        for local in
            ["http://127.0.0.1:8080/rest/2", "http://localhost/rest/2", "http://[::1]:9/rest/2", "http://127.9.9.9"]
        {
            assert!(args(Some(local), None).resolve().is_ok(), "{local}");
        }
        for remote in
            ["http://marketplace.atlassian.com/rest/2", "http://10.0.0.1/rest/2", "http://localhost.evil.example/"]
        {
            let problem = args(Some(remote), None).resolve().unwrap_err();
            assert!(problem.contains("--allow-http"), "{remote}: {problem}");
            let allowed = EndpointArgs { allow_http: true, ..args(Some(remote), None) };
            assert!(allowed.resolve().is_ok(), "{remote}");
        }
    }

    #[test]
    fn a_proxy_path_is_refused_with_what_to_give_instead() {
        let problem = args(Some("/rest/2"), None).resolve().unwrap_err();
        assert!(problem.contains("--api-base"), "{problem}");
    }
}
