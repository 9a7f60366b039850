//! Sequences that cross features (issue 23), as a partner lives them in Chromium against the
//! stand-in: a retry after opening another app, an invalid edit of a published value, an
//! import into a new app, and a review link imported into one's own draft.

use e2e::fixtures::{answers_with_contact, draft_key, review_fragment};
use e2e::{wait_for_eq, Browser, StandIn, PATIENCE};
use questionnaire::catalogue::ids;
use questionnaire::draft::{export_json, Draft};
use questionnaire::wire::{from_trust_info, to_trust_info};
use questionnaire::{Answer, Answers};
use serde_json::{json, Value};

use e2e::DEMO_APP_KEY as APP_KEY;

const PUBLISHED_LINK: &str = "https://vendor.example.com/security";

/// What the stand-in's draft of `app` holds for the security contact ("" when nothing).
fn submitted_contact(stand_in: &StandIn, app: &str) -> String {
    from_trust_info(&stand_in.holdings(app)["draft"]).text(ids::SECURITY_CONTACT).to_owned()
}

async fn type_into(browser: &Browser, css: &str, text: &str) {
    let input = browser.find(css).await;
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

/// Names another app in the app key field, as a partner does (type, then leave the field).
async fn open_other_app(browser: &Browser, key: &str) {
    type_into(browser, "#app-key", key).await;
    browser.find("#app-key").await.send_keys("\u{E004}").await.unwrap(); // Tab
    browser.wait_until_text(".autosave-status", "a fresh form", |text| !text.contains("Restored")).await;
}

/// Sequence 1: the retry after a 503 with Retry-After: 6 sends a.one's answers, not those
/// typed meanwhile for the app opened during the countdown.
#[tokio::test]
async fn a_retry_sends_the_answers_of_its_own_app_after_the_partner_opens_another() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_with_draft(&stand_in, &answers_with_contact("first@one.example")).await;
    browser.sign_in().await;
    stand_in.set_faults(json!({"status": 503, "retryAfterSeconds": 6, "methods": ["PUT"], "times": 1}));

    browser.submit().await;
    browser.wait_for_text("#submit-status", "Trying again in").await;
    let other = "com.example.second-app";
    open_other_app(&browser, other).await;
    type_into(&browser, &format!("#q-{}", ids::SECURITY_CONTACT), "second@two.example").await;
    let during = browser.find("#submit-status").await.text().await.unwrap();

    browser.wait_until_text_within(PATIENCE * 2, "#submit-status", "submitted", |t| t.contains("Submitted at")).await;
    assert_eq!(submitted_contact(&stand_in, APP_KEY), "first@one.example", "the first app's own answers");
    assert_eq!(stand_in.holdings(other)["draft"], Value::Null, "nothing sent for the app opened meanwhile");
    let says = format!("Submitting the answers of {APP_KEY}. Opening another app does not change what is sent.");
    assert!(during.contains(&says), "the countdown names its app: {during}");
    browser.close().await;
}

/// Sequence 1 by another path: a Discard during the countdown would have the retry send an
/// emptied listing. The retry stops instead, the submit's status says so and names the app, and
/// Undo brings the answers back.
#[tokio::test]
async fn a_discard_during_the_countdown_stops_the_retry_and_says_so() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_with_draft(&stand_in, &answers_with_contact("first@one.example")).await;
    browser.sign_in().await;
    stand_in.set_faults(json!({"status": 503, "retryAfterSeconds": 6, "methods": ["PUT"], "times": 1}));

    browser.submit().await;
    browser.wait_for_text("#submit-status", "Trying again in").await;
    browser.find(".discard-draft").await.click().await.unwrap();
    browser.find(".confirm-discard").await.click().await.unwrap();
    let stopped = browser.wait_for_text("#submit-stopped", "was stopped").await;
    assert!(stopped.contains(&format!("The submit for {APP_KEY} was stopped")), "{stopped}");
    browser.wait_for_text("#submit-status", "Stopped trying. Your answers are kept.").await;
    assert!(!browser.exists("#submit-cancel").await, "no countdown left to cancel");
    assert_eq!(stand_in.received("PUT"), 1, "only the attempt made before the discard");

    browser.find(".undo-discard").await.click().await.unwrap();
    let value = async || browser.contact_on_form().await;
    wait_for_eq("the contact back", "first@one.example".to_owned(), value).await;
    browser.close().await;
}

