//! The questionnaire form as a partner meets it: follow-ups, validation, the error summary,
//! third-party rows.

use e2e::{Browser, StandIn};
use fantoccini::key::Key;
use questionnaire::catalogue::{ids, QuestionId};

fn control(id: QuestionId) -> String {
    format!("#q-{id}")
}

fn choice(id: QuestionId, choice: &str) -> String {
    format!("#q-{id}-{choice}")
}

async fn open_form() -> (StandIn, Browser) {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_app(&stand_in.app_url()).await;
    browser.find(&choice(ids::STORES_EUD, "yes")).await;
    (stand_in, browser)
}

#[tokio::test]
async fn follow_ups_come_and_go_with_their_answer_and_keep_what_was_typed() {
    let (_stand_in, browser) = open_form().await;
    browser.find(&choice(ids::STORES_EUD, "yes")).await.click().await.unwrap();
    let types = browser.find(&control(ids::STORED_DATA_TYPES)).await;
    types.send_keys(&format!("Email address{}", char::from(Key::Enter))).await.unwrap();

    browser.find(&choice(ids::STORES_EUD, "no")).await.click().await.unwrap();
    assert!(!browser.exists(&control(ids::STORED_DATA_TYPES)).await, "No hides the data types");
    browser.wait_for_text(".hidden-answers", "1 answer belongs to a question that your other answers now hide").await;

    browser.find(&choice(ids::STORES_EUD, "yes")).await.click().await.unwrap();
    browser.wait_for_text(&format!("[data-question={}] .chips", ids::STORED_DATA_TYPES), "Email address").await;

    // The transfer-mechanism question is asked only when EEA data leaves the EEA.
    assert!(!browser.exists(&choice(ids::TRANSFER_MECHANISM, "yes")).await);
    browser.find(&choice(ids::TRANSFERS_EEA_DATA, "yes")).await.click().await.unwrap();
    browser.find(&choice(ids::TRANSFER_MECHANISM, "yes")).await;
    browser.close().await;
}

#[tokio::test]
async fn apps_without_end_user_data_are_not_asked_the_data_questions() {
    let (_stand_in, browser) = open_form().await;
    assert!(browser.exists(&choice(ids::LOGS_EUD, "yes")).await, "asked while unanswered");
    browser.find(&choice(ids::STORES_EUD, "no")).await.click().await.unwrap();
    browser.find(&choice(ids::PROCESSES_EUD, "no")).await.click().await.unwrap();
    assert!(!browser.exists(&choice(ids::LOGS_EUD, "yes")).await, "logging is not asked");
    assert!(!browser.exists(&choice(ids::SHARES_EUD, "yes")).await, "third parties are not asked");
    assert!(browser.exists(&control(ids::SECURITY_CONTACT)).await, "security questions still are");
    browser.close().await;
}

#[tokio::test]
async fn a_bad_link_or_email_is_explained_once_the_partner_leaves_the_field() {
    let (_stand_in, browser) = open_form().await;
    let policy = browser.find(&control(ids::SECURITY_POLICY)).await;
    policy.send_keys("javascript:alert(1)").await.unwrap();
    let error = format!("#q-{}-error", ids::SECURITY_POLICY);
    assert_eq!(browser.find(&error).await.text().await.unwrap(), "", "no message while typing the first time");
    policy.send_keys(&char::from(Key::Tab).to_string()).await.unwrap();
    browser.wait_for_text(&error, "https://").await;

    // From then on it is checked on every change: fixing it clears the message at once.
    policy.clear().await.unwrap();
    policy.send_keys("https://example.com/security").await.unwrap();
    browser.wait_until_text(&error, "become empty", str::is_empty).await;

    let contact = browser.find(&control(ids::SECURITY_CONTACT)).await;
    contact.send_keys(&format!("security-at-example.com{}", char::from(Key::Tab))).await.unwrap();
    browser.wait_for_text(&format!("#q-{}-error", ids::SECURITY_CONTACT), "like security@example.com").await;
    browser.close().await;
}

#[tokio::test]
async fn save_and_preview_lists_every_problem_and_each_link_focuses_its_field() {
    let (_stand_in, browser) = open_form().await;
    browser.find(&choice(ids::RETAINS_AFTER_UNINSTALL, "yes")).await.click().await.unwrap();
    browser.find(&format!("#q-{}-min", ids::RETENTION_DAYS)).await.send_keys("thirty").await.unwrap();
    browser.find(&control(ids::SECURITY_CONTACT)).await.send_keys("nobody").await.unwrap();
    browser.find("#save-and-preview").await.click().await.unwrap();

    let summary = browser.wait_for_text("#error-summary", "There are problems with").await;
    assert!(summary.contains("Data retention"), "names the section: {summary}");
    let active = browser.client.active_element().await.unwrap();
    assert_eq!(active.attr("id").await.unwrap().as_deref(), Some("error-summary"), "focus moves to the summary");

    // The summary lists every problem with what was typed, in the questionnaire's order, each
    // linking to the box to fix.
    let expected = [
        (format!("#q-{}-min", ids::RETENTION_DAYS), "Enter the minimum number of days as a whole number, like 0."),
        (format!("#q-{}-max", ids::RETENTION_DAYS), "Enter the maximum number of days, like 30."),
        (format!("#q-{}", ids::SECURITY_CONTACT), "Add the @ and the domain, like security@example.com."),
    ];
    let links = browser.client.find_all(fantoccini::Locator::Css("#error-summary > ul > li > a")).await.unwrap();
    let mut listed = Vec::new();
    for link in &links {
        listed.push((link.attr("href").await.unwrap().unwrap_or_default(), link.text().await.unwrap()));
    }
    assert_eq!(listed.len(), expected.len(), "one link per problem: {listed:?}");
    for ((href, text), (target, message)) in listed.iter().zip(&expected) {
        assert_eq!(href, target, "{text:?}");
        assert!(text.contains(message), "{text:?} says {message:?}");
    }
    for (link, (target, _)) in links.into_iter().zip(&expected) {
        link.click().await.unwrap();
        assert_eq!(format!("#{}", browser.focused_id().await), *target, "the link focuses its own field");
    }
    browser.close().await;
}

