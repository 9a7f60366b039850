//! The page a first visit paints before the app has arrived: the app's own first page,
//! rendered at build time. A partner can read it and start answering; when the wasm arrives the
//! app hydrates it (the very same nodes) with nothing typed or ticked lost, focus and caret where
//! they were, and nothing on screen changed. A returning partner never sees it empty over their
//! draft. A first press, whenever it comes: tests/first_touch.rs.

use e2e::{Browser, StandIn};
use questionnaire::catalogue::ids;
use serde_json::{json, Value};

async fn open_before_the_app(stand_in: &StandIn, hold_the_api: bool) -> Browser {
    let browser = Browser::start().await;
    browser.hold_the_wasm(hold_the_api).await;
    browser.client.goto(&stand_in.app_url()).await.unwrap();
    browser
}

async fn script(browser: &Browser, source: &str) -> Value {
    browser.execute(source, Vec::new()).await
}

#[tokio::test]
async fn a_first_visit_can_answer_before_the_app_arrives_and_the_app_keeps_it_all() {
    let stand_in = StandIn::start();
    let browser = open_before_the_app(&stand_in, false).await;

    let yes = browser.find(&format!("#q-{}-yes", ids::STORES_EUD)).await;
    assert!(yes.is_displayed().await.unwrap(), "the form is there before the app");
    // The app key first, and left: the answers then belong to its draft, as in the app.
    let app_key = browser.find("#app-key").await;
    assert_eq!(app_key.prop("value").await.unwrap().as_deref(), Some(e2e::DEMO_APP_KEY), "as the app shows it");
    app_key.clear().await.unwrap();
    app_key.send_keys("cloud-app").await.unwrap();
    yes.click().await.unwrap();
    browser.find(&format!("#q-{}", ids::PRIVACY_POLICY)).await.send_keys("https://example.com/privacy").await.unwrap();
    browser.find("#api-token").await.send_keys("secret-token").await.unwrap();
    // The caret in the middle of what was typed: "sec|ret-token"; and a mark on the node.
    script(&browser, "const t = document.getElementById('api-token'); t.setSelectionRange(3, 3); t.__mark = 'kept';")
        .await;
    assert!(!browser.exists("html[data-started]").await, "the app has not started yet");

    script(&browser, "window.__arrive();").await;
    browser.wait_until_started().await;

    // The pick reached the app: its follow-up question is asked now.
    browser.find(&format!("#q-{}", ids::STORED_DATA_TYPES)).await;
    let state = script(
        &browser,
        &format!(
            "const token = document.getElementById('api-token');
             return {{ picked: document.getElementById('q-{eud}-yes').checked,
                      policy: document.getElementById('q-{policy}').value,
                      key: document.getElementById('app-key').value, focused: document.activeElement.id,
                      caret: [token.selectionStart, token.selectionEnd], same_node: token.__mark }};",
            eud = ids::STORES_EUD,
            policy = ids::PRIVACY_POLICY
        ),
    )
    .await;
    assert_eq!(
        state,
        json!({ "picked": true, "policy": "https://example.com/privacy", "key": "cloud-app",
                "focused": "api-token", "caret": [3, 3], "same_node": "kept" }),
        "what was done before the app started is the app's now"
    );

    // Typing goes on where the caret was, in the same field.
    browser.client.active_element().await.unwrap().send_keys("X").await.unwrap();
    assert_eq!(script(&browser, "return document.getElementById('api-token').value;").await, json!("secXret-token"));

    // And the answers are saved as any typed into the app are, in the draft of the app key
    // given then.
    let stored = browser.wait_until_text(".autosave-status", "say it saved", |text| text.starts_with("Saved")).await;
    let draft = browser.local_item(&questionnaire::draft::storage_key("cloud-app")).await;
    let draft: Value = serde_json::from_str(draft.as_deref().unwrap_or("null")).unwrap();
    assert_eq!(draft["answers"][ids::STORES_EUD.as_str()]["value"], "yes", "{stored}: {draft}");
    assert_eq!(draft["answers"][ids::PRIVACY_POLICY.as_str()]["value"], "https://example.com/privacy", "{draft}");
    browser.close().await;
}

