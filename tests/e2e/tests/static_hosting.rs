//! The release bundle as a static host serves it (scripts/build's `dist/`, with the headers
//! of its `dist/_headers`): from a sub-path, under the strict Content-Security-Policy, with
//! long caching only for content-hashed files, precompressed, and refusing tampered files;
//! the widget's page too, with its files open to host pages on other origins. A host that can
//! neither route nor send headers (GitHub Pages) gets every address of the app from `404.html`.

use std::path::{Path, PathBuf};

use e2e::fixtures::{realistic_answers, review_fragment};
use e2e::{poll, workspace_root, Browser, StandIn, PATIENCE};
use serde_json::Value;

const SUB_PATH: &str = "/some/path/";

fn built_dist() -> PathBuf {
    let dist = workspace_root().join("dist");
    assert!(
        dist.join("_headers").exists(),
        "no dist/_headers: build the bundle with scripts/build (scripts/test does)"
    );
    dist
}

async fn open(stand_in: &StandIn) -> Browser {
    let browser = Browser::start().await;
    browser.watch_page_errors().await;
    browser.client.goto(&stand_in.app_url()).await.unwrap();
    browser
}

async fn strings(browser: &Browser, expression: &str) -> Vec<String> {
    serde_json::from_value(browser.execute(&format!("return {expression};"), Vec::new()).await).unwrap()
}

#[tokio::test]
async fn the_bundle_works_from_a_sub_path_under_the_strict_policy() {
    let stand_in = StandIn::serving(&built_dist(), SUB_PATH);
    let browser = open(&stand_in).await;
    browser.reach_for_the_page().await;
    browser.wait_until_started().await;

    // The app runs: a choice reveals its follow-up question.
    browser.find("#q-stores_eud-yes").await.click().await.unwrap();
    browser.find("#q-stored_data_types").await;

    let resources: Vec<Value> = serde_json::from_value(
        browser
            .execute("return performance.getEntriesByType('resource').map(r => ({ name: r.name, encoded: r.encodedBodySize, decoded: r.decodedBodySize, transferred: r.transferSize }));", Vec::new())
            .await,
    )
    .unwrap();
    let under_sub_path = format!("{}{SUB_PATH}", stand_in.origin);
    for resource in &resources {
        let name = resource["name"].as_str().unwrap();
        if !name.contains("/rest/") {
            assert!(name.starts_with(&under_sub_path), "{name} was not loaded from {under_sub_path}");
        }
    }
    // Fetched once over the network: a prefetch, if the page was idle long enough, then the
    // app's own fetch from the cache.
    let wasm: Vec<&Value> = resources
        .iter()
        .filter(|r| r["name"].as_str().unwrap().ends_with(".wasm") && r["transferred"].as_u64() > Some(0))
        .collect();
    assert_eq!(wasm.len(), 1, "the wasm is downloaded exactly once: {resources:?}");
    assert!(wasm[0]["encoded"].as_u64() < wasm[0]["decoded"].as_u64(), "the wasm travels compressed: {:?}", wasm[0]);

    assert_eq!(strings(&browser, "__violations").await, Vec::<String>::new(), "no CSP violation");
    assert_eq!(strings(&browser, "__loadErrors").await, Vec::<String>::new(), "no error while loading");
    // A default deployment asks for no file it lacks (a 404 for config.json was logged on every
    // first visit). The API's own answers (no live version yet: 404) are not the deployment's.
    let failed: Vec<String> = browser
        .console_messages()
        .await
        .into_iter()
        .filter(|m| m.contains("Failed to load resource") && !m.contains("/rest/"))
        .collect();
    assert_eq!(failed, Vec::<String>::new(), "no file of the deployment is missing");
    browser.close().await;
}

