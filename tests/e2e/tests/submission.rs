//! Submitting to the Marketplace and loading from it, against the stand-in: what a partner sees
//! when it works, and when each thing that can go wrong does.

use e2e::fixtures::{draft_json, draft_key, full_answers, submitted_key};
use e2e::stand_in::TOKEN;
use e2e::{wait_for_eq, Browser, StandIn, PATIENCE};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use questionnaire::visibility::hidden_answers;
use questionnaire::wire::{to_put_body, to_trust_info};
use questionnaire::{Answer, Answers};
use serde_json::{json, Value};

use e2e::DEMO_APP_KEY as APP_KEY;

fn stored_draft(stand_in: &StandIn) -> Value {
    stand_in.holdings(APP_KEY)["draft"].clone()
}

fn put_count(stand_in: &StandIn) -> u64 {
    stand_in.holdings(APP_KEY)["putCount"].as_u64().unwrap_or(0)
}

/// The draft in local storage still holds these answers.
async fn assert_draft_kept(browser: &Browser, answers: &Answers) {
    let text = browser.local_item(&draft_key(APP_KEY)).await.expect("the draft is still in local storage");
    let kept = questionnaire::draft::Draft::parse(&text).expect("and still readable");
    assert_eq!(&kept.answers, answers, "the draft is unchanged");
}

/// Waits until the draft in local storage holds these answers (it is saved once typing settles).
async fn wait_for_draft(browser: &Browser, answers: &Answers) {
    let stored = async || {
        let text = browser.local_item(&draft_key(APP_KEY)).await?;
        questionnaire::draft::Draft::parse(&text).ok().map(|draft| draft.answers)
    };
    wait_for_eq("the stored draft's answers", Some(answers.clone()), stored).await;
}

/// A picture of one part of the page, for a person to look at (test-output is git-ignored).
async fn save_screenshot(browser: &Browser, css: &str, name: &str) {
    let png = browser.find(css).await.screenshot().await.unwrap();
    let dir = e2e::workspace_root().join("test-output/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), png).unwrap();
}

/// The stand-in, and the app open on the demo app key with `answers` as its saved draft,
/// signed in.
async fn signed_in_with_draft(answers: &Answers) -> (StandIn, Browser) {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_with_draft(&stand_in, answers).await;
    browser.sign_in().await;
    (stand_in, browser)
}

fn some_answers() -> Answers {
    let mut answers = Answers::new();
    answers.set("stores_eud", Answer::Choice("yes".into()));
    answers.set("stored_data_types", Answer::List(vec!["IP address".into()]));
    answers.set("processes_eud", Answer::Choice("no".into()));
    answers.set("security_contact", Answer::Text("security@example.com".into()));
    answers
}

/// What the Marketplace must hold after the full questionnaire (`full_answers`: every question's
/// first response, the sample's texts) is submitted: every answer the spec has a field for, in
/// the spec's types, written down from Atlassian's OpenAPI document rather than computed by the
/// mapping under test (the command line's test reads the same file). `full_answers` ticks "same
/// data processed as stored", which the file's `sample::complete(2)` leaves unticked. Only the
/// privacy policy is missing: it is a listing field.
fn full_questionnaire_as_the_spec_writes_it() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../crates/questionnaire/tests/golden/complete-questionnaire-as-the-spec-writes-it.json"
    );
    let mut body: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    body["dataAccessAndStorage"]["isSameDataProcessedAndStored"] = json!(true);
    body
}

