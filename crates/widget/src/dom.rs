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

/// Runs `on_click` on every click of `element`, for as long as the page lives. It is given the
/// event: the same closure type as fetch.rs's promise callbacks, so the glue has one kind.
pub fn on_click(element: &Element, on_click: Box<dyn FnMut(JsValue)>) {
    let listener = Closure::wrap(on_click);
    let _ = element.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
    listener.forget();
}
