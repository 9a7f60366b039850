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

// ---- The form as the partner left it, before the app arrives --------------------------------

use e2e::page_contract::{FIRST_PAGE_ID, LAST_APP_KEY, SNAPSHOT, SNAPSHOT_KEY, STARTED};
use questionnaire::catalogue::ids;

/// Installed before the page's scripts: whether the page ever showed a snapshot is noted in
/// `__snapshotShown`.
const WATCH_FOR_A_SNAPSHOT: &str = r#"
window.__snapshotShown = false;
new MutationObserver(() => {
    if (document.documentElement && document.documentElement.hasAttribute('__SNAPSHOT__')) window.__snapshotShown = true;
}).observe(document, { attributes: true, subtree: true });
"#;

/// Resolves once the page's own reads of the drafts' crash-safe copies are answered (IndexedDB
/// answers requests in order): the snapshot script has decided by then. Creates no database.
const STORAGE_READ: &str = r#"
const [done] = arguments;
const open = indexedDB.open('privacy-tab');
open.onupgradeneeded = () => open.transaction.abort();
open.onerror = () => requestAnimationFrame(() => done(true));
open.onsuccess = () => {
    const db = open.result;
    const finish = () => { db.close(); requestAnimationFrame(() => done(true)); };
    try { db.transaction('drafts').objectStore('drafts').get('').onsuccess = finish; } catch (e) { finish(); }
};
"#;

const CONTACT: &str = "security@example.com";

fn yes() -> String {
    format!("#q-{}-yes", ids::STORES_EUD)
}

fn no() -> String {
    format!("#q-{}-no", ids::STORES_EUD)
}

fn contact() -> String {
    format!("#q-{}", ids::SECURITY_CONTACT)
}

/// A partner opens the form, answers a choice and a text, and leaves the page for another
/// site: the app saves the draft, and keeps the form as they left it.
async fn answer_and_leave(browser: &Browser, stand_in: &StandIn) {
    browser.open_app(&stand_in.app_url()).await;
    let yes = browser.find(&yes()).await;
    browser.press_on(&yes, None).await;
    browser.find(&contact()).await.send_keys(CONTACT).await.unwrap();
    leave(browser, stand_in).await;
    assert!(browser.local_item(SNAPSHOT_KEY).await.is_some(), "the form as the partner left it is kept");
}

/// To a page of the origin where the app does not run (storage planted there stays as it is).
async fn leave(browser: &Browser, stand_in: &StandIn) {
    browser.client.goto(&format!("{}/_stand-in/health", stand_in.origin)).await.unwrap();
}

/// Comes back to the form with the wasm held back.
async fn come_back_before_the_wasm(browser: &Browser, stand_in: &StandIn) {
    browser.hold_the_wasm(false).await;
    browser.run_before_page_scripts(&WATCH_FOR_A_SNAPSHOT.replace("__SNAPSHOT__", SNAPSHOT)).await;
    browser.client.goto(&stand_in.app_url()).await.unwrap();
    browser.find(&format!("#{FIRST_PAGE_ID}")).await;
}

async fn js(browser: &Browser, script: &str) -> Value {
    browser.execute(script, Vec::new()).await
}

async fn started(browser: &Browser) -> bool {
    browser.exists(&format!("html[{STARTED}]")).await
}

/// The wasm has not arrived, the page has read its storage: the form is not shown (it stays
/// hidden until the app has restored the draft); then the app arrives, and shows none either.
async fn no_snapshot_until_the_app_restores(browser: &Browser, why: &str) {
    browser.client.execute_async(STORAGE_READ, Vec::new()).await.unwrap();
    assert!(!started(browser).await, "{why}: the app has not arrived yet");
    assert_eq!(js(browser, "return window.__snapshotShown;").await, json!(false), "{why}: no snapshot shown");
    let visibility = format!("return getComputedStyle(document.querySelector('{}')).visibility;", contact());
    assert_eq!(js(browser, &visibility).await, json!("hidden"), "{why}: the form stays hidden");
    js(browser, "window.__arrive();").await;
    browser.wait_until_started().await;
    assert_eq!(js(browser, "return window.__snapshotShown;").await, json!(false), "{why}: never a snapshot");
}