/// Sequence 2: an invalid edit of a published link is not sent, and the link stays.
#[tokio::test]
async fn an_invalid_edit_leaves_the_published_value_and_the_review_says_so() {
    let stand_in = StandIn::start();
    let mut published = answers_with_contact("security@vendor.example.com");
    published.set(ids::SECURITY_POLICY, Answer::Text(PUBLISHED_LINK.into()));
    stand_in.seed_live(APP_KEY, &to_trust_info(&published));
    let mut edited = published.clone();
    edited.set(ids::SECURITY_POLICY, Answer::Text("javascript:alert(1)".into()));
    let browser = Browser::start().await;
    browser.open_with_draft(&stand_in, &edited).await;
    browser.sign_in().await;

    browser.click_when_enabled("#submit").await;
    let invalid = browser.wait_for_text("#not-sent-invalid", "Not sent until corrected").await;
    browser.find("#confirm-submit").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Submitted at").await;
    let sent = from_trust_info(&stand_in.holdings(APP_KEY)["draft"]);
    assert_eq!(sent.text(ids::SECURITY_POLICY), PUBLISHED_LINK, "customers still read the published link");
    assert!(invalid.contains(&format!("The Marketplace keeps: {PUBLISHED_LINK}")), "{invalid}");
    browser.close().await;
}

/// Sequence 3: app X's export imported into a new app Y: Y's first PUT carries nothing of X's
/// record (the fresh read of Y finds none).
#[tokio::test]
async fn an_import_into_a_new_app_never_carries_the_other_apps_record() {
    let stand_in = StandIn::start();
    let mut x = Draft::new("com.example.app-x", answers_with_contact("x@vendor.example.com"), 1_764_000_000_000.0);
    let mut record = to_trust_info(&x.answers);
    record["vendorOnly"] = json!({ "permissionsJustification": "X's own reasons" });
    x.raw_trust_info = Some(record);
    let file = export_json(&x);

    let browser = Browser::start().await;
    browser.open_with_draft(&stand_in, &Answers::new()).await;
    let y = "com.example.app-y";
    open_other_app(&browser, y).await;
    browser.pick_import_file("app-x.json", &file).await;
    let preview = browser.wait_for_text(".import-preview", "Import “app-x.json”?").await;
    browser.find(".apply-import").await.click().await.unwrap();
    let status = browser.wait_for_text(".autosave-status", "Imported “app-x.json”").await;
    browser.sign_in().await;
    browser.submit().await;
    browser.wait_for_text("#submit-status", "Submitted at").await;

    let sent = stand_in.holdings(y)["draft"].clone();
    assert_eq!(sent.get("vendorOnly"), None, "nothing of app X's record: {sent}");
    assert_eq!(from_trust_info(&sent).text(ids::SECURITY_CONTACT), "x@vendor.example.com", "X's answers, though");
    assert!(preview.contains(&format!("replaces your draft of “{y}”")), "{preview}");
    assert!(status.contains(&format!("saved it as your draft of {y}")), "{status}");
    browser.close().await;
}

/// Sequence 4: "Import into my draft" from a review link names the draft it replaces, and an
/// undo brings the partner's own answers back.
#[tokio::test]
async fn a_review_link_import_names_the_draft_it_replaces_and_can_be_undone() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_with_draft(&stand_in, &answers_with_contact("mine@vendor.example.com")).await;
    let link = format!("{}review#{}", stand_in.app_url(), review_fragment(&answers_with_contact("theirs@example.com")));
    browser.client.goto(&link).await.unwrap();

    browser.click_when_enabled("#import-review").await;
    let preview = browser.wait_for_text(".import-preview", "Importing it").await;
    assert!(preview.contains(&format!("replaces your draft of “{APP_KEY}”")), "{preview}");
    browser.find(".apply-import").await.click().await.unwrap();
    let value = async || browser.contact_on_form().await;
    wait_for_eq("the imported contact", "theirs@example.com".to_owned(), value).await;

    let notice = browser.wait_for_text(".undo-notice", "replaced by an import").await;
    assert!(notice.contains(APP_KEY), "{notice}");
    browser.find(".undo-notice .undo-discard").await.click().await.unwrap();
    wait_for_eq("the partner's own contact", "mine@vendor.example.com".to_owned(), value).await;
    let stored = async || browser.stored_contact(APP_KEY).await;
    wait_for_eq("the stored contact", "mine@vendor.example.com".to_owned(), stored).await;
    browser.close().await;
}

/// Sequence 8: on a review link, the view toggle keeps the address as it was sent: the
/// reader's own app key never goes into a link they may share on.
#[tokio::test]
async fn the_review_pages_view_toggle_never_writes_the_readers_app_key_into_the_link() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_with_draft(&stand_in, &answers_with_contact("mine@vendor.example.com")).await;
    let fragment = review_fragment(&answers_with_contact("theirs@example.com"));
    browser.client.goto(&format!("{}review#{fragment}", stand_in.app_url())).await.unwrap();
    let url = async || browser.client.current_url().await.unwrap().to_string();

    browser.click_when_enabled("#review-page .show-expanded").await;
    let expanded = format!("{}review?view=expanded#{fragment}", stand_in.app_url());
    wait_for_eq("the link, expanded", expanded, url).await;
    browser.click_when_enabled("#review-page .show-default").await;
    wait_for_eq("the link as sent", format!("{}review#{fragment}", stand_in.app_url()), url).await;
    browser.close().await;
}

