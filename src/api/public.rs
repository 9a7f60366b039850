//! Anonymous reads: the Marketplace's public live version, or any JSON document. No
//! credentials go with them, so they work across origins wherever the server allows it.

use gloo_net::http::Request;
use leptos::prelude::*;
use questionnaire::embed::{live_url, read_document};
use questionnaire::Answers;
use web_sys::RequestCredentials;

use super::client::ApiError;
use crate::connect::Connection;

/// The body of a GET, or why there is none.
pub async fn get_public(url: &str) -> Result<String, ApiError> {
    let response = Request::get(url)
        .credentials(RequestCredentials::Omit)
        .send()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    let code = response.status();
    let body = response.text().await.map_err(|error| ApiError::Network(error.to_string()))?;
    if (200..300).contains(&code) {
        Ok(body)
    } else {
        Err(ApiError::Status { code, body })
    }
}

/// What customers see today for the connected app, re-read when the app key or API changes:
/// `None` while unknown (loading, or the read failed), empty answers when nothing is live yet.
pub fn live_answers(connection: Connection) -> Signal<Option<Answers>> {
    let live = LocalResource::new(move || {
        let url = live_url(&connection.api_base.get(), &connection.app_key.get());
        async move {
            match get_public(&url).await {
                Ok(text) => read_document(&text).ok(),
                Err(ApiError::Status { code: 404, .. }) => Some(Answers::new()),
                Err(_) => None,
            }
        }
    });
    Signal::derive(move || live.get().flatten())
}
