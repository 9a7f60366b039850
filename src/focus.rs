//! Moving the partner's focus, scrolling what gets it into view: used by links to the form's
//! questions and sections (`#q-…`, `#section-…`: the error summary's, "next unanswered", shared
//! addresses), the API's field errors, a new third-party row and a restored draft.

use leptos::prelude::*;
use questionnaire::catalogue::QuestionId;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

/// What answers a question: not a term's toggletip in its words (crate::toggletip).
const CONTROL: &str = "input, textarea, select, button:not(.term)";

/// Focuses the element with this id, or the first control inside it when it is a group
/// (a fieldset, a question's wrapper, the error summary itself when it has no control).
pub fn focus_by_id(id: &str) {
    let Some(element) = document().get_element_by_id(id) else { return };
    let target = if matches!(element.tag_name().as_str(), "FIELDSET" | "DIV") {
        element.query_selector(CONTROL).ok().flatten().unwrap_or(element)
    } else {
        element
    };
    if let Ok(target) = target.dyn_into::<HtmlElement>() {
        target.scroll_into_view();
        let _ = target.focus();
    }
}

/// The same, once the current update has rendered the element.
pub fn focus_by_id_later(id: String) {
    request_animation_frame(move || focus_by_id(&id));
}

/// Scrolls to a question (`data-question`) and focuses its answer: the picked choice, else its
/// first control. A question that is not shown now is left alone.
pub fn focus_question(question_id: QuestionId) {
    let selector = format!("[data-question=\"{question_id}\"]");
    let Ok(Some(question)) = document().query_selector(&selector) else { return };
    let control = question
        .query_selector("input:checked")
        .ok()
        .flatten()
        .or_else(|| question.query_selector(CONTROL).ok().flatten());
    if let Some(control) = control.and_then(|control| control.dyn_into::<HtmlElement>().ok()) {
        let _ = control.focus();
    }
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    question.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The same for a draft's saved position, once the form is on screen (a restored draft goes
/// back to where it was). A position that names no question here is left alone.
pub fn focus_question_later(position: String) {
    if let Some(question) = QuestionId::parse(&position) {
        request_animation_frame(move || focus_question(question));
    }
}

/// What a link to the form names (its fragment, without `#`): `q-<question>` is the question
/// (its answer gets focus), `section-<section>` the section (its heading gets it), anything
/// else the element of that id (one input of a question, as the error summary names them).
pub fn focus_target(id: &str) {
    if let Some(question) = crate::form::question_of_control_id(id) {
        return focus_question(question);
    }
    let heading = format!("{id}-title");
    match document().get_element_by_id(&heading).and_then(|h| h.dyn_into::<HtmlElement>().ok()) {
        Some(heading) if id.starts_with("section-") => {
            if !heading.has_attribute("tabindex") {
                let _ = heading.set_attribute("tabindex", "-1");
            }
            heading.scroll_into_view();
            let _ = heading.focus();
        }
        _ => focus_by_id(id),
    }
}

/// The same, once the form is on screen.
pub fn focus_target_later(id: String) {
    request_animation_frame(move || focus_target(&id));
}
