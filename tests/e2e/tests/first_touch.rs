//! A partner's first touch of the page, before, while and after the app starts: the page is the
//! app's own first page, rendered at build time, which the app hydrates (src/first_page). Each
//! press is a person's (down, about 120 ms, up) and takes effect exactly once, whenever it
//! comes; so does a bare `click` (assistive technology and voice control send no pointer events).

use e2e::{Browser, StandIn};
use questionnaire::catalogue::ids;
use serde_json::json;

/// What a first press lands on, and how the page shows that it took effect once.
#[derive(Clone, Copy, Debug)]
enum Target {
    /// "Yes" to storing End-User Data: checked, and the app asks its follow-up question.
    Radio,
    /// A term's toggletip: open (a second press would close it again).
    Toggletip,
    /// The preview's "Expanded view".
    Button,
}

const TARGETS: [Target; 3] = [Target::Radio, Target::Toggletip, Target::Button];

impl Target {
    fn css(self) -> String {
        match self {
            Target::Radio => format!("#q-{}-yes", ids::STORES_EUD),
            Target::Toggletip => format!("#q-{}-term-0", ids::STORES_EUD),
            Target::Button => "button.show-expanded".to_owned(),
        }
    }

    /// Waits until the app, in charge, shows the press's effect, once.
    async fn took_effect_once(self, browser: &Browser, when: &str) {
        match self {
            Target::Radio => {
                browser.find(&format!("#q-{}", ids::STORED_DATA_TYPES)).await;
                let checked = browser
                    .execute(&format!("return document.querySelector('{}').checked;", self.css()), Vec::new())
                    .await;
                assert_eq!(checked, json!(true), "{when}: the radio is checked");
            }
            Target::Toggletip => {
                browser.find(&format!("{}[aria-expanded=true]", self.css())).await;
                let open =
                    browser.execute("return document.querySelectorAll('.term-definition').length;", Vec::new()).await;
                assert_eq!(open, json!(1), "{when}: one definition open");
            }
            Target::Button => {
                browser.find("button.show-expanded[aria-pressed=true]").await;
            }
        }
    }
}

async fn open(stand_in: &StandIn, hold_the_wasm: bool) -> Browser {
    let browser = Browser::start().await;
    if hold_the_wasm {
        browser.hold_the_wasm(false).await;
    }
    browser.client.goto(&stand_in.app_url()).await.unwrap();
    browser.find(&Target::Radio.css()).await;
    browser
}

async fn started(browser: &Browser) -> bool {
    browser.exists(&format!("html[{}]", e2e::page_contract::STARTED)).await
}

