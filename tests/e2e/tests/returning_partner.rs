//! A returning partner after a release: their draft is stored, nothing of the new build is.
//! The page asks for everything the app needs to restore the draft (its JS glue, its wasm and
//! config.json) as soon as it is read, all at once, rather than one after the other once the
//! loader has arrived and run; each file still comes once, checked by its integrity. A first
//! visit asks for none of it early (it prefetches at idle).

use e2e::{Browser, StandIn};
use serde_json::{json, Value};

/// How many times each of the app's files was fetched, and whether the page asked for it
/// ahead (a preload link the page itself added, with the file's integrity where it has one).
const FETCHED: &str = r#"
const entries = performance.getEntriesByType('resource').map((entry) => entry.name);
const files = { glue: /privacy-tab-app-[0-9a-f]+\.js$/, wasm: /privacy-tab-app-[0-9a-f]+_bg\.wasm$/, config: /\/config\.json$/ };
const links = [...document.querySelectorAll('link[rel=preload], link[rel=modulepreload]')];
return Object.fromEntries(Object.entries(files).map(([name, pattern]) => {
    const link = links.find((link) => pattern.test(link.href));
    return [name, {
        fetched: entries.filter((url) => pattern.test(url)).length,
        askedAhead: link !== undefined && (name === 'config' || link.integrity.startsWith('sha384-')),
    }];
}));
"#;

#[tokio::test]
async fn a_stored_draft_has_the_page_ask_for_the_app_at_once_and_each_file_comes_once() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    let draft = e2e::fixtures::draft_json(e2e::DEMO_APP_KEY, &e2e::fixtures::half_answers());
    browser
        .open_with_storage(&stand_in.app_url(), &[(&questionnaire::draft::storage_key(e2e::DEMO_APP_KEY), draft)])
        .await;
    browser.wait_for_text(".autosave-status", "Restored your draft").await;
    let once_and_ahead = json!({ "fetched": 1, "askedAhead": true });
    assert_eq!(
        browser.execute(FETCHED, Vec::new()).await,
        json!({ "glue": once_and_ahead, "wasm": once_and_ahead, "config": once_and_ahead }),
        "the page asks for the glue, the wasm and config.json ahead, and the app uses what it asked for"
    );
    browser.close().await;

    // A first visit asks for nothing ahead: its app starts when the partner reaches for it
    // (the loader then preloads the glue as a module itself).
    let first = Browser::start().await;
    first.open_app(&stand_in.app_url()).await;
    let fetched: Value = first.execute(FETCHED, Vec::new()).await;
    for file in ["wasm", "config"] {
        assert_eq!(fetched[file]["askedAhead"], json!(false), "{file} on a first visit: {fetched}");
    }
    first.close().await;
}
