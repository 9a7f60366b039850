use leptos::prelude::*;

use super::load_panel::LoadPanel;
use crate::api::Marketplace;
use crate::shell::Shell;

/// Which app, and the account to reach the Marketplace with. The app key switches drafts only
/// when the partner leaves the field, never halfway through typing it.
#[component]
pub fn ConnectPanel() -> impl IntoView {
    let connection = Marketplace::expect().connection;
    let shell = Shell::expect();
    let key_label = connection.api_version.key_label();

    view! {
        <section class="connect" aria-labelledby="connect-heading">
            <h2 id="connect-heading">"Your app"</h2>
            <div class="field">
                <label for="app-key">{key_label}</label>
                <input
                    id="app-key"
                    class="text-input"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    // The attribute too: the page rendered at build time has no properties.
                    value=connection.app_key.get_untracked()
                    prop:value=connection.app_key
                    on:change=move |ev| shell.open_app(event_target_value(&ev).trim().to_owned())
                />
            </div>
            <div class="field">
                <label for="account-email">"Atlassian account e-mail"</label>
                <input
                    id="account-email"
                    class="text-input"
                    type="email"
                    autocomplete="email"
                    bind:value=connection.email
                />
            </div>
            <div class="field">
                <label for="api-token">"API token"</label>
                <p class="hint" id="api-token-hint">
                    "Create one at id.atlassian.com (Security, API tokens). It is kept in this tab's memory only: never saved, exported or put in a link, and gone when you close the tab."
                </p>
                // Masked by CSS, not `type="password"`: a password field beside an e-mail makes
                // browsers and password managers offer to save the token, which must never be
                // stored anywhere (and the hint above promises so).
                <input
                    id="api-token"
                    class="text-input secret-input"
                    type="text"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    data-1p-ignore=""
                    data-lpignore="true"
                    data-bwignore=""
                    data-form-type="other"
                    aria-describedby="api-token-hint"
                    bind:value=connection.token
                />
            </div>
            <details class="advanced">
                <summary>"Advanced: API address"</summary>
                <div class="field">
                    <label for="api-base">"Marketplace API address"</label>
                    <p class="hint" id="api-base-hint">
                        "Where this page reaches the Marketplace REST API. Leave it as it is unless whoever hosts this page tells you otherwise."
                    </p>
                    <input
                        id="api-base"
                        class="text-input"
                        type="text"
                        spellcheck="false"
                        aria-describedby="api-base-hint"
                        value=connection.api_base.get_untracked()
                        bind:value=connection.api_base
                    />
                </div>
            </details>
            <LoadPanel />
        </section>
    }
}