#[tokio::test]
async fn a_first_press_before_the_wasm_arrives_takes_effect_once() {
    let stand_in = StandIn::start();
    for target in TARGETS {
        let browser = open(&stand_in, true).await;
        let element = browser.find(&target.css()).await;
        browser.press_on(&element, None).await;
        assert!(!started(&browser).await, "{target:?}: the app has not arrived yet");
        browser.execute("window.__arrive();", Vec::new()).await;
        browser.wait_until_started().await;
        target.took_effect_once(&browser, &format!("{target:?} pressed before the wasm")).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn a_first_press_while_the_app_starts_takes_effect_once() {
    let stand_in = StandIn::start();
    for target in TARGETS {
        let browser = open(&stand_in, true).await;
        let element = browser.find(&target.css()).await;
        // Down starts the app; the wasm arrives while the button is held.
        browser.press_on(&element, Some("window.__arrive();")).await;
        browser.wait_until_started().await;
        target.took_effect_once(&browser, &format!("{target:?} pressed while it starts")).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn a_first_press_after_the_wasm_was_prefetched_takes_effect_once() {
    let stand_in = StandIn::start();
    let prefetched = "return performance.getEntriesByType('resource')
        .some((r) => r.name.endsWith('.wasm') && r.initiatorType === 'link');";
    for target in TARGETS {
        let browser = open(&stand_in, false).await;
        e2e::wait_for_eq("the wasm prefetched", json!(true), async || browser.execute(prefetched, Vec::new()).await)
            .await;
        assert!(!started(&browser).await, "{target:?}: reading the page started nothing");
        let element = browser.find(&target.css()).await;
        browser.press_on(&element, None).await;
        browser.wait_until_started().await;
        target.took_effect_once(&browser, &format!("{target:?} pressed after the prefetch")).await;
        browser.close().await;
    }
}

/// A `click` with no pointer or key event before it starts the app, and counts.
#[tokio::test]
async fn a_bare_click_before_the_wasm_arrives_takes_effect_once() {
    let stand_in = StandIn::start();
    let browser = open(&stand_in, true).await;
    for target in TARGETS {
        browser.execute(&format!("document.querySelector('{}').click();", target.css()), Vec::new()).await;
    }
    browser.execute("window.__arrive();", Vec::new()).await;
    browser.wait_until_started().await;
    for target in TARGETS {
        target.took_effect_once(&browser, &format!("{target:?} clicked bare")).await;
    }
    browser.close().await;
}

/// The app adopts the page's nodes: a property set on one before is still there, and the app's
/// validation is live in it, for what was typed before as for what is typed after.
#[tokio::test]
async fn the_first_page_s_nodes_are_the_app_s_and_its_checks_are_live_in_them() {
    let stand_in = StandIn::start();
    let browser = open(&stand_in, true).await;
    let contact = format!("q-{}", ids::SECURITY_CONTACT);
    let mark = format!(
        "document.getElementById('{contact}').__mark = 'kept'; document.querySelector('details.help').open = true;"
    );
    browser.execute(&mark, Vec::new()).await;
    browser.find(&format!("#{contact}")).await.send_keys("partner@").await.unwrap();
    browser.press(fantoccini::key::Key::Tab).await;
    assert!(!started(&browser).await, "typed and left before the app");
    browser.execute("window.__arrive();", Vec::new()).await;
    browser.wait_until_started().await;

    let error = format!("#q-{}-error", ids::SECURITY_CONTACT);
    browser.wait_for_text(&error, "Check the part after the @").await;
    let kept = browser
        .execute(
            &format!(
                "return [document.getElementById('{contact}').__mark, document.querySelector('details.help').open];"
            ),
            Vec::new(),
        )
        .await;
    assert_eq!(kept, json!(["kept", true]), "the same input, and the <details> opened before is still open");

    // Live: finishing the address clears the error.
    browser.find(&format!("#{contact}")).await.send_keys("example.com").await.unwrap();
    browser.wait_until_text(&error, "say nothing", str::is_empty).await;
    browser.close().await;
}

/// On Lighthouse's phone throttling, a typo typed and left before the app arrived is flagged
/// once the app is in charge.
#[tokio::test]
async fn on_a_phone_a_typo_left_before_the_app_arrived_is_flagged() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.throttle_like_a_phone(true).await;
    browser.client.goto(&stand_in.app_url()).await.unwrap();
    let contact = browser.find(&format!("#q-{}", ids::SECURITY_CONTACT)).await;
    contact.send_keys("partner@").await.unwrap();
    browser.press(fantoccini::key::Key::Tab).await;
    assert!(!started(&browser).await, "typed and left before the app arrived");
    browser.wait_until_started().await;
    let error = browser.wait_for_text(&format!("#q-{}-error", ids::SECURITY_CONTACT), "@").await;
    assert!(error.contains("Check the part after the @"), "{error}");
    browser.throttle_like_a_phone(false).await;
    browser.close().await;
}

/// A deployment whose `config.json` differs from the one the build rendered the page under
/// (here, its API elsewhere): the page cannot be hydrated, and the app is drawn in its place,
/// with what was entered handed over as state all the same.
#[tokio::test]
async fn under_another_config_what_was_entered_before_the_app_is_kept_and_checked() {
    let copy = std::env::temp_dir().join(format!("privacy-tab-e2e-other-config-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).unwrap();
    for entry in std::fs::read_dir(e2e::workspace_root().join("dist")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().unwrap().is_file() && !name.starts_with("config.json") {
            std::fs::copy(entry.path(), copy.join(&name)).unwrap();
        }
    }
    std::fs::write(copy.join("config.json"), r#"{"apiBase": "/elsewhere/rest/2"}"#).unwrap();
    let stand_in = StandIn::serving_with(&copy, "/", &[]);
    let browser = open(&stand_in, true).await;
    let contact = format!("#q-{}", ids::SECURITY_CONTACT);
    browser.find(&contact).await.send_keys("partner@").await.unwrap();
    browser.press(fantoccini::key::Key::Tab).await;
    browser.execute("window.__arrive();", Vec::new()).await;
    browser.wait_until_started().await;
    browser.wait_for_text(&format!("#q-{}-error", ids::SECURITY_CONTACT), "Check the part after the @").await;
    let value = browser.execute(&format!("return document.querySelector('{contact}').value;"), Vec::new()).await;
    assert_eq!(value, json!("partner@"));
    let base = browser.execute("return document.getElementById('api-base').value;", Vec::new()).await;
    assert_eq!(base, json!("/elsewhere/rest/2"), "the app runs under the deployment's config");
    browser.close().await;
    let _ = std::fs::remove_dir_all(&copy);
}
