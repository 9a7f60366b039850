//! Fault injection for API requests (`/rest/...`; control requests are never affected).
//!
//! The stand-in holds an ordered list of rules, set at start by flags or at runtime by
//! `POST /_stand-in/faults` (one rule object, or an array of them, replacing the list):
//!
//! ```json
//! {"delayMs": 2000, "status": 503, "retryAfterSeconds": 3, "drop": false, "times": 1,
//!  "fieldErrors": [{"path": "/security/securityContact", "message": "...", "code": "..."}],
//!  "methods": ["PUT"]}
//! ```
//!
//! Every field may be omitted or null. For each API request, every rule whose `methods`
//! match (default: all but OPTIONS, so a browser's preflight does not use up a fault) adds its
//! delay, and the first rule with an outcome decides it: `drop` closes the connection without a
//! response, else `status` (or 400 when only `fieldErrors` is given) answers instead of the
//! handler. A rule counts one use of `times` for each request it delayed or decided; it is
//! gone at 0, and stays forever when `times` is null. 429 always carries `Retry-After`
//! (`retryAfterSeconds`, default 1); other statuses carry it when `retryAfterSeconds` is set.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::sync::Notify;

use crate::respond::{self, FieldError};
use crate::state::AppState;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultRule {
    #[serde(default)]
    pub delay_ms: Option<u64>,
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default)]
    pub retry_after_seconds: Option<u64>,
    #[serde(default)]
    pub drop: Option<bool>,
    #[serde(default)]
    pub times: Option<u32>,
    #[serde(default)]
    pub field_errors: Option<Vec<FieldError>>,
    #[serde(default)]
    pub methods: Option<Vec<String>>,
}

impl FaultRule {
    fn matches(&self, method: &Method) -> bool {
        match &self.methods {
            Some(methods) => methods.iter().any(|m| m.eq_ignore_ascii_case(method.as_str())),
            None => method != Method::OPTIONS,
        }
    }

    fn has_outcome(&self) -> bool {
        self.drop == Some(true) || self.status.is_some() || self.field_errors.as_ref().is_some_and(|e| !e.is_empty())
    }

    fn check(&self) -> Result<(), String> {
        match self.status {
            Some(status) if !(400..=599).contains(&status) => {
                Err(format!("status {status} is not an error status (400-599)"))
            }
            _ => Ok(()),
        }
    }
}

/// Parses the body of `POST /_stand-in/faults`: one rule or an array of rules.
pub fn parse_rules(body: &[u8]) -> Result<Vec<FaultRule>, String> {
    let value: Value = serde_json::from_slice(body).map_err(|e| format!("Malformed JSON: {e}"))?;
    let rules: Vec<FaultRule> = if value.is_array() {
        serde_json::from_value(value)
    } else {
        serde_json::from_value(value).map(|rule| vec![rule])
    }
    .map_err(|e| format!("Invalid fault rule: {e}"))?;
    rules.iter().try_for_each(FaultRule::check)?;
    Ok(rules)
}

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Drop,
    Respond(FaultRule),
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub delay: Duration,
    pub outcome: Option<Outcome>,
}

#[derive(Debug, Default)]
pub struct Faults {
    rules: Vec<FaultRule>,
}

impl Faults {
    pub fn new(rules: Vec<FaultRule>) -> Self {
        let mut faults = Faults::default();
        faults.replace(rules);
        faults
    }

    pub fn replace(&mut self, rules: Vec<FaultRule>) {
        self.rules = rules;
        self.rules.retain(|rule| rule.times != Some(0));
    }

    pub fn rules(&self) -> &[FaultRule] {
        &self.rules
    }

