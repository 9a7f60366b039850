use leptos::prelude::*;

use crate::api::{ApiVersion, Credentials, RuntimeConfig, Target};

/// Who the app talks to and as whom. The token is a password: it lives in this struct's
/// signal and nowhere else (no storage, no URL, no log).
#[derive(Clone, Copy)]
pub struct Connection {
    /// The app whose draft is open (`DraftStore::open_app` changes it).
    pub app_key: Signal<String>,
    pub email: RwSignal<String>,
    pub token: RwSignal<String>,
    /// Same-origin by default: in development Trunk proxies it to the local stand-in; in
    /// production a reverse-proxy rule forwards it to the Marketplace (see the README).
    pub api_base: RwSignal<String>,
    /// Fixed by the runtime configuration.
    pub api_version: ApiVersion,
}

impl Connection {
    pub fn provide(config: &RuntimeConfig, app_key: Signal<String>) -> Self {
        let connection = Connection {
            app_key,
            email: RwSignal::new(String::new()),
            token: RwSignal::new(String::new()),
            api_base: RwSignal::new(config.api_base.clone()),
            api_version: config.api_version,
        };
        provide_context(connection);
        connection
    }

    pub fn expect() -> Self {
        expect_context()
    }

    /// The app as the API addresses it, right now.
    pub fn target(&self) -> Target {
        Target { api_base: self.api_base.get_untracked(), version: self.api_version, key: self.app_key.get_untracked() }
    }

    /// The e-mail and token, when both are filled in.
    pub fn credentials(&self) -> Option<Credentials> {
        Credentials::new(&self.email.get_untracked(), &self.token.get_untracked())
    }
}