#[tokio::test]
async fn a_returning_partner_sees_their_answers_before_the_app_arrives_inert_then_editable() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    answer_and_leave(&browser, &stand_in).await;
    come_back_before_the_wasm(&browser, &stand_in).await;

    browser.find(&format!("html[{SNAPSHOT}]")).await;
    assert!(!started(&browser).await, "the app has not arrived yet");
    let answers =
        format!("return [document.querySelector('{}').checked, document.querySelector('{}').value];", yes(), contact());
    assert_eq!(js(&browser, &answers).await, json!([true, CONTACT]), "their answers, before the app");
    let contact_visible = format!("return getComputedStyle(document.querySelector('{}')).visibility;", contact());
    assert_eq!(js(&browser, &contact_visible).await, json!("visible"));
    // Inert: a press and typing do nothing, so nothing typed can be lost.
    let no = browser.find(&no()).await;
    browser.press_on(&no, None).await;
    let _ = browser.find(&contact()).await.send_keys("typed into the snapshot").await;
    assert_eq!(js(&browser, &answers).await, json!([true, CONTACT]), "the snapshot took no press and no typing");
    let focus_inside = format!("return document.getElementById('{FIRST_PAGE_ID}').contains(document.activeElement);");
    assert_eq!(js(&browser, &focus_inside).await, json!(false), "nothing in it takes focus");

    js(&browser, "window.__arrive();").await;
    browser.wait_until_started().await;
    e2e::wait_for_eq("the answers, with the app in charge", json!([true, CONTACT]), async || {
        js(&browser, &answers).await
    })
    .await;
    let handed_over = format!(
        "const holder = document.getElementById('{FIRST_PAGE_ID}');
         return [holder.inert, holder.getAttribute('aria-busy'), document.documentElement.hasAttribute('{SNAPSHOT}')];"
    );
    assert_eq!(js(&browser, &handed_over).await, json!([false, null, false]));
    assert_eq!(browser.local_item(SNAPSHOT_KEY).await, None, "no snapshot once the app is in charge");
    browser.find(&contact()).await.send_keys(".org").await.unwrap();
    let typed = format!("return document.querySelector('{}').value;", contact());
    assert_eq!(js(&browser, &typed).await, json!(format!("{CONTACT}.org")), "editable once the app is in charge");
    browser.close().await;
}

#[tokio::test]
async fn a_snapshot_older_than_another_tab_s_save_is_not_shown() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    answer_and_leave(&browser, &stand_in).await;
    // Another tab saves the draft since (its save is named anew).
    let draft_key = questionnaire::draft::storage_key(e2e::DEMO_APP_KEY);
    let newer = "const [key] = arguments; const draft = JSON.parse(localStorage.getItem(key));
                 draft.parent = draft.revision; draft.revision = draft.revision + 1;
                 localStorage.setItem(key, JSON.stringify(draft));";
    browser.execute(newer, vec![json!(draft_key)]).await;
    come_back_before_the_wasm(&browser, &stand_in).await;
    no_snapshot_until_the_app_restores(&browser, "another tab saved since").await;
    browser.close().await;
}

#[tokio::test]
async fn a_snapshot_of_another_app_s_draft_is_not_shown() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    answer_and_leave(&browser, &stand_in).await;
    // Another tab opened another app since: the form opens that app's draft now.
    browser.execute("localStorage.setItem(arguments[0], 'com.example.another-app');", vec![json!(LAST_APP_KEY)]).await;
    come_back_before_the_wasm(&browser, &stand_in).await;
    no_snapshot_until_the_app_restores(&browser, "another app is opened now").await;
    browser.close().await;
}

/// The partner left the form (a snapshot kept, and on disk: the browser was closed), came
/// back, the app started (and removed the snapshot), they typed on, their save reached the
/// disk (the crash-safe copy), and the browser was killed, without `pagehide`, before local
/// storage reached the disk (it lags by seconds): no snapshot is shown, as it would show less
/// than the crash-safe copy the app restores.
#[tokio::test]
async fn after_a_crash_no_snapshot_is_shown() {
    let stand_in = StandIn::start();
    let profile = std::env::temp_dir().join(format!("privacy-tab-snapshot-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    let first = Browser::start_on_profile(&profile).await;
    answer_and_leave(&first, &stand_in).await;
    first.close_keeping_profile().await;
    let browser = Browser::start_on_profile(&profile).await;
    browser.open_app(&stand_in.app_url()).await;
    browser.find(&contact()).await.send_keys(".org").await.unwrap();
    browser.wait_for_text(".autosave-status", "Saved locally at").await;
    browser.crash();

    let again = Browser::start_on_profile(&profile).await;
    come_back_before_the_wasm(&again, &stand_in).await;
    no_snapshot_until_the_app_restores(&again, "after a crash").await;
    let typed = format!("return document.querySelector('{}').value;", contact());
    e2e::wait_for_eq("the answer typed before the crash", json!(format!("{CONTACT}.org")), async || {
        js(&again, &typed).await
    })
    .await;
    again.close().await;
    let _ = std::fs::remove_dir_all(&profile);
}