/// Sequence 7: Send reads the current record first; when it cannot (the Marketplace answers
/// 503 to every read), nothing is sent until the partner chooses to send over the record read
/// last, which the page names by when it was read.
#[tokio::test]
async fn send_waits_for_the_current_record_and_asks_before_sending_over_the_last_one_read() {
    let stand_in = StandIn::start();
    let answers = answers_with_contact("now@vendor.example.com");
    let mut kept = to_trust_info(&answers_with_contact("then@vendor.example.com"));
    kept["vendorOnly"] = json!({ "readEarlier": true });
    let mut draft = Draft::new(APP_KEY, answers, 1_764_000_000_000.0);
    draft.raw_trust_info = Some(kept);
    draft.record_read_at = Some(1_764_000_000_000.0);
    let browser = Browser::start().await;
    browser
        .open_with_storage(
            &stand_in.app_url(),
            &[("privacy-tab:last-app-key", APP_KEY.to_owned()), (&draft_key(APP_KEY), draft.to_json())],
        )
        .await;
    browser.wait_for_text(".autosave-status", "Restored your draft").await;
    browser.sign_in().await;
    stand_in.set_faults(json!({"status": 503, "methods": ["GET"]}));

    browser.submit().await;
    let offer = browser
        .wait_until_text_within(PATIENCE * 2, "#submit-status", "the offer", |t| t.contains("Send over the record"))
        .await;
    assert_eq!(stand_in.received("PUT"), 0, "nothing sent over a record that may be stale, unasked");
    assert!(offer.contains("could not be read, so nothing was sent"), "{offer}");
    browser.find("#send-over-last-record").await.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Submitted at").await;
    let sent = stand_in.holdings(APP_KEY)["draft"].clone();
    assert_eq!(sent["vendorOnly"], json!({ "readEarlier": true }), "over the record read last: {sent}");
    assert_eq!(from_trust_info(&sent).text(ids::SECURITY_CONTACT), "now@vendor.example.com");
    browser.close().await;
}

/// Puts `local` in local storage and `durable` in the crash-safe IndexedDB copy of the demo
/// app's draft, from a page of the origin where the app does not run, then opens the app.
async fn open_with_copies(browser: &Browser, stand_in: &StandIn, local: &str, durable: &str) {
    browser.client.goto(&format!("{}/_stand-in/health", stand_in.origin)).await.unwrap();
    browser.forget_durable_drafts().await;
    browser
        .execute(
            "localStorage.clear(); localStorage.setItem('privacy-tab:last-app-key', arguments[0]); \
             localStorage.setItem(arguments[1], arguments[2]);",
            vec![json!(APP_KEY), json!(draft_key(APP_KEY)), json!(local)],
        )
        .await;
    let script = "const [name, key, text, done] = arguments; const open = indexedDB.open(name, 1); \
                  open.onupgradeneeded = () => open.result.createObjectStore('drafts'); \
                  open.onerror = () => done(false); \
                  open.onsuccess = () => { const tx = open.result.transaction('drafts', 'readwrite'); \
                  tx.objectStore('drafts').put(text, key); \
                  tx.oncomplete = () => { open.result.close(); done(true); }; };";
    let args = vec![json!(questionnaire::draft::DURABLE_DATABASE), json!(draft_key(APP_KEY)), json!(durable)];
    assert_eq!(browser.client.execute_async(script, args).await.unwrap(), json!(true));
    browser.open_app(&stand_in.app_url()).await;
}

async fn wait_for_contact(browser: &Browser, expected: &str) {
    let value = async || browser.contact_on_form().await;
    wait_for_eq("the security contact on the form", expected.to_owned(), value).await;
}

/// Sequence 5: local storage unreadable, the crash-safe copy good: the good copy is the draft,
/// and local storage holds it again.
#[tokio::test]
async fn a_damaged_local_copy_never_hides_the_crash_safe_copy() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    let good = Draft::new(APP_KEY, answers_with_contact("kept@vendor.example.com"), 1_764_000_000_000.0);
    open_with_copies(&browser, &stand_in, "{ \"appKey\": damaged", &good.to_json()).await;
    wait_for_contact(&browser, "kept@vendor.example.com").await;
    let stored = async || browser.stored_contact(APP_KEY).await;
    wait_for_eq("local storage's copy", "kept@vendor.example.com".to_owned(), stored).await;
    browser.close().await;
}

/// Sequence 6: the crash-safe copy is a later save than local storage's (the tab lost its last
/// local write), but its clock was stepped back: it wins by lineage.
#[tokio::test]
async fn the_newer_copy_wins_by_lineage_whatever_the_clocks_say() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    let mut older = Draft::new(APP_KEY, answers_with_contact("older@vendor.example.com"), 9_000_000_000_000.0);
    older.revision = 11;
    let mut newer = Draft::new(APP_KEY, answers_with_contact("newer@vendor.example.com"), 1_000_000_000_000.0);
    (newer.revision, newer.parent, newer.ancestors) = (12, 11, vec![11]);
    open_with_copies(&browser, &stand_in, &older.to_json(), &newer.to_json()).await;
    wait_for_contact(&browser, "newer@vendor.example.com").await;
    browser.close().await;
}
