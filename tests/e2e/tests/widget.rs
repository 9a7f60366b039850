//! The embeddable widget on someone else's page: one stand-in serves the host pages and the
//! widget bundle (`dist/widget`), another one, on another origin, holds the live data. Pages
//! carry a strict Content-Security-Policy (no 'unsafe-inline') and report any violation.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use e2e::fixtures::{half_answers, realistic_answers};
use e2e::{poll, workspace_root, Browser, StandIn, PATIENCE};
use fantoccini::key::Key;
use fantoccini::Locator;
use questionnaire::catalogue::{ids, QuestionId};
use questionnaire::embed::{inline_json, read_document};
use questionnaire::statements::{statement, statements};
use questionnaire::wire::to_trust_info;
use questionnaire::{Answer, Answers};
use serde_json::{json, Value};

const APP_KEY: &str = "com.example.widget-test";

/// Records CSP violations where the test can read them (an inline script could not run).
const CSP_REPORTER: &str = "window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI), true);";

const AGGRESSIVE_CSS: &str = "* { color: red !important; font-size: 40px !important; display: inline; line-height: 3 !important; font-family: serif !important; }
div { background: yellow !important; border: 5px dotted green !important; }
.listing-row, .listing-tab, .view-button { display: inline !important; }";

/// A throw-away site: the widget bundle under `widget/` plus the given pages.
fn site(pages: &[(&str, String)]) -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let bundle = workspace_root().join("dist/widget");
    assert!(
        bundle.join("privacy-tab-widget_loader.js").exists(),
        "no widget bundle in {}: build it with `trunk build widget.html --release --offline --dist dist/widget`",
        bundle.display()
    );
    let dir = std::env::temp_dir().join(format!(
        "privacy-tab-widget-site-{}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(dir.join("widget")).unwrap();
    for file in std::fs::read_dir(&bundle).unwrap() {
        let file = file.unwrap();
        if file.file_type().unwrap().is_file() {
            std::fs::copy(file.path(), dir.join("widget").join(file.file_name())).unwrap();
        }
    }
    std::fs::write(dir.join("index.html"), "<!doctype html><title>A partner's site</title>").unwrap();
    std::fs::write(dir.join("csp-reporter.js"), CSP_REPORTER).unwrap();
    std::fs::write(dir.join("aggressive.css"), AGGRESSIVE_CSS).unwrap();
    for (name, html) in pages {
        std::fs::write(dir.join(name), html).unwrap();
    }
    dir
}

/// A host page with a strict CSP that allows reading data from `data_origin` only.
fn page(data_origin: &str, head: &str, body: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' {data_origin}; img-src 'self'">
<script src="csp-reporter.js"></script>
{head}
<title>A partner's page</title>
</head>
<body>
<h1 class="listing-tab">The partner's own page</h1>
<div class="listing-row view-button" id="host-element">The host page's own text.</div>
{body}
<script type="module" src="widget/privacy-tab-widget_loader.js"></script>
</body>
</html>"#
    )
}

fn inline_widget(id: &str, answers_json: &str, attributes: &str) -> String {
    format!(
        r#"<div id="{id}" data-privacy-tab {attributes}><script type="application/json">{answers_json}</script></div>"#
    )
}

struct Sites {
    host: StandIn,
    data: StandIn,
    _dir: TempSite,
}

struct TempSite(PathBuf);

