//! The page's own events that matter to the draft: leaving it, and other tabs saving.

use leptos::ev;
use leptos::leptos_dom::helpers::WindowListenerHandle;
use leptos::prelude::*;

/// Runs `flush` when the page is hidden or closed, so a change still waiting for its save
/// delay is not lost with the tab.
pub fn on_leave(flush: impl Fn() + Clone + 'static) {
    let on_hide = flush.clone();
    until_cleanup(window_event_listener_untyped("pagehide", move |_| flush()));
    until_cleanup(window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            on_hide();
        }
    }));
}

/// Runs `changed` with the new text (`None`: removed) when another tab writes a storage key
/// that `is_ours`. Browsers tell every other tab of the same origin, never the writing one.
pub fn on_other_tab_save(is_ours: impl Fn(&str) -> bool + 'static, changed: impl Fn(Option<String>) + 'static) {
    until_cleanup(window_event_listener(ev::storage, move |event| {
        if event.key().is_some_and(|key| is_ours(&key)) {
            changed(event.new_value());
        }
    }));
}

/// Keeps a window listener for as long as the component that set it up.
pub fn until_cleanup(handle: WindowListenerHandle) {
    on_cleanup(move || handle.remove());
}
