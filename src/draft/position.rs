//! Where the partner is in the form: the question holding focus, and going back to it.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

/// Calls `at` with the question id (`data-question`) whenever focus enters a question.
pub fn follow_focus(at: impl Fn(String) + 'static) {
    super::lifecycle::until_cleanup(window_event_listener(ev::focusin, move |event| {
        let question = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|element| element.closest("[data-question]").ok().flatten())
            .and_then(|question| question.get_attribute("data-question"));
        if let Some(id) = question {
            at(id);
        }
    }));
}

/// Scrolls to the question and focuses its answer (the picked choice, else its first control),
/// once the form is on screen. A question that is not shown now is left alone.
pub fn go_to(question_id: String) {
    request_animation_frame(move || {
        let selector = format!("[data-question=\"{question_id}\"]");
        let Ok(Some(question)) = document().query_selector(&selector) else { return };
        let control = question
            .query_selector("input:checked")
            .ok()
            .flatten()
            .or_else(|| question.query_selector("input, textarea, select, button").ok().flatten());
        if let Some(control) = control.and_then(|control| control.dyn_into::<HtmlElement>().ok()) {
            let _ = control.focus();
        }
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Center);
        question.scroll_into_view_with_scroll_into_view_options(&options);
    });
}