#[tokio::test]
async fn a_first_visit_starts_the_app_only_when_the_partner_reaches_for_the_page() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.client.goto(&stand_in.app_url()).await.unwrap();
    browser.find(&format!("#q-{}-yes", ids::STORES_EUD)).await;
    // The loader prefetches the wasm once the page is idle (a <link rel=prefetch>); the app
    // starting would fetch it again, with its integrity, from the loader's own fetch(). So once
    // the prefetch has arrived, the wasm fetched by anything but that link is the app starting.
    let wasm_fetches = "return performance.getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.wasm')).map((r) => r.initiatorType);";
    e2e::wait_for_eq("how the page fetched the wasm", json!(["link"]), async || script(&browser, wasm_fetches).await)
        .await;
    assert!(!browser.exists("html[data-started]").await, "reading the page starts nothing");

    // A keyboard user's first Tab is reaching for it too.
    browser.press(fantoccini::key::Key::Tab).await;
    browser.wait_until_started().await;
    assert_eq!(script(&browser, wasm_fetches).await, json!(["link", "fetch"]), "the app fetched the wasm to start");
    browser.close().await;
}

#[tokio::test]
async fn taking_over_changes_nothing_a_partner_can_see() {
    let stand_in = StandIn::start();
    // What is live is not known to the page rendered at build time, nor to the app until the
    // Marketplace answers: held back here, so both say the same.
    let browser = open_before_the_app(&stand_in, true).await;
    browser.find(&format!("#q-{}-yes", ids::STORES_EUD)).await;
    let shown =
        "return [document.body.innerText, [...document.querySelectorAll('input')].map(i => i.id + '=' + i.value)];";
    let before = script(&browser, shown).await;

    browser.reach_for_the_page().await;
    script(&browser, "window.__arrive();").await;
    browser.wait_until_started().await;
    let after = script(&browser, shown).await;
    let lines = |shown: &Value| shown[0].as_str().unwrap_or("").lines().map(str::to_owned).collect::<Vec<_>>();
    let (before_lines, after_lines) = (lines(&before), lines(&after));
    let first_difference = before_lines.iter().zip(&after_lines).position(|(b, a)| b != a);
    assert_eq!(
        after,
        before,
        "the prerendered page is the app's own first page; first difference at line {first_difference:?}: {:?}",
        first_difference
            .map(|at| (&before_lines[at.saturating_sub(2)..at + 1], &after_lines[at.saturating_sub(2)..at + 1]))
    );
    browser.close().await;
}

/// Records, as the page is first parsed, whether the prerendered form is shown.
const WATCH_FIRST_PAINT: &str = r#"
document.addEventListener('DOMContentLoaded', () => {
    const page = document.querySelector('.prerendered');
    if (page) sessionStorage.setItem('firstPaint', getComputedStyle(page).visibility);
});
"#;

#[tokio::test]
async fn a_returning_partner_never_sees_the_empty_form_over_their_draft() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.run_before_page_scripts(WATCH_FIRST_PAINT).await;
    // Only the draft (of the app the page opens on): nothing else of ours is stored.
    let draft = e2e::fixtures::draft_json(e2e::DEMO_APP_KEY, &e2e::fixtures::half_answers());
    browser
        .open_with_storage(&stand_in.app_url(), &[(&questionnaire::draft::storage_key(e2e::DEMO_APP_KEY), draft)])
        .await;
    browser.wait_for_text(".autosave-status", "Restored your draft").await;
    assert_eq!(
        script(&browser, "return sessionStorage.getItem('firstPaint');").await,
        json!("hidden"),
        "with a draft stored, the empty form waits for the app"
    );

    // A first visit has nothing to wait for.
    let first = Browser::start().await;
    first.run_before_page_scripts(WATCH_FIRST_PAINT).await;
    first.open_app(&stand_in.app_url()).await;
    assert_eq!(script(&first, "return sessionStorage.getItem('firstPaint');").await, json!("visible"));
    first.close().await;
    browser.close().await;
}

/// A keyboard user who reached a term before the app arrived is still on it afterwards, and
/// it works.
#[tokio::test]
async fn focus_on_a_term_before_the_app_arrives_stays_on_it() {
    let stand_in = StandIn::start();
    let browser = open_before_the_app(&stand_in, false).await;
    let term = format!("form.questionnaire [data-question={}] button.term", ids::STORES_EUD);
    browser.find(&term).await;
    script(&browser, &format!("const term = document.querySelector('{term}'); term.focus(); term.__mark = 'kept';"))
        .await;
    script(&browser, "window.__arrive();").await;
    browser.wait_until_started().await;

    let focused = "const f = document.activeElement; return [f.className, f.textContent, f.__mark];";
    assert_eq!(script(&browser, focused).await, json!(["term", "End-User Data", "kept"]), "the same term has focus");
    browser
        .client
        .active_element()
        .await
        .unwrap()
        .send_keys(&char::from(fantoccini::key::Key::Enter).to_string())
        .await
        .unwrap();
    browser
        .wait_for_text(&format!("form.questionnaire [data-question={}] .term-note", ids::STORES_EUD), "Source:")
        .await;
    browser.close().await;
}
