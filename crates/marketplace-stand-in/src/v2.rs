//! The v2 API: privacy & security information by app key.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::auth::Caller;
use crate::state::AppState;
use crate::validate::{self, V2};
use crate::version::{self, Version};
use crate::{cors, respond};

pub const PATH: &str = "/rest/2/addons/{addon_key}/privacy-and-security";

pub fn routes() -> Router<AppState> {
    Router::new().route(PATH, get(read).put(write).options(cors::preflight))
}

pub fn location(key: &str) -> String {
    format!("/rest/2/addons/{key}/privacy-and-security?state=draft")
}

async fn read(
    State(state): State<AppState>,
    Path(key): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (caller, requested) = match version::read_request(&state, query.as_deref(), &headers) {
        Ok(request) => request,
        Err(refusal) => return refusal.into_response(),
    };
    if !state.knows_app(&key) {
        return app_not_found(&key);
    }
    let Some(record) = state.read(|store| store.apps.get(&key).cloned()) else {
        return respond::error(StatusCode::NOT_FOUND, format!("No privacy and security information for app {key}"));
    };
    // The partner's default is the draft when there is one; everyone else only sees live.
    let version = requested.unwrap_or(if caller == Caller::Partner && record.draft.is_some() {
        Version::Draft
    } else {
        Version::Live
    });
    match record.get(version) {
        Some(info) => respond::json(StatusCode::OK, info),
        None => version::missing("app", &key, version),
    }
}

async fn write(State(state): State<AppState>, Path(key): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    if let Some(response) = state.credentials().refusal(&headers) {
        return response;
    }
    if !state.knows_app(&key) {
        return app_not_found(&key);
    }
    let info = match validate::wrapped(&body, &V2) {
        Ok(info) => info,
        Err(errors) => return respond::errors_doc(&errors),
    };
    state.update(|store| store.apps.entry(key.clone()).or_default().put_draft(info));
    respond::stored_at(&location(&key))
}

fn app_not_found(key: &str) -> Response {
    respond::error(StatusCode::NOT_FOUND, format!("App not found: {key}"))
}