#[tokio::test]
async fn third_parties_are_added_removed_and_a_removal_can_be_undone() {
    let (_stand_in, browser) = open_form().await;
    browser.find(&choice(ids::STORES_EUD, "yes")).await.click().await.unwrap();
    browser.find(&choice(ids::SHARES_EUD, "yes")).await.click().await.unwrap();
    let row = |index: usize, column: &str| format!("#q-{}-{index}-{column}", ids::THIRD_PARTIES);
    for (index, name) in ["Amazon Web Services", "Sentry"].into_iter().enumerate() {
        browser.find(".add-third-party").await.click().await.unwrap();
        // Focus goes to the new row's name (in the next frame: wait for it, or the keys go
        // wherever focus still is on a busy machine).
        browser.wait_for_focus(row(index, "name").trim_start_matches('#')).await;
        browser.client.active_element().await.unwrap().send_keys(name).await.unwrap();
    }
    browser.find(&row(0, "countries")).await.send_keys(&format!("Germany{}", char::from(Key::Enter))).await.unwrap();
    browser.wait_for_text(".third-party-row[data-row='0'] .chips", "Germany").await;

    browser.find(".third-party-row[data-row='0'] .remove-third-party").await.click().await.unwrap();
    browser.wait_for_text(".removed-notice", "Removed “Amazon Web Services”").await;
    assert_eq!(browser.find(&row(0, "name")).await.prop("value").await.unwrap().as_deref(), Some("Sentry"));

    browser.find(".removed-notice button").await.click().await.unwrap();
    browser.wait_for_text(".third-party-row[data-row='0'] legend", "Amazon Web Services").await;
    browser.wait_for_text(".third-party-row[data-row='0'] .chips", "Germany").await;
    assert_eq!(browser.find(&row(1, "name")).await.prop("value").await.unwrap().as_deref(), Some("Sentry"));
    browser.close().await;
}

/// A term in a question explains itself on demand, by keyboard and by pointer alike, and never
/// on hover alone.
#[tokio::test]
async fn a_terms_toggletip_opens_and_closes_by_keyboard_and_by_pointer() {
    use questionnaire::catalogue::glossary::term;
    let (_stand_in, browser) = open_form().await;
    let question = format!("form.questionnaire [data-question={}]", ids::SHARES_EUD);
    let note = format!("{question} .term-note:nth-of-type(2)");
    let definition = term("sub-processor").unwrap().definition;
    // The question is asked once the app handles End-User Data.
    browser.find(&choice(ids::STORES_EUD, "yes")).await.click().await.unwrap();
    let button = browser.find(&format!("{question} button.term:nth-of-type(2)")).await;
    assert_eq!(button.text().await.unwrap(), "sub-processors");
    let expanded = || async { button.attr("aria-expanded").await.unwrap().unwrap_or_default() };
    let opened = || browser.wait_for_text(&note, definition);
    let closed = || browser.wait_until_text(&note, "become empty", str::is_empty);

    // Keyboard: Enter and Space open it, Escape and the button close it; focus stays on it.
    button.send_keys(&char::from(Key::Enter).to_string()).await.unwrap();
    opened().await;
    assert_eq!(expanded().await, "true");
    button.send_keys(&char::from(Key::Escape).to_string()).await.unwrap();
    closed().await;
    assert_eq!(expanded().await, "false");
    button.send_keys(" ").await.unwrap();
    opened().await;
    button.send_keys(&char::from(Key::Enter).to_string()).await.unwrap();
    closed().await;
    let focused = browser.client.active_element().await.unwrap().text().await.unwrap();
    assert_eq!(focused, "sub-processors", "focus stays on the term");

    // Pointer: hovering shows nothing; a click opens it, a click elsewhere closes it.
    browser.hover(&button).await;
    assert_eq!(expanded().await, "false", "hovering alone opens nothing");
    button.click().await.unwrap();
    opened().await;
    let said = browser.find(&note).await.text().await.unwrap();
    assert!(said.contains("Source: Atlassian's sub-processor list"), "{said}");
    browser.find("h1").await.click().await.unwrap();
    closed().await;
    assert_eq!(expanded().await, "false");
    button.click().await.unwrap();
    opened().await;
    button.click().await.unwrap();
    closed().await;
    browser.close().await;
}
