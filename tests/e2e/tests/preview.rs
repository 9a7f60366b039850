//! The preview as a partner meets it: beside the form while typing, the full-page "Save and
//! preview" with "Edit draft" and "Submit and publish", what changes against the live version,
//! and hostile input shown harmlessly.

use e2e::fixtures::{half_answers, realistic_answers};
use e2e::{eventually, Browser, StandIn};
use fantoccini::key::Key;
use questionnaire::answers::Answer;
use questionnaire::catalogue::ids::{self, choice};
use questionnaire::catalogue::QuestionId;
use questionnaire::wire::to_trust_info;
use serde_json::json;

use e2e::DEMO_APP_KEY as APP_KEY;

fn control(id: QuestionId) -> String {
    format!("#q-{id}")
}

fn pick(id: QuestionId, choice: &str) -> String {
    format!("#q-{id}-{choice}")
}

/// The answer shown for a question in the side pane.
fn pane_value(id: QuestionId) -> String {
    format!("#preview-pane [data-question={id}] .listing-value")
}

fn page_value(id: QuestionId) -> String {
    format!("#preview-page [data-question={id}] .listing-value")
}

async fn open_app() -> (StandIn, Browser) {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_app(&stand_in.app_url()).await;
    browser.find(&pick(ids::STORES_EUD, "yes")).await;
    (stand_in, browser)
}

async fn displayed(browser: &Browser, css: &str) -> bool {
    browser.find(css).await.is_displayed().await.unwrap()
}

async fn script(browser: &Browser, js: &str) -> serde_json::Value {
    browser.client.execute(js, vec![]).await.unwrap()
}

#[tokio::test]
async fn the_preview_beside_the_form_follows_what_the_partner_types() {
    let (_stand_in, browser) = open_app().await;
    assert!(displayed(&browser, "#preview-pane").await, "wide screens show the preview beside the form");
    browser.wait_for_text(&pane_value(ids::STORES_EUD), "Response not provided by the partner").await;
    let bounty =
        browser.wait_for_text(&pane_value(ids::BUG_BOUNTY), "Information already available with Atlassian").await;
    assert!(bounty.to_lowercase().contains("from atlassian"), "{bounty}");

    browser.find(&pick(ids::STORES_EUD, choice::YES)).await.click().await.unwrap();
    let stores = browser.wait_for_text(&pane_value(ids::STORES_EUD), "Yes").await;
    assert!(stores.contains("The app stores End-User Data outside Atlassian products and services."), "{stores}");
    let types = browser.find(&control(ids::STORED_DATA_TYPES)).await;
    types.send_keys(&format!("IP address{}", char::from(Key::Enter))).await.unwrap();
    browser.wait_for_text(&pane_value(ids::STORED_DATA_TYPES), "IP address").await;

    // The security contact is in the expanded view only.
    browser.find(&control(ids::SECURITY_CONTACT)).await.send_keys("security@example.com").await.unwrap();
    assert!(!displayed(&browser, &pane_value(ids::SECURITY_CONTACT)).await, "hidden in the default view");
    assert!(
        !displayed(&browser, "#preview-pane [data-section=logging]").await,
        "a section with no default rows is hidden"
    );
    browser.find("#preview-pane .show-expanded").await.click().await.unwrap();
    assert!(displayed(&browser, &pane_value(ids::SECURITY_CONTACT)).await, "shown in the expanded view");
    assert!(displayed(&browser, "#preview-pane [data-section=logging]").await);
    browser.wait_for_text(&pane_value(ids::SECURITY_CONTACT), "security@example.com").await;
    let pressed = browser.find("#preview-pane .show-expanded").await.attr("aria-pressed").await.unwrap();
    assert_eq!(pressed.as_deref(), Some("true"));
    browser.find("#preview-pane .show-default").await.click().await.unwrap();
    assert!(!displayed(&browser, &pane_value(ids::SECURITY_CONTACT)).await, "back to the default view");
    browser.close().await;
}

