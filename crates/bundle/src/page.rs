//! One page of the bundle: Trunk's output for it, finished. Read and changed with lol_html by
//! selectors on elements, never by matching Trunk's text.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, text, RewriteStrSettings};

use crate::assets::{referenced_by, relative_asset};
use crate::csp::{with_policy_meta, Policy};
use crate::digest;
use crate::loader::{self, App, LoaderFile};
use crate::page_contract::{self, FIRST_PAGE_ID};

/// The placeholder of a prerendered page's inline script (index.html), filled with
/// [`page_contract::head_script`].
pub const HEAD_SCRIPT_ID: &str = "head-script";
/// A page that calls origins besides its own names them in itself, e.g.
/// `<meta name="privacy-tab:connect-src" content="https://marketplace.atlassian.com">`.
pub const CONNECT_SRC_META: &str = "privacy-tab:connect-src";

/// Where a page goes in the bundle, where Trunk left it, and the names it goes by.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// Of every file of the page, relative to the bundle: `""` or `"widget/"`.
    pub prefix: String,
    /// Trunk's output for the page (one page per run, as index.html).
    pub stage_dir: PathBuf,
    /// The page's file name in its folder.
    pub html_name: String,
    /// The page, relative to the bundle.
    pub page: String,
    /// In the bundle report and the loader's name.
    pub name: String,
}

impl Target {
    /// `target` is a folder of the bundle (`.`, `widget`: the page is its index.html) or
    /// `NAME.html`, a page of its own in the bundle's root.
    pub fn new(stage: &Path, target: &str) -> Target {
        let target = target.trim_start_matches("./").trim_end_matches('/');
        let target = if target.is_empty() { "." } else { target };
        let own_file = target.ends_with(".html").then_some(target);
        let folder = if own_file.is_some() { "." } else { target };
        let prefix = if folder == "." { String::new() } else { format!("{folder}/") };
        let html_name = own_file.unwrap_or("index.html").to_owned();
        let name = match own_file {
            Some(file) => file.trim_end_matches(".html").to_owned(),
            None if folder == "." => "app".to_owned(),
            None => folder.to_owned(),
        };
        Target {
            stage_dir: stage.join(if target == "." { "root".to_owned() } else { target.replace('/', "_") }),
            page: format!("{prefix}{html_name}"),
            prefix,
            html_name,
            name,
        }
    }
}

/// A finished page: its HTML, policy, the files a browser loads for it (relative to its
/// folder, the page first) and the files this program wrote for it.
#[derive(Debug)]
pub struct Page {
    pub target: Target,
    pub html: String,
    pub csp: String,
    pub files: Vec<String>,
    pub extra_files: BTreeMap<String, String>,
    /// With the page rendered ahead, a partner can answer once the HTML and its stylesheets
    /// are in: those files. `None` for a page that does nothing before its wasm.
    pub before_input: Option<Vec<String>>,
}

/// What the build rendered ahead for the app's page (crates/prerender).
pub struct Prerendered {
    pub first_page: String,
}

