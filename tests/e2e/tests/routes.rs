//! The app's addresses (src/routes.rs), as a partner and a colleague meet them: Back and
//! Forward between the form, the full-page preview and the submit review; addresses opened
//! cold from a sub-path under the strict Content-Security-Policy (served by the stand-in as a
//! static host serves `dist/`, by its `_redirects`); and review links, whole, damaged, from a
//! newer version or hostile, read on the review page (review.html, without the app) and
//! imported by the app.

use std::path::PathBuf;

use e2e::fixtures::{half_answers, realistic_answers, review_fragment, review_payload};
use e2e::stand_in::{EMAIL, TOKEN};
use e2e::{eventually, wait_for_eq, workspace_root, Browser, StandIn, DEMO_APP_KEY};
use questionnaire::answers::{Answer, ThirdParty};
use questionnaire::catalogue::ids::{self, choice};
use questionnaire::review_link::answers_of;
use questionnaire::visibility::effective;
use questionnaire::Answers;
use serde_json::{json, Value};

const SUB_PATH: &str = "/some/path/";

fn built_dist() -> PathBuf {
    let dist = workspace_root().join("dist");
    assert!(dist.join("_redirects").exists(), "no dist/_redirects: build the bundle with scripts/build");
    dist
}

fn hosted() -> StandIn {
    StandIn::serving(&built_dist(), SUB_PATH)
}

async fn watched_browser() -> Browser {
    let browser = Browser::start().await;
    browser.watch_page_errors().await;
    browser
}

async fn script(browser: &Browser, js: &str) -> Value {
    browser.execute(js, Vec::new()).await
}

async fn url(browser: &Browser) -> String {
    browser.client.current_url().await.unwrap().to_string()
}

async fn title(browser: &Browser) -> String {
    script(browser, "return document.title;").await.as_str().unwrap_or_default().to_owned()
}

async fn focused(browser: &Browser) -> String {
    script(browser, "return document.activeElement ? document.activeElement.id : '';")
        .await
        .as_str()
        .unwrap_or("")
        .to_owned()
}

/// Waits until the element `css` is on screen (in the DOM and not hidden).
async fn wait_shown(browser: &Browser, css: &str) {
    let shown = format!("const e = document.querySelector('{css}'); return !!e && e.offsetParent !== null;");
    eventually(&format!("{css} is shown"), async || script(browser, &shown).await == json!(true)).await;
}

async fn wait_for_url(browser: &Browser, expected: &str) {
    wait_for_eq("the address", expected.to_owned(), async || url(browser).await).await;
}

/// Waits until focus is on the element `id` (moved there after the page has rendered).
async fn wait_for_focus(browser: &Browser, id: &str) {
    wait_for_eq("the focused element's id", id.to_owned(), async || focused(browser).await).await;
}

async fn no_page_errors(browser: &Browser) {
    let (violations, errors) = browser.page_errors().await;
    assert_eq!(violations, Vec::<String>::new(), "no CSP violation at {}", url(browser).await);
    assert_eq!(errors, Vec::<String>::new(), "no error while loading {}", url(browser).await);
}