#[tokio::test]
async fn hostile_input_is_shown_as_text_and_never_breaks_the_layout() {
    let (_stand_in, browser) = open_app().await;
    browser.find(&pick(ids::STORES_EUD, choice::YES)).await.click().await.unwrap();
    let markup = r#"<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">"#;
    let long_word = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(8);
    let types = browser.find(&control(ids::STORED_DATA_TYPES)).await;
    for item in [markup, long_word.as_str()] {
        types.send_keys(&format!("{item}{}", char::from(Key::Enter))).await.unwrap();
    }
    browser.find(&control(ids::SECURITY_POLICY)).await.send_keys("javascript:alert(1)").await.unwrap();
    let long_link = format!("https://example.com/{}", "a".repeat(300));
    browser.find(&control(ids::PRIVACY_POLICY)).await.send_keys(&long_link).await.unwrap();
    browser.find("#preview-pane .show-expanded").await.click().await.unwrap();

    let shown = browser.wait_for_text(&pane_value(ids::STORED_DATA_TYPES), "<script>").await;
    assert!(shown.contains(markup), "the markup is shown as typed: {shown}");
    let injected = script(
        &browser,
        "return document.querySelectorAll('#preview-pane .listing-tab script, #preview-pane .listing-tab img').length",
    )
    .await;
    assert_eq!(injected, json!(0), "no element was made from the partner's text");
    assert_eq!(script(&browser, "return window.pwned === undefined").await, json!(true));

    let policy = browser.wait_for_text(&pane_value(ids::SECURITY_POLICY), "javascript:alert(1)").await;
    assert!(policy.contains("javascript:alert(1)"));
    assert!(!browser.exists(&format!("{} a", pane_value(ids::SECURITY_POLICY))).await, "no link for javascript:");
    let link = browser.find(&format!("{} a", pane_value(ids::PRIVACY_POLICY))).await;
    assert_eq!(link.attr("href").await.unwrap().as_deref(), Some(long_link.as_str()));
    assert_eq!(link.attr("target").await.unwrap().as_deref(), Some("_blank"));
    assert_eq!(link.attr("rel").await.unwrap().as_deref(), Some("noopener noreferrer nofollow"));

    let overflow = script(
        &browser,
        "const tab = document.querySelector('#preview-pane .listing-tab');
         const pane = document.querySelector('#preview-pane');
         const page = document.documentElement;
         return [tab.scrollWidth - tab.clientWidth, pane.scrollWidth - pane.clientWidth, page.scrollWidth - page.clientWidth];",
    )
    .await;
    assert_eq!(overflow, json!([0, 0, 0]), "nothing is wider than its box (tab, pane, page)");
    browser.screenshot("preview-hostile-input").await;
    browser.close().await;
}

