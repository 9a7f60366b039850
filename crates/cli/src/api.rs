//! The Marketplace's Privacy & Security endpoints over ureq: reads, the v2 PUT, the v3 PUT and
//! publish. 429 and 5xx are sent again as the pure crate decides (`questionnaire::retry`),
//! honouring `Retry-After`. Bodies come from the pure crate; this file knows URLs, headers and
//! status codes, and what to tell the partner when a call fails.

use std::time::{Duration, UNIX_EPOCH};

use questionnaire::api_config::ApiVersion;
use questionnaire::response_errors::read_error_body;
use questionnaire::retry::{retry_delay_ms, GiveUp};
use serde_json::Value;

use crate::credentials::{Credentials, EMAIL_VARIABLE, TOKEN_VARIABLE};
use crate::endpoint::Endpoint;
use crate::files::now_ms;

/// Which version of the tab to read.
pub use questionnaire::endpoints::TabVersion as Version;

#[derive(Debug)]
pub enum ApiError {
    /// No answer: refused, timed out, or the connection dropped.
    Unreachable {
        detail: String,
    },
    /// An answer that is not the Marketplace's JSON.
    NotTheApi,
    /// A 3xx: never followed, since a client that follows turns a PUT into a GET without body
    /// or credentials and a write that never happened reads as done.
    Redirected {
        code: u16,
        location: Option<String>,
    },
    Status {
        code: u16,
        body: String,
        attempts: u32,
        give_up: GiveUp,
    },
}

impl ApiError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ApiError::Status { code: 404, .. })
    }

    /// The credentials were refused: every other app would be refused too.
    pub fn is_refused_credentials(&self) -> bool {
        matches!(self, ApiError::Status { code: 401, .. })
    }

    /// What went wrong and what to do next, naming the app.
    pub fn advice(&self, endpoint: &Endpoint, key: &str) -> String {
        let key_label = endpoint.key_label();
        match self {
            ApiError::Unreachable { detail } => format!(
                "The Marketplace could not be reached at {} ({detail}): check --api-base and the network, then try again.",
                endpoint.base
            ),
            ApiError::NotTheApi => format!(
                "{} did not answer like the Marketplace: check --api-base (or apiBase in config.json).",
                endpoint.base
            ),
            ApiError::Redirected { code, location } => format!(
                "{} answered with a redirect ({code}) to {}: nothing was sent there. If that is the API's address, \
                 give it as --api-base.",
                endpoint.base,
                location.as_deref().map_or("an address it did not say".to_owned(), |location| format!("“{location}”"))
            ),
            ApiError::Status { code: code @ (401 | 403), .. } => format!(
                "The Marketplace refused the credentials ({code}): check {EMAIL_VARIABLE} and {TOKEN_VARIABLE}, \
                 and that this account can manage {key}."
            ),
            ApiError::Status { code: 404, .. } => {
                format!("The Marketplace does not know the {key_label} “{key}” (404): check it.")
            }
            ApiError::Status { code: code @ (400 | 422), body, .. } => {
                let report = read_error_body(body);
                let mut lines = vec![format!("The Marketplace did not accept these answers ({code}):")];
                lines.extend(report.message.map(|message| format!("  {message}")));
                for problem in &report.problems {
                    lines.push(match problem.question {
                        Some(question) => {
                            format!("  {} [{}]: {}", question.listing_label, question.id, problem.message)
                        }
                        None => format!("  {}: {}", problem.path, problem.message),
                    });
                }
                lines.push("Correct them in the file (or the app) and push again.".to_owned());
                lines.join("\n")
            }
            ApiError::Status { code, give_up: GiveUp::AskedToWait(ms), .. } => format!(
                "The Marketplace is busy ({code}) and asked to wait {} s: try again later.",
                ms.div_ceil(1000)
            ),
            ApiError::Status { code, attempts, give_up: GiveUp::TriedEnough, .. } => {
                let what = if *code == 429 { "is receiving too many requests" } else { "had a problem on its side" };
                format!("The Marketplace {what} ({code}), still after {attempts} tries: try again later.")
            }
            ApiError::Status { code, body, .. } => {
                let report = read_error_body(body);
                let said = report.message.map(|message| format!(": {message}")).unwrap_or_default();
                format!(
                    "The Marketplace answered with an error ({code}){said}. Try again later; \
                     if it keeps failing, report this message to Atlassian."
                )
            }
        }
    }
}