#[tokio::test]
async fn back_and_forward_move_between_the_form_the_preview_and_the_submit_review_losing_nothing() {
    let stand_in = hosted();
    let browser = watched_browser().await;
    browser.open_with_draft(&stand_in, &half_answers()).await;
    let form = format!("{}?app={DEMO_APP_KEY}", stand_in.app_url());
    wait_for_url(&browser, &form).await;
    assert_eq!(title(&browser).await, "Privacy & Security tab — privacy-tab");
    // Typed and not yet saved when the partner leaves for the preview.
    let typed = "https://example.com/legal/priv";
    browser.find(&format!("#q-{}", ids::PRIVACY_POLICY)).await.send_keys(typed).await.unwrap();

    browser.find("#save-and-preview").await.click().await.unwrap();
    let preview = format!("{}preview?app={DEMO_APP_KEY}", stand_in.app_url());
    wait_for_url(&browser, &preview).await;
    wait_shown(&browser, "#preview-page").await;
    wait_for_focus(&browser, "preview-page-title").await;
    assert_eq!(title(&browser).await, "Preview of your tab — privacy-tab");

    browser.client.back().await.unwrap();
    wait_for_url(&browser, &form).await;
    wait_shown(&browser, "#save-and-preview").await;
    assert!(!browser.exists("#preview-page").await, "Back leaves the preview");
    wait_for_focus(&browser, "save-and-preview").await;
    assert_eq!(title(&browser).await, "Privacy & Security tab — privacy-tab");
    let kept = browser.find(&format!("#q-{}", ids::PRIVACY_POLICY)).await.prop("value").await.unwrap();
    assert_eq!(kept.as_deref(), Some(typed), "nothing typed is lost on the way back");

    browser.client.forward().await.unwrap();
    wait_for_url(&browser, &preview).await;
    wait_shown(&browser, "#preview-page").await;
    wait_for_focus(&browser, "preview-page-title").await;

    // The expanded view is part of the preview's address, in place (Back still goes to the form).
    browser.find("#preview-page .show-expanded").await.click().await.unwrap();
    let expanded = format!("{}preview?app={DEMO_APP_KEY}&view=expanded", stand_in.app_url());
    wait_for_url(&browser, &expanded).await;

    browser.find("#submit-and-publish").await.click().await.unwrap();
    wait_for_url(&browser, &format!("{}submit?app={DEMO_APP_KEY}", stand_in.app_url())).await;
    wait_for_focus(&browser, "submit-review-heading").await;
    assert_eq!(title(&browser).await, "Submit to the Marketplace — privacy-tab");

    browser.client.back().await.unwrap();
    wait_for_url(&browser, &expanded).await;
    wait_shown(&browser, "#preview-page").await;
    assert!(!browser.exists("#confirm-submit").await, "Back closes the submit review");
    let pressed = browser.find("#preview-page .show-expanded").await.attr("aria-pressed").await.unwrap();
    assert_eq!(pressed.as_deref(), Some("true"), "the preview comes back on the view its address names");

    browser.client.back().await.unwrap();
    wait_for_url(&browser, &form).await;
    wait_shown(&browser, "#save-and-preview").await;
    let kept = browser.find(&format!("#q-{}", ids::PRIVACY_POLICY)).await.prop("value").await.unwrap();
    assert_eq!(kept.as_deref(), Some(typed));

    browser.client.forward().await.unwrap();
    browser.client.forward().await.unwrap();
    wait_for_url(&browser, &format!("{}submit?app={DEMO_APP_KEY}", stand_in.app_url())).await;
    wait_shown(&browser, "#confirm-submit").await;
    // Back to the form from the review: focus returns to the submit section.
    browser.find("#review-back").await.click().await.unwrap();
    wait_for_url(&browser, &form).await;
    wait_for_focus(&browser, "submit-heading").await;
    no_page_errors(&browser).await;
    browser.close().await;
}

#[tokio::test]
async fn addresses_open_cold_from_a_sub_path_under_the_policy_on_the_page_they_name() {
    let stand_in = hosted();
    let browser = watched_browser().await;
    let base = stand_in.app_url();

    browser.client.goto(&format!("{base}preview?view=expanded")).await.unwrap();
    wait_shown(&browser, "#preview-page").await;
    assert!(!browser.find("#save-and-preview").await.is_displayed().await.unwrap(), "the form stays hidden");
    let pressed = browser.find("#preview-page .show-expanded").await.attr("aria-pressed").await.unwrap();
    assert_eq!(pressed.as_deref(), Some("true"), "view=expanded opens the expanded view");
    wait_for_focus(&browser, "preview-page-title").await;
    assert_eq!(title(&browser).await, "Preview of your tab — privacy-tab");
    no_page_errors(&browser).await;

    browser.client.goto(&format!("{base}submit")).await.unwrap();
    wait_for_focus(&browser, "submit-review-heading").await;
    no_page_errors(&browser).await;

    // A question of another app's draft: its key opens it, the question gets focus.
    let other = "com.example.other-app";
    browser.client.goto(&format!("{base}?app={other}#q-{}", ids::SECURITY_CONTACT)).await.unwrap();
    wait_for_focus(&browser, &format!("q-{}", ids::SECURITY_CONTACT)).await;
    let key = browser.find("#app-key").await.prop("value").await.unwrap();
    assert_eq!(key.as_deref(), Some(other), "?app= opens that app's draft");
    no_page_errors(&browser).await;

    // A section: its heading.
    browser.client.goto(&format!("{base}?app={other}#section-security")).await.unwrap();
    wait_for_focus(&browser, "section-security-title").await;

    // An address the app does not have is the host's 404, as on a static host.
    let missing = ureq::get(&format!("{base}no-such-page")).call();
    assert!(matches!(missing, Err(ureq::Error::Status(404, _))), "{missing:?}");
    // Each route is served the page with its headers (the strict policy among them).
    for route in ["preview", "submit", "review", "import"] {
        let page = ureq::get(&format!("{base}{route}")).call().unwrap();
        assert!(page.header("content-security-policy").is_some_and(|p| p.contains("script-src 'self'")), "{route}");
    }
    browser.close().await;
}