#[tokio::test]
async fn save_and_preview_shows_the_tab_full_page_then_edit_draft_or_submit_and_publish() {
    let (stand_in, browser) = open_app().await;
    let mut shots = Vec::new();

    browser.plant_answers(APP_KEY, half_answers()).await;
    browser.find("#save-and-preview").await.click().await.unwrap();
    browser.find("#preview-page").await;
    assert!(!displayed(&browser, "#save-and-preview").await, "the form steps aside");
    let active = browser.client.active_element().await.unwrap().attr("id").await.unwrap();
    assert_eq!(active.as_deref(), Some("preview-page-title"), "focus moves to the preview's heading");
    browser.wait_for_text(&page_value(ids::GDPR_CONTROLLER), "Response not provided by the partner").await;
    browser.wait_for_text(&page_value(ids::STORES_EUD), "Yes").await;
    shots.push(browser.screenshot("preview-half-answered-default").await);
    browser.find("#preview-page .show-expanded").await.click().await.unwrap();
    browser.wait_for_text(&page_value(ids::SECURITY_CONTACT), "security@example.com").await;
    shots.push(browser.screenshot("preview-half-answered-expanded").await);

    browser.find("#edit-draft").await.click().await.unwrap();
    assert!(displayed(&browser, "#save-and-preview").await, "Edit draft brings the form back");
    let active = browser.client.active_element().await.unwrap().attr("id").await.unwrap();
    assert_eq!(active.as_deref(), Some("save-and-preview"), "focus returns to where the partner left");
    assert!(!browser.exists("#preview-page").await);
    let yes = browser.find(&pick(ids::STORES_EUD, choice::YES)).await;
    assert_eq!(yes.prop("checked").await.unwrap().as_deref(), Some("true"), "the answers are still there");

    browser.plant_answers(APP_KEY, realistic_answers()).await;
    browser.find("#account-email").await.send_keys(e2e::stand_in::EMAIL).await.unwrap();
    browser.find("#api-token").await.send_keys(e2e::stand_in::TOKEN).await.unwrap();
    browser.find("#save-and-preview").await.click().await.unwrap();
    let residency = browser.wait_for_text(&page_value(ids::DATA_RESIDENCY), "Yes. App supports data residency").await;
    assert!(!residency.contains("Response not provided"), "{residency}");
    browser.wait_for_text("#preview-page .change-summary", "Nothing is live for this app yet").await;
    assert!(!browser.exists("#preview-page .listing-row.changed").await, "nothing to mark before the first publish");
    let not_provided = script(&browser, "return document.querySelectorAll('#preview-page .not-provided').length").await;
    assert_eq!(not_provided, json!(0), "a full questionnaire leaves nothing unanswered");
    shots.push(browser.screenshot("preview-fully-answered-default").await);
    browser.find("#preview-page .show-expanded").await.click().await.unwrap();
    browser.wait_for_text(&page_value(ids::CERTIFICATIONS), "ISO 27018").await;
    let parties = browser.wait_for_text(&page_value(ids::THIRD_PARTIES), "Amazon Web Services").await;
    assert!(parties.contains("Cloud hosting") && parties.contains("Germany, United States"), "{parties}");
    shots.push(browser.screenshot("preview-fully-answered-expanded").await);

    // The snippet embeds this app's tab elsewhere, reading the live version from this origin.
    let snippet = browser.find("#embed-code").await.prop("value").await.unwrap().unwrap_or_default();
    assert!(snippet.contains(&format!(r#"data-app-key="{APP_KEY}""#)), "{snippet}");
    assert!(snippet.contains(&format!(r#"data-source="{}/rest/2""#, stand_in.origin)), "{snippet}");
    assert!(
        snippet.contains(&format!(r#"src="{}/widget/privacy-tab-widget_loader.js""#, stand_in.origin)),
        "{snippet}"
    );
    browser.find("#embed-inline").await.click().await.unwrap();
    let inline = browser.find("#embed-code").await.prop("value").await.unwrap().unwrap_or_default();
    assert!(
        inline.contains(r#"<script type="application/json">"#) && inline.contains("security@example.com"),
        "{inline}"
    );

    // "Submit and publish" opens the review of what is sent, under the form with the credentials.
    browser.find("#submit-and-publish").await.click().await.unwrap();
    let confirm = browser.find("#confirm-submit").await;
    assert!(!browser.exists("#preview-page").await, "back on the form page, at the review");
    let active = browser.client.active_element().await.unwrap().attr("id").await.unwrap();
    assert_eq!(active.as_deref(), Some("submit-review-heading"), "focus lands on the review");
    confirm.click().await.unwrap();
    browser.wait_for_text("#submit-status", "Submitted at").await;
    let held = stand_in.holdings(APP_KEY);
    assert_eq!(held["draft"]["security"]["securityContact"], "security@example.com", "stand-in holds: {held}");
    for shot in shots {
        assert!(std::fs::metadata(&shot).unwrap().len() > 10_000, "{} is a real picture", shot.display());
        println!("screenshot: {}", shot.display());
    }
    browser.close().await;
}

#[tokio::test]
async fn changes_against_the_live_version_are_marked_and_summed_up() {
    let stand_in = StandIn::start();
    stand_in.seed_live(APP_KEY, &to_trust_info(&half_answers()));
    let browser = Browser::start().await;
    browser.open_app(&stand_in.app_url()).await;
    browser.plant_answers(APP_KEY, half_answers()).await;
    browser.wait_for_text("#preview-pane .change-summary", "Nothing changes").await;

    browser.find(&pick(ids::DATA_RESIDENCY, choice::RESIDENCY_WITHIN_ATLASSIAN)).await.click().await.unwrap();
    browser.find(&pick(ids::HAS_DPA, choice::YES)).await.click().await.unwrap();
    browser.find(&control(ids::DPA_LINK)).await.send_keys("https://example.com/dpa").await.unwrap();
    // The privacy policy is a listing field the API has no field for: it is not sent, so it
    // changes nothing.
    browser.find(&control(ids::PRIVACY_POLICY)).await.send_keys("https://example.com/privacy").await.unwrap();

    let summary = browser.wait_for_text("#preview-pane .change-summary", "3 answers change what customers see").await;
    assert!(
        summary.contains("Data residency: No. App does not support data residency options. → Yes. App stores End-User Data exclusively within Atlassian"),
        "{summary}"
    );
    assert!(
        summary.contains("Data Processing Agreement (DPA): Response not provided by the partner → Yes"),
        "{summary}"
    );
    assert!(
        summary.contains("Data Processing Agreement: Response not provided by the partner → https://example.com/dpa"),
        "{summary}"
    );
    assert!(!summary.contains("privacy policy"), "{summary}");
    let row = browser.find(&format!("#preview-pane [data-question={}]", ids::DATA_RESIDENCY)).await;
    assert!(row.attr("class").await.unwrap().unwrap_or_default().contains("changed"));
    let was = browser.wait_for_text(&pane_value(ids::DATA_RESIDENCY), "Customers see now").await;
    assert!(was.contains("No. App does not support data residency options."), "{was}");
    assert!(!browser.exists(&format!("#preview-pane [data-question={}].changed", ids::STORES_EUD)).await);

    // Picking back what is live is no change.
    browser.find(&pick(ids::DATA_RESIDENCY, choice::RESIDENCY_NOT_SUPPORTED)).await.click().await.unwrap();
    let summary = browser.wait_for_text("#preview-pane .change-summary", "2 answers change").await;
    assert!(!summary.contains("Data residency:"), "{summary}");
    assert!(!browser.exists(&format!("#preview-pane [data-question={}].changed", ids::DATA_RESIDENCY)).await);

    browser.find(&pick(ids::DISK_ENCRYPTION, choice::NO)).await.click().await.unwrap();
    browser.find("#save-and-preview").await.click().await.unwrap();
    let page_summary = browser.wait_for_text("#preview-page .change-summary", "3 answers change").await;
    assert!(page_summary.contains("Full disk encryption at rest: Yes → No"), "{page_summary}");
    browser.screenshot("preview-changes-against-live").await;
    browser.close().await;
}

#[tokio::test]
async fn narrow_screens_switch_between_the_form_and_the_preview() {
    let (_stand_in, browser) = open_app().await;
    browser.client.set_window_size(760, 900).await.unwrap();
    assert!(!displayed(&browser, "#preview-pane").await, "one column at a time");
    browser.find(&pick(ids::STORES_EUD, choice::NO)).await.click().await.unwrap();
    browser.find("#show-preview").await.click().await.unwrap();
    assert!(displayed(&browser, "#preview-pane").await);
    assert!(!displayed(&browser, &pick(ids::STORES_EUD, choice::NO)).await, "the form steps aside");
    browser.wait_for_text(&pane_value(ids::STORES_EUD), "No").await;
    browser.screenshot("preview-narrow-screen").await;
    browser.find("#show-form").await.click().await.unwrap();
    assert!(displayed(&browser, &pick(ids::STORES_EUD, choice::NO)).await);
    browser.close().await;
}

#[tokio::test]
async fn unanswered_follow_ups_read_not_provided_and_hidden_ones_vanish() {
    let (_stand_in, browser) = open_app().await;
    let mut answers = half_answers();
    answers.set(ids::GDPR_PROCESSOR_DATA, Answer::List(vec![]));
    browser.plant_answers(APP_KEY, answers).await;
    browser.wait_for_text(&pane_value(ids::GDPR_PROCESSOR_DATA), "Response not provided by the partner").await;
    browser.find(&pick(ids::GDPR_PROCESSOR, choice::NO)).await.click().await.unwrap();
    eventually("a follow-up that is not asked is not listed", async || {
        !browser.exists(&pane_value(ids::GDPR_PROCESSOR_DATA)).await
    })
    .await;
    browser.close().await;
}

#[tokio::test]
async fn printing_gives_the_whole_tab_and_nothing_to_click() {
    let (_stand_in, browser) = open_app().await;
    browser.plant_answers(APP_KEY, realistic_answers()).await;
    browser.find(&pane_value(ids::SECURITY_CONTACT)).await;

    // From the form: only the preview prints, expanded.
    browser.emulate_print(true).await;
    assert!(!displayed(&browser, ".questionnaire").await, "the form does not print");
    assert!(!displayed(&browser, ".page-header").await);
    assert!(displayed(&browser, &pane_value(ids::SECURITY_CONTACT)).await, "expanded-only rows print");
    assert!(!displayed(&browser, "#preview-pane .view-toggle").await, "no buttons on paper");
    browser.emulate_print(false).await;

    browser.find("#save-and-preview").await.click().await.unwrap();
    browser.find("#preview-page").await;
    assert!(!displayed(&browser, &page_value(ids::SECURITY_CONTACT)).await, "the default view on screen");
    browser.emulate_print(true).await;
    for hidden in [
        "#edit-draft",
        "#submit-and-publish",
        "#preview-page .view-toggle",
        ".embed-snippet",
        "#preview-page .change-summary",
    ] {
        assert!(!displayed(&browser, hidden).await, "{hidden} does not print");
    }
    assert!(displayed(&browser, &page_value(ids::SECURITY_CONTACT)).await, "the whole tab prints");
    let title = browser.find("#preview-page .print-title").await.text().await.unwrap();
    assert_eq!(title, format!("Privacy & Security information for {APP_KEY}"));
    browser.screenshot("preview-print").await;
    browser.close().await;
}
