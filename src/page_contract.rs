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
/// The `localStorage` entry naming the app whose draft the app opens at the form's address.
pub const LAST_APP_KEY: &str = "privacy-tab:last-app-key";

/// The `localStorage` entry holding the form as the partner left it (`src/first_page/snapshot.rs`
/// writes it when the page is hidden or closed, and removes it when the app starts): a header
/// line, [`snapshot_header`], then the markup of the first page's holder, every control's value
/// written into it as its attribute.
pub const SNAPSHOT_KEY: &str = "privacy-tab-snapshot";
/// On `<html>`, set by the page's snapshot script: the holder shows [`SNAPSHOT_KEY`]'s markup,
/// inert, until the app is in charge.
pub const SNAPSHOT: &str = "data-snapshot";
/// The field of a stored draft (`questionnaire::draft::Draft`) that names its save.
pub const REVISION_FIELD: &str = "revision";
/// The IndexedDB store of the drafts' crash-safe copies (in `questionnaire::draft::DURABLE_DATABASE`).
pub const DURABLE_STORE: &str = "drafts";

/// The beginning of a draft's storage key: then its app key (`questionnaire::draft::storage_key`;
/// a native test holds them equal).
pub const DRAFT_KEY_PREFIX: &str = "privacy-tab-draft:";

/// The snapshot's first two lines: the revision of the draft it shows, as stored, and the app
/// key whose draft that is, the [`LAST_APP_KEY`] that makes the app open it. The page shows the
/// snapshot only while both still hold ([`snapshot_script`]). An app key is typed into a
/// one-line field, so it holds no line break; one that did would not match, and show nothing.
pub fn snapshot_header(revision: u64, app_key: &str) -> String {
    format!("{revision}\n{app_key}\n")
}

/// The page's inline script, run as `<head>` is parsed: marks `<html>` [`RESTORING`] when a
/// draft is stored and [`ELSEWHERE`] when the address is not the form's, so the stylesheet
/// hides the first page before it paints. The build puts its hash in the page's CSP.
pub fn head_script() -> String {
    format!(
        "try{{for(var i=0;i<localStorage.length;i++)if(localStorage.key(i).lastIndexOf(\"{STORAGE_PREFIX}\",0)===0){{document.documentElement.setAttribute(\"{RESTORING}\",\"\");break}}}}catch(e){{}}\
         if(!/\\/(index\\.html)?$/.test(location.pathname)||location.search||location.hash)document.documentElement.setAttribute(\"{ELSEWHERE}\",\"\")"
    )
}

/// The name of the IndexedDB database of the drafts' crash-safe copies
/// (`questionnaire::draft::DURABLE_DATABASE`; a native test holds them equal).
pub const DURABLE_DATABASE: &str = "privacy-tab";

/// The page's second inline script, right after the first page's holder: puts the form as the
/// partner left it ([`SNAPSHOT_KEY`]) into the holder, inert and busy, and marks `<html>`
/// [`SNAPSHOT`] so the stylesheet shows it despite [`RESTORING`], but only when the address is
/// the form's and the snapshot still shows what the app will open: the [`LAST_APP_KEY`] it was
/// taken under, the draft stored now at its key with its revision, and the draft's crash-safe
/// copy (which the app merges on start) either absent or of that same revision (local storage
/// reaches the disk seconds late, so after a crash it can hold an older draft than IndexedDB).
/// Anything amiss (no snapshot, JSON that does not parse, IndexedDB refused) shows nothing: the
/// page hides the form until the app has restored the draft, as without a snapshot.
///
/// No partner text is ever run as script: the markup was serialised from the app's own DOM
/// (escaped), `innerHTML` runs no `<script>`, and the page's CSP allows no inline handlers.
/// The IndexedDB database is opened without a version and never created here (its upgrade is
/// aborted): the app creates it with its store. The build puts this script's hash in the CSP.
pub fn snapshot_script() -> String {
    format!(
        "try{{(function(){{var d=document,r=d.documentElement,l=localStorage,s=l.getItem(\"{SNAPSHOT_KEY}\"),i=s.indexOf(\"\\n\"),j=s.indexOf(\"\\n\",i+1),\
         n=+s.slice(0,i),k=\"{DRAFT_KEY_PREFIX}\"+s.slice(i+1,j),v=function(t){{return JSON.parse(t).{REVISION_FIELD}===n}};\
         if(r.hasAttribute(\"{ELSEWHERE}\")||!n||j<0||\"{DRAFT_KEY_PREFIX}\"+l.getItem(\"{LAST_APP_KEY}\")!==k||!v(l.getItem(k)))return;\
         var w=function(){{if(r.hasAttribute(\"{STARTED}\"))return;var p=d.getElementById(\"{FIRST_PAGE_ID}\");p.innerHTML=s.slice(j+1);p.setAttribute(\"inert\",\"\");p.setAttribute(\"aria-busy\",\"true\");r.setAttribute(\"{SNAPSHOT}\",\"\")}},\
         q=indexedDB.open(\"{DURABLE_DATABASE}\");\
         q.onupgradeneeded=function(){{q.transaction.abort()}};q.onerror=w;\
         q.onsuccess=function(){{var b=q.result;try{{var g=b.transaction(\"{DURABLE_STORE}\").objectStore(\"{DURABLE_STORE}\").get(k);\
         g.onsuccess=function(){{try{{if(g.result==null||v(g.result))w()}}catch(e){{}}}}}}catch(e){{}}b.close()}}}})()}}catch(e){{}}"
    )
}

#[cfg(test)]
mod snapshot_tests {
    use super::*;

    /// The header the app writes is what the page's script reads: the revision, then the app
    /// key, a line each, the markup after.
    #[test]
    fn the_snapshot_header_is_the_revision_and_the_app_key_a_line_each() {
        assert_eq!(snapshot_header(4_503_599_627_370_496, "com.example.app"), "4503599627370496\ncom.example.app\n");
    }
}