#[tokio::test]
async fn another_page_s_address_starts_the_app_at_once_and_never_shows_the_form_rendered_ahead() {
    let stand_in = hosted();
    let browser = watched_browser().await;
    browser.hold_the_wasm(false).await;
    browser.client.goto(&format!("{}preview", stand_in.app_url())).await.unwrap();
    // The page holds the form rendered at build time (index.html is every address's page)…
    let prerendered = browser.find(".prerendered #save-and-preview").await;
    assert!(!prerendered.is_displayed().await.unwrap(), "…but an address of the preview does not show it");
    script(&browser, "window.__arrive();").await;
    // No partner has touched the page: the app starts by itself, on the page the address names.
    wait_shown(&browser, "#preview-page").await;
    browser.wait_until_started().await;
    no_page_errors(&browser).await;
    browser.close().await;
}

#[tokio::test]
async fn the_error_summary_and_the_meter_link_to_each_question_s_own_address() {
    let stand_in = hosted();
    let browser = watched_browser().await;
    browser.open_app(&stand_in.app_url()).await;
    let next = browser.find("#next-unanswered").await;
    let href = next.attr("href").await.unwrap().unwrap_or_default();
    assert_eq!(href, format!("#q-{}", ids::STORES_EUD), "the first unanswered question");
    next.click().await.unwrap();
    wait_for_url(&browser, &format!("{}?app={DEMO_APP_KEY}#q-{}", stand_in.app_url(), ids::STORES_EUD)).await;
    assert!(focused(&browser).await.starts_with(&format!("q-{}", ids::STORES_EUD)), "{}", focused(&browser).await);

    browser.find(&format!("#q-{}", ids::SECURITY_CONTACT)).await.send_keys("nobody").await.unwrap();
    browser.find("#save-and-preview").await.click().await.unwrap();
    let link = browser.find("#error-summary ul > li > a").await;
    let target = link.attr("href").await.unwrap().unwrap_or_default();
    link.click().await.unwrap();
    wait_for_url(&browser, &format!("{}?app={DEMO_APP_KEY}{target}", stand_in.app_url())).await;
    assert_eq!(format!("#{}", focused(&browser).await), target);
    browser.close().await;
}

/// The review link the partner's preview copies, for these answers (signed in, so the e-mail
/// and token are in the page), on the expanded view.
async fn copy_review_link(stand_in: &StandIn, answers: &Answers) -> String {
    let browser = watched_browser().await;
    browser.open_with_draft(stand_in, answers).await;
    browser.sign_in().await;
    browser.find("#save-and-preview").await.click().await.unwrap();
    browser.find("#preview-page .show-expanded").await.click().await.unwrap();
    browser.find("#copy-review-link").await.click().await.unwrap();
    let field = browser.find("#review-link-url").await;
    let link = field.prop("value").await.unwrap().unwrap_or_default();
    browser.screenshot("review-link-copied").await;
    no_page_errors(&browser).await;
    browser.close().await;
    link
}

