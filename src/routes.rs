//! The app's addresses, relative to the folder `index.html` is served from (any sub-path):
//!
//! | address | page |
//! |---|---|
//! | `./` | the form; `#q-<question>` or `#section-<section>` scrolls to it and focuses it |
//! | `./preview`, `./preview?view=expanded` | the full-page preview, default or expanded view |
//! | `./submit` | the submit review, under the form |
//! | `./review#v1.…` | a review link: the tab of the answers in the fragment, read-only |
//! | `./import#v1.…` | the same, opening its import into the reader's draft at once |
//!
//! Hosts serve `./review` with a page of its own (review.html, crates/widget's `review`: the
//! tab without the app), whose "Import into my draft" opens `./import` with the link's query
//! and fragment; the app's own review page serves both addresses where no host routes them
//! (`trunk serve`).
//!
//! `?app=KEY` on any of them opens that app's draft. Every page is one path segment under the
//! app's folder, so the bundle's relative asset URLs resolve alike from all of them;
//! `public/_redirects` (and the nginx rules scripts/build writes from it) serve `index.html`
//! for each. A new page goes into [`PAGES`] and `public/_redirects`.
//!
//! The address is one signal that follows the browser's (`popstate`, `hashchange`). The app
//! moves with the History API itself and then fires `popstate`, so its own moves and Back and
//! Forward are followed alike. No router library: leptos_router (whose navigation also skipped
//! `pushState` to a stale entry of the path stack it keeps, which Forward leaves behind) cost
//! the app about 12 KB of brotli'd wasm for what these few functions do.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlAnchorElement, MouseEvent, Url};

use crate::shell::Shell;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Form,
    Preview,
    Submit,
    Review,
    Import,
    NotFound,
}

/// The route table: each page's path segment under the app's folder, and its title.
pub const PAGES: [(Page, &str, &str); 5] = [
    (Page::Form, "", "Privacy & Security tab — privacy-tab"),
    (Page::Preview, "preview", "Preview of your tab — privacy-tab"),
    (Page::Submit, "submit", "Submit to the Marketplace — privacy-tab"),
    (Page::Review, "review", "Review a Privacy & Security tab — privacy-tab"),
    (Page::Import, "import", "Import a reviewed tab — privacy-tab"),
];

/// The query parameter naming the app whose draft is open.
pub const APP_PARAM: &str = "app";
/// `view=expanded` opens a tab on its expanded view.
pub const VIEW_PARAM: &str = "view";
pub const EXPANDED: &str = "expanded";

impl Page {
    fn of_segment(segment: &str) -> Page {
        match segment {
            "index.html" => Page::Form,
            segment => PAGES.iter().find(|(_, known, _)| *known == segment).map_or(Page::NotFound, |(page, ..)| *page),
        }
    }

    pub fn segment(self) -> &'static str {
        PAGES.iter().find(|(page, ..)| *page == self).map_or("", |(_, segment, _)| segment)
    }

    pub fn title(self) -> &'static str {
        PAGES.iter().find(|(page, ..)| *page == self).map_or("Page not found — privacy-tab", |(.., title)| title)
    }
}

/// The app's folder, with its trailing slash: every page is one segment below it.
pub fn app_folder() -> String {
    let here = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base("./", &here).map(|url| url.pathname()).unwrap_or_else(|_| "/".to_owned())
}

/// Where the app is, and moving about it. Provided by the app ([`Nav::provide`]).
#[derive(Clone, Copy)]
pub struct Nav {
    pub page: Signal<Page>,
    /// `?view=expanded`.
    pub expanded: Signal<bool>,
    /// `?app=`, when the address names an app.
    pub app: Signal<Option<String>>,
    /// The fragment, without its `#`.
    pub hash: Signal<String>,
    folder: StoredValue<String>,
    app_key: Signal<String>,
}

/// The app the address names (`?app=`), if any, as the app opens.
pub fn app_in_address() -> Option<String> {
    if !crate::platform::IN_BROWSER {
        return None;
    }
    named_app(&Url::new(&window().location().href().unwrap_or_default()).ok()?)
}

fn named_app(address: &Url) -> Option<String> {
    address.search_params().get(APP_PARAM).filter(|key| !key.trim().is_empty())
}

