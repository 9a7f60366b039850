use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Once what is being shown has rendered: scrolls the element into view and moves focus to it
/// (a heading is made focusable for this; a button already is), so the partner and their
/// screen reader land there.
pub fn reveal(id: &'static str) {
    request_animation_frame(move || {
        let Some(element) = document().get_element_by_id(id) else { return };
        let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() else { return };
        if element.tab_index() < 0 && !element.has_attribute("tabindex") {
            let _ = element.set_attribute("tabindex", "-1");
        }
        element.scroll_into_view();
        let _ = element.focus();
    });
}