    /// Decides what happens to one request and uses up the rules that took part.
    pub fn take(&mut self, method: &Method) -> Plan {
        let mut plan = Plan::default();
        for rule in self.rules.iter_mut().filter(|rule| rule.matches(method)) {
            let mut used = false;
            if let Some(ms) = rule.delay_ms.filter(|ms| *ms > 0) {
                plan.delay += Duration::from_millis(ms);
                used = true;
            }
            if plan.outcome.is_none() && rule.has_outcome() {
                plan.outcome =
                    Some(if rule.drop == Some(true) { Outcome::Drop } else { Outcome::Respond(rule.clone()) });
                used = true;
            }
            if used {
                if let Some(times) = rule.times.as_mut() {
                    *times -= 1;
                }
            }
        }
        self.rules.retain(|rule| rule.times != Some(0));
        plan
    }
}

/// Put on each request by the accept loop: notifying it makes the loop drop the connection,
/// which is what a browser sees as a network error (fetch rejects) rather than an HTTP error.
#[derive(Clone, Debug)]
pub struct ConnectionKiller(pub Arc<Notify>);

pub async fn inject(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/rest/") {
        return next.run(request).await;
    }
    state.received(request.method().as_str());
    let plan = state.faults().take(request.method());
    if !plan.delay.is_zero() {
        tokio::time::sleep(plan.delay).await;
    }
    match plan.outcome {
        None => next.run(request).await,
        Some(Outcome::Respond(rule)) => fault_response(&rule),
        Some(Outcome::Drop) => match request.extensions().get::<ConnectionKiller>() {
            Some(ConnectionKiller(killer)) => {
                killer.notify_one();
                std::future::pending().await
            }
            // Served without StandIn's accept loop there is no connection to close.
            None => respond::error(StatusCode::BAD_GATEWAY, "Injected drop fault (connection drop needs StandIn::run)"),
        },
    }
}

fn fault_response(rule: &FaultRule) -> Response {
    let status = rule.status.and_then(|code| StatusCode::from_u16(code).ok()).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = match rule.field_errors.as_deref() {
        Some(errors) if !errors.is_empty() => respond::errors_doc(errors),
        _ => respond::error(status, format!("Injected fault: {status}")),
    };
    *response.status_mut() = status;
    let retry_after = rule.retry_after_seconds.or((status == StatusCode::TOO_MANY_REQUESTS).then_some(1));
    if let Some(seconds) = retry_after {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    if status == StatusCode::UNAUTHORIZED {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Basic realm=\"marketplace\""));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(json: &str) -> FaultRule {
        parse_rules(json.as_bytes()).unwrap().remove(0)
    }

    #[test]
    fn delays_add_up_and_the_first_outcome_wins() {
        let mut faults = Faults::new(vec![
            rule(r#"{"drop": true, "times": 1}"#),
            rule(r#"{"status": 500, "times": 2}"#),
            rule(r#"{"delayMs": 10}"#),
        ]);
        let first = faults.take(&Method::PUT);
        assert_eq!(first.outcome, Some(Outcome::Drop));
        assert_eq!(first.delay, Duration::from_millis(10));
        assert!(matches!(faults.take(&Method::GET).outcome, Some(Outcome::Respond(r)) if r.status == Some(500)));
        assert!(matches!(faults.take(&Method::GET).outcome, Some(Outcome::Respond(_))));
        assert_eq!(faults.take(&Method::GET).outcome, None);
        assert_eq!(faults.rules().len(), 1, "the delay rule has no end");
    }

    #[test]
    fn methods_filter_and_options_is_spared_by_default() {
        let mut faults = Faults::new(vec![rule(r#"{"status": 503, "methods": ["put"], "times": 1}"#)]);
        assert_eq!(faults.take(&Method::GET).outcome, None);
        assert!(faults.take(&Method::PUT).outcome.is_some());
        let mut faults = Faults::new(vec![rule(r#"{"status": 503}"#)]);
        assert_eq!(faults.take(&Method::OPTIONS).outcome, None);
    }

    #[test]
    fn rejects_bad_rules() {
        assert!(parse_rules(br#"{"status": 200}"#).is_err());
        assert!(parse_rules(br#"{"stauts": 500}"#).is_err());
        assert!(parse_rules(b"{").is_err());
        assert_eq!(parse_rules(br#"[{"status": 500}, {"drop": true}]"#).unwrap().len(), 2);
    }
}