#[tokio::test]
async fn a_full_questionnaire_is_submitted_and_read_back_equal() {
    let answers = full_answers();
    let (stand_in, browser) = signed_in_with_draft(&answers).await;

    browser.click_when_enabled("#submit").await;
    let hidden = browser.find("#not-sent-hidden").await.find_all(fantoccini::Locator::Css("li")).await.unwrap();
    assert_eq!(hidden.len(), hidden_answers(&answers).len(), "the review lists every hidden answer");
    assert!(!hidden.is_empty(), "the fixture has hidden answers, so leaving them out is tested");
    let no_field = browser.find("#not-sent-unknown").await;
    let mut listed = Vec::new();
    for item in no_field.find_all(fantoccini::Locator::Css("li")).await.unwrap() {
        listed.push(item.attr("data-question-id").await.unwrap().unwrap_or_default());
    }
    assert_eq!(listed, ["privacy_policy"], "only what the API truly has no field for is not sent");
    let why = no_field.text().await.unwrap();
    assert!(why.contains("a link of your app's listing"), "and it says why: {why}");
    browser.find("#confirm-submit").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Submitted at").await;

    // Accepted, so it passed the stand-in's validation against the spec's schema.
    assert_eq!(stored_draft(&stand_in), full_questionnaire_as_the_spec_writes_it());
    assert_eq!(json!({"appTrustInformation": stored_draft(&stand_in)}), to_put_body(&answers));
    let record: Value = serde_json::from_str(
        &browser.local_item(&submitted_key(APP_KEY)).await.expect("the draft is marked as submitted"),
    )
    .unwrap();
    assert!(record["submittedAt"].as_f64().is_some_and(|at| at > 1.7e12), "with the time: {record}");
    assert_draft_kept(&browser, &answers).await;

    browser.find("#load-draft").await.click().await.unwrap();
    browser.wait_for_text("#load-status", "Your answers already match the Marketplace's draft").await;
    assert!(!browser.exists(".replace-offer").await, "reading back what was sent offers no replacement");

    browser.reload_app().await;
    browser.wait_for_text(".last-submitted", "Last submitted from this browser on").await;
    browser.close().await;
}

#[tokio::test]
async fn field_errors_are_mapped_to_their_questions_and_a_resubmit_succeeds() {
    let answers = full_answers();
    let (stand_in, browser) = signed_in_with_draft(&answers).await;
    // A 400 exactly as Atlassian's OpenAPI document shapes it: JSON Pointers inside the wrapper,
    // codes, no top-level message; and one entry as the API's other endpoints write them.
    stand_in.set_faults(json!({"methods": ["PUT"], "times": 1, "fieldErrors": [
        {"path": "/dataRetention/retentionDurationInDays/min", "message": "must not be negative", "code": "INVALID_VALUE"},
        {"path": "/privacy/dataProcessingAgreement/link", "message": "Must be a valid URL", "code": "INVALID_URL_FORMAT"},
        {"path": "/security/caiq/CAIQLiteLink", "message": "Must be a valid URL", "code": "INVALID_URL_FORMAT"},
        {"path": "/security/compliantCertifications/0", "message": "Must be one of: SOC2, ISO27001, FedRAMP, PCI_DSS", "code": "INVALID_ARRAY_VALUE"},
        {"path": "/somethingNew", "message": "is required", "code": "FIELD_REQUIRED"}
    ]}));

    browser.submit().await;
    browser.wait_for_text("#submit-status", "The Marketplace did not accept these answers").await;
    for (question, text) in [
        ("dpa_link", "Data Processing Agreement: Must be a valid URL"),
        ("caiq_lite_link", "CAIQ Lite Questionnaire responses: Must be a valid URL"),
        ("certifications", "Certifications: Must be one of: SOC2, ISO27001, FedRAMP, PCI_DSS"),
    ] {
        let placed = browser.find(&format!("#submit-status [data-problem-question='{question}'] a")).await;
        assert_eq!(placed.text().await.unwrap(), text, "each message at its question");
    }
    let mapped = browser.find("#submit-status [data-problem-question='retention_days'] a").await;
    let text = mapped.text().await.unwrap();
    assert_eq!(text, "Storage period after uninstall: must not be negative");
    browser.wait_for_text("#submit-status .unplaced", "/somethingNew: is required").await;
    assert_draft_kept(&browser, &answers).await;

    mapped.click().await.unwrap();
    let focused = browser
        .execute("return document.activeElement.closest('[data-question]')?.dataset.question ?? null;", vec![])
        .await;
    assert_eq!(focused, json!("retention_days"), "the link moves focus to the question");

    browser.find("#submit-retry").await.click().await.unwrap();
    browser.find("#confirm-submit").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Submitted at").await;
    assert_eq!(stored_draft(&stand_in), to_trust_info(&answers));
    browser.close().await;
}

