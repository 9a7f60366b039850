//! The module that starts a page's app, in place of the inline loader Trunk writes (Trunk.toml's
//! `pattern_script`): the same steps, plus SRI on the wasm, a page that says so when it cannot
//! start (a file refused or missing: `<html>` gets [`NOT_STARTED`], which shows the page's
//! `.not-started-note`), and a prerendered page's app started on the partner's first
//! interaction. A file, not an inline script, so the pages' policy needs no 'unsafe-inline'.

use crate::digest;
use crate::page_contract::{ELSEWHERE, FIRST_PAGE_ID, NOT_STARTED, PRESSED, RESTORING, STARTED, START_EVENTS};

/// The attribute of the inline loader Trunk writes from Trunk.toml's `pattern_script`, and the
/// attributes on it that name the app's files: how this program finds them, whatever the
/// script's text.
pub const MARKER: &str = "data-privacy-tab-loader";
pub const MARKER_JS: &str = "data-js";
pub const MARKER_WASM: &str = "data-wasm";

/// The runtime configuration a returning partner's page preloads with the app (`public/`).
pub const CONFIG_FILE: &str = "config.json";

/// The app's files, as paths relative to the page's folder, and the wasm's integrity.
#[derive(Debug, Clone, PartialEq)]
pub struct App {
    pub js: String,
    pub wasm: String,
    pub js_integrity: String,
    pub wasm_integrity: String,
}

/// The loader module for `page`. A prerendered page's loader waits for the partner (see
/// loader/wait-for-the-partner.js); any other starts the app at once.
pub fn source(page: &str, app: &App, prerendered: bool) -> String {
    let wait = if prerendered {
        include_str!("loader/wait-for-the-partner.js")
            .replace("__JS_INTEGRITY__", &app.js_integrity)
            .replace("__START_EVENTS__", &json(&START_EVENTS))
            .replace("__FIRST_PAGE_ID__", FIRST_PAGE_ID)
            .replace("__RESTORING__", RESTORING)
            .replace("__ELSEWHERE__", ELSEWHERE)
            .replace("__STARTED__", STARTED)
            .replace("__PRESSED__", PRESSED)
    } else {
        String::new()
    };
    include_str!("loader/start.js")
        .replace("__WAIT_FOR_THE_PARTNER__", &wait)
        .replace("__PAGE__", page)
        .replace("__JS__", &app.js)
        .replace("__WASM__", &app.wasm)
        .replace("__WASM_INTEGRITY__", &app.wasm_integrity)
        .replace("__NOT_STARTED__", NOT_STARTED)
}

/// The loader as a file of the page: its content-hashed name and its tag.
pub struct LoaderFile {
    pub name: String,
    pub source: String,
}

impl LoaderFile {
    pub fn new(page_name: &str, source: String) -> LoaderFile {
        LoaderFile { name: format!("{page_name}-loader-{}.js", digest::short_hash(source.as_bytes())), source }
    }

    /// The page's `<script>` for it, with its integrity.
    pub fn tag(&self) -> String {
        format!(
            "<script type=\"module\" src=\"./{}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
            self.name,
            digest::integrity(self.source.as_bytes())
        )
    }
}

