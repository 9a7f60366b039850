use leptos::prelude::*;

use super::call_status::CallStatus;
use super::replace_offer::ReplaceOffer;
use crate::api::{Marketplace, Outcome, Version};

/// Starting from what the Marketplace holds: the live version (public) or the draft (needs
/// the e-mail and token).
#[component]
pub fn LoadPanel() -> impl IntoView {
    let marketplace = Marketplace::expect();
    let loader = marketplace.loader;
    let connection = marketplace.connection;
    let key_label = connection.api_version.key_label().to_ascii_lowercase();

    let not_found = Signal::derive(move || {
        let which = version_name(loader.version.get());
        format!(
            "The Marketplace has no {which} for \u{201c}{}\u{201d}, or does not know this {key_label}.",
            connection.app_key.get()
        )
    });
    let outcome = move || {
        loader.outcome.get().map(|outcome| match outcome {
            Outcome::Applied(v) => format!("Loaded the Marketplace's {}.", version_name(v)),
            Outcome::Replaced(v) => format!("Replaced your local answers with the Marketplace's {}.", version_name(v)),
            Outcome::Kept(v) => format!("Kept your answers; the Marketplace's {} was not applied.", version_name(v)),
            Outcome::AlreadySame(v) => format!("Your answers already match the Marketplace's {}.", version_name(v)),
            Outcome::NeedsCredentials => {
                "Enter your Atlassian account e-mail and API token to read your Marketplace draft.".to_owned()
            }
        })
    };
    let retry = Callback::new(move |()| loader.load(loader.version.get_untracked()));
    let offer_here = move || loader.offer.get().filter(|offer| offer.key == connection.app_key.get());

    view! {
        <div class="load" role="group" aria-labelledby="load-heading">
            <h3 id="load-heading">"Start from the Marketplace"</h3>
            <p class="hint">"Nothing is replaced without asking: if the Marketplace's answers differ from yours, you see the differences first."</p>
            <div class="button-row">
                <button type="button" class="secondary" id="load-live" disabled=move || loader.call.busy() on:click=move |_| loader.load(Version::Live)>
                    "Load the live version"
                </button>
                <button type="button" class="secondary" id="load-draft" disabled=move || loader.call.busy() on:click=move |_| loader.load(Version::Draft)>
                    "Load your Marketplace draft"
                </button>
            </div>
            <div class="load-status" id="load-status" role="status" aria-live="polite">
                <CallStatus call=loader.call id="load" working="Reading from the Marketplace…" retry_label="Try again" on_retry=retry not_found />
                {move || outcome().map(|text| view! { <p class="load-outcome">{text}</p> })}
            </div>
            {move || offer_here().map(|offer| view! { <ReplaceOffer offer /> })}
        </div>
    }
}

pub fn version_name(version: Version) -> &'static str {
    match version {
        Version::Live => "live version",
        Version::Draft => "draft",
        Version::Current => "current version",
    }
}
