//! Where the partner is in the form: the question holding focus (going back to it is
//! `crate::focus::focus_question_later`).

use wasm_bindgen::JsCast;
use web_sys::Element;

/// Calls `at` with the question id (`data-question`) whenever focus enters a question.
pub fn follow_focus(at: impl Fn(String) + 'static) {
    crate::platform::listen_to_window("focusin", move |event| {
        let question = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|element| element.closest("[data-question]").ok().flatten())
            .and_then(|question| question.get_attribute("data-question"));
        if let Some(id) = question {
            at(id);
        }
    });
}