#[tokio::test]
async fn rejected_credentials_ask_to_check_them_and_a_retry_succeeds() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    let answers = some_answers();
    browser.open_with_draft(&stand_in, &answers).await;
    browser.sign_in_with("not-the-token").await;

    browser.submit().await;
    browser.wait_for_text("#submit-status", "did not accept your e-mail and API token").await;
    assert!(stored_draft(&stand_in).is_null(), "a rejected PUT stores nothing");
    assert_draft_kept(&browser, &answers).await;

    stand_in.set_faults(json!({"status": 403, "methods": ["PUT"], "times": 1}));
    let token = browser.find("#api-token").await;
    token.clear().await.unwrap();
    token.send_keys(TOKEN).await.unwrap();
    browser.find("#submit-retry").await.click().await.unwrap();
    browser
        .wait_for_text("#submit-status", "refused access (403). Check your Atlassian account e-mail and API token")
        .await;

    browser.find("#submit-retry").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Submitted at").await;
    assert_eq!(stored_draft(&stand_in), to_trust_info(&answers));
    browser.close().await;
}

#[tokio::test]
async fn an_unknown_app_key_is_named_and_the_draft_is_kept() {
    let stand_in = StandIn::start_with(&["--known-app-keys", APP_KEY], None);
    let browser = Browser::start().await;
    let answers = some_answers();
    const TYPO: &str = "com.example.privacy-tab-dmeo";
    browser
        .open_with_storage(
            &stand_in.app_url(),
            &[("privacy-tab:last-app-key", TYPO.to_owned()), (&draft_key(TYPO), draft_json(TYPO, &answers))],
        )
        .await;
    browser.wait_for_text(".autosave-status", "Restored your draft").await;
    browser.sign_in().await;

    browser.submit().await;
    let message = browser.wait_for_text("#submit-status", "does not know the app key").await;
    assert!(message.contains(TYPO), "names the key: {message}");
    assert!(browser.local_item(&draft_key(TYPO)).await.is_some(), "the draft is kept");

    // A 404 can be transient too (a proxy, a deploy): the same submit works once it passes.
    let app_key = browser.find("#app-key").await;
    app_key.clear().await.unwrap();
    app_key.send_keys(APP_KEY).await.unwrap();
    browser.find("#account-email").await.click().await.unwrap();
    stand_in.set_faults(json!({"status": 404, "methods": ["PUT"], "times": 1}));
    browser.find("#q-stores_eud-no").await.click().await.unwrap();
    browser.submit().await;
    browser.wait_for_text("#submit-status", "does not know the app key").await;
    browser.find("#submit-retry").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Submitted at").await;
    assert_eq!(stored_draft(&stand_in)["dataAccessAndStorage"]["appStoresEUDOutsideAtlassian"], false);
    browser.close().await;
}

#[tokio::test]
async fn too_many_requests_counts_down_can_be_cancelled_and_retried() {
    let answers = some_answers();
    let (stand_in, browser) = signed_in_with_draft(&answers).await;
    stand_in.set_faults(json!({"status": 429, "retryAfterSeconds": 30, "methods": ["PUT"], "times": 1}));

    browser.submit().await;
    let waiting = browser.wait_for_text("#submit-status", "Trying again in").await;
    assert!(waiting.contains("too many requests") && waiting.contains("attempt 2 of 4"), "{waiting}");
    let first: u32 = browser.find("#submit-status .countdown").await.text().await.unwrap().parse().unwrap();
    assert!((28..=30).contains(&first), "honours Retry-After: {first} s");
    browser
        .wait_until_text("#submit-status .countdown", "count down", |text| {
            text.parse::<u32>().is_ok_and(|later| later < first)
        })
        .await;
    assert!(!browser.find("#submit").await.is_enabled().await.unwrap(), "no second submit while waiting");

    browser.find("#submit-cancel").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Stopped trying. Your answers are kept.").await;
    assert_draft_kept(&browser, &answers).await;
    // Only the PUT that was refused: Cancel sent nothing of its own. (The retry was 30 s away:
    // a timer Cancel failed to stop would go out after this test, unseen.)
    assert_eq!(stand_in.received("PUT"), 1, "nothing was sent after Cancel");

    browser.find("#submit-retry").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Submitted at").await;
    assert_eq!(stored_draft(&stand_in), to_trust_info(&answers));
    browser.close().await;
}

