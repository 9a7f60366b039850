use leptos::prelude::*;
use questionnaire::embed::{read_document, DataSource};
use questionnaire::Answers;

use super::source::WidgetSource;
use crate::api::{get_public, ApiError};
use crate::preview::ListingTab;

/// One embedded tab: loading, then the tab, or a message that says what failed.
#[component]
pub fn Widget(source: WidgetSource) -> impl IntoView {
    let WidgetSource { data, expanded } = source;
    let loaded: Signal<Option<Result<Answers, String>>> = match data {
        Err(problem) => Signal::derive(move || Some(Err(problem.to_string()))),
        Ok(DataSource::Inline(text)) => {
            let read = read_document(&text)
                .map_err(|error| format!("The JSON written into this page could not be read. {error}"));
            Signal::derive(move || Some(read.clone()))
        }
        Ok(DataSource::Url(url)) => {
            let resource = LocalResource::new(move || {
                let url = url.clone();
                async move { load(&url).await }
            });
            Signal::derive(move || resource.get())
        }
    };
    move || match loaded.get() {
        None => view! {
            <p class="widget-loading" role="status">"Loading the Privacy & Security information…"</p>
        }
        .into_any(),
        Some(Ok(answers)) => {
            view! { <ListingTab answers=Signal::derive(move || answers.clone()) expanded /> }.into_any()
        }
        Some(Err(message)) => view! {
            <div class="widget-error" role="alert">
                <p class="widget-error-title">"The Privacy & Security tab could not be shown."</p>
                <p class="widget-error-detail">{message}</p>
            </div>
        }
        .into_any(),
    }
}

async fn load(url: &str) -> Result<Answers, String> {
    let text = get_public(url).await.map_err(|error| match error {
        ApiError::Status { code, body, .. } => format!("{url} answered {code}{}.", server_message(&body)),
        _ => format!(
            "Nothing could be read from {url}: the server cannot be reached, or it does not allow this site to read it (CORS)."
        ),
    })?;
    read_document(&text).map_err(|error| format!("The data from {url} could not be read. {error}"))
}

/// The API's own `{"message": …}`, when it sent one.
fn server_message(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|value| value.get("message").and_then(|message| message.as_str()).map(str::to_owned))
        .map(|message| format!(": {message}"))
        .unwrap_or_default()
}
