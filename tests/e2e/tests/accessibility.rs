//! axe-core finds nothing on the empty form, the filled form and the form with errors; and
//! screenshots of the filled form at desktop and phone widths for a person to look at.

use e2e::{Browser, StandIn, DEMO_APP_KEY};
use questionnaire::catalogue::ids;

async fn violations(browser: &Browser) -> Vec<String> {
    browser.axe_violations().await
}

async fn screenshot(browser: &Browser, name: &str, width: u32) {
    browser.client.set_window_size(width, 900).await.unwrap();
    let height: u64 = browser
        .client
        .execute("return document.documentElement.scrollHeight", vec![])
        .await
        .unwrap()
        .as_u64()
        .unwrap_or(900);
    browser.client.set_window_size(width, height.min(16_000) as u32).await.unwrap();
    let png = browser.client.screenshot().await.unwrap();
    let dir = e2e::workspace_root().join("test-output/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), png).unwrap();
}

#[tokio::test]
async fn the_empty_form_has_no_accessibility_violations() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_app(&stand_in.app_url()).await;
    browser.find("#save-and-preview").await;
    assert_eq!(violations(&browser).await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test]
async fn the_filled_form_has_no_accessibility_violations_and_fits_a_phone() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_app(&stand_in.app_url()).await;
    browser.plant_answers(DEMO_APP_KEY, questionnaire::sample::complete(3)).await;
    browser.find(&format!("#q-{}-2-name", ids::THIRD_PARTIES)).await;
    assert_eq!(violations(&browser).await, Vec::<String>::new());

    screenshot(&browser, "form-filled-1280.png", 1280).await;
    screenshot(&browser, "form-filled-375.png", 375).await;
    let overflow: bool = browser
        .client
        .execute("return document.documentElement.scrollWidth > document.documentElement.clientWidth", vec![])
        .await
        .unwrap()
        .as_bool()
        .unwrap();
    assert!(!overflow, "nothing scrolls sideways at 375 px");
    browser.close().await;
}

#[tokio::test]
async fn the_form_with_errors_has_no_accessibility_violations() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_app(&stand_in.app_url()).await;
    browser.find(&format!("#q-{}", ids::SECURITY_POLICY)).await.send_keys("javascript:alert(1)").await.unwrap();
    browser.find(&format!("#q-{}-yes", ids::RETAINS_AFTER_UNINSTALL)).await.click().await.unwrap();
    browser.find("#save-and-preview").await.click().await.unwrap();
    browser.wait_for_text("#error-summary", "There are problems").await;
    assert_eq!(violations(&browser).await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test]
async fn the_preview_has_no_accessibility_violations() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_app(&stand_in.app_url()).await;
    browser.plant_answers(DEMO_APP_KEY, questionnaire::sample::complete(2)).await;
    browser.find("#save-and-preview").await.click().await.unwrap();
    browser.find("#preview-page .show-expanded").await.click().await.unwrap();
    assert_eq!(violations(&browser).await, Vec::<String>::new(), "the full-page preview, expanded");

    browser.find("#edit-draft").await.click().await.unwrap();
    browser.client.set_window_size(760, 900).await.unwrap();
    browser.find("#show-preview").await.click().await.unwrap();
    assert_eq!(violations(&browser).await, Vec::<String>::new(), "the preview step on a narrow screen");
    browser.close().await;
}

#[tokio::test]
async fn the_form_with_every_toggletip_open_has_no_accessibility_violations() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.client.goto(&stand_in.app_url()).await.unwrap();
    browser.plant_answers(DEMO_APP_KEY, questionnaire::sample::complete(3)).await;
    browser.find(&format!("#q-{}-2-name", ids::THIRD_PARTIES)).await;
    // Every term of every question (and of the preview beside them) opened as Enter opens one:
    // a click with detail 0, which leaves the others open.
    let opened = browser
        .client
        .execute("const terms = [...document.querySelectorAll('button.term')]; terms.forEach(t => t.click()); return terms.length;", vec![])
        .await
        .unwrap();
    let in_form = browser.client.find_all(fantoccini::Locator::Css("form.questionnaire button.term")).await.unwrap();
    assert!(in_form.len() > 40, "{} toggletips in the form ({opened} on the page)", in_form.len());
    let silent = "return [...document.querySelectorAll('.term-note')].filter(n => !n.textContent).length";
    e2e::wait_for_eq("definitions not said", serde_json::json!(0), async || {
        browser.client.execute(silent, vec![]).await.unwrap()
    })
    .await;
    assert_eq!(violations(&browser).await, Vec::<String>::new());
    screenshot(&browser, "form-every-toggletip-open-1280.png", 1280).await;
    browser.close().await;
}

/// A review link's page (review.html, without the app): its tab on both views, a term's
/// toggletip open, and a damaged link's message; and how it looks on a phone.
#[tokio::test]
async fn the_review_page_has_no_accessibility_violations() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    let review = format!("{}review", stand_in.app_url());
    let fragment = e2e::fixtures::review_fragment(&questionnaire::sample::complete(2));
    browser.client.goto(&format!("{review}?view=expanded#{fragment}")).await.unwrap();
    browser.find("#review-page .listing-tab").await;
    assert_eq!(violations(&browser).await, Vec::<String>::new(), "the review page, expanded");
    browser.find("#review-page .term").await.click().await.unwrap();
    browser.find("#review-page .term-definition").await;
    assert_eq!(violations(&browser).await, Vec::<String>::new(), "a term's toggletip open");
    browser.find("#review-page .show-default").await.click().await.unwrap();
    assert_eq!(violations(&browser).await, Vec::<String>::new(), "the default view");
    screenshot(&browser, "review-page-phone.png", 390).await;

    browser.client.goto(&format!("{review}#{}", &fragment[..fragment.len() / 2])).await.unwrap();
    browser.find("#review-link-problem").await;
    assert_eq!(violations(&browser).await, Vec::<String>::new(), "a damaged link");
    browser.close().await;
}
