use leptos::prelude::*;

use crate::draft::last_app_key;

/// The app key a newcomer starts with: the stand-in knows it, so the app works with no account.
pub const DEMO_APP_KEY: &str = "com.example.privacy-tab-demo";

/// The Marketplace v2 REST base. Same-origin: in development Trunk proxies it to the local
/// stand-in; in production a reverse-proxy rule forwards it to the Marketplace.
pub const DEFAULT_API_BASE: &str = "/rest/2";

/// Who the app talks to and as whom. The token is a password: it lives in this struct's
/// signal and nowhere else (no storage, no URL, no log).
#[derive(Clone, Copy)]
pub struct Connection {
    pub app_key: RwSignal<String>,
    pub email: RwSignal<String>,
    pub token: RwSignal<String>,
    pub api_base: RwSignal<String>,
}

impl Connection {
    pub fn provide() -> Self {
        let connection = Connection {
            app_key: RwSignal::new(last_app_key().unwrap_or_else(|| DEMO_APP_KEY.to_owned())),
            email: RwSignal::new(String::new()),
            token: RwSignal::new(String::new()),
            api_base: RwSignal::new(DEFAULT_API_BASE.to_owned()),
        };
        provide_context(connection);
        connection
    }

    pub fn expect() -> Self {
        expect_context()
    }
}