#[tokio::test]
async fn server_errors_are_retried_by_themselves_until_the_marketplace_recovers() {
    let answers = some_answers();
    let (stand_in, browser) = signed_in_with_draft(&answers).await;
    stand_in.set_faults(json!({"status": 500, "methods": ["PUT"], "times": 2}));

    browser.submit().await;
    let waiting = browser.wait_for_text("#submit-status", "Trying again in").await;
    assert!(waiting.contains("had a problem on its side (500)"), "{waiting}");
    browser.wait_for_text("#submit-status", "Submitted at").await;
    assert_eq!(put_count(&stand_in), 1);
    assert_eq!(stored_draft(&stand_in), to_trust_info(&answers));
    browser.close().await;
}

#[tokio::test]
async fn a_marketplace_that_stays_down_is_given_up_on_and_a_later_retry_succeeds() {
    let answers = some_answers();
    let (stand_in, browser) = signed_in_with_draft(&answers).await;
    stand_in.set_faults(json!({"status": 503, "methods": ["PUT"]}));

    browser.submit().await;
    // Three retries after 1, 2 and 4 seconds: longer than most waits.
    let message = browser
        .wait_until_text_within(PATIENCE * 2, "#submit-status", "give up", |text| text.contains("We tried 4 times"))
        .await;
    assert!(message.contains("(503)") && message.contains("try again in a few minutes"), "{message}");
    assert_draft_kept(&browser, &answers).await;

    stand_in.clear_faults();
    browser.find("#submit-retry").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Submitted at").await;
    assert_eq!(stored_draft(&stand_in), to_trust_info(&answers));
    browser.close().await;
}

#[tokio::test]
async fn a_dropped_connection_says_so_and_a_retry_succeeds() {
    let answers = some_answers();
    let (stand_in, browser) = signed_in_with_draft(&answers).await;
    stand_in.set_faults(json!({"drop": true, "methods": ["PUT"], "times": 1}));

    browser.submit().await;
    let message = browser.wait_for_text("#submit-status", "could not be reached").await;
    assert!(message.contains("Check your connection, then try again") && !message.contains("offline"), "{message}");
    assert_draft_kept(&browser, &answers).await;

    browser.find("#submit-retry").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Submitted at").await;
    assert_eq!(stored_draft(&stand_in), to_trust_info(&answers));
    browser.close().await;
}

#[tokio::test]
async fn offline_is_explained_and_a_retry_is_offered_when_back_online() {
    let answers = some_answers();
    let (stand_in, browser) = signed_in_with_draft(&answers).await;

    browser.set_offline(true).await;
    browser.submit().await;
    browser.wait_for_text("#submit-status", "You are offline").await;
    assert!(!browser.exists("#submit-retry").await, "no retry button while offline");
    assert_draft_kept(&browser, &answers).await;

    browser.set_offline(false).await;
    browser.wait_for_text("#submit-status", "You are back online").await;
    browser.find("#submit-retry").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Submitted at").await;
    assert_eq!(stored_draft(&stand_in), to_trust_info(&answers));
    browser.close().await;
}

