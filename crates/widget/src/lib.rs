//! The embeddable listing tab: every `<div data-privacy-tab …>` on the page gets the read-only
//! Privacy & Security tab inside its own shadow root, so the host page's styles and the
//! widget's never meet. Plain DOM calls, no rendering library and nothing of the app: every
//! visitor of every page that embeds it downloads it, so it must stay small. The markup is the
//! app's preview's (`src/preview/listing_tab.rs`), so `style/listing-tab.css` styles both.
//!
//! The same renderer serves the review page ([`review`], review.html): a review link's tab
//! without the app, for a colleague who only reads.

mod dom;
mod fetch;
mod json;
mod render;
pub mod review;
mod shadow_host;
mod source;

use std::rc::Rc;

use questionnaire::embed::{read_value, DataSource, HOST_ATTRIBUTE};
use questionnaire::Answers;
use web_sys::Element;

use dom::{child, text_child};
use fetch::{get_text, Failure};
pub use render::listing_tab;
use source::WidgetSource;

/// Marks a host element once mounted, so running the script twice mounts nothing twice.
const MOUNTED_ATTRIBUTE: &str = "data-privacy-tab-mounted";

/// Mounts a widget on every marked element not mounted yet.
pub fn mount_all() {
    let selector = ["[", HOST_ATTRIBUTE, "]:not([", MOUNTED_ATTRIBUTE, "])"].concat();
    let Ok(hosts) = dom::document().query_selector_all(&selector) else { return };
    for index in 0..hosts.length() {
        // Only elements match an attribute selector.
        if let Some(host) = hosts.item(index).map(wasm_bindgen::JsCast::unchecked_into::<Element>) {
            dom::set(&host, MOUNTED_ATTRIBUTE, "");
            mount_one(&host);
        }
    }
}

fn mount_one(host: &Element) {
    let WidgetSource { data, expanded } = source::read(host);
    let container = match shadow_host::attach(host) {
        Ok(container) => container,
        Err(problem) => return web_sys::console::warn_1(&["privacy-tab widget: ", problem].concat().into()),
    };
    match data {
        Err(problem) => show_error(&container, &problem.to_string()),
        Ok(DataSource::Inline(text)) => match read(&text) {
            Ok(answers) => listing_tab(&container, &answers, expanded),
            Err(error) => {
                show_error(&container, &["The JSON written into this page could not be read. ", &error].concat())
            }
        },
        Ok(DataSource::Url(url)) => {
            let loading = text_child(&container, "p", "widget-loading", "Loading the Privacy & Security information…");
            dom::set(&loading, "role", "status");
            let source = url.clone();
            get_text(
                &source,
                Rc::new(move |loaded| {
                    container.set_text_content(None);
                    match answers_from(&url, loaded) {
                        Ok(answers) => listing_tab(&container, &answers, expanded),
                        Err(message) => show_error(&container, &message),
                    }
                }),
            );
        }
    }
}

/// The answers in a document, parsed by the browser.
fn read(text: &str) -> Result<Answers, String> {
    read_value(&json::parse(text)?)
}

/// The answers fetched from `url`, or what went wrong, in words.
fn answers_from(url: &str, loaded: Result<String, Failure>) -> Result<Answers, String> {
    let text = loaded.map_err(|failure| match failure {
        Failure::Status(code, body) => [url, " answered ", &code.to_string(), &server_message(&body), "."].concat(),
        Failure::Unreachable => [
            "Nothing could be read from ",
            url,
            ": the server cannot be reached, or it does not allow this site to read it (CORS).",
        ]
        .concat(),
    })?;
    read(&text).map_err(|error| ["The data from ", url, " could not be read. ", &error].concat())
}

/// The API's own `{"message": …}`, after a colon, when it sent one.
fn server_message(body: &str) -> String {
    let value = json::parse(body).ok();
    match value.as_ref().and_then(|value| value.get("message")).and_then(|message| message.as_str()) {
        Some(message) => [": ", message].concat(),
        None => String::new(),
    }
}

fn show_error(container: &Element, message: &str) {
    let error = child(container, "div", "widget-error");
    dom::set(&error, "role", "alert");
    text_child(&error, "p", "widget-error-title", "The Privacy & Security tab could not be shown.");
    text_child(&error, "p", "widget-error-detail", message);
}