#[tokio::test]
async fn pages_are_revalidated_and_hashed_files_cached_for_a_year() {
    let dist = built_dist();
    let stand_in = StandIn::serving(&dist, SUB_PATH);
    let page = ureq::get(&stand_in.app_url()).call().unwrap();
    assert_eq!(page.header("cache-control"), Some("no-cache"));
    let policy = page.header("content-security-policy").expect("the page carries a CSP").to_owned();
    for directive in
        ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "frame-ancestors 'none'"]
    {
        assert!(policy.split("; ").any(|d| d.starts_with(directive)), "{directive:?} missing from {policy}");
    }
    assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"), "{policy}");
    let html = page.into_string().unwrap();

    let mut assets = 0;
    for url in html.split(['"', '\'']).filter(|part| part.starts_with("./")) {
        let name = &url[2..];
        if name == "config.json" {
            // Preloaded for a returning partner, and edited by each deployment: never hashed,
            // always revalidated.
            let response = ureq::get(&format!("{}{name}", stand_in.app_url())).call().unwrap();
            assert_eq!(response.header("cache-control"), Some("no-cache"), "{name}");
            continue;
        }
        assets += 1;
        // `<name>-<hash>[_bg].<ext>`: Trunk writes the hash in hex without leading zeros.
        let hash = name.rsplit_once('-').map_or("", |(_, tail)| tail.split(['.', '_']).next().unwrap_or(""));
        let is_hashed = (10..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit());
        assert!(is_hashed, "{name}: every asset the page loads has a content hash in its name");
        let response = ureq::get(&format!("{}{name}", stand_in.app_url())).call().unwrap();
        assert_eq!(response.header("cache-control"), Some("public, max-age=31536000, immutable"), "{name}");
    }
    assert!(assets >= 4, "the page loads its CSS, loader, JS and wasm by relative URLs: {html}");
    // Two inline scripts (one hides the prerendered form while a stored draft is restored, one
    // shows the form as a returning partner left it), each allowed by its hash and nothing
    // else: the loader is a file.
    assert!(!html.contains("<script type=\"module\">"), "the loader is not inline: {html}");
    assert_eq!(html.matches("<script>").count(), 2, "{html}");
    assert_eq!(policy.matches("'sha256-").count(), 2, "the inline scripts are allowed by their hashes: {policy}");
}

/// GitHub Pages reads no `_redirects` and sends no headers of ours, but answers any path that
/// is no file with the site's `404.html`: the app's page again, carrying its own policy. So the
/// app's addresses open there too, under that policy; a review link is sent on to the review
/// page's own file (review.html), which carries its policy too.
#[tokio::test]
async fn where_only_404_html_is_served_every_address_opens_under_the_page_s_own_policy() {
    let copy = ChangedCopy::of_dist("github-pages", |dir| {
        std::fs::remove_file(dir.join("_redirects")).unwrap();
        std::fs::remove_file(dir.join("_headers")).unwrap();
    });
    let not_found = copy.0.join("404.html");
    let stand_in = StandIn::serving_with(&copy.0, "/repo/", &["--static-not-found", not_found.to_str().unwrap()]);
    let base = stand_in.app_url();
    let browser = Browser::start().await;
    browser.watch_page_errors().await;

    browser.client.goto(&format!("{base}preview?view=expanded")).await.unwrap();
    browser.find("#preview-page .listing-tab").await;
    let pressed = browser.find("#preview-page .show-expanded").await.attr("aria-pressed").await.unwrap();
    assert_eq!(pressed.as_deref(), Some("true"), "the preview, on the view its address names");

    browser.client.goto(&format!("{base}review#{}", review_fragment(&realistic_answers()))).await.unwrap();
    browser.wait_for_text("#review-page .listing-tab", "https://example.com/legal/privacy").await;
    let address = browser.client.current_url().await.unwrap().to_string();
    assert!(address.starts_with(&format!("{base}review.html#v1.")), "on the review page's own file: {address}");

    let injected = "const script = document.createElement('script');
        script.textContent = 'window.__injected = true;';
        document.head.append(script);
        return window.__injected === true;";
    assert_eq!(browser.execute(injected, Vec::new()).await, Value::Bool(false), "the page's policy holds");
    let violations = strings(&browser, "__violations").await;
    assert_eq!(violations.len(), 1, "the injected script alone was refused: {violations:?}");
    assert_eq!(strings(&browser, "__loadErrors").await, Vec::<String>::new(), "no error while loading");
    browser.close().await;
}

