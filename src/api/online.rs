//! Whether the browser thinks it is online, kept current by the `online`/`offline` events.

use leptos::prelude::*;

use crate::platform::listen_to_window;

#[derive(Clone, Copy)]
pub struct Online {
    pub is_online: RwSignal<bool>,
}

impl Online {
    pub fn watch() -> Self {
        let now = !crate::platform::IN_BROWSER || window().navigator().on_line();
        let online = Online { is_online: RwSignal::new(now) };
        listen_to_window("online", move |_| online.is_online.set(true));
        listen_to_window("offline", move |_| online.is_online.set(false));
        online
    }
}
