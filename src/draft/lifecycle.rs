//! The page's own events that matter to the draft: leaving it, and other tabs saving.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::platform::listen_to_window;

/// Runs `changed(true)` when the page is hidden or closed (so a change still waiting for its
/// save delay is not lost with the tab), and `changed(false)` when it is shown again.
pub fn on_leave(changed: impl Fn(bool) + Clone + 'static) {
    let on_visibility = changed.clone();
    listen_to_window("pagehide", move |_| changed(true));
    listen_to_window("visibilitychange", move |_| on_visibility(document().hidden()));
}

/// Runs `changed` with the new text (`None`: removed) when another tab writes a storage key
/// that `is_ours`. Browsers tell every other tab of the same origin, never the writing one.
pub fn on_other_tab_save(is_ours: impl Fn(&str) -> bool + 'static, changed: impl Fn(Option<String>) + 'static) {
    listen_to_window("storage", move |event| {
        let event: web_sys::StorageEvent = event.unchecked_into();
        if event.key().is_some_and(|key| is_ours(&key)) {
            changed(event.new_value());
        }
    });
}
