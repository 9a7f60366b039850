//! The review page (`review.html`, which hosts serve at the app's `./review`): a review link's
//! tab, read-only, rendered by the widget's renderer, so a colleague who only reads downloads
//! what reading needs and none of the app. It reads the link as the app's review page does
//! (`questionnaire::review_link`), says the same when a link cannot be read, and prints the
//! same. "Import into my draft" hands the link over to the app's `./import`, whose own review
//! page opens the import (the app loads then).

mod inflate;

use questionnaire::review_link::{answers_of, compressed_of, LinkError, MAX_PAYLOAD_BYTES};
use questionnaire::Answers;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::dom::{child, document, focus, on, set, text_child};
use crate::listing_tab;

/// The app's address that imports a review link (src/routes.rs), beside this page's.
const IMPORT_PAGE: &str = "import";
/// `?view=expanded` opens the tab on its expanded view, as in the app.
const EXPANDED_VIEW: &str = "view=expanded";

// What the page reads of its address and does with it, named directly (see dom.rs).
#[wasm_bindgen]
extern "C" {
    type Location;
    #[wasm_bindgen(thread_local_v2, js_name = location)]
    static LOCATION: Location;
    #[wasm_bindgen(method, getter)]
    fn hash(this: &Location) -> String;
    #[wasm_bindgen(method, getter)]
    fn search(this: &Location) -> String;
    #[wasm_bindgen(method, getter)]
    fn pathname(this: &Location) -> String;
    #[wasm_bindgen(method)]
    fn assign(this: &Location, url: &str);

    #[wasm_bindgen(thread_local_v2, js_name = window)]
    static WINDOW: web_sys::EventTarget;
    #[wasm_bindgen(js_namespace = history, js_name = replaceState)]
    fn replace_state(state: &JsValue, unused: &str, url: &str);
    #[wasm_bindgen(js_name = print)]
    fn print_page();
}

/// Reads the link in the page's address and shows its tab, or why it cannot; again whenever
/// the fragment changes (another link opened in this tab: no new page is loaded for it).
pub fn open() {
    WINDOW.with(|window| on(window, &["hashchange"], Box::new(|_| read_link())));
    read_link();
}

fn read_link() {
    let fragment = LOCATION.with(Location::hash);
    match compressed_of(&fragment) {
        Err(problem) => show_problem(&problem),
        Ok(compressed) => inflate::inflate(
            &compressed,
            MAX_PAYLOAD_BYTES,
            Box::new(|payload| match payload.ok_or(LinkError::Damaged).and_then(|payload| answers_of(&payload)) {
                Ok(answers) => show(&answers),
                Err(problem) => show_problem(&problem),
            }),
        ),
    }
}

/// The page's bar, its heading alone in it ("Reading the link…" gone), and nothing after it:
/// what the last link read put there is gone.
fn bar() -> Element {
    let Ok(Some(bar)) = document().query_selector("#review-page .preview-page-bar") else {
        unreachable!("review.html has the bar")
    };
    while let Some(last) = bar.last_element_child().filter(|last| last.id() != "review-page-title") {
        last.remove();
    }
    while let Some(next) = bar.next_element_sibling() {
        next.remove();
    }
    bar
}

fn show(answers: &Answers) {
    let bar = bar();
    text_child(
        &bar,
        "p",
        "hint",
        "Someone shared this tab with you to check before it is published. Its answers travel in the link itself: no server holds them, and nothing you do here changes them.",
    );
    let actions = child(&bar, "div", "preview-actions");
    let print = button(&actions, "print-review", "Print");
    on(&print, &["click"], Box::new(|_| print_page()));
    let import = button(&actions, "import-review", "Import into my draft");
    on(&import, &["click"], Box::new(|_| hand_over()));
    own_draft_link(&actions, "button-like secondary", "Open my own draft");
    text_child(&bar, "p", "print-only print-title", "Privacy & Security information, for review");

    let Some(page) = bar.parent_element() else { unreachable!("the bar is in the page") };
    listing_tab(&page, answers, is_expanded(&LOCATION.with(Location::search)));
    if let Some(tab) = page.last_element_child() {
        follow_the_view(tab);
    }
    focus_heading();
}

fn show_problem(problem: &LinkError) {
    let bar = bar();
    let failed = child(&bar, "div", "call-failed");
    set(&failed, "role", "alert");
    set(&failed, "id", "review-link-problem");
    text_child(&failed, "p", "", &problem.to_string());
    own_draft_link(&child(&bar, "p", ""), "", "Open the form");
    focus_heading();
}

fn button(parent: &Element, id: &str, label: &str) -> Element {
    let button = text_child(parent, "button", "secondary", label);
    set(&button, "type", "button");
    set(&button, "id", id);
    button
}

/// The app's form, in the folder this page is served from.
fn own_draft_link(parent: &Element, class: &str, label: &str) {
    set(&text_child(parent, "a", class, label), "href", "./");
}

/// Focus on the page's heading, as the app's review page does once it has rendered: a screen
/// reader starts there, the keyboard's next Tab reaches the page's buttons.
fn focus_heading() {
    if let Some(heading) = document().get_element_by_id("review-page-title") {
        focus(&heading);
    }
}

fn is_expanded(search: &str) -> bool {
    search.trim_start_matches('?').split('&').any(|parameter| parameter == EXPANDED_VIEW)
}

/// The view picked goes into the address in place, the link otherwise as it was sent: a
/// reload, or the address passed on, opens the same view.
fn follow_the_view(tab: Element) {
    let shown = tab.clone();
    on(
        &tab,
        &["click"],
        Box::new(move |_| {
            let expanded = !shown.class_name().contains("default-view");
            let query = if expanded { ["?", EXPANDED_VIEW].concat() } else { String::new() };
            let address = LOCATION.with(|location| [location.pathname(), query, location.hash()].concat());
            replace_state(&JsValue::NULL, "", &address);
        }),
    );
}

/// The link, with its view, to the app's import (the app's own review page, which opens the
/// import of the link's answers into the reader's draft, showing what it would change first).
fn hand_over() {
    LOCATION.with(|location| location.assign(&[IMPORT_PAGE, &location.search(), &location.hash()].concat()));
}
