//! The page a first visit paints is the app's own first page, rendered at build time from these
//! same components by Leptos's server-side renderer (`crates/prerender`, the `ssr` feature), so a
//! partner reads and answers it before the wasm arrives. When it has, the app *hydrates* that
//! page (the `hydrate` feature): it adopts the very nodes the partner is using, so focus, caret,
//! IME input, open `<details>` and a press under way stay as they are, and nothing is replaced.
//!
//! What the partner did before the app was in charge is handed over as state, never as
//! synthetic events: the values in the page are read just before hydrating ([`typed`]) and set
//! into the app's answers once it is (as typing them would), and the buttons pressed meanwhile,
//! which the loader counted ([`crate::page_contract::PRESSED`]), are applied by the components
//! that own them ([`presses`]).
//!
//! Only the page the build rendered can be hydrated: the form's address, a first visit (no
//! stored draft) and the `config.json` the build rendered under. Elsewhere the page is hidden
//! until the app starts (`data-restoring`, `data-elsewhere`; the loader starts it at once there),
//! and the app is mounted in its place; under another `config.json` too, given what was entered
//! (the nodes are new: presses counted on the old ones are lost).

pub mod presses;
pub mod snapshot;
pub mod typed;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::api::RuntimeConfig;
use crate::page_contract::{FIRST_PAGE_ID, SNAPSHOT, STARTED};

/// Starts the app under `config`: hydrating the first page where it can, else mounting in its
/// place. The root element then carries [`STARTED`]: the app answers from here on.
pub fn start(config: RuntimeConfig) {
    // What the app shows may change from now on; a crash must not leave an older form behind.
    snapshot::forget();
    let root = document().document_element();
    let page = document().get_element_by_id(FIRST_PAGE_ID).and_then(|page| page.dyn_into::<HtmlElement>().ok());
    let app = {
        let config = config.clone();
        move || {
            provide_context(config);
            view! { <crate::App /> }
        }
    };
    match page {
        #[cfg(feature = "hydrate")]
        Some(page) if is_as_rendered(&page, &config) => {
            let typed = typed::Typed::read(&page);
            leptos::mount::hydrate_from(page, move || {
                typed.provide();
                app()
            })
            .forget();
        }
        Some(page) => {
            // Hidden until now, unless the deployment's config.json differs from the build's:
            // then what was entered is handed to the new nodes as state, as to hydrated ones.
            // Or showing the form as the partner left it (the page's snapshot script): inert,
            // so nothing was typed into it, and its values are the draft's, which the app
            // restores itself. Replaced in this same task: no frame shows an empty form.
            let showing_snapshot = root.as_ref().is_some_and(|root| root.has_attribute(SNAPSHOT));
            let typed = if showing_snapshot { typed::Typed::default() } else { typed::Typed::read(&page) };
            page.set_inner_html("");
            leptos::mount::mount_to(page.clone(), move || {
                typed.provide();
                app()
            })
            .forget();
            if showing_snapshot {
                let _ = page.remove_attribute("inert");
                let _ = page.remove_attribute("aria-busy");
            }
        }
        None => leptos::mount::mount_to_body(app),
    }
    // Before the effects that apply what was done run (they are microtasks): a press from now
    // on reaches the app's own handlers, and the loader no longer counts it.
    if let Some(root) = root {
        let _ = root.set_attribute(STARTED, "");
        let _ = root.remove_attribute(SNAPSHOT);
    }
}

/// Whether the page in the document is the one the app draws now: filled by the build (not
/// `trunk serve`'s empty one), at the form's address with no stored draft (the page's inline
/// script says), under the configuration the build rendered it with.
#[cfg(feature = "hydrate")]
fn is_as_rendered(page: &HtmlElement, config: &RuntimeConfig) -> bool {
    use crate::page_contract::{ELSEWHERE, RESTORING};
    let root = document().document_element();
    let marked = |name| root.as_ref().is_some_and(|root| root.has_attribute(name));
    let rendered_under = RuntimeConfig::parse(include_str!("../../public/config.json")).ok();
    page.first_child().is_some() && !marked(RESTORING) && !marked(ELSEWHERE) && rendered_under.as_ref() == Some(config)
}