#[tokio::test]
async fn a_double_click_sends_one_put() {
    let answers = some_answers();
    let (stand_in, browser) = signed_in_with_draft(&answers).await;
    stand_in.set_faults(json!({"delayMs": 1500, "methods": ["PUT"], "times": 1}));

    browser.click_when_enabled("#submit").await;
    let confirm = browser.find("#confirm-submit").await;
    let double_click = MouseActions::new("mouse".to_owned())
        .then(PointerAction::MoveToElement { element: confirm, duration: None, x: 0.0, y: 0.0 })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    browser.client.perform_actions(double_click).await.unwrap();
    browser.wait_for_text("#submit-status", "Submitting").await;
    // Counted as they arrive: the first PUT is held 1.5 s, so a second one sent by the second
    // click has arrived by the time any answer reaches the page.
    browser.wait_for_text("#submit-status", "Submitted at").await;
    assert_eq!(stand_in.received("PUT"), 1, "one PUT for a double click");

    // The bluntest double submit: two clicks dispatched in the same task, before any re-render.
    stand_in.set_faults(json!({"delayMs": 1500, "methods": ["PUT"], "times": 1}));
    browser.click_when_enabled("#submit").await;
    browser.find("#confirm-submit").await;
    browser.execute("const b = document.querySelector('#confirm-submit'); b.click(); b.click();", vec![]).await;
    browser.wait_for_text("#submit-status", "Submitted at").await;
    assert_eq!(stand_in.received("PUT"), 2, "one more PUT for two clicks in one go");
    assert_eq!(put_count(&stand_in), 2, "both stored");
    browser.close().await;
}

#[tokio::test]
async fn the_token_appears_in_no_storage_url_or_console_message() {
    const SECRET: &str = "tok-e2e-5ecret-9f8e7d";
    let stand_in = StandIn::start_with(&["--token", SECRET], None);
    let browser = Browser::start().await;
    let answers = full_answers();
    browser.open_with_draft(&stand_in, &answers).await;
    // Anything the page logs from here on is caught as well as what Chromium itself logs.
    browser
        .execute(
            "window.__logged = [];
             for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
               const original = console[level].bind(console);
               console[level] = (...args) => { window.__logged.push(args.map(String).join(' ')); original(...args); };
             }",
            vec![],
        )
        .await;
    browser.sign_in_with(SECRET).await;
    browser.find("#load-draft").await.click().await.unwrap();
    browser.wait_for_text("#load-status", "no draft").await;
    stand_in.set_faults(json!({"status": 401, "methods": ["PUT"], "times": 1}));
    browser.submit().await;
    browser.wait_for_text("#submit-status", "did not accept your e-mail and API token").await;
    browser.find("#submit-retry").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Submitted at").await;
    // One more change, and its save: "Saved" is said once the draft's crash-safe copy is on
    // disk too, so the dump below holds everything the app has written by then.
    browser.find("#q-security_contact").await.send_keys(" ").await.unwrap();
    browser.wait_for_text(".autosave-status", "Saved locally at").await;

    let dump = browser.storage_dump().await;
    let storage = dump.to_string();
    assert!(storage.contains(&draft_key(APP_KEY)), "the dump is of the app's storage: {storage}");
    assert!(
        dump["indexedDB"]["privacy-tab"]["drafts"].as_array().is_some_and(|copies| !copies.is_empty()),
        "and of the draft's crash-safe copy in IndexedDB: {storage}"
    );
    assert!(!storage.contains(SECRET), "token in storage: {storage}");
    let url = browser.client.current_url().await.unwrap().to_string();
    assert!(!url.contains(SECRET), "token in the URL: {url}");
    let requested = browser
        .execute("return performance.getEntriesByType('resource').map((e) => e.name).join('\\n');", vec![])
        .await;
    assert!(requested.as_str().unwrap().contains("privacy-and-security"), "the API was called: {requested}");
    assert!(!requested.as_str().unwrap().contains(SECRET), "token in a requested URL: {requested}");
    let logged = browser.execute("return window.__logged;", vec![]).await;
    let console = browser.console_messages().await;
    assert!(!logged.to_string().contains(SECRET), "token in a console call: {logged}");
    assert!(console.iter().all(|message| !message.contains(SECRET)), "token in the console: {console:?}");
    browser.close().await;
}