/// A copy of `dist/` in a scratch folder, changed by `change`, removed on drop.
struct ChangedCopy(PathBuf);

impl ChangedCopy {
    fn of_dist(name: &str, change: impl FnOnce(&Path)) -> ChangedCopy {
        let copy = std::env::temp_dir().join(format!("privacy-tab-e2e-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&copy);
        std::fs::create_dir_all(&copy).unwrap();
        // The app's own files (the widget's folder is not needed).
        for entry in std::fs::read_dir(built_dist()).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
            }
        }
        change(&copy);
        ChangedCopy(copy)
    }

    /// The one file in the copy whose name ends with `suffix`, without its compressed twins
    /// (so the changed bytes are what is served).
    fn only_file(&self, suffix: &str) -> PathBuf {
        only_file(&self.0, suffix)
    }
}

impl Drop for ChangedCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The app page's files, as bundle.json lists them (the review page's sit beside them).
fn app_files() -> Vec<String> {
    let pages = e2e::sizes::read(&workspace_root()).unwrap();
    let app = pages.into_iter().find(|page| page.name == "app").expect("bundle.json lists the app");
    app.files.into_iter().map(|file| file.file).collect()
}

/// The one file of the app's page in `dir` whose name ends with `suffix`, without its
/// compressed twins (so the changed bytes are what is served).
fn only_file(dir: &Path, suffix: &str) -> PathBuf {
    let file = app_file(dir, suffix);
    for twin in ["br", "gz"] {
        let _ = std::fs::remove_file(format!("{}.{twin}", file.display()));
    }
    file
}

/// The one file of the app's page in `dir` whose name ends with `suffix`.
fn app_file(dir: &Path, suffix: &str) -> PathBuf {
    let app = app_files();
    let matching: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .filter(|p| app.iter().any(|file| p.ends_with(file)))
        .collect();
    assert_eq!(matching.len(), 1, "one {suffix} in {}: {matching:?}", dir.display());
    matching.into_iter().next().unwrap()
}

/// The changed file is there and served as it is now: what the browser refuses is the change,
/// not a missing file (whose 404 page fails the integrity check too).
fn assert_served_as_changed(stand_in: &StandIn, file: &Path) {
    let name = file.file_name().unwrap().to_string_lossy();
    let response = ureq::get(&format!("{}{name}", stand_in.app_url())).call().unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut served = Vec::new();
    std::io::Read::read_to_end(&mut response.into_reader(), &mut served).unwrap();
    assert!(served == std::fs::read(file).unwrap(), "{name} is served with its changed bytes");
}

/// Waits for the browser's own refusal of `file`: its integrity check, not any other error.
async fn wait_for_integrity_refusal(browser: &Browser, file: &Path) -> String {
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let mut seen = Vec::new();
    let refusal = poll(PATIENCE, async || {
        seen.extend(browser.console_messages().await);
        seen.iter().find(|m| m.contains("integrity") && m.contains(&name) && m.contains("blocked")).cloned()
    })
    .await;
    refusal.unwrap_or_else(|| panic!("no integrity refusal of {name} in the console: {seen:?}"))
}

#[tokio::test]
async fn an_inline_script_slipped_into_the_page_is_blocked_and_reported() {
    let copy = ChangedCopy::of_dist("inline-script", |dir| {
        let page = only_file(dir, "index.html");
        let html = std::fs::read_to_string(&page).unwrap();
        std::fs::write(&page, html.replace("</head>", "<script>window.__injected = true;</script></head>")).unwrap();
    });
    let stand_in = StandIn::serving(&copy.0, SUB_PATH);
    let browser = open(&stand_in).await;
    browser.find("#q-stores_eud-yes").await;

    assert_eq!(
        browser.execute("return window.__injected === true;", Vec::new()).await,
        Value::Bool(false),
        "the inline script did not run"
    );
    let violations = strings(&browser, "__violations").await;
    assert!(
        violations.iter().any(|v| v.starts_with("script-src-elem blocked inline")),
        "the violation is reported: {violations:?}"
    );
    browser.close().await;
}