#[tokio::test]
async fn a_colleague_opens_a_review_link_cold_reads_prints_and_imports_it_only_after_seeing_the_changes() {
    let stand_in = hosted();
    let answers = realistic_answers();
    let link = copy_review_link(&stand_in, &answers).await;
    let (address, fragment) = link.split_once('#').expect("the answers are in the fragment");
    assert_eq!(address, format!("{}review?view=expanded", stand_in.app_url()), "no app key in the link");
    let payload = review_payload(fragment);
    for secret in [EMAIL, TOKEN, DEMO_APP_KEY] {
        assert!(!payload.contains(secret), "{secret} is not in the link: {payload}");
    }
    assert_eq!(answers_of(payload.as_bytes()), Ok(effective(&answers)), "the link holds the tab's answers");

    // The colleague has a draft of their own, in another browser.
    let colleague = watched_browser().await;
    // Planted from a page of the origin where the app does not run, then the link opened as
    // it is, with no click (the harness's usual click on the title would take focus away).
    colleague.client.goto(&format!("{}/_stand-in/health", stand_in.origin)).await.unwrap();
    let draft = e2e::fixtures::draft_json(DEMO_APP_KEY, &half_answers());
    colleague
        .execute(
            "localStorage.setItem('privacy-tab:last-app-key', arguments[0]); localStorage.setItem(arguments[1], arguments[2]);",
            vec![json!(DEMO_APP_KEY), json!(e2e::fixtures::draft_key(DEMO_APP_KEY)), json!(draft)],
        )
        .await;
    colleague.client.goto(&link).await.unwrap();
    wait_shown(&colleague, "#review-page .listing-tab").await;
    wait_for_focus(&colleague, "review-page-title").await;
    assert_eq!(url(&colleague).await, link, "the address stays the link as sent (no app key of theirs added)");
    assert_eq!(title(&colleague).await, "Review a Privacy & Security tab — privacy-tab");
    assert!(!colleague.exists("#save-and-preview").await, "read-only: no form");
    // Opened cold, the link downloads the review page's files and nothing else: what
    // size-budget.toml's `review` figure counts (tests/e2e/tests/size_budget.rs), none of the app.
    let loaded = loaded_files(&colleague, &stand_in).await;
    let review_page = e2e::sizes::read(&e2e::workspace_root()).unwrap().into_iter().find(|page| page.name == "review");
    let review_files: Vec<String> =
        review_page.expect("bundle.json lists the review page").files.into_iter().map(|f| f.file).collect();
    for file in &loaded {
        assert!(review_files.contains(file), "{file} is no file of the review page ({review_files:?})");
    }
    assert!(loaded.iter().any(|file| file.ends_with("_bg.wasm")), "the renderer's wasm: {loaded:?}");
    let pressed = colleague.find("#review-page .show-expanded").await.attr("aria-pressed").await.unwrap();
    assert_eq!(pressed.as_deref(), Some("true"), "opens on the view the link names");
    let parties = colleague
        .wait_for_text(
            &format!("#review-page [data-question={}] .listing-value", ids::THIRD_PARTIES),
            "Amazon Web Services",
        )
        .await;
    assert!(parties.contains("Cloud hosting"), "{parties}");
    no_page_errors(&colleague).await;
    colleague.screenshot("review-link-opened").await;

    colleague.emulate_print(true).await;
    for hidden in ["#print-review", "#import-review", "#review-page .view-toggle"] {
        assert!(!colleague.find(hidden).await.is_displayed().await.unwrap(), "{hidden} does not print");
    }
    colleague.emulate_print(false).await;

    // The view picked goes into the address, which stays the link otherwise.
    colleague.find("#review-page .show-default").await.click().await.unwrap();
    wait_for_url(&colleague, &format!("{}review#{fragment}", stand_in.app_url())).await;
    colleague.find("#review-page .show-expanded").await.click().await.unwrap();
    wait_for_url(&colleague, &link).await;

    // "Import into my draft" hands the link over to the app, whose import shows what it changes.
    colleague.find("#import-review").await.click().await.unwrap();
    let summary = colleague.wait_for_text(".import-preview", "Importing it changes").await;
    assert_eq!(url(&colleague).await, format!("{}import?view=expanded#{fragment}", stand_in.app_url()));
    assert!(summary.contains("review link"), "{summary}");
    colleague.screenshot("review-link-import").await;
    let stored = colleague.local_item(&e2e::fixtures::draft_key(DEMO_APP_KEY)).await.unwrap_or_default();
    assert!(!stored.contains("aws.amazon.com"), "nothing is applied before Apply");
    colleague.find(".apply-import").await.click().await.unwrap();
    wait_for_url(&colleague, &format!("{}?app={DEMO_APP_KEY}", stand_in.app_url())).await;
    colleague.wait_for_text(".autosave-status", "Imported “review link”").await;
    let policy = colleague.find(&format!("#q-{}", ids::SECURITY_POLICY)).await.prop("value").await.unwrap();
    assert_eq!(policy.as_deref(), Some("https://example.com/security"), "the link's answers are the draft now");
    colleague.close().await;
}

