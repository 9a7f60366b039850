//! The stand-in's own control API under `/_stand-in/`: what tests use to seed, inspect and
//! break the fake Marketplace. Faults never apply here. It answers the developer's tools and
//! the stand-in's own pages only ([`refusal`]): any page the developer visits could otherwise
//! wipe the data or read every draft.

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::Response;
use axum::routing::{get, post, put};
use axum::Router;
use serde_json::{json, Value};

use crate::config::is_loopback_name;
use crate::faults::{self, Faults};
use crate::respond::{self, FieldError};
use crate::state::AppState;
use crate::store::{Record, Store};

/// The header that carries `--control-token`.
pub const TOKEN_HEADER: &str = "x-stand-in-control-token";

pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/_stand-in/health", get(|| async { "ok" }))
        .route("/_stand-in/reset", post(reset))
        .route("/_stand-in/apps/{key}", get(app))
        .route("/_stand-in/apps/{key}/live", put(seed_live))
        .route("/_stand-in/apps/{key}/publish", post(publish))
        .route("/_stand-in/products/{id}", get(product))
        .route("/_stand-in/faults", get(list_faults).post(set_faults).delete(clear_faults))
        .route("/_stand-in/requests", get(requests))
        .route_layer(from_fn_with_state(state, only_the_developers_own))
}

async fn only_the_developers_own(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match refusal(request.headers(), state.control_token()) {
        Some(refused) => refused,
        None => next.run(request).await,
    }
}

/// Why a control request is refused, if it is. Browsers say where a request comes from
/// (`Origin`, `Sec-Fetch-Site`); tools send neither, and the stand-in's own pages (the app it
/// serves with `--static-dir`) are same-origin. A site whose name was pointed at 127.0.0.1
/// (DNS rebinding) is same-origin to itself, so without a token the `Host` must be a loopback
/// name as well.
fn refusal(headers: &HeaderMap, control_token: Option<&str>) -> Option<Response> {
    let text = |name: &str| headers.get(name).map(|value| value.to_str().unwrap_or("(not text)"));
    if text("sec-fetch-site").is_some_and(|site| site.eq_ignore_ascii_case("cross-site")) {
        return Some(respond::error(
            StatusCode::FORBIDDEN,
            "The stand-in's control API answers no page of another site (Sec-Fetch-Site: cross-site).",
        ));
    }
    let host = text(header::HOST.as_str());
    if let Some(origin) = text(header::ORIGIN.as_str()) {
        if !host.is_some_and(|host| origin.eq_ignore_ascii_case(&format!("http://{host}"))) {
            return Some(respond::error(
                StatusCode::FORBIDDEN,
                format!("The stand-in's control API answers its own pages and tools only, not a page of {origin}."),
            ));
        }
    }
    match control_token {
        Some(token) if headers.get(TOKEN_HEADER).map(|sent| sent.as_bytes()) != Some(token.as_bytes()) => {
            Some(respond::error(
                StatusCode::UNAUTHORIZED,
                "The stand-in's control API needs its control token (--control-token) in an X-Stand-In-Control-Token header.",
            ))
        }
        None if host.is_some_and(|host| !is_loopback_name(host_name(host))) => Some(respond::error(
            StatusCode::FORBIDDEN,
            format!(
                "The stand-in listens on the loopback address and {} is none of its names: a site's name pointed at this machine? (Use 127.0.0.1 or localhost.)",
                host.unwrap_or_default()
            ),
        )),
        _ => None,
    }
}

/// The name in a `Host` header, without its port: `[::1]:8787` → `::1`.
fn host_name(host: &str) -> &str {
    match host.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host.split(':').next().unwrap_or_default(),
    }
}

fn view(record: Option<Record>) -> Response {
    let record = record.unwrap_or_default();
    respond::json(StatusCode::OK, &json!({ "live": record.live, "draft": record.draft, "putCount": record.put_count }))
}

async fn app(State(state): State<AppState>, Path(key): Path<String>) -> Response {
    view(state.read(|store| store.apps.get(&key).cloned()))
}

async fn product(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    view(state.read(|store| store.products.get(&id).cloned()))
}

/// Not type-checked: the live API has been seen sending values the PUT checks would refuse.
async fn seed_live(State(state): State<AppState>, Path(key): Path<String>, body: Bytes) -> Response {
    let info = match serde_json::from_slice::<Value>(&body) {
        Ok(info) if info.is_object() => info,
        Ok(_) => return respond::field_errors("Validation failed", &[FieldError::new("", "must be a JSON object")]),
        Err(e) => return respond::field_errors(format!("Malformed JSON: {e}"), &[FieldError::new("", e.to_string())]),
    };
    state.update(|store| store.apps.entry(key).or_default().live = Some(info));
    respond::no_content()
}

/// Moves the draft to live, as approval would: afterwards the partner's default read is live.
async fn publish(State(state): State<AppState>, Path(key): Path<String>) -> Response {
    state.update(|store| respond::publish(store.apps.get_mut(&key), "app", &key))
}

async fn reset(State(state): State<AppState>) -> Response {
    state.update(|store| *store = Store::default());
    *state.faults() = Faults::default();
    state.forget_received();
    respond::no_content()
}

/// API requests received so far, by method, counted on arrival: a request still waiting out
/// a delay fault, or refused by one, is counted too.
async fn requests(State(state): State<AppState>) -> Response {
    respond::json(StatusCode::OK, &json!(state.received_so_far()))
}

async fn list_faults(State(state): State<AppState>) -> Response {
    let rules = state.faults().rules().to_vec();
    respond::json(StatusCode::OK, &json!({ "rules": rules }))
}

async fn set_faults(State(state): State<AppState>, body: Bytes) -> Response {
    match faults::parse_rules(&body) {
        Ok(rules) => {
            state.faults().replace(rules);
            list_faults(State(state)).await
        }
        Err(message) => respond::field_errors(message.clone(), &[FieldError::new("", message)]),
    }
}

async fn clear_faults(State(state): State<AppState>) -> Response {
    state.faults().replace(Vec::new());
    respond::no_content()
}
