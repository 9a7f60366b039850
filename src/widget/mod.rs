//! The embeddable listing tab: every `<div data-privacy-tab …>` on the page gets the read-only
//! [`ListingTab`](crate::preview::ListingTab) inside its own shadow root, so the host page's
//! styles and the widget's never meet.

mod shadow_host;
mod source;
mod widget_view;

use questionnaire::embed::HOST_ATTRIBUTE;
use wasm_bindgen::JsCast;

pub use widget_view::Widget;

/// Marks a host element once mounted, so running the script twice mounts nothing twice.
const MOUNTED_ATTRIBUTE: &str = "data-privacy-tab-mounted";

/// Mounts a widget on every marked element not mounted yet.
pub fn mount_all() {
    let Ok(hosts) =
        leptos::prelude::document().query_selector_all(&format!("[{HOST_ATTRIBUTE}]:not([{MOUNTED_ATTRIBUTE}])"))
    else {
        return;
    };
    for index in 0..hosts.length() {
        if let Some(host) = hosts.item(index).and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = host.set_attribute(MOUNTED_ATTRIBUTE, "");
            mount_one(host);
        }
    }
}

fn mount_one(host: web_sys::HtmlElement) {
    let source = source::read(&host);
    match shadow_host::attach(&host) {
        Ok(container) => leptos::mount::mount_to(container, move || {
            leptos::prelude::view! { <Widget source=source.clone() /> }
        })
        .forget(),
        Err(problem) => leptos::logging::warn!("privacy-tab widget: {problem}"),
    }
}