#[tokio::test]
async fn loading_a_different_live_version_asks_before_replacing_the_local_answers() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    let local = some_answers();
    let mut live_answers = local.clone();
    live_answers.set("stored_data_types", Answer::List(vec!["IP address".into(), "Device ID".into()]));
    live_answers.set("security_contact", Answer::Text("trust@example.com".into()));
    stand_in.seed_live(APP_KEY, &to_trust_info(&live_answers));
    browser.open_with_draft(&stand_in, &local).await;

    browser.find("#load-live").await.click().await.unwrap();
    let offer = browser
        .wait_for_text(".replace-offer", "Replace your local answers with the Marketplace's live version?")
        .await;
    assert!(offer.contains("2 answers differ"), "{offer}");
    let row = browser.find(".replace-offer tr[data-question-id='security_contact']").await.text().await.unwrap();
    assert!(row.contains("security@example.com") && row.contains("trust@example.com"), "before and after: {row}");
    assert!(browser.exists(".replace-offer tr[data-question-id='stored_data_types']").await);

    browser.find("#replace-decline").await.click().await.unwrap();
    browser.wait_for_text("#load-status", "Kept your answers").await;
    assert_draft_kept(&browser, &local).await;

    browser.find("#load-live").await.click().await.unwrap();
    browser.find("#replace-accept").await.click().await.unwrap();
    browser.wait_for_text("#load-status", "Replaced your local answers with the Marketplace's live version").await;
    let contact = browser.find("#q-security_contact").await.prop("value").await.unwrap();
    assert_eq!(contact.as_deref(), Some("trust@example.com"), "the form shows the live answers");
    wait_for_draft(&browser, &live_answers).await;

    browser.find("#load-draft").await.click().await.unwrap();
    browser
        .wait_for_text(
            "#load-status",
            "Enter your Atlassian account e-mail and API token to read your Marketplace draft",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_live_version_fills_an_empty_form_on_opening() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    stand_in.seed_live(APP_KEY, &to_trust_info(&some_answers()));
    browser.open_app(&stand_in.app_url()).await;

    browser.wait_for_text("#load-status", "Loaded the Marketplace's live version").await;
    let contact = browser.find("#q-security_contact").await.prop("value").await.unwrap();
    assert_eq!(contact.as_deref(), Some("security@example.com"));
    browser.close().await;
}

#[tokio::test]
async fn a_live_version_that_differs_from_the_local_draft_is_offered_on_opening_never_applied() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    let local = some_answers();
    let mut live_answers = local.clone();
    live_answers.set("security_contact", Answer::Text("trust@example.com".into()));
    stand_in.seed_live(APP_KEY, &to_trust_info(&live_answers));
    browser.open_with_draft(&stand_in, &local).await;

    let offer = browser
        .wait_for_text(".replace-offer", "Replace your local answers with the Marketplace's live version?")
        .await;
    assert!(offer.contains("1 answer differs"), "{offer}");
    // The partner answers on while the offer waits: the save of that answer, a save delay
    // later, still holds the local contact, so the live version was not applied meanwhile.
    browser.find("#q-disk_encryption-yes").await.click().await.unwrap();
    let mut answered = local.clone();
    answered.set("disk_encryption", Answer::Choice("yes".into()));
    wait_for_draft(&browser, &answered).await;
    let contact = browser.find("#q-security_contact").await.prop("value").await.unwrap();
    assert_eq!(contact.as_deref(), Some("security@example.com"), "the form still shows the local answer");
    browser.close().await;
}