impl Drop for TempSite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The data stand-in (seeded with a live version) and the host stand-in serving `pages`.
fn start(pages: impl FnOnce(&str) -> Vec<(&'static str, String)>) -> Sites {
    let data = StandIn::start();
    data.seed_live(APP_KEY, &to_trust_info(&realistic_answers()));
    let dir = site(&pages(&data.origin));
    let host = StandIn::start_with(&[], Some(Path::new(&dir)));
    assert_ne!(host.origin, data.origin);
    Sites { host, data, _dir: TempSite(dir) }
}

async fn script(browser: &Browser, js: &str) -> Value {
    browser.client.execute(js, vec![]).await.unwrap()
}

/// The text of everything in the shadow root of `#id`, once `ready` (a CSS selector) is there.
async fn shadow_text(browser: &Browser, id: &str, ready: &str) -> String {
    let js = format!(
        "const root = document.getElementById('{id}').shadowRoot;
         const ready = root && root.querySelector('{ready}');
         return ready ? root.textContent : null;"
    );
    let shown = poll(PATIENCE, async || script(browser, &js).await.as_str().map(str::to_owned)).await;
    shown.unwrap_or_else(|| panic!("#{id} never showed {ready}"))
}

async fn violations(browser: &Browser) -> Value {
    script(browser, "return window.cspViolations").await
}

#[tokio::test]
async fn reads_the_live_version_from_another_origin_under_a_strict_csp() {
    let sites = start(|data| {
        // The probe breaks the CSP on purpose, to show that violations do get recorded.
        let body = format!(
            r#"<img id="csp-probe" alt="" src="https://blocked.invalid/probe.png">
               <div id="live" data-privacy-tab data-app-key="{APP_KEY}" data-source="{data}/rest/2"></div>"#
        );
        vec![("live.html", page(data, "", &body))]
    });
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/live.html", sites.host.origin)).await.unwrap();

    let text = shadow_text(&browser, "live", ".listing-row").await;
    for expected in [
        "Privacy & Security",
        "The app stores End-User Data outside Atlassian products and services.",
        "Amazon Web Services",
        "Information already available with Atlassian",
        // What the API has no field for (the privacy policy, a listing field) reads as not provided.
        "Response not provided by the partner",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from {text:?}");
    }
    // Default view first: the expanded-only rows are there but not shown; the toggle shows them.
    let host = browser.find("#live").await;
    let root = host.shadow_root().await.unwrap();
    let contact = root.find(Locator::Css(&format!("[data-question={}]", ids::SECURITY_CONTACT))).await.unwrap();
    assert!(!contact.is_displayed().await.unwrap(), "the security contact is in the expanded view only");
    browser.screenshot("widget-live-default").await;
    root.find(Locator::Css(".show-expanded")).await.unwrap().click().await.unwrap();
    assert!(contact.is_displayed().await.unwrap(), "a real click on the toggle shows the expanded view");
    assert!(contact.text().await.unwrap().contains("security@example.com"));
    let link = root.find(Locator::Css(&format!("[data-question={}] a", ids::SECURITY_POLICY))).await.unwrap();
    assert_eq!(link.attr("href").await.unwrap().as_deref(), Some("https://example.com/security"));
    assert_eq!(link.attr("rel").await.unwrap().as_deref(), Some("noopener noreferrer nofollow"));
    assert_eq!(link.attr("target").await.unwrap().as_deref(), Some("_blank"));
    browser.screenshot("widget-live-expanded").await;

    assert_eq!(
        violations(&browser).await,
        json!(["img-src https://blocked.invalid/probe.png"]),
        "the probe is the only violation: the widget needs nothing the strict CSP forbids"
    );
    drop(sites.data);
    browser.close().await;
}

#[tokio::test]
async fn reads_inline_json_and_shows_hostile_text_as_text() {
    // Written into the JSON by hand: the app never sends a javascript: link or an entry too long
    // for validation, but inline JSON (or the Marketplace) may hold anything.
    let mut info = to_trust_info(&half_answers());
    info["dataAccessAndStorage"]["typesOfDataStored"] = json!([
        "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">",
        "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(8),
    ]);
    info["security"]["publicSecurityPoliciesLink"] = json!("javascript:alert(1)");
    let json = inline_json(&info);
    let sites = start(move |data| {
        // A narrow column, so long words have to wrap.
        let body = format!(
            r#"<div class="narrow">{}</div>{}"#,
            inline_widget("inline", &json, r#"data-view="expanded""#),
            inline_widget("broken", "{ not json", "")
        );
        let head = r#"<link rel="stylesheet" href="narrow.css">"#;
        vec![("inline.html", page(data, head, &body)), ("narrow.css", ".narrow { width: 420px; }".into())]
    });
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/inline.html", sites.host.origin)).await.unwrap();

    let text = shadow_text(&browser, "inline", ".listing-row").await;
    assert!(text.contains("<script>window.pwned = 1</script>"), "{text}");
    assert!(text.contains("javascript:alert(1)"));
    let checks = script(
        &browser,
        &format!(
            "const root = document.getElementById('inline').shadowRoot;
             const tab = root.querySelector('.listing-tab');
             const policy = root.querySelector('[data-question={}]');
             const contact = root.querySelector('[data-question={}]');
             return {{
               made: root.querySelectorAll('.listing-tab script, .listing-tab img').length,
               pwned: window.pwned === undefined,
               policyLinks: policy.querySelectorAll('a').length,
               overflow: tab.scrollWidth - tab.clientWidth,
               expandedShown: contact.offsetParent !== null,
             }};",
            ids::SECURITY_POLICY,
            ids::SECURITY_CONTACT
        ),
    )
    .await;
    assert_eq!(
        checks,
        json!({"made": 0, "pwned": true, "policyLinks": 0, "overflow": 0, "expandedShown": true}),
        "markup stays text, javascript: is no link, long words wrap, data-view=expanded opens expanded"
    );

    let broken = shadow_text(&browser, "broken", ".widget-error").await;
    assert!(broken.contains("could not be shown") && broken.contains("not JSON"), "{broken}");
    browser.screenshot("widget-inline-expanded").await;
    assert_eq!(violations(&browser).await, json!([]));
    browser.close().await;
}

/// Data nested 100 000 levels deep (which the browser's JSON.parse reads, and walking it would
/// exhaust the stack) is refused in its own widget; the page's other widgets still show.
#[tokio::test]
async fn deeply_nested_inline_data_is_refused_and_the_other_widgets_still_show() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let json = inline_json(&to_trust_info(&half_answers()));
    let sites = start(move |data| {
        let body = [inline_widget("deep", &deep, ""), inline_widget("after", &json, "")].concat();
        vec![("deep.html", page(data, "", &body))]
    });
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/deep.html", sites.host.origin)).await.unwrap();

    let refused = shadow_text(&browser, "deep", ".widget-error").await;
    assert!(refused.contains("more than 128 levels deep"), "{refused}");
    let after = shadow_text(&browser, "after", ".listing-row").await;
    assert!(after.contains("Privacy & Security"), "{after}");
    browser.close().await;
}

/// The widget says what the app's preview says: a sentence only where no other answer
/// contradicts it and other answers establish what it takes for granted.
#[tokio::test]
async fn the_widgets_sentences_are_the_previews() {
    let mut answers = Answers::new();
    for (id, picked) in [
        (ids::STORES_EUD, "yes"),
        (ids::PROCESSES_EUD, "no"),
        (ids::LOGS_EUD, "yes"),
        (ids::SHARES_LOGS, "no"),
        // "Sharing logs … is integral" takes for granted that logs are shared: not so here.
        (ids::LOG_SHARING_INTEGRAL, "yes"),
    ] {
        answers.set(id, Answer::Choice(picked.into()));
    }
    let json = inline_json(&to_trust_info(&answers));
    // What the preview says for these answers, written down.
    let expected = [
        "The app stores End-User Data outside Atlassian products and services.",
        "The app processes End-User Data only within Atlassian products and services or the user's browser, apart from logs.",
        "The app writes End-User Data into its logs.",
        "The app does not share logs that include End-User Data with third parties.",
    ];
    let mut previewed: Vec<&str> = statements(&read_document(&json).unwrap()).values().copied().collect();
    previewed.sort_unstable();
    let mut sorted = expected;
    sorted.sort_unstable();
    assert_eq!(previewed, sorted, "the preview's sentences");
    let integral = statement(ids::LOG_SHARING_INTEGRAL, "yes").unwrap();
    let sites = start(move |data| {
        vec![("said.html", page(data, "", &inline_widget("said", &json, r#"data-view="expanded""#)))]
    });
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/said.html", sites.host.origin)).await.unwrap();

    let text = shadow_text(&browser, "said", ".listing-row").await;
    for sentence in expected {
        assert!(text.contains(sentence), "the widget says it too: {sentence}");
    }
    assert!(!text.contains(integral), "no sentence about logs the partner said are not shared: {text}");
    browser.close().await;
}

#[tokio::test]
async fn loading_and_failures_are_said_plainly() {
    let sites = start(|data| {
        let body = format!(
            r#"<div id="slow" data-privacy-tab data-app-key="{APP_KEY}" data-source="{data}/rest/2"></div>
               <div id="unknown" data-privacy-tab data-app-key="com.example.nothing-live" data-source="{data}/rest/2"></div>
               <div id="nowhere" data-privacy-tab></div>"#
        );
        vec![("states.html", page(data, "", &body))]
    });
    ureq::post(&format!("{}/_stand-in/faults", sites.data.origin))
        .send_json(json!({"delayMs": 1500, "times": 2}))
        .unwrap();
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/states.html", sites.host.origin)).await.unwrap();

    let loading = shadow_text(&browser, "slow", ".widget-loading").await;
    assert!(loading.contains("Loading the Privacy & Security information"), "{loading}");
    let nowhere = shadow_text(&browser, "nowhere", ".widget-error").await;
    assert!(nowhere.contains("data-app-key"), "says what to add: {nowhere}");
    let unknown = shadow_text(&browser, "unknown", ".widget-error").await;
    assert!(
        unknown.contains("answered 404") && unknown.contains("com.example.nothing-live"),
        "says which request failed and how: {unknown}"
    );
    shadow_text(&browser, "slow", ".listing-row").await;
    browser.screenshot("widget-states").await;
    browser.close().await;
}

#[tokio::test]
async fn the_host_pages_css_and_the_widgets_never_meet() {
    let json = inline_json(&to_trust_info(&realistic_answers()));
    let sites = start(move |data| {
        let body = inline_widget("tab", &json, "");
        vec![
            ("plain.html", page(data, "", &body)),
            ("aggressive.html", page(data, r#"<link rel="stylesheet" href="aggressive.css">"#, &body)),
        ]
    });
    let browser = Browser::start().await;
    let styles = "const root = document.getElementById('tab').shadowRoot;
        const pick = (el) => { const s = getComputedStyle(el);
          return [s.color, s.fontSize, s.display, s.fontFamily, s.lineHeight, s.backgroundColor, s.borderTopStyle]; };
        const host = document.getElementById('host-element');
        return {
          tab: pick(root.querySelector('.listing-tab')),
          label: pick(root.querySelector('.listing-label')),
          value: pick(root.querySelector('.listing-value')),
          row: pick(root.querySelector('.listing-row')),
          button: pick(root.querySelector('.view-button')),
          title: pick(root.querySelector('.listing-section-title')),
          height: Math.round(root.querySelector('.listing-tab').getBoundingClientRect().height),
          hostDisplay: getComputedStyle(host).display,
        };";

    browser.client.goto(&format!("{}/plain.html", sites.host.origin)).await.unwrap();
    shadow_text(&browser, "tab", ".listing-row").await;
    let plain = script(&browser, styles).await;
    assert_eq!(plain["hostDisplay"], "block", "the widget's .listing-row rule does not reach the host page");

    browser.client.goto(&format!("{}/aggressive.html", sites.host.origin)).await.unwrap();
    shadow_text(&browser, "tab", ".listing-row").await;
    let aggressive = script(&browser, styles).await;
    assert_eq!(aggressive["hostDisplay"], "inline", "the host page's own rules still apply to its elements");
    for part in ["tab", "label", "value", "row", "button", "title", "height"] {
        assert_eq!(plain[part], aggressive[part], "{part} looks the same on both pages");
    }
    browser.screenshot("widget-aggressive-host-css").await;
    assert_eq!(violations(&browser).await, json!([]));
    browser.close().await;
}

/// The row's first toggletip in the widget `#id`: what its live region says, once it is `open`
/// (or closed) by its `aria-expanded` and what it says.
async fn wait_for_tip(browser: &Browser, id: &str, question: QuestionId, open: bool) -> String {
    let js = format!(
        "const row = document.getElementById('{id}').shadowRoot.querySelector('[data-question={question}]');
         return [row.querySelector('button.term').getAttribute('aria-expanded'), row.querySelector('.term-note').textContent];"
    );
    let mut last = Value::Null;
    let said = poll(PATIENCE, async || {
        last = script(browser, &js).await;
        let said = last[1].as_str().unwrap_or_default();
        (last[0] == if open { "true" } else { "false" } && said.is_empty() != open).then(|| said.to_owned())
    })
    .await;
    said.unwrap_or_else(|| {
        panic!("the toggletip of {question} never became {}: {last}", if open { "open" } else { "closed" })
    })
}

/// The terms of a row's label are explained inside the shadow root, as in the app's preview:
/// by keyboard and by pointer, never on hover alone, with no markup and nothing leaking out.
#[tokio::test]
async fn a_terms_toggletip_opens_and_closes_by_keyboard_and_by_pointer_in_the_widget() {
    use questionnaire::catalogue::glossary::term;
    let json = inline_json(&to_trust_info(&realistic_answers()));
    let sites = start(move |data| {
        let body = format!(r#"{}<p id="elsewhere">The partner's own words.</p>"#, inline_widget("tab", &json, ""));
        vec![("terms.html", page(data, "", &body))]
    });
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/terms.html", sites.host.origin)).await.unwrap();
    shadow_text(&browser, "tab", ".listing-row").await;
    let root = browser.find("#tab").await.shadow_root().await.unwrap();
    let row = format!("[data-question={}]", ids::GDPR_CONTROLLER);
    let button = root.find(Locator::Css(&format!("{row} button.term"))).await.unwrap();
    assert_eq!(button.text().await.unwrap(), "data controller");
    let definition = term("data controller").unwrap().definition;
    let tip = |open| wait_for_tip(&browser, "tab", ids::GDPR_CONTROLLER, open);

    // Keyboard: Enter and Space open it, Escape and Enter again close it.
    button.send_keys(&char::from(Key::Enter).to_string()).await.unwrap();
    let said = tip(true).await;
    assert!(said.starts_with(definition) && said.contains("Source: the GDPR"), "{said}");
    button.send_keys(&char::from(Key::Escape).to_string()).await.unwrap();
    tip(false).await;
    button.send_keys(" ").await.unwrap();
    tip(true).await;
    button.send_keys(&char::from(Key::Enter).to_string()).await.unwrap();
    tip(false).await;

    // Pointer: hovering opens nothing; a click opens it, one inside its definition keeps it, a
    // click on the host page closes it, and so does its own button.
    browser.hover(&button).await;
    assert_eq!(button.attr("aria-expanded").await.unwrap().as_deref(), Some("false"), "hovering alone");
    button.click().await.unwrap();
    tip(true).await;
    root.find(Locator::Css(&format!("{row} .term-definition"))).await.unwrap().click().await.unwrap();
    tip(true).await;
    browser.find("#elsewhere").await.click().await.unwrap();
    tip(false).await;
    button.click().await.unwrap();
    tip(true).await;
    let link = root.find(Locator::Css(&format!("{row} .term-source"))).await.unwrap();
    assert_eq!(link.attr("target").await.unwrap().as_deref(), Some("_blank"));
    browser.screenshot("widget-toggletip-open").await;
    button.click().await.unwrap();
    tip(false).await;

    let leaked = script(
        &browser,
        "return [...document.querySelectorAll('.term, .term-note, .term-definition')].length
              + document.querySelectorAll('body > style, head > style').length",
    )
    .await;
    assert_eq!(leaked, json!(0), "nothing of the toggletips in the host page");
    assert_eq!(violations(&browser).await, json!([]), "no CSP violation");
    let axe = browser.axe_violations_within("#tab", &["region"]).await;
    assert_eq!(axe, Vec::<String>::new(), "axe inside the widget (the host page holds the landmarks)");
    browser.close().await;
}
