//! The stand-in's own control API under `/_stand-in/`: what tests use to seed, inspect and
//! break the fake Marketplace. No auth, and faults never apply here.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post, put};
use axum::Router;
use serde_json::{json, Value};

use crate::faults::{self, Faults};
use crate::respond::{self, FieldError};
use crate::state::AppState;
use crate::store::{Record, Store};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/_stand-in/health", get(|| async { "ok" }))
        .route("/_stand-in/reset", post(reset))
        .route("/_stand-in/apps/{key}", get(app))
        .route("/_stand-in/apps/{key}/live", put(seed_live))
        .route("/_stand-in/apps/{key}/publish", post(publish))
        .route("/_stand-in/products/{id}", get(product))
        .route("/_stand-in/faults", get(list_faults).post(set_faults).delete(clear_faults))
        .route("/_stand-in/requests", get(requests))
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
