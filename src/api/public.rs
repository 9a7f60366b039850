//! Anonymous reads: the live version customers see (for the preview's "what changes"), and
//! any JSON document (for the widget). No credentials go with them, so they work across
//! origins wherever the server allows it.

use gloo_net::http::Request;
use leptos::prelude::*;
use questionnaire::wire::from_trust_info;
use questionnaire::Answers;
use web_sys::RequestCredentials;

use super::client::{read, Version};
use super::error::ApiError;
use super::Marketplace;

/// The body of a GET, or why there is none.
pub async fn get_public(url: &str) -> Result<String, ApiError> {
    let response =
        Request::get(url).credentials(RequestCredentials::Omit).send().await.map_err(|_| ApiError::Network)?;
    let code = response.status();
    let body = response.text().await.map_err(|_| ApiError::Network)?;
    if (200..300).contains(&code) {
        Ok(body)
    } else {
        Err(ApiError::Status { code, body, retry_after: None })
    }
}

/// What customers see today for the connected app, read again when the app or API changes and
/// after each submit: `None` while unknown (loading, or the read failed), empty answers when
/// nothing is live yet. The first read for an app is also compared with the local draft.
pub fn live_answers(marketplace: Marketplace) -> Signal<Option<Answers>> {
    let connection = marketplace.connection;
    let live = crate::latest::latest(move || {
        connection.app_key.track();
        connection.api_base.track();
        marketplace.submission.last_submitted.track();
        let target = connection.target();
        async move {
            match read(&target, Version::Live, None).await {
                Ok(json) => {
                    let answers = from_trust_info(&json);
                    marketplace.loader.compare_on_open(target.key.clone(), json);
                    Some(answers)
                }
                Err(ApiError::Status { code: 404, .. }) => Some(Answers::new()),
                Err(_) => None,
            }
        }
    });
    Signal::derive(move || live.get().flatten())
}