/// Finishes the page Trunk wrote to `target.stage_dir` (its JS already minified).
pub fn finish(target: Target, connect_src: &[String], prerendered: Option<&Prerendered>) -> Result<Page, String> {
    let fail = |message: String| format!("{}: {message}", target.page);
    let stage_files = files_under(&target.stage_dir).map_err(fail)?;
    let trunk_html = std::fs::read_to_string(target.stage_dir.join("index.html"))
        .map_err(|e| fail(format!("Trunk produced no index.html in {}: {e}", target.stage_dir.display())))?;
    let trunk = TrunkPage::read(&trunk_html).map_err(fail)?;
    let prerendered = prerendered.filter(|_| trunk.has_first_page_holder);
    if prerendered.is_some() && !trunk.has_head_script {
        return Err(fail(format!("has no <script id=\"{HEAD_SCRIPT_ID}\">")));
    }
    let read = |file: &str| {
        std::fs::read(target.stage_dir.join(file))
            .map_err(|e| fail(format!("refers to {file}, which Trunk did not produce: {e}")))
    };
    let app = match &trunk.loader {
        Some((js, wasm)) => {
            let js = relative_asset(js).map_err(|e| fail(e.to_string()))?.unwrap_or_default();
            let wasm = relative_asset(wasm).map_err(|e| fail(e.to_string()))?.unwrap_or_default();
            Some(App {
                js_integrity: digest::integrity(&read(&js)?),
                wasm_integrity: digest::integrity(&read(&wasm)?),
                js,
                wasm,
            })
        }
        None => None,
    };
    let loader =
        app.as_ref().map(|app| LoaderFile::new(&target.name, loader::source(&target.page, app, prerendered.is_some())));

    let rewritten = rewrite(&trunk_html, &target, app.as_ref(), loader.as_ref(), prerendered).map_err(fail)?;
    let mut connect = connect_src.to_vec();
    connect.extend(rewritten.connect_src);
    let html = rewritten.html;

    let found = FinalPage::read(&html).map_err(fail)?;
    if let Some(forbidden) = found.forbidden.first() {
        return Err(fail(forbidden.clone()));
    }
    let policy = Policy {
        scripts: found.inline_scripts.iter().map(|script| digest::csp_source(script)).collect(),
        styles: found.inline_styles.iter().map(|style| digest::csp_source(style)).collect(),
        connect,
    };
    let csp = policy.header();

    let mut extra_files = BTreeMap::new();
    if let Some(loader) = loader {
        extra_files.insert(loader.name, loader.source);
    }
    let mut files = vec![target.html_name.clone()];
    for url in &found.assets {
        if let Some(file) = relative_asset(url).map_err(|e| fail(e.to_string()))? {
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
    let mut candidates = stage_files;
    candidates.extend(extra_files.keys().cloned());
    let mut i = 1;
    while i < files.len() {
        let file = files[i].clone();
        if !candidates.contains(&file) {
            return Err(fail(format!("refers to {file}, which Trunk did not produce")));
        }
        if file.ends_with(".js") || file.ends_with(".mjs") {
            let source = match extra_files.get(&file) {
                Some(source) => source.clone(),
                None => String::from_utf8_lossy(&read(&file)?).into_owned(),
            };
            for referenced in referenced_by(&file, &source, &candidates) {
                if !files.contains(&referenced) {
                    files.push(referenced);
                }
            }
        }
        i += 1;
    }
    let before_input = (prerendered.is_some() && found.has_first_page_holder).then(|| {
        let stylesheets = found.stylesheets.iter().filter_map(|url| relative_asset(url).ok().flatten());
        std::iter::once(target.html_name.clone()).chain(stylesheets).collect()
    });
    let html = if target.html_name == "index.html" {
        html
    } else {
        // A page of its own in the root: hosts that cannot route serve it as a file, without
        // headers of ours.
        with_policy_meta(&html, &csp, "").map_err(fail)?
    };
    Ok(Page { target, html, csp, files, extra_files, before_input })
}

/// Every file under `dir`, as `/`-separated paths relative to it.
pub fn files_under(dir: &Path) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        let entries =
            std::fs::read_dir(dir.join(&folder)).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| e.to_string())?;
            let path = folder.join(entry.file_name());
            if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
                folders.push(path);
            } else {
                found.push(path.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// What Trunk's output for a page holds that this program changes.
#[derive(Debug, Default, PartialEq)]
struct TrunkPage {
    /// The app's JS and wasm as the inline loader (Trunk.toml's `pattern_script`) names them.
    loader: Option<(String, String)>,
    has_first_page_holder: bool,
    has_head_script: bool,
}

impl TrunkPage {
    fn read(html: &str) -> Result<TrunkPage, String> {
        let page = RefCell::new(TrunkPage::default());
        let unmarked_loader = Cell::new(false);
        let marker = format!("script[{}]", loader::MARKER);
        let holder = format!("#{FIRST_PAGE_ID}");
        let head_script = format!("script#{HEAD_SCRIPT_ID}");
        rewrite_str(
            html,
            RewriteStrSettings {
                element_content_handlers: vec![
                    element!(marker, |script| {
                        let js = script.get_attribute(loader::MARKER_JS).unwrap_or_default();
                        let wasm = script.get_attribute(loader::MARKER_WASM).unwrap_or_default();
                        page.borrow_mut().loader = Some((js, wasm));
                        Ok(())
                    }),
                    element!("script[type=module]:not([src])", |script| {
                        if script.get_attribute(loader::MARKER).is_none() {
                            unmarked_loader.set(true);
                        }
                        Ok(())
                    }),
                    element!(holder, |_| {
                        page.borrow_mut().has_first_page_holder = true;
                        Ok(())
                    }),
                    element!(head_script, |_| {
                        page.borrow_mut().has_head_script = true;
                        Ok(())
                    }),
                ],
                ..RewriteStrSettings::default()
            },
        )
        .map_err(|e| e.to_string())?;
        if unmarked_loader.get() {
            return Err(format!(
                "has an inline module script without {}: is pattern_script gone from Trunk.toml?",
                loader::MARKER
            ));
        }
        let page = page.into_inner();
        if let Some((js, wasm)) = &page.loader {
            if js.is_empty() || wasm.is_empty() {
                return Err(format!(
                    "its loader names no JS or wasm ({} and {})",
                    loader::MARKER_JS,
                    loader::MARKER_WASM
                ));
            }
        }
        Ok(page)
    }
}

struct Rewritten {
    html: String,
    connect_src: Vec<String>,
}

/// Trunk's page with: integrity brought up to date with the files (their JS was minified after
/// Trunk computed it), the inline loader replaced by `loader`'s tag, and a prerendered page
/// filled: its first page in the holder, its inline script first in `<head>` (before the
/// stylesheets: a script after a stylesheet waits for it, which would hold the returning
/// partner's requests back by a round trip), and Trunk's preloads of the app gone (nothing
/// the first paint waits for: the loader fetches them later).
fn rewrite(
    html: &str,
    target: &Target,
    app: Option<&App>,
    loader: Option<&LoaderFile>,
    prerendered: Option<&Prerendered>,
) -> Result<Rewritten, String> {
    let connect_src = RefCell::new(Vec::new());
    let errors = RefCell::new(Vec::new());
    let head_script_placed = Cell::new(false);
    let preloads_removed = Cell::new(0);
    let head_script = match (prerendered, app) {
        (Some(_), Some(app)) => {
            Some(format!("<script>{}{}</script>\n    ", page_contract::head_script(), loader::restoring_preloads(app)))
        }
        (Some(_), None) => Some(format!("<script>{}</script>\n    ", page_contract::head_script())),
        _ => None,
    };
    let mut handlers = vec![
        element!("link[integrity][href], script[integrity][src]", |element| {
            let url = element.get_attribute("href").or_else(|| element.get_attribute("src")).unwrap_or_default();
            match relative_asset(&url) {
                Ok(Some(file)) => {
                    if let Ok(bytes) = std::fs::read(target.stage_dir.join(&file)) {
                        let fresh = digest::integrity(&bytes);
                        if element.get_attribute("integrity").as_deref() != Some(fresh.as_str()) {
                            element.set_attribute("integrity", &fresh)?;
                        }
                    }
                }
                Ok(None) => {}
                Err(error) => errors.borrow_mut().push(error.to_string()),
            }
            Ok(())
        }),
        element!(format!("script[{}]", loader::MARKER), |script| {
            script.remove();
            Ok(())
        }),
        element!(format!("meta[name=\"{CONNECT_SRC_META}\"]"), |meta| {
            let origins = meta.get_attribute("content").unwrap_or_default();
            connect_src.borrow_mut().extend(origins.split_whitespace().map(String::from));
            meta.remove();
            Ok(())
        }),
        element!("head", |head| {
            if let Some(loader) = loader {
                // After Trunk's preloads: the JS is then already being fetched when the loader
                // imports it.
                head.append(&format!("{}\n", loader.tag()), ContentType::Html);
            }
            Ok(())
        }),
    ];
    if let (Some(prerendered), Some(head_script)) = (prerendered, &head_script) {
        let snapshot_script = format!("<script>{}</script>", page_contract::snapshot_script());
        handlers.push(element!(format!("#{FIRST_PAGE_ID}"), move |holder| {
            // No whitespace around it: the app hydrates the holder's children as rendered.
            holder.set_inner_content(&prerendered.first_page, ContentType::Html);
            // Right after the holder, so it runs before the page first paints it: the form as
            // a returning partner left it, when it still shows their draft (page_contract).
            holder.after(&snapshot_script, ContentType::Html);
            Ok(())
        }));
        handlers.push(element!("head link", |link| {
            if !head_script_placed.replace(true) {
                link.before(head_script, ContentType::Html);
            }
            Ok(())
        }));
        handlers.push(element!(format!("script#{HEAD_SCRIPT_ID}"), |script| {
            script.remove();
            Ok(())
        }));
        if let Some(app) = app {
            handlers.push(element!("link[rel=modulepreload][href], link[rel=preload][href]", |link| {
                let url = link.get_attribute("href").unwrap_or_default();
                if let Ok(Some(file)) = relative_asset(&url) {
                    if file == app.js || file == app.wasm {
                        preloads_removed.set(preloads_removed.get() + 1);
                        link.remove();
                    }
                }
                Ok(())
            }));
        }
    }
    let html =
        rewrite_str(html, RewriteStrSettings { element_content_handlers: handlers, ..RewriteStrSettings::default() })
            .map_err(|e| e.to_string())?;
    if let Some(error) = errors.into_inner().into_iter().next() {
        return Err(error);
    }
    if prerendered.is_some() && !head_script_placed.get() {
        return Err("has no <link> in <head> to put its inline script before".to_owned());
    }
    if prerendered.is_some() && app.is_some() && preloads_removed.get() != 2 {
        return Err(format!("expected Trunk's two preload links of the app, found {}", preloads_removed.get()));
    }
    Ok(Rewritten { html, connect_src: connect_src.into_inner() })
}

/// What a finished page holds that its policy and the bundle report depend on.
#[derive(Debug, Default)]
struct FinalPage {
    /// The text of each script that runs inline (not data: `application/json`).
    inline_scripts: Vec<String>,
    inline_styles: Vec<String>,
    /// What a strict policy would block, said as an error.
    forbidden: Vec<String>,
    /// Every `href` of a `<link>` and `src` of a `<script>`, in document order.
    assets: Vec<String>,
    stylesheets: Vec<String>,
    has_first_page_holder: bool,
}

impl FinalPage {
    fn read(html: &str) -> Result<FinalPage, String> {
        let page = RefCell::new(FinalPage::default());
        // Whether the text being read belongs to an inline script that runs, or a style.
        let collecting = Cell::new(None::<bool>);
        let holder = format!("#{FIRST_PAGE_ID}");
        rewrite_str(
            html,
            RewriteStrSettings {
                element_content_handlers: vec![
                    element!("*", |element| {
                        let mut page = page.borrow_mut();
                        for attribute in element.attributes() {
                            let name = attribute.name();
                            if name == "style" {
                                page.forbidden.push(format!(
                                    "has a style=\"\" attribute on <{}>, which a strict CSP blocks: use a class",
                                    element.tag_name()
                                ));
                            } else if name.starts_with("on") {
                                page.forbidden.push(format!(
                                    "has an inline event handler ({name}) on <{}>, which a strict CSP blocks",
                                    element.tag_name()
                                ));
                            }
                        }
                        Ok(())
                    }),
                    element!("link[href]", |link| {
                        let href = link.get_attribute("href").unwrap_or_default();
                        let mut page = page.borrow_mut();
                        if link
                            .get_attribute("rel")
                            .is_some_and(|rel| rel.split_whitespace().any(|r| r == "stylesheet"))
                        {
                            page.stylesheets.push(href.clone());
                        }
                        page.assets.push(href);
                        Ok(())
                    }),
                    element!("script", |script| {
                        let mut page = page.borrow_mut();
                        match script.get_attribute("src") {
                            Some(src) => {
                                page.assets.push(src);
                                collecting.set(None);
                            }
                            None => {
                                let kind = script.get_attribute("type").unwrap_or_default();
                                let data = matches!(kind.as_str(), "application/json" | "application/ld+json");
                                if data {
                                    collecting.set(None);
                                } else {
                                    page.inline_scripts.push(String::new());
                                    collecting.set(Some(true));
                                }
                            }
                        }
                        Ok(())
                    }),
                    element!("style", |_| {
                        page.borrow_mut().inline_styles.push(String::new());
                        collecting.set(Some(false));
                        Ok(())
                    }),
                    text!("script, style", |chunk| {
                        let mut page = page.borrow_mut();
                        let last = match collecting.get() {
                            Some(true) => page.inline_scripts.last_mut(),
                            Some(false) => page.inline_styles.last_mut(),
                            None => None,
                        };
                        if let Some(text) = last {
                            text.push_str(chunk.as_str());
                        }
                        Ok(())
                    }),
                    element!(holder, |_| {
                        page.borrow_mut().has_first_page_holder = true;
                        Ok(())
                    }),
                ],
                ..RewriteStrSettings::default()
            },
        )
        .map_err(|e| e.to_string())?;
        Ok(page.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_PAGE: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="stylesheet" href="./main-0123456789abcdef.css" integrity="sha384-stale"/>
    <script type="module" data-privacy-tab-loader data-js="./app-0123456789abcdef.js" data-wasm="./app-0123456789abcdef_bg.wasm">import init from './app-0123456789abcdef.js';</script>
    <script id="head-script"></script>
  <link rel="modulepreload" href="./app-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-stale"><link rel="preload" href="./app-0123456789abcdef_bg.wasm" crossorigin="anonymous" integrity="sha384-x" as="fetch" type="application/wasm"></head>
  <body>
    <div id="prerendered" class="prerendered"></div>
  </body>
</html>
"#;

    /// A stage folder with Trunk's page and its files, removed on drop.
    struct Stage(PathBuf);

    impl Stage {
        fn new(name: &str, html: &str) -> Stage {
            let dir = std::env::temp_dir().join(format!("privacy-tab-bundle-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            let root = dir.join("root");
            std::fs::create_dir_all(&root).unwrap();
            std::fs::write(root.join("index.html"), html).unwrap();
            std::fs::write(root.join("main-0123456789abcdef.css"), "body{}").unwrap();
            std::fs::write(
                root.join("app-0123456789abcdef.js"),
                "new URL('app-0123456789abcdef_bg.wasm', import.meta.url)",
            )
            .unwrap();
            std::fs::write(root.join("app-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
            Stage(dir)
        }
    }

    impl Drop for Stage {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn prerendered() -> Prerendered {
        Prerendered { first_page: "<main><!--hk--><button>Yes</button></main>".to_owned() }
    }

    #[test]
    fn targets_name_where_a_page_goes() {
        let stage = Path::new("/s");
        let app = Target::new(stage, ".");
        assert_eq!((app.page.as_str(), app.name.as_str(), app.prefix.as_str()), ("index.html", "app", ""));
        assert_eq!(app.stage_dir, stage.join("root"));
        let widget = Target::new(stage, "widget/");
        assert_eq!(
            (widget.page.as_str(), widget.name.as_str(), widget.prefix.as_str()),
            ("widget/index.html", "widget", "widget/")
        );
        let review = Target::new(stage, "review.html");
        assert_eq!(
            (review.page.as_str(), review.name.as_str(), review.html_name.as_str()),
            ("review.html", "review", "review.html")
        );
        assert_eq!(review.stage_dir, stage.join("review.html"));
    }

    #[test]
    fn a_prerendered_page_gets_its_first_page_its_inline_script_and_a_loader_file() {
        let stage = Stage::new("prerendered", TRUNK_PAGE);
        let page = finish(Target::new(&stage.0, "."), &[], Some(&prerendered())).unwrap();
        let html = &page.html;
        assert!(
            html.contains(
                "<div id=\"prerendered\" class=\"prerendered\"><main><!--hk--><button>Yes</button></main></div>"
            ),
            "{html}"
        );
        assert!(!html.contains(loader::MARKER), "the inline loader is gone: {html}");
        assert!(!html.contains("rel=\"modulepreload\"") && !html.contains("rel=\"preload\""), "{html}");
        assert!(!html.contains(HEAD_SCRIPT_ID), "{html}");
        let inline = format!("<script>{}", page_contract::head_script());
        let script_at = html.find(&inline).expect("the inline script");
        assert!(script_at < html.find("<link rel=\"stylesheet\"").unwrap(), "before the stylesheets: {html}");
        assert_eq!(html.matches("<script>").count(), 2, "{html}");
        let snapshot = format!("</div><script>{}</script>", page_contract::snapshot_script());
        assert!(html.contains(&snapshot), "the snapshot script right after the holder: {html}");

        let (loader_name, loader_source) = page.extra_files.iter().next().unwrap();
        assert!(loader_name.starts_with("app-loader-"), "{loader_name}");
        let tag = format!("src=\"./{loader_name}\" integrity=\"{}\"", digest::integrity(loader_source.as_bytes()));
        assert!(html.contains(&tag), "the loader's tag carries the loader's integrity: {html}");
        assert_eq!(
            page.files,
            [
                "index.html",
                "main-0123456789abcdef.css",
                loader_name.as_str(),
                "app-0123456789abcdef.js",
                "app-0123456789abcdef_bg.wasm"
            ]
        );
        assert_eq!(
            page.before_input.as_deref(),
            Some(&["index.html".to_owned(), "main-0123456789abcdef.css".to_owned()][..])
        );
    }

    /// The inline scripts are allowed by their hashes, exactly: a byte more and the browser
    /// refuses them.
    #[test]
    fn the_policy_names_the_hashes_of_the_inline_scripts_as_written() {
        let stage = Stage::new("policy", TRUNK_PAGE);
        let page = finish(Target::new(&stage.0, "."), &[], Some(&prerendered())).unwrap();
        let script = |n| page.html.split("<script>").nth(n).unwrap().split("</script>").next().unwrap();
        let (head, snapshot) = (script(1), script(2));
        assert!(head.starts_with(&page_contract::head_script()), "{head}");
        assert_eq!(snapshot, page_contract::snapshot_script());
        let expected = format!(
            "script-src 'self' 'wasm-unsafe-eval' {} {};",
            digest::csp_source(head),
            digest::csp_source(snapshot)
        );
        assert!(page.csp.contains(&expected), "{}", page.csp);
        assert_eq!(page.csp.matches("'sha256-").count(), 2, "{}", page.csp);
    }

    #[test]
    fn integrity_follows_the_files_as_they_are_now() {
        let stage = Stage::new("integrity", &TRUNK_PAGE.replace("<script id=\"head-script\"></script>", ""));
        // Not prerendered: Trunk's preloads stay, with the integrity of the (minified) files.
        let page = finish(Target::new(&stage.0, "."), &[], None).unwrap();
        let js = std::fs::read(stage.0.join("root/app-0123456789abcdef.js")).unwrap();
        let css = std::fs::read(stage.0.join("root/main-0123456789abcdef.css")).unwrap();
        assert!(page.html.contains(&format!("integrity=\"{}\"", digest::integrity(&js))), "{}", page.html);
        assert!(page.html.contains(&format!("integrity=\"{}\"", digest::integrity(&css))), "{}", page.html);
        assert!(!page.html.contains("sha384-stale"), "{}", page.html);
        assert!(page.before_input.is_none());
        assert!(!page.extra_files.values().next().unwrap().contains("addEventListener"), "starts at once");
    }

    #[test]
    fn a_page_of_its_own_carries_its_policy_and_its_connect_sources() {
        let html = TRUNK_PAGE.replace(
            "<meta charset=\"utf-8\" />",
            "<meta charset=\"utf-8\" /><meta name=\"privacy-tab:connect-src\" content=\"https://a.example https://b.example\">",
        );
        let stage = Stage::new("own", &html);
        std::fs::rename(stage.0.join("root"), stage.0.join("review.html")).unwrap();
        let page = finish(Target::new(&stage.0, "review.html"), &["https://api.example".to_owned()], None).unwrap();
        assert!(
            page.csp.contains("connect-src 'self' https://api.example https://a.example https://b.example;"),
            "{}",
            page.csp
        );
        assert!(!page.html.contains(CONNECT_SRC_META), "{}", page.html);
        assert!(
            page.html.contains("<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src"),
            "{}",
            page.html
        );
    }

    #[test]
    fn what_a_strict_policy_blocks_or_an_unknown_loader_is_refused() {
        for (change, says) in [
            ("<body>", "style=\"\""),
            ("<button>", "inline event handler"),
            ("data-privacy-tab-loader", "pattern_script"),
            ("./main-0123456789abcdef.css", "assets must be relative"),
        ] {
            let html = TRUNK_PAGE
                .replace("<body>", if change == "<body>" { "<body style=\"color:red\">" } else { "<body>" })
                .replace(
                    "<div id",
                    if change == "<button>" { "<button onclick=\"x()\"></button><div id" } else { "<div id" },
                )
                .replace(
                    "data-privacy-tab-loader",
                    if change == "data-privacy-tab-loader" { "" } else { "data-privacy-tab-loader" },
                )
                .replace(
                    "./main-0123456789abcdef.css",
                    if change.starts_with("./") { "/main.css" } else { "./main-0123456789abcdef.css" },
                );
            let stage = Stage::new("refused", &html);
            let error = finish(Target::new(&stage.0, "."), &[], Some(&prerendered())).unwrap_err();
            assert!(error.contains(says), "{change}: {error}");
        }
    }

    /// Trunk writes its loader from Trunk.toml's pattern_script: the marker this program finds
    /// it by must be there, naming the files by Trunk's parameters.
    #[test]
    fn trunk_toml_s_loader_pattern_carries_the_marker() {
        let config: toml::Table = include_str!("../../../Trunk.toml").parse().unwrap();
        let pattern = config["build"]["pattern_script"].as_str().expect("[build] pattern_script");
        let page =
            TrunkPage::read(&pattern.replace("{base}", "./").replace("{js}", "a.js").replace("{wasm}", "a_bg.wasm"))
                .unwrap();
        assert_eq!(page.loader, Some(("./a.js".to_owned(), "./a_bg.wasm".to_owned())));
    }

    #[test]
    fn index_html_has_the_placeholders_the_build_fills() {
        let page = TrunkPage::read(include_str!("../../../index.html")).unwrap();
        assert!(page.has_first_page_holder && page.has_head_script, "{page:?}");
    }
}
