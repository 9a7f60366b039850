//! Writes the app's first page as HTML, rendered natively from the same components the wasm
//! mounts: a first visit paints and takes input from this HTML and the CSS alone, and the
//! wasm takes over once it arrives (`src/handover.rs`). `scripts/build` puts it in the page.
//!
//! Rendered as a first visit finds the app: no storage, no draft, nothing live read yet, and the
//! `config.json` the bundle ships (its path is the one argument): a v3 build's first page asks
//! for a product ID, as the app will.

use leptos::prelude::*;
use leptos::reactive::diagnostics::SpecialNonReactiveZone;

/// Effects never run in a page rendered ahead of time: every task spawned is dropped.
struct NoEffects;

impl any_spawner::CustomExecutor for NoEffects {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: prerender CONFIG_JSON (the bundle's config.json)");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let config = privacy_tab::RuntimeConfig::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    print!("{}", first_page(config));
}

/// The app's first page under `config`, as the bundle serves it.
fn first_page(config: privacy_tab::RuntimeConfig) -> String {
    // Ignored when set already: a process renders any number of pages under one executor.
    let _ = any_spawner::Executor::init_custom_executor(NoEffects);
    let owner = Owner::new();
    let html = owner.with(|| {
        // Reading signals once, untracked, is the point here: no warning for each.
        let _untracked = SpecialNonReactiveZone::enter();
        provide_context(config);
        view! { <privacy_tab::App /> }.to_html()
    });
    without_hydration_markers(&html)
}

/// The page is taken over, not hydrated: what Leptos writes only for hydration goes. That is
/// its comments, and the space it writes for an empty text (`<p> </p>`), which would
/// keep such an element from matching `:empty` (the CSS hides empty notices that way).
fn without_hydration_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!") {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end =
            if tail.starts_with("<!--") { tail.find("-->").map(|at| at + 3) } else { tail.find('>').map(|at| at + 1) };
        rest = &tail[end.unwrap_or(tail.len())..];
    }
    out.push_str(rest);
    out.replace("> </", "></")
}

#[cfg(test)]
mod tests {
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
    fn markers_go_and_text_stays() {
        let html = "<p>a<!>b<!--<() />-->c &lt;!-- d</p><p role=\"status\"> <!></p><b>x</b> <i>y</i>";
        assert_eq!(
            super::without_hydration_markers(html),
            "<p>abc &lt;!-- d</p><p role=\"status\"></p><b>x</b> <i>y</i>"
        );
    }
}
