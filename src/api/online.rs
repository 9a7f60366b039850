//! Whether the browser thinks it is online, kept current by the `online`/`offline` events.

use leptos::ev;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Online {
    pub is_online: RwSignal<bool>,
}

impl Online {
    pub fn watch() -> Self {
        let now = web_sys::window().map(|window| window.navigator().on_line()).unwrap_or(true);
        let online = Online { is_online: RwSignal::new(now) };
        // The app lives as long as the page: the listeners are never removed.
        let _ = window_event_listener(ev::online, move |_| online.is_online.set(true));
        let _ = window_event_listener(ev::offline, move |_| online.is_online.set(false));
        online
    }
}