/// The browser's address, as a signal that follows it: Back and Forward (`popstate`), a
/// fragment changed (`hashchange`), and the app's own moves ([`Nav::visit`] fires `popstate`).
fn address() -> Memo<Option<Url>> {
    let href = RwSignal::new(window().location().href().unwrap_or_default());
    for event_name in ["popstate", "hashchange"] {
        crate::platform::listen_to_window(event_name, move |_| {
            href.set(window().location().href().unwrap_or_default());
        });
    }
    crate::erased::memo(move |_| href.with(|href| Url::new(href).ok()))
}

impl Nav {
    /// Reads the address (`?app=` has opened its app already: [`app_in_address`]). From then on
    /// the address names the app whose draft is open (a review link's aside), and Back and
    /// Forward to another app open its draft.
    pub fn provide(shell: Shell) -> Nav {
        let app_key = shell.app_key();
        if !crate::platform::IN_BROWSER {
            return Nav::first_page(app_key);
        }
        let address = address();
        let folder = app_folder();
        let page = {
            let folder = folder.clone();
            crate::erased::memo(move |_| {
                address.with(|url| {
                    let path = url.as_ref().map(Url::pathname).unwrap_or_default();
                    Page::of_segment(path.strip_prefix(&folder).unwrap_or(""))
                })
            })
        };
        let param = |url: &Option<Url>, name: &str| url.as_ref().and_then(|url| url.search_params().get(name));
        let nav = Nav {
            page: page.into(),
            expanded: crate::erased::memo(move |_| {
                address.with(|url| param(url, VIEW_PARAM).as_deref() == Some(EXPANDED))
            })
            .into(),
            app: crate::erased::memo(move |_| address.with(|url| url.as_ref().and_then(named_app))).into(),
            hash: crate::erased::memo(move |_| {
                address.with(|url| {
                    url.as_ref().map(|url| url.hash().trim_start_matches('#').to_owned()).unwrap_or_default()
                })
            })
            .into(),
            folder: StoredValue::new(folder),
            app_key,
        };
        nav.follow_links();
        // The app named in the address as the app last saw or wrote it: an address that names
        // another one is a step through history (Back, Forward) to follow, never the echo of the
        // app's own writing, which may arrive after the key has changed again (the first page's
        // typed key, replayed at start, was put back to the old one so).
        let known = StoredValue::new(nav.app.get_untracked());
        crate::erased::effect(move || {
            let named = nav.app.get();
            if named.is_some() && known.with_value(|known| *known != named) {
                known.set_value(named.clone());
                if let Some(key) = named {
                    shell.open_app(key);
                }
            }
        });
        // Not on a review link's page: its address is the link as it was sent, and stays so.
        crate::erased::effect(move || {
            let key = app_key.get();
            let named = nav.app.with_untracked(|named| named.as_deref() == Some(key.as_str()));
            if !key.is_empty() && !named && !matches!(nav.page.get_untracked(), Page::Review | Page::Import) {
                known.set_value(Some(key.clone()));
                let (page, expanded, hash) =
                    (nav.page.get_untracked(), nav.expanded.get_untracked(), nav.hash.get_untracked());
                nav.visit(&nav.href(page, expanded, &hash), true);
            }
        });
        provide_context(nav);
        nav
    }

    /// The page rendered at build time (`crates/prerender`, no browser): the form, at `./`.
    fn first_page(app_key: Signal<String>) -> Nav {
        let nav = Nav {
            page: Signal::stored(Page::Form),
            expanded: Signal::stored(false),
            app: Signal::stored(None),
            hash: Signal::stored(String::new()),
            folder: StoredValue::new("./".to_owned()),
            app_key,
        };
        provide_context(nav);
        nav
    }

    pub fn expect() -> Nav {
        expect_context()
    }

    /// The address of `page` for the open app: `view=expanded` if asked, then the fragment.
    pub fn href(&self, page: Page, expanded: bool, hash: &str) -> String {
        let mut query = Vec::new();
        let key = self.app_key.get_untracked();
        if !key.is_empty() {
            query.push(format!("{APP_PARAM}={}", encode_component(&key)));
        }
        if expanded {
            query.push(format!("{VIEW_PARAM}={EXPANDED}"));
        }
        let query = if query.is_empty() { String::new() } else { format!("?{}", query.join("&")) };
        let hash = if hash.is_empty() { String::new() } else { format!("#{hash}") };
        format!("{}{}{query}{hash}", self.folder.get_value(), page.segment())
    }

