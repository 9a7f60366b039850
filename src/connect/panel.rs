use leptos::prelude::*;

use super::Connection;
use crate::api::Submission;

/// App key and credentials, and the submit button. The app key switches drafts only when the
/// partner leaves the field, never halfway through typing it.
#[component]
pub fn ConnectPanel() -> impl IntoView {
    let connection = Connection::expect();
    let submission = Submission::new(connection);

    view! {
        <section class="connect" aria-labelledby="connect-heading">
            <h2 id="connect-heading">"Your app"</h2>
            <div class="field">
                <label for="app-key">"App key"</label>
                <input
                    id="app-key"
                    class="text-input"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=connection.app_key
                    on:change=move |ev| connection.app_key.set(event_target_value(&ev).trim().to_owned())
                />
            </div>
            <div class="field">
                <label for="account-email">"Atlassian account e-mail"</label>
                <input
                    id="account-email"
                    class="text-input"
                    type="email"
                    autocomplete="username"
                    bind:value=connection.email
                />
            </div>
            <div class="field">
                <label for="api-token">"API token"</label>
                <p class="hint" id="api-token-hint">"Kept in this tab's memory only: never saved, exported or put in a link."</p>
                <input
                    id="api-token"
                    class="text-input"
                    type="password"
                    autocomplete="off"
                    aria-describedby="api-token-hint"
                    bind:value=connection.token
                />
            </div>
            <button
                type="button"
                id="submit"
                class="primary"
                disabled=move || submission.pending()
                on:click=move |_| submission.submit()
            >
                "Submit to the Marketplace"
            </button>
            <p class="submit-status" role="status" aria-live="polite">{move || submission.message()}</p>
        </section>
    }
}
