//! What the app asks of the browser at start-up, answered also outside one: the build renders
//! the page natively (`crates/prerender`), where there is no `Date` and no window.

use leptos::prelude::*;

/// Milliseconds since the epoch (`Date.now()`).
#[cfg(target_arch = "wasm32")]
pub fn epoch_ms() -> f64 {
    js_sys::Date::now()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn epoch_ms() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |since| since.as_millis() as f64)
}

/// Calls `handler` with each `event_name` event of the window, for as long as the calling
/// component lives. Outside a browser there is no window, and nothing to hear.
pub fn listen_to_window(event_name: &str, handler: impl Fn(web_sys::Event) + 'static) {
    if IN_BROWSER {
        let handle = window_event_listener_untyped(event_name, handler);
        on_cleanup(move || handle.remove());
    }
}

/// Whether this is the app in a browser, not the build-time prerender.
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");