    /// Goes to `page` (a new entry in the browser's history, so Back returns).
    pub fn go(&self, page: Page) {
        self.visit(&self.href(page, false, ""), false);
    }

    /// Goes to `page` in place of the current entry (the step it replaces is done).
    pub fn replace(&self, page: Page) {
        self.visit(&self.href(page, false, ""), true);
    }

    /// Notes the view shown in the address, in place: the view is part of the page's address,
    /// not a step Back should undo.
    pub fn show_view(&self, expanded: bool) {
        if self.expanded.get_untracked() == expanded {
            return;
        }
        let (page, hash) = (self.page.get_untracked(), self.hash.get_untracked());
        // A review link is re-shared as it was sent: the reader's own `?app=` never goes in.
        let href = match page {
            Page::Review => self.review_link(expanded, &hash),
            _ => self.href(page, expanded, &hash),
        };
        self.visit(&href, true);
    }

    /// The absolute address of a review link for this fragment: no `?app=`, nothing but the
    /// answers the fragment holds (and the view to open on).
    pub fn review_link(&self, expanded: bool, fragment: &str) -> String {
        let path = format!("{}{}", Page::Review.segment(), if expanded { "?view=expanded" } else { "" });
        let here = window().location().href().unwrap_or_default();
        let url = web_sys::Url::new_with_base(&format!("{}{path}", self.folder.get_value()), &here)
            .map(|url| url.href())
            .unwrap_or(path);
        format!("{url}#{fragment}")
    }

    /// Moves to `href` (a new history entry unless `replace`), and the address follows.
    fn visit(&self, href: &str, replace: bool) {
        let history = window().history().expect("a window has a history");
        let here = window().location().href().unwrap_or_default();
        let moved = match web_sys::Url::new_with_base(href, &here) {
            Ok(url) if url.href() == here => Ok(()),
            _ if replace => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href)),
            _ => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href)),
        };
        if moved.is_ok() {
            if let Ok(event) = web_sys::Event::new("popstate") {
                let _ = window().dispatch_event(&event);
            }
        }
    }

    /// A click on a link to one of the app's pages moves the app there rather than loading the
    /// page again. Caught on the capture phase; the link's own click handlers still run.
    fn follow_links(&self) {
        let nav = *self;
        let on_click = Closure::<dyn Fn(MouseEvent)>::new(move |event: MouseEvent| {
            if let Some(href) = nav.own_link(&event) {
                event.prevent_default();
                nav.visit(&href, false);
            }
        });
        let listener = StoredValue::new_local(on_click.into_js_value().unchecked_into::<js_sys::Function>());
        let added = listener.with_value(|f| window().add_event_listener_with_callback_and_bool("click", f, true));
        if added.is_ok() {
            on_cleanup(move || {
                listener.try_with_value(|f| window().remove_event_listener_with_callback_and_bool("click", f, true));
            });
        }
    }

    /// The address a plain click on a link of this page goes to, when it is one of the app's.
    fn own_link(&self, event: &MouseEvent) -> Option<String> {
        let modified = event.meta_key() || event.ctrl_key() || event.shift_key() || event.alt_key();
        if event.default_prevented() || event.button() != 0 || modified {
            return None;
        }
        let element: web_sys::Element = event.target()?.dyn_into().ok()?;
        let anchor: HtmlAnchorElement = element.closest("a[href]").ok()??.dyn_into().ok()?;
        if !anchor.target().is_empty() || anchor.has_attribute("download") {
            return None;
        }
        let url = web_sys::Url::new(&anchor.href()).ok()?;
        let page =
            self.folder.with_value(|folder| url.pathname().strip_prefix(folder.as_str()).map(Page::of_segment))?;
        let ours = url.origin() == window().location().origin().ok()? && page != Page::NotFound;
        ours.then(|| url.href())
    }
}

/// Escapes a query value as `encodeURIComponent` does.
fn encode_component(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}