#[tokio::test]
async fn a_tampered_wasm_is_refused() {
    let copy = ChangedCopy::of_dist("tampered-wasm", |_| {});
    let wasm = copy.only_file("_bg.wasm");
    let mut bytes = std::fs::read(&wasm).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&wasm, bytes).unwrap();
    let stand_in = StandIn::serving(&copy.0, SUB_PATH);
    assert_served_as_changed(&stand_in, &wasm);
    let browser = open(&stand_in).await;
    browser.reach_for_the_page().await;

    let refusal = wait_for_integrity_refusal(&browser, &wasm).await;
    assert_refused_to_start(&browser, &refusal).await;
    browser.close().await;
}

#[tokio::test]
async fn a_tampered_javascript_file_is_refused() {
    let copy = ChangedCopy::of_dist("tampered-js", |_| {});
    let js = only_file(&copy.0, &format!("{}.js", wasm_stem(&copy.0)));
    let source = std::fs::read_to_string(&js).unwrap();
    std::fs::write(&js, format!("{source}\n// changed\n")).unwrap();
    let stand_in = StandIn::serving(&copy.0, SUB_PATH);
    assert_served_as_changed(&stand_in, &js);
    let browser = open(&stand_in).await;
    browser.reach_for_the_page().await;

    let refusal = wait_for_integrity_refusal(&browser, &js).await;
    assert_refused_to_start(&browser, &refusal).await;
    browser.close().await;
}

/// The partner is told the page cannot start, and no app took over the prerendered form.
async fn assert_refused_to_start(browser: &Browser, refusal: &str) {
    let note = browser.find("html[data-not-started] #not-started").await;
    assert!(note.is_displayed().await.unwrap(), "the page says it could not start: {refusal}");
    assert!(note.text().await.unwrap().contains("nothing typed here is checked or saved"));
    assert!(!browser.exists("html[data-started]").await, "the app did not start: {refusal}");
}

/// `privacy-tab-app-<hash>`: the name the wasm-bindgen JS shares with the wasm.
fn wasm_stem(dir: &Path) -> String {
    let wasm = app_file(dir, "_bg.wasm");
    wasm.file_name().unwrap().to_string_lossy().trim_end_matches("_bg.wasm").to_owned()
}

#[tokio::test]
async fn the_widget_page_works_from_a_sub_path_under_its_policy_and_its_files_may_be_embedded() {
    let stand_in = StandIn::serving(&built_dist(), SUB_PATH);
    let browser = Browser::start().await;
    browser.watch_page_errors().await;
    // Without the trailing slash, as people type it: the host adds it.
    browser.client.goto(&format!("{}widget", stand_in.app_url())).await.unwrap();

    // The demo's widget with its data in the page shows the listing in its shadow root.
    let shown = "const mounts = [...document.querySelectorAll('[data-privacy-tab]')];
                 const root = mounts.length && mounts[mounts.length - 1].shadowRoot;
                 return root ? root.textContent.trim().length : 0;";
    let rendered = poll(PATIENCE, async || (browser.execute(shown, Vec::new()).await.as_u64() > Some(0)).then_some(()));
    assert!(
        rendered.await.is_some(),
        "the widget rendered (load errors: {:?})",
        strings(&browser, "__loadErrors").await
    );
    assert_eq!(strings(&browser, "__violations").await, Vec::<String>::new(), "no CSP violation");
    let url: String = serde_json::from_value(browser.execute("return location.href;", Vec::new()).await).unwrap();
    assert_eq!(url, format!("{}widget/", stand_in.app_url()));
    browser.close().await;

    // Host pages on other origins load the widget's module and wasm: they need CORS.
    for file in ["privacy-tab-widget_loader.js", "privacy-tab-widget.js", "privacy-tab-widget_bg.wasm"] {
        let response = ureq::get(&format!("{}widget/{file}", stand_in.app_url())).call().unwrap();
        assert_eq!(response.header("access-control-allow-origin"), Some("*"), "{file}");
        // Fixed names: a new release must reach host pages, so they are revalidated.
        assert_eq!(response.header("cache-control"), Some("no-cache"), "{file}");
    }
}