/// A statement appended to a prerendered page's one inline script (after it sets [`RESTORING`]
/// and [`ELSEWHERE`], so the policy still allows one inline script by its hash): when the loader
/// will start the app at once, it asks for the JS glue, the wasm and config.json right away, in
/// parallel, with the integrity the loader checks them with, instead of one after the other
/// once the loader has arrived and run. A first visit without a draft asks for nothing more
/// (its files stay prefetched at idle). Relative URLs resolve against the page, as the
/// loader's own tag does.
pub fn restoring_preloads(app: &App) -> String {
    #[derive(serde::Serialize)]
    struct Link<'a> {
        rel: &'a str,
        #[serde(rename = "as", skip_serializing_if = "Option::is_none")]
        kind: Option<&'a str>,
        href: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        integrity: Option<&'a str>,
    }
    let links = [
        Link { rel: "modulepreload", kind: None, href: format!("./{}", app.js), integrity: Some(&app.js_integrity) },
        Link {
            rel: "preload",
            kind: Some("fetch"),
            href: format!("./{}", app.wasm),
            integrity: Some(&app.wasm_integrity),
        },
        Link { rel: "preload", kind: Some("fetch"), href: format!("./{CONFIG_FILE}"), integrity: None },
    ];
    format!(
        ";(function(){{var r=document.documentElement;if(r.hasAttribute({})||r.hasAttribute({})){}.forEach(function(a){{var l=document.createElement(\"link\");for(var k in a)l.setAttribute(k,a[k]);l.setAttribute(\"crossorigin\",\"anonymous\");document.head.appendChild(l)}})}})()",
        json(&RESTORING),
        json(&ELSEWHERE),
        json(&links)
    )
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("plain data serializes")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        App {
            js: "app-0123456789abcdef.js".to_owned(),
            wasm: "app-0123456789abcdef_bg.wasm".to_owned(),
            js_integrity: "sha384-JS".to_owned(),
            wasm_integrity: "sha384-WASM".to_owned(),
        }
    }

    /// Every URL resolves against the loader's own location, so the bundle works from any path.
    #[test]
    fn the_loader_resolves_the_app_s_files_against_itself_and_checks_the_wasm() {
        let source = source("review.html", &app(), false);
        assert!(source.contains("import('./app-0123456789abcdef.js')"), "{source}");
        assert!(
            source.contains(
                "fetch(new URL('./app-0123456789abcdef_bg.wasm', import.meta.url), { integrity: 'sha384-WASM' })"
            ),
            "{source}"
        );
        assert!(source.contains(&format!("setAttribute('{NOT_STARTED}', '')")), "{source}");
        assert!(!source.contains("__"), "every placeholder is filled: {source}");
        assert!(!source.contains("addEventListener"), "a page not rendered ahead starts at once: {source}");
    }

    #[test]
    fn a_prerendered_page_s_loader_waits_for_the_partner_by_the_contract_s_names() {
        let source = source("index.html", &app(), true);
        assert!(!source.contains("__"), "every placeholder is filled: {source}");
        assert!(source.contains(&json(&START_EVENTS)), "{source}");
        for name in [RESTORING, ELSEWHERE, STARTED, PRESSED] {
            assert!(source.contains(&format!("'{name}'")), "{name}: {source}");
        }
        assert!(source.contains(&format!("'#{FIRST_PAGE_ID} button'")), "{source}");
        assert!(source.contains("integrity: 'sha384-JS'"), "the JS is checked when it is used: {source}");
    }

    #[test]
    fn the_loader_s_name_and_tag_follow_its_contents() {
        let one = LoaderFile::new("app", "a".to_owned());
        let other = LoaderFile::new("app", "b".to_owned());
        assert_ne!(one.name, other.name);
        assert!(one.name.starts_with("app-loader-") && one.name.ends_with(".js"));
        assert_eq!(
            one.tag(),
            format!(
                "<script type=\"module\" src=\"./{}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
                one.name,
                digest::integrity(b"a")
            )
        );
    }

    #[test]
    fn a_returning_partner_s_preloads_carry_the_loader_s_integrity() {
        let preloads = restoring_preloads(&app());
        assert!(preloads.contains(
            r#"[{"rel":"modulepreload","href":"./app-0123456789abcdef.js","integrity":"sha384-JS"},{"rel":"preload","as":"fetch","href":"./app-0123456789abcdef_bg.wasm","integrity":"sha384-WASM"},{"rel":"preload","as":"fetch","href":"./config.json"}]"#
        ), "{preloads}");
        assert!(preloads.contains(&format!("r.hasAttribute(\"{RESTORING}\")||r.hasAttribute(\"{ELSEWHERE}\")")));
    }
}