pub struct Client {
    agent: ureq::Agent,
    pub endpoint: Endpoint,
    credentials: Option<Credentials>,
}

impl Client {
    pub fn new(endpoint: Endpoint, credentials: Option<Credentials>) -> Client {
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(60))
            .user_agent(concat!("privacy-tab-cli/", env!("CARGO_PKG_VERSION")))
            .redirects(0)
            .build();
        Client { agent, endpoint, credentials }
    }

    /// The version's JSON as the API returns it (v2 `TrustInfo`, v3 `{"commonCloud": …}`).
    pub fn read(&self, key: &str, version: Version) -> Result<Value, ApiError> {
        let url = format!("{}{}", self.endpoint.resource_url(key), version.query());
        let response = self.send(key, "GET", &url, None)?;
        let text = response.into_string().map_err(|e| ApiError::Unreachable { detail: e.to_string() })?;
        match serde_json::from_str::<Value>(&text) {
            Ok(json) if json.is_object() => Ok(json),
            _ => Err(ApiError::NotTheApi),
        }
    }

    /// v2: `PUT` the body (a new version). v3: `PUT` the draft, then `POST …/publish`.
    pub fn submit(&self, key: &str, body: &Value) -> Result<(), ApiError> {
        let url = self.endpoint.resource_url(key);
        self.send(key, "PUT", &url, Some(body))?;
        if self.endpoint.version == ApiVersion::V3 {
            self.send(key, "POST", &format!("{url}/publish"), None)?;
        }
        Ok(())
    }

    /// One call, sent again after a pause while the pure crate says so. A dropped connection
    /// is not retried, as in the app: whether a write arrived is unknown, and the partner
    /// decides. `key` names the app in the lines said while waiting.
    fn send(&self, key: &str, method: &str, url: &str, body: Option<&Value>) -> Result<ureq::Response, ApiError> {
        let mut attempts = 0;
        loop {
            attempts += 1;
            let mut request = self.agent.request(method, url).set("Accept", "application/json");
            if let Some(credentials) = &self.credentials {
                request = request.set("Authorization", &credentials.header());
            }
            let result = match body {
                Some(body) => request.set("Content-Type", "application/json").send_string(&body.to_string()),
                None => request.call(),
            };
            match result {
                Ok(response) if (300..400).contains(&response.status()) => {
                    let location = response.header("location").map(str::to_owned);
                    return Err(ApiError::Redirected { code: response.status(), location });
                }
                Ok(response) => return Ok(response),
                Err(ureq::Error::Transport(transport)) => {
                    return Err(ApiError::Unreachable { detail: transport_detail(&transport) })
                }
                Err(ureq::Error::Status(code, response)) => {
                    let retry_after = response.header("retry-after").map(str::to_owned);
                    let body = response.into_string().unwrap_or_default();
                    match retry_delay_ms(code, attempts, retry_after.as_deref(), http_date_ms, now_ms()) {
                        Ok(wait_ms) => {
                            eprintln!(
                                "{key}: the Marketplace answered {code} to {method}; trying again in {:.1} s.",
                                wait_ms as f64 / 1000.0
                            );
                            std::thread::sleep(Duration::from_millis(wait_ms));
                        }
                        Err(give_up) => return Err(ApiError::Status { code, body, attempts, give_up }),
                    }
                }
            }
        }
    }
}

/// What happened, without the URL ureq repeats (the caller names the address).
fn transport_detail(transport: &ureq::Transport) -> String {
    let kind = transport.kind().to_string();
    match transport.message() {
        Some(message) => format!("{kind}: {message}"),
        None => kind,
    }
}

fn http_date_ms(text: &str) -> Option<f64> {
    let at = httpdate::parse_http_date(text).ok()?;
    Some(at.duration_since(UNIX_EPOCH).map_or(0.0, |since| since.as_millis() as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_http_date_reads_as_milliseconds_since_the_epoch() {
        assert_eq!(http_date_ms("Wed, 21 Oct 2015 07:28:00 GMT"), Some(1_445_412_480_000.0));
        assert_eq!(http_date_ms("1.5"), None);
    }
}
