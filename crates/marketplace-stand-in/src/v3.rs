//! The v3 API: privacy & security information by product id, wrapped in `commonCloud`, with
//! the status codes of Atlassian's OpenAPI document: PUT 201 (new draft) or 200 (replaced),
//! publish 200, or 404 without a draft.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::json;

use crate::respond;
use crate::state::AppState;
use crate::validate::{self, V3};
use crate::version::{self, Version};

pub const PATH: &str = "/rest/3/privacy-and-security/products/{product_id}";

pub fn routes() -> Router<AppState> {
    Router::new().route(PATH, get(read).put(write).delete(discard)).route(&format!("{PATH}/publish"), post(publish))
}

async fn read(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let version = match version::read_request(&state, query.as_deref(), &headers) {
        Ok((_, requested)) => requested.unwrap_or(Version::Live),
        Err(refusal) => return refusal.into_response(),
    };
    let info = state.read(|store| store.products.get(&id).and_then(|record| record.get(version).cloned()));
    match info {
        Some(info) => respond::json(StatusCode::OK, &json!({ state.v3_read_wrapper(): info })),
        None => version::missing("product", &id, version),
    }
}

async fn write(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    if let Some(response) = state.credentials().refusal(&headers) {
        return response;
    }
    let info = match validate::wrapped(&body, &V3) {
        Ok(info) => info,
        Err(errors) => return respond::errors_doc(&errors),
    };
    let replaced = state.update(|store| {
        let record = store.products.entry(id.clone()).or_default();
        let replaced = record.draft.is_some();
        record.put_draft(info);
        replaced
    });
    respond::stored_v3(replaced, &format!("/rest/3/privacy-and-security/products/{id}?state=draft"))
}

async fn discard(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    if let Some(response) = state.credentials().refusal(&headers) {
        return response;
    }
    let removed = state.update(|store| store.products.get_mut(&id).and_then(|record| record.draft.take()));
    match removed {
        Some(_) => respond::no_content(),
        None => version::missing("product", &id, Version::Draft),
    }
}

async fn publish(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    if let Some(response) = state.credentials().refusal(&headers) {
        return response;
    }
    state.update(|store| respond::publish(store.products.get_mut(&id), "product", &id))
}