/// The files of the bundle the page in `browser` has downloaded, as bundle.json names them.
async fn loaded_files(browser: &Browser, stand_in: &StandIn) -> Vec<String> {
    let names = script(browser, "return performance.getEntriesByType('resource').map(r => r.name);").await;
    let folder = stand_in.app_url();
    let mut files: Vec<String> = serde_json::from_value::<Vec<String>>(names)
        .unwrap()
        .into_iter()
        .map(|name| name.strip_prefix(&folder).unwrap_or(&name).to_owned())
        .collect();
    files.sort();
    files
}

#[tokio::test]
async fn damaged_newer_empty_and_hostile_review_links_say_so_or_show_text_and_never_break_the_app() {
    let stand_in = hosted();
    let browser = watched_browser().await;
    let review = format!("{}review", stand_in.app_url());
    let fragment = review_fragment(&realistic_answers());

    let middle = fragment.len() / 2;
    let swapped = if &fragment[middle..=middle] == "A" { "B" } else { "A" };
    let changed = format!("{}{swapped}{}", &fragment[..middle], &fragment[middle + 1..]);
    let cut = &fragment[..fragment.len() * 2 / 3];
    let newer = fragment.replacen("v1.", "v2.", 1);
    // Answers the tab would show, then 10 MB of spaces (still valid JSON): they inflate past
    // review_link::MAX_PAYLOAD_BYTES, so reading stops there, whatever follows.
    let mut bomb = br#"{"version": 1, "answers": {}}"#.to_vec();
    bomb.resize(10 * 1024 * 1024, b' ');
    let bomb = questionnaire::review_link::fragment(&miniz_oxide::deflate::compress_to_vec_zlib(&bomb, 10));
    for (what, address, says) in [
        ("one character changed", format!("{review}#{changed}"), "damaged"),
        ("cut short", format!("{review}#{cut}"), "damaged"),
        ("from a newer version", format!("{review}#{newer}"), "newer version of privacy-tab"),
        ("inflating to 10 MB", format!("{review}#{bomb}"), "damaged"),
        ("no fragment", review.clone(), "holds no answers"),
    ] {
        browser.client.goto(&address).await.unwrap();
        let problem = browser.wait_for_text("#review-link-problem", says).await;
        assert!(problem.contains("ask for"), "{what}: says what to do: {problem}");
        assert!(!browser.exists("#review-page .listing-tab").await, "{what}: no tab is shown");
        if what == "one character changed" {
            browser.screenshot("review-link-damaged").await;
        }
        no_page_errors(&browser).await;
    }
    // On to the form, at its address (the app, which the review page does not load, loads there).
    browser.find("#review-page a").await.click().await.unwrap();
    wait_for_url(&browser, &stand_in.app_url()).await;
    wait_shown(&browser, "#save-and-preview").await;

    let mut hostile = Answers::new();
    hostile.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
    let markup = r#"<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">"#;
    hostile.set(ids::STORED_DATA_TYPES, Answer::List(vec![markup.into()]));
    hostile.set(ids::PRIVACY_POLICY, Answer::Text("javascript:window.pwned = 3".into()));
    hostile.set(ids::SHARES_EUD, Answer::Choice(choice::YES.into()));
    hostile.set(
        ids::THIRD_PARTIES,
        Answer::ThirdParties(vec![ThirdParty {
            name: markup.into(),
            domain: "javascript:window.pwned = 4".into(),
            countries: vec![],
            purpose: "</dd></dl><h1>owned</h1>".into(),
        }]),
    );
    browser.client.goto(&format!("{review}?view=expanded#{}", review_fragment(&hostile))).await.unwrap();
    let shown = browser
        .wait_for_text(&format!("#review-page [data-question={}] .listing-value", ids::STORED_DATA_TYPES), "<script>")
        .await;
    assert!(shown.contains(markup), "shown as typed: {shown}");
    let made =
        script(&browser, "return document.querySelectorAll('#review-page .listing-tab :is(script, img, h1)').length;")
            .await;
    assert_eq!(made, json!(0), "no element is made from the link's text");
    let policy = format!("#review-page [data-question={}] .listing-value", ids::PRIVACY_POLICY);
    browser.wait_for_text(&policy, "javascript:").await;
    assert!(!browser.exists(&format!("{policy} a")).await, "no link for javascript:");
    assert!(!browser.exists(&format!("#review-page [data-question={}] a", ids::THIRD_PARTIES)).await);
    assert_eq!(script(&browser, "return window.pwned === undefined;").await, json!(true));
    no_page_errors(&browser).await;
    browser.close().await;
}

