//! "Start from another app's answers" (issue 23): a vendor with many apps copies the answers of
//! another app, from its draft in this browser or else its live version, as an import: shown
//! first, naming the draft it replaces, undoable, and never carrying the other app's record.

use e2e::fixtures::{answers_with_contact, draft_json, draft_key};
use e2e::{wait_for_eq, Browser, StandIn, DEMO_APP_KEY as APP_KEY};
use questionnaire::catalogue::ids;
use questionnaire::draft::Draft;
use questionnaire::wire::{from_trust_info, to_trust_info};
use serde_json::json;

const OTHER_APP: &str = "com.example.sister-app";

/// Opens "Start from another app's answers", names `other` and copies: returns the import's
/// preview as the partner reads it.
async fn copy_answers_of(browser: &Browser, other: &str) -> String {
    browser.click_when_enabled(".start-from-app").await;
    let field = browser.find("#start-from-app-key").await;
    field.clear().await.unwrap();
    field.send_keys(other).await.unwrap();
    browser.find("#start-from-app-copy").await.click().await.unwrap();
    browser.wait_for_text(".import-preview", &format!("Import “the answers of {other}”?")).await
}

/// From the other app's draft in this browser: the preview names the draft it replaces, the
/// answers arrive, the status line offers the undo, and the submit carries nothing of the other
/// app's record.
#[tokio::test]
async fn another_apps_draft_brings_its_answers_never_its_record_and_can_be_undone() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    let mut other = Draft::new(OTHER_APP, answers_with_contact("sister@vendor.example.com"), 1_764_000_000_000.0);
    let mut other_record = to_trust_info(&other.answers);
    other_record["vendorOnly"] = json!({ "permissionsJustification": "the sister app's own reasons" });
    other.raw_trust_info = Some(other_record);
    browser
        .open_with_storage(
            &stand_in.app_url(),
            &[
                ("privacy-tab:last-app-key", APP_KEY.to_owned()),
                (&draft_key(APP_KEY), draft_json(APP_KEY, &answers_with_contact("mine@vendor.example.com"))),
                (&draft_key(OTHER_APP), other.to_json()),
            ],
        )
        .await;
    browser.wait_for_text(".autosave-status", "Restored your draft").await;

    let preview = copy_answers_of(&browser, OTHER_APP).await;
    assert!(preview.contains("another app's answers"), "{preview}");
    assert!(preview.contains(&format!("replaces your draft of “{APP_KEY}”")), "{preview}");
    assert_eq!(
        browser.contact_on_form().await,
        "mine@vendor.example.com",
        "nothing changes before the partner says so"
    );
    browser.find(".apply-import").await.click().await.unwrap();
    wait_for_eq("the copied contact", "sister@vendor.example.com".to_owned(), async || browser.contact_on_form().await)
        .await;

    let notice = browser.wait_for_text(".undo-notice", APP_KEY).await;
    browser.find(".undo-notice .undo-discard").await.click().await.unwrap();
    wait_for_eq("the partner's own contact", "mine@vendor.example.com".to_owned(), async || {
        browser.contact_on_form().await
    })
    .await;
    assert_eq!(
        browser.stored_contact(OTHER_APP).await,
        "sister@vendor.example.com",
        "the other app's draft is read, never changed"
    );

    copy_answers_of(&browser, OTHER_APP).await;
    browser.find(".apply-import").await.click().await.unwrap();
    wait_for_eq("the copied contact", "sister@vendor.example.com".to_owned(), async || browser.contact_on_form().await)
        .await;
    browser.sign_in().await;
    browser.submit().await;
    browser.wait_for_text("#submit-status", "Submitted at").await;
    let sent = stand_in.holdings(APP_KEY)["draft"].clone();
    assert_eq!(sent.get("vendorOnly"), None, "nothing of the other app's record: {sent}");
    assert_eq!(from_trust_info(&sent).text(ids::SECURITY_CONTACT), "sister@vendor.example.com");
    assert_eq!(stand_in.holdings(OTHER_APP)["draft"], serde_json::Value::Null, "nothing sent for the other app");
    assert!(notice.contains("Undo"), "{notice}");
    browser.close().await;
}

/// With no draft of the other app in this browser, its live version on the Marketplace is
/// read, and its answers (only) are offered the same way.
#[tokio::test]
async fn another_apps_live_version_is_read_when_this_browser_holds_no_draft_of_it() {
    let stand_in = StandIn::start();
    let mut live = to_trust_info(&answers_with_contact("live@vendor.example.com"));
    live["vendorOnly"] = json!({ "permissionsJustification": "the sister app's own reasons" });
    stand_in.seed_live(OTHER_APP, &live);
    let browser = Browser::start().await;
    browser.open_with_draft(&stand_in, &answers_with_contact("mine@vendor.example.com")).await;
    browser.sign_in().await;

    let preview = copy_answers_of(&browser, OTHER_APP).await;
    assert!(preview.contains(&format!("replaces your draft of “{APP_KEY}”")), "{preview}");
    browser.find(".apply-import").await.click().await.unwrap();
    wait_for_eq("the live contact", "live@vendor.example.com".to_owned(), async || browser.contact_on_form().await)
        .await;
    browser.submit().await;
    browser.wait_for_text("#submit-status", "Submitted at").await;
    let sent = stand_in.holdings(APP_KEY)["draft"].clone();
    assert_eq!(sent.get("vendorOnly"), None, "nothing of the other app's record: {sent}");
    assert_eq!(from_trust_info(&sent).text(ids::SECURITY_CONTACT), "live@vendor.example.com");
    browser.close().await;
}

/// Naming the open app itself, or no app, changes nothing and says what to do.
#[tokio::test]
async fn naming_the_open_app_itself_changes_nothing_and_says_so() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_with_draft(&stand_in, &answers_with_contact("mine@vendor.example.com")).await;
    browser.click_when_enabled(".start-from-app").await;
    browser.find("#start-from-app-key").await.send_keys(APP_KEY).await.unwrap();
    browser.find("#start-from-app-copy").await.click().await.unwrap();
    browser.wait_for_text(".start-from-app-form [role=alert]", "Enter the key of another app.").await;
    assert!(!browser.exists(".import-preview").await, "no import offered");
    assert_eq!(browser.contact_on_form().await, "mine@vendor.example.com");
    browser.close().await;
}
