//! The few DOM calls the widget's rendering needs. Whatever came from the data goes in as
//! text (`textContent`), never as markup.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

// The page's `document`, named directly: `web_sys::window()` would first look for the global
// object four ways, which the widget (always in a page) does not need.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(thread_local_v2, js_name = document)]
    static DOCUMENT: Document;
}

// What the toggletips read of the page's events (render.rs), named directly rather than through
// web-sys's Event, KeyboardEvent and HtmlElement types.
#[wasm_bindgen]
extern "C" {
    /// A click or a key pressed, anywhere on the page.
    pub type PageEvent;
    /// Where it happened: the first node of its path, inside an open shadow root too.
    #[wasm_bindgen(method, js_name = composedPath)]
    fn composed_path(this: &PageEvent) -> js_sys::Array;
    /// The key pressed; none for a click.
    #[wasm_bindgen(method, getter)]
    pub fn key(this: &PageEvent) -> Option<String>;
    /// How many times a pointer clicked: 0 for a click a keyboard made (Enter, Space).
    #[wasm_bindgen(method, getter)]
    pub fn detail(this: &PageEvent) -> u32;
    /// An element that takes focus.
    type Focusable;
    #[wasm_bindgen(method)]
    fn focus(this: &Focusable);
}

impl PageEvent {
    pub fn target_node(&self) -> web_sys::Node {
        self.composed_path().get(0).unchecked_into()
    }
}

pub fn focus(element: &Element) {
    element.unchecked_ref::<Focusable>().focus();
}

pub fn document() -> Document {
    DOCUMENT.with(Document::clone)
}

/// A new `<tag class="…">` inside `parent` (no class when `class` is empty).
pub fn child(parent: &Element, tag: &str, class: &str) -> Element {
    // No `expect`: it would format the JsValue error, which costs the glue a debug printer.
    let Ok(element) = document().create_element(tag) else { unreachable!("the widget's tag names are valid") };
    if !class.is_empty() {
        element.set_class_name(class);
    }
    let _ = parent.append_child(&element);
    element
}

/// A new `<tag class="…">text</tag>` inside `parent`.
pub fn text_child(parent: &Element, tag: &str, class: &str, text: &str) -> Element {
    let element = child(parent, tag, class);
    element.set_text_content(Some(text));
    element
}

/// Plain text at the end of `parent`.
pub fn text(parent: &Element, text: &str) {
    let _ = parent.append_with_str_1(text);
}

pub fn set(element: &Element, attribute: &str, value: &str) {
    let _ = element.set_attribute(attribute, value);
}

/// Runs `handler` on every one of `events` at `target`, for as long as the page lives. It is
/// given the event: the same closure type as fetch.rs's promise callbacks, so the glue has one
/// kind.
pub fn on(target: &web_sys::EventTarget, events: &[&str], handler: Box<dyn FnMut(JsValue)>) {
    let listener = Closure::wrap(handler);
    for event in events {
        let _ = target.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    }
    listener.forget();
}