/// A questionnaire whose review link is longer than common browsers keep: many third parties
/// with text that does not compress.
fn incompressible(rows: usize) -> Answers {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut word = |length: usize| -> String {
        (0..length)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                char::from(b"abcdefghijklmnopqrstuvwxyz0123456789"[(seed % 36) as usize])
            })
            .collect()
    };
    let mut answers = questionnaire::sample::complete(0);
    let parties = (0..rows)
        .map(|_| ThirdParty {
            name: word(24),
            domain: format!("{}.example.com", word(12)),
            countries: vec!["Germany".into()],
            purpose: word(24),
        })
        .collect();
    answers.set(ids::THIRD_PARTIES, Answer::ThirdParties(parties));
    answers
}

#[tokio::test]
async fn a_review_link_too_long_for_common_browsers_is_said_to_be() {
    let stand_in = hosted();
    let browser = watched_browser().await;
    browser.open_with_draft(&stand_in, &incompressible(200)).await;
    browser.find("#save-and-preview").await.click().await.unwrap();
    browser.find("#copy-review-link").await.click().await.unwrap();
    let warning = browser.wait_for_text(".review-link-too-long", "KB long").await;
    let link = browser.find("#review-link-url").await.prop("value").await.unwrap().unwrap_or_default();
    assert!(link.len() > 8 * 1024, "{} characters", link.len());
    assert!(warning.contains("8 KB"), "{warning}");

    // A short one is not.
    browser.open_with_draft(&stand_in, &half_answers()).await;
    browser.find("#save-and-preview").await.click().await.unwrap();
    browser.find("#copy-review-link").await.click().await.unwrap();
    browser.find("#review-link-url").await;
    assert!(!browser.exists(".review-link-too-long").await);
    browser.close().await;
}

/// The tab's markup, element by element: tag, attributes (classes in any order) and text;
/// comments (a renderer's markers) left out.
const TAB_MARKUP: &str = r#"
const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const attributes = [...node.attributes]
        .map((a) => a.name === 'class' ? `class="${[...node.classList].sort().join(' ')}"` : `${a.name}="${a.value}"`)
        .sort()
        .join(' ');
    return `<${node.localName} ${attributes}>${[...node.childNodes].map(walk).join('')}</${node.localName}>`;
};
const tab = document.querySelector('#review-page .listing-tab');
return tab ? walk(tab) : null;
"#;

/// Whatever renders a review link, the tab is the app's own markup: the review page (the
/// widget's renderer) and the app's review page (its preview's components, at `./import`)
/// make the very same elements for the same link, on both views and with a term's toggletip open.
#[tokio::test]
async fn the_review_page_renders_the_very_markup_of_the_app_s_preview() {
    let stand_in = hosted();
    let fragment = review_fragment(&realistic_answers());
    let mut markups = Vec::new();
    for page in ["review", "import"] {
        let browser = watched_browser().await;
        browser.client.goto(&format!("{}{page}?view=expanded#{fragment}", stand_in.app_url())).await.unwrap();
        wait_shown(&browser, "#review-page .listing-tab").await;
        let mut views = Vec::new();
        views.push(script(&browser, TAB_MARKUP).await);
        browser.find("#review-page .listing-tab .term").await.click().await.unwrap();
        browser.find("#review-page .listing-tab .term-definition").await;
        views.push(script(&browser, TAB_MARKUP).await);
        browser.find("#review-page .listing-tab .term").await.click().await.unwrap();
        browser.find("#review-page .show-default").await.click().await.unwrap();
        views.push(script(&browser, TAB_MARKUP).await);
        no_page_errors(&browser).await;
        browser.close().await;
        markups.push(views);
    }
    for (view, (review, app)) in ["expanded", "a term open", "default"].iter().zip(markups[0].iter().zip(&markups[1])) {
        assert!(review.as_str().is_some_and(|markup| markup.contains("listing-row")), "{view}: {review}");
        let (review_text, app_text) = (review.as_str().unwrap_or_default(), app.as_str().unwrap_or_default());
        let differs = review_text.chars().zip(app_text.chars()).take_while(|(a, b)| a == b).count();
        let near = |text: &str| text.chars().skip(differs.saturating_sub(300)).take(600).collect::<String>();
        assert!(
            review_text == app_text,
            "{view}: the review page's tab and the app's differ from character {differs}:\n  review page: …{}…\n  app:         …{}…",
            near(review_text),
            near(app_text)
        );
    }
}