#[tokio::test]
async fn with_config_json_for_v3_it_submits_and_publishes_by_product_id() {
    let site = std::env::temp_dir().join(format!("privacy-tab-v3-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(&site).unwrap();
    for entry in std::fs::read_dir(e2e::workspace_root().join("dist")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, site.join(path.file_name().unwrap())).unwrap();
        }
    }
    std::fs::write(site.join("config.json"), r#"{"apiVersion": 3}"#).unwrap();
    let stand_in = StandIn::start_with(&[], Some(&site));
    let browser = Browser::start().await;
    const PRODUCT: &str = "8d2f0c8e-1b1d-4b8f-9a55-3b6f2f0e7c11";
    let answers = some_answers();
    browser
        .open_with_storage(
            &stand_in.app_url(),
            &[("privacy-tab:last-app-key", PRODUCT.to_owned()), (&draft_key(PRODUCT), draft_json(PRODUCT, &answers))],
        )
        .await;
    browser.wait_for_text("label[for='app-key']", "Product ID").await;
    browser.sign_in().await;

    browser.submit().await;
    browser.wait_for_text("#submit-status", "Submitted and published at").await;
    let product = stand_in.product(PRODUCT);
    let expected = json!({
        "dataAccessAndStorage": {"appStoresEUDOutsideAtlassian": true, "typesOfDataStored": ["IP address"],
            "appProcessEUDOutsideAtlassian": false},
        "security": {"securityContact": "security@example.com"}
    });
    assert_eq!(product["live"], expected, "created (201), then published (200) through v3: {product}");
    let _ = std::fs::remove_dir_all(&site);
    browser.close().await;
}

#[tokio::test]
async fn the_review_the_replace_offer_and_the_failures_have_no_accessibility_violations() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    let answers = full_answers();
    let mut live = answers.clone();
    live.set("security_contact", Answer::Text("trust@example.com".into()));
    stand_in.seed_live(APP_KEY, &to_trust_info(&live));
    browser.open_with_draft(&stand_in, &answers).await;
    browser.sign_in().await;

    browser.find("#load-live").await.click().await.unwrap();
    browser.find(".replace-offer").await;
    browser.click_when_enabled("#submit").await;
    browser.find("#not-sent-hidden").await;
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "review and replace offer");
    save_screenshot(&browser, "section.connect", "marketplace-replace-offer.png").await;
    save_screenshot(&browser, "section.submit", "marketplace-review.png").await;

    stand_in.set_faults(json!({"methods": ["PUT"], "times": 1, "fieldErrors": [
        {"path": "/security/securityContact", "message": "Must be a valid email address", "code": "INVALID_EMAIL_FORMAT"},
        {"path": "/somethingNew", "message": "is required", "code": "FIELD_REQUIRED"}
    ]}));
    browser.find("#confirm-submit").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "did not accept these answers").await;
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "field errors");
    save_screenshot(&browser, "section.submit", "marketplace-field-errors.png").await;

    stand_in.set_faults(json!({"status": 429, "retryAfterSeconds": 30, "methods": ["PUT"], "times": 1}));
    browser.find("#submit-retry").await.click().await.unwrap();
    browser.find("#confirm-submit").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Trying again in").await;
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "countdown");
    save_screenshot(&browser, "section.submit", "marketplace-countdown.png").await;
    browser.find("#submit-cancel").await.click().await.unwrap();
    browser.close().await;
}

#[tokio::test]
async fn fields_this_app_does_not_know_survive_a_reload_and_go_back_with_the_submit() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    let mut live = to_trust_info(&some_answers());
    live["security"]["permissionsJustification"] = json!("Reads issues to index them.");
    live["futureGroup"] = json!({ "newFlag": true });
    stand_in.seed_live(APP_KEY, &live);
    browser.open_app(&stand_in.app_url()).await;
    browser.wait_for_text("#load-status", "Loaded the Marketplace's live version").await;

    // A new session: the document read from the Marketplace must come back with the draft.
    browser.reload_app().await;
    browser.wait_for_text(".autosave-status", "Restored your draft").await;
    browser.sign_in().await;
    browser.submit().await;
    browser.wait_for_text("#submit-status", "Submitted").await;

    let sent = stored_draft(&stand_in);
    assert_eq!(sent["security"]["permissionsJustification"], "Reads issues to index them.", "{sent}");
    assert_eq!(sent["futureGroup"]["newFlag"], true, "{sent}");
    assert_eq!(sent["security"]["securityContact"], "security@example.com", "{sent}");
    browser.close().await;
}
