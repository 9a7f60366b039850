//! Writes the app's first page as HTML, rendered natively by Leptos's server-side renderer from
//! the same components the wasm hydrates (`src/first_page`): a first visit paints and takes
//! input from this HTML and the CSS alone, and the app adopts these very nodes once it arrives.
//! `scripts/build` has crates/bundle put it in the page:
//!
//!     prerender CONFIG_JSON OUT_DIR   # OUT_DIR/first-page.html
//!
//! Rendered as a first visit finds the app: at the form's address, no storage, no draft, nothing
//! live read yet, and the `config.json` the bundle ships: a v3 build's first page asks for a
//! product ID, as the app will.

use std::sync::Arc;

use hydration_context::SsrSharedContext;
use leptos::prelude::*;

/// Effects never run in a page rendered ahead of time: every task spawned is dropped.
struct NoEffects;

impl any_spawner::CustomExecutor for NoEffects {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(out)) = (args.next(), args.next()) else {
        panic!("usage: prerender CONFIG_JSON OUT_DIR (CONFIG_JSON: the bundle's config.json)")
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let config = privacy_tab::RuntimeConfig::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let out = std::path::Path::new(&out);
    std::fs::create_dir_all(out).unwrap_or_else(|e| panic!("cannot create {}: {e}", out.display()));
    let write = |name: &str, contents: String| {
        let file = out.join(name);
        std::fs::write(&file, contents).unwrap_or_else(|e| panic!("cannot write {}: {e}", file.display()));
    };
    write("first-page.html", first_page(config));
}

/// The app's first page under `config`, as the bundle serves it (hydration markers kept).
fn first_page(config: privacy_tab::RuntimeConfig) -> String {
    // Ignored when set already: a process renders any number of pages under one executor.
    let _ = any_spawner::Executor::init_custom_executor(NoEffects);
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(|| {
        provide_context(config);
        view! { <privacy_tab::App /> }.into_view().to_html()
    })
}

#[cfg(test)]
mod tests {
    use privacy_tab::page_contract;
    use privacy_tab::RuntimeConfig;

    /// The connection panel's key field and API address, as the page shows them.
    fn connection_of(html: &str) -> (&str, &str) {
        let label = html.split("<label for=\"app-key\">").nth(1).and_then(|rest| rest.split('<').next());
        let base = html.split("id=\"api-base\"").nth(1).and_then(|rest| rest.split("value=\"").nth(1));
        (label.unwrap_or(""), base.and_then(|rest| rest.split('"').next()).unwrap_or(""))
    }

    #[test]
    fn the_first_page_is_rendered_under_the_bundle_s_config() {
        let shipped = include_str!("../../../public/config.json");
        let v2 = super::first_page(RuntimeConfig::parse(shipped).unwrap());
        assert_eq!(connection_of(&v2), ("App key", "/rest/2"), "the config the bundle ships");
        let v3 = super::first_page(RuntimeConfig::parse(r#"{"apiVersion": 3}"#).unwrap());
        assert_eq!(connection_of(&v3), ("Product ID", "/rest/3"));
        let proxied =
            super::first_page(RuntimeConfig::parse(r#"{"apiBase": "https://proxy.example.com/mp"}"#).unwrap());
        assert_eq!(connection_of(&proxied).1, "https://proxy.example.com/mp");
    }

    #[test]
    fn the_first_page_keeps_what_hydration_finds_its_way_by() {
        let page = super::first_page(RuntimeConfig::default());
        assert!(page.contains("<!--"), "hydration markers are kept: {}", &page[..200]);
    }

    /// The stylesheet and the page spell the contract's names as it does (they cannot read it).
    #[test]
    fn the_stylesheet_and_the_page_use_the_contract_s_names() {
        let css = include_str!("../../../style/main.css");
        for selector in [
            format!(".{}", page_contract::FIRST_PAGE_CLASS),
            format!("[{}]:not([{}])", page_contract::RESTORING, page_contract::STARTED),
            format!("[{}]:not([{}])", page_contract::ELSEWHERE, page_contract::STARTED),
            format!("[{}]", page_contract::NOT_STARTED),
            format!(
                "[{}]:not([{}]) .{}",
                page_contract::SNAPSHOT,
                page_contract::STARTED,
                page_contract::FIRST_PAGE_CLASS
            ),
        ] {
            assert!(css.contains(&selector), "style/main.css has no {selector}");
        }
        let page = include_str!("../../../index.html");
        let holder = format!(
            "<div id=\"{}\" class=\"{}\"></div>",
            page_contract::FIRST_PAGE_ID,
            page_contract::FIRST_PAGE_CLASS
        );
        assert!(page.contains(&holder), "index.html has no {holder}");
    }

    /// The page's snapshot script reads the draft as the app stores it: its revision under the
    /// contract's field name, its crash-safe copy in the contract's database.
    #[test]
    fn the_snapshot_script_reads_drafts_by_the_names_the_app_stores_them_under() {
        let mut draft = questionnaire::draft::Draft::new("com.example.app", questionnaire::Answers::new(), 0.0);
        draft.revision = 4_503_599_627_370_496;
        let stored: serde_json::Value = serde_json::from_str(&draft.to_json()).unwrap();
        assert_eq!(stored[page_contract::REVISION_FIELD], serde_json::json!(4_503_599_627_370_496u64));
        assert_eq!(page_contract::DURABLE_DATABASE, questionnaire::draft::DURABLE_DATABASE);
        let key = "com.example.app";
        assert_eq!(questionnaire::draft::storage_key(key), format!("{}{key}", page_contract::DRAFT_KEY_PREFIX));
    }
}
