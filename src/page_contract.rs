//! The names the first page is handed over by: the build that renders and fills the page
//! (crates/prerender, crates/bundle), the loader that starts the app, the app, the stylesheet
//! and the tests all read them from here; crates/bundle writes the loader and the page's inline
//! script from them.
//!
//! No dependencies: the end-to-end tests include this file as it is (`#[path]`).

/// The element the build fills with the app's first page, and the app hydrates (or, where
/// the page cannot be what the build rendered, mounts into).
pub const FIRST_PAGE_ID: &str = "prerendered";
/// Its class (the stylesheet's handle on it).
pub const FIRST_PAGE_CLASS: &str = "prerendered";

/// On `<html>`: the app is in charge of the page.
pub const STARTED: &str = "data-started";
/// On `<html>`, set by the page's inline script: a draft is stored, which the app restores;
/// until it has, the (empty) first page is not shown.
pub const RESTORING: &str = "data-restoring";
/// On `<html>`, set by the page's inline script: the address is not the form's (another page,
/// a query or a fragment), so the first page is not what the app shows there: hidden, and the
/// app starts at once.
pub const ELSEWHERE: &str = "data-elsewhere";
/// On `<html>`, set by the loader: a file was refused or missing; the page says so.
pub const NOT_STARTED: &str = "data-not-started";
/// On a button of the first page, set by the loader: how many times it was pressed before the
/// app was in charge (the page had no handlers then). The app applies those presses as its
/// own state once it is ([`crate::first_page::presses`]).
pub const PRESSED: &str = "data-pressed";
/// What starts the app on a first visit: the partner reaching for the page. A bare `click`
/// is there for assistive technology and voice control, which send no pointer events.
pub const START_EVENTS: [&str; 5] = ["pointerdown", "keydown", "focusin", "touchstart", "click"];
/// The beginning of every key the app stores in `localStorage` (`questionnaire::draft`).
pub const STORAGE_PREFIX: &str = "privacy-tab";

/// The page's inline script, run as `<head>` is parsed: marks `<html>` [`RESTORING`] when a
/// draft is stored and [`ELSEWHERE`] when the address is not the form's, so the stylesheet
/// hides the first page before it paints. The build puts its hash in the page's CSP.
pub fn head_script() -> String {
    format!(
        "try{{for(var i=0;i<localStorage.length;i++)if(localStorage.key(i).lastIndexOf(\"{STORAGE_PREFIX}\",0)===0){{document.documentElement.setAttribute(\"{RESTORING}\",\"\");break}}}}catch(e){{}}\
         if(!/\\/(index\\.html)?$/.test(location.pathname)||location.search||location.hash)document.documentElement.setAttribute(\"{ELSEWHERE}\",\"\")"
    )
}
