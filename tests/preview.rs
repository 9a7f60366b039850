//! Component tests of the app's listing tab renderer (the preview; the widget, crates/widget,
//! renders the same markup and is covered by tests/e2e/tests/widget.rs): every kind of
//! answer, every "not provided" case, the views, change marks, and partner text kept as text.
//! Run with `cargo test -p privacy-tab --target wasm32-unknown-unknown` (scripts/test does).

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use privacy_tab::preview::ListingTab;
use questionnaire::catalogue::ids::{self, choice};
use questionnaire::catalogue::QuestionId;
use questionnaire::{Answer, Answers, ThirdParty};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::Mounted;

const NOT_PROVIDED: &str = "Response not provided by the partner";

/// Mounts the tab into a fresh container appended to the body, with the tab's own stylesheet,
/// and hands back the answers signal so a test can change them. The tab is gone again when the
/// test ends.
fn mount_tab(answers: Answers, live: Option<Answers>) -> (Mounted, RwSignal<Answers>) {
    let document = document();
    if document.get_element_by_id("listing-tab-css").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("listing-tab-css");
        style.set_text_content(Some(include_str!("../style/listing-tab.css")));
        document.head().unwrap().append_child(&style).unwrap();
    }
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), move || {
        let answers = RwSignal::new(answers.clone());
        tx.send(answers).unwrap();
        match live.clone() {
            Some(live) => view! { <ListingTab answers live=Signal::derive(move || Some(live.clone())) /> }.into_any(),
            None => view! { <ListingTab answers /> }.into_any(),
        }
    });
    let answers = rx.recv().unwrap();
    (Mounted::new(container, handle), answers)
}

fn value(tab: &Element, id: QuestionId) -> Option<Element> {
    tab.query_selector(&format!("[data-question={id}] .listing-value")).unwrap()
}

fn text(tab: &Element, id: QuestionId) -> String {
    value(tab, id).unwrap_or_else(|| panic!("no row for {id}")).text_content().unwrap_or_default()
}

fn shown(element: &Element) -> bool {
    element.unchecked_ref::<HtmlElement>().offset_parent().is_some()
}

fn row(tab: &Element, id: QuestionId) -> Element {
    tab.query_selector(&format!("[data-question={id}]")).unwrap().unwrap_or_else(|| panic!("no row for {id}"))
}

async fn settle() {
    leptos::task::tick().await;
}

fn answered(pairs: &[(QuestionId, Answer)]) -> Answers {
    let mut answers = Answers::new();
    for (id, answer) in pairs {
        answers.set(id, answer.clone());
    }
    answers
}

fn yes(id: QuestionId) -> (QuestionId, Answer) {
    (id, Answer::Choice(choice::YES.into()))
}

#[wasm_bindgen_test]
async fn unanswered_questions_read_not_provided_and_atlassians_rows_say_who_provides_them() {
    let (tab, _) = mount_tab(Answers::new(), None);
    settle().await;
    for id in [ids::STORES_EUD, ids::DATA_RESIDENCY, ids::GDPR_CONTROLLER, ids::PRIVACY_POLICY, ids::SECURITY_CONTACT] {
        assert_eq!(text(&tab, id), NOT_PROVIDED, "{id}");
        assert!(value(&tab, id).unwrap().query_selector(".not-provided").unwrap().is_some());
    }
    for id in [ids::BUG_BOUNTY, ids::INTEGRATION_PERMISSIONS] {
        let shown = text(&tab, id);
        assert!(
            shown.contains("Information already available with Atlassian") && shown.contains("From Atlassian"),
            "{shown}"
        );
    }
    assert!(value(&tab, ids::STORED_DATA_TYPES).is_none(), "a follow-up that is not asked has no row");
}

#[wasm_bindgen_test]
async fn yes_no_answers_say_what_they_mean_and_other_choices_read_as_worded() {
    let (tab, _) = mount_tab(
        answered(&[
            yes(ids::STORES_EUD),
            (ids::PROCESSES_EUD, Answer::Choice(choice::NO.into())),
            (ids::GDPR_CONTROLLER, Answer::Choice(choice::NOT_APPLICABLE.into())),
            (ids::DATA_RESIDENCY, Answer::Choice(choice::RESIDENCY_WITHIN_ATLASSIAN.into())),
            (ids::GDPR_PROCESSOR, Answer::Unknown("SOMETHING_NEW".into())),
        ]),
        None,
    );
    settle().await;
    let stores = value(&tab, ids::STORES_EUD).unwrap();
    assert_eq!(stores.query_selector(".answer-word").unwrap().unwrap().text_content().unwrap(), "Yes");
    assert_eq!(
        stores.query_selector(".statement").unwrap().unwrap().text_content().unwrap(),
        "The app stores End-User Data outside Atlassian products and services."
    );
    assert!(text(&tab, ids::PROCESSES_EUD).starts_with("No"));
    assert!(text(&tab, ids::GDPR_CONTROLLER).contains("The partner is not subject to the GDPR."));
    let residency = text(&tab, ids::DATA_RESIDENCY);
    assert!(residency.starts_with("Yes. App stores End-User Data exclusively within Atlassian"), "{residency}");
    assert!(!residency.contains("]("), "the spec's Markdown link reads as plain text: {residency}");
    assert_eq!(text(&tab, ids::GDPR_PROCESSOR), "SOMETHING_NEW", "an API value no choice knows is shown raw");
}

#[wasm_bindgen_test]
async fn lists_texts_days_checkboxes_and_certifications() {
    let (tab, _) = mount_tab(
        answered(&[
            yes(ids::STORES_EUD),
            (ids::STORED_DATA_TYPES, Answer::List(vec!["Email address".into(), " ".into(), "IP address".into()])),
            yes(ids::PROCESSES_EUD),
            (ids::SAME_DATA_PROCESSED_AND_STORED, Answer::Flag(true)),
            yes(ids::RETAINS_AFTER_UNINSTALL),
            (ids::RETENTION_DAYS, Answer::DaysRange { min: "30".into(), max: "30".into() }),
            yes(ids::TRANSFERS_EEA_DATA),
            yes(ids::TRANSFER_MECHANISM),
            (ids::TRANSFER_MECHANISM_DETAILS, Answer::Text(" Standard Contractual Clauses ".into())),
            yes(ids::HAS_CERTIFICATIONS),
            (
                ids::CERTIFICATIONS,
                Answer::Certifications { picked: vec!["SOC2".into(), "Other".into()], other: "ISO 27018".into() },
            ),
        ]),
        None,
    );
    settle().await;
    let items = |id: QuestionId| -> Vec<String> {
        let list = value(&tab, id).unwrap().query_selector_all("li").unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap()).collect()
    };
    assert_eq!(items(ids::STORED_DATA_TYPES), ["Email address", "IP address"]);
    assert_eq!(
        items(ids::PROCESSED_DATA_TYPES),
        ["Email address", "IP address"],
        "the ticked box copies the stored types"
    );
    assert!(text(&tab, ids::SAME_DATA_PROCESSED_AND_STORED).contains("same End-User Data types it stores"));
    assert_eq!(text(&tab, ids::RETENTION_DAYS), "30 days");
    assert!(text(&tab, ids::RETENTION_INDEFINITE).starts_with("No"), "a shown, unticked box reads No");
    assert_eq!(text(&tab, ids::TRANSFER_MECHANISM_DETAILS), "Standard Contractual Clauses");
    assert_eq!(items(ids::CERTIFICATIONS), ["SOC2", "ISO 27018"]);
}

#[wasm_bindgen_test]
async fn empty_follow_ups_and_an_empty_other_read_not_provided() {
    let (tab, _) = mount_tab(
        answered(&[
            yes(ids::STORES_EUD),
            (ids::STORED_DATA_TYPES, Answer::List(vec!["  ".into()])),
            yes(ids::HAS_CERTIFICATIONS),
            (ids::CERTIFICATIONS, Answer::Certifications { picked: vec!["Other".into()], other: " ".into() }),
            yes(ids::SHARES_EUD),
            (ids::THIRD_PARTIES, Answer::ThirdParties(vec![ThirdParty::default()])),
            (ids::SECURITY_CONTACT, Answer::Text("   ".into())),
        ]),
        None,
    );
    settle().await;
    for id in [ids::STORED_DATA_TYPES, ids::CERTIFICATIONS, ids::THIRD_PARTIES, ids::SECURITY_CONTACT] {
        assert_eq!(text(&tab, id), NOT_PROVIDED, "{id}");
    }
    // The link and the rows stand in for each other: one "not provided" for both.
    assert!(value(&tab, ids::SUB_PROCESSOR_LIST).is_none());
}

#[wasm_bindgen_test]
async fn links_open_safely_and_only_for_web_addresses() {
    let (tab, _) = mount_tab(
        answered(&[
            (ids::PRIVACY_POLICY, Answer::Text("https://example.com/privacy".into())),
            (ids::SECURITY_POLICY, Answer::Text("javascript:alert(1)".into())),
            (ids::SECURITY_CONTACT, Answer::Text("security@example.com".into())),
            yes(ids::SHARES_EUD),
            (
                ids::THIRD_PARTIES,
                Answer::ThirdParties(vec![
                    ThirdParty {
                        name: "AWS".into(),
                        domain: "aws.amazon.com".into(),
                        countries: vec!["Germany".into(), "United States".into()],
                        purpose: "Hosting".into(),
                    },
                    ThirdParty { name: "Evil".into(), domain: "javascript:alert(1)".into(), ..ThirdParty::default() },
                ]),
            ),
        ]),
        None,
    );
    settle().await;
    let link = value(&tab, ids::PRIVACY_POLICY).unwrap().query_selector("a").unwrap().expect("a link");
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://example.com/privacy"));
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer nofollow"));
    assert!(value(&tab, ids::SECURITY_POLICY).unwrap().query_selector("a").unwrap().is_none());
    assert_eq!(text(&tab, ids::SECURITY_POLICY), "javascript:alert(1)");
    assert!(value(&tab, ids::SECURITY_CONTACT).unwrap().query_selector("a").unwrap().is_none(), "e-mail is text");
    assert_eq!(text(&tab, ids::SECURITY_CONTACT), "security@example.com");

    let parties = value(&tab, ids::THIRD_PARTIES).unwrap().query_selector_all(".third-party").unwrap();
    assert_eq!(parties.length(), 2);
    let aws: Element = parties.item(0).unwrap().unchecked_into();
    let aws_link = aws.query_selector("a").unwrap().expect("the domain links to its site");
    assert_eq!(aws_link.get_attribute("href").as_deref(), Some("https://aws.amazon.com"));
    assert!(aws.text_content().unwrap().contains("Germany, United States"));
    let evil: Element = parties.item(1).unwrap().unchecked_into();
    assert!(evil.query_selector("a").unwrap().is_none(), "no link for a javascript: domain");
    assert_eq!(evil.query_selector_all("dt").unwrap().length(), 1, "blank details are left out");
}

#[wasm_bindgen_test]
async fn partner_text_is_never_markup_and_long_words_wrap() {
    let markup = r#"<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"><b>bold</b>"#;
    let long_word = "W".repeat(500);
    let (tab, _) = mount_tab(
        answered(&[
            yes(ids::STORES_EUD),
            (ids::STORED_DATA_TYPES, Answer::List(vec![markup.into(), long_word.clone()])),
        ]),
        None,
    );
    tab.set_attribute("style", "width: 360px").unwrap();
    settle().await;
    let shown = value(&tab, ids::STORED_DATA_TYPES).unwrap();
    assert_eq!(shown.query_selector_all("script, img, b").unwrap().length(), 0);
    assert!(shown.text_content().unwrap().contains(markup));
    let article = tab.query_selector(".listing-tab").unwrap().unwrap();
    assert!(
        article.scroll_width() <= article.client_width(),
        "{} > {}",
        article.scroll_width(),
        article.client_width()
    );
}

#[wasm_bindgen_test]
async fn the_default_view_hides_what_only_the_expanded_view_shows() {
    let (tab, _) = mount_tab(answered(&[(ids::SECURITY_CONTACT, Answer::Text("security@example.com".into()))]), None);
    settle().await;
    assert!(shown(&row(&tab, ids::STORES_EUD)));
    assert!(!shown(&row(&tab, ids::SECURITY_CONTACT)), "expanded-only rows are hidden by default");
    let logging = tab.query_selector("[data-section=logging]").unwrap().unwrap();
    assert!(!shown(&logging), "a section without default rows is hidden");

    let expanded: HtmlElement = tab.query_selector(".show-expanded").unwrap().unwrap().unchecked_into();
    expanded.click();
    settle().await;
    assert!(shown(&row(&tab, ids::SECURITY_CONTACT)));
    assert!(shown(&logging));
    assert_eq!(expanded.get_attribute("aria-pressed").as_deref(), Some("true"));

    tab.query_selector(".show-default").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    settle().await;
    assert!(!shown(&row(&tab, ids::SECURITY_CONTACT)));
}

#[wasm_bindgen_test]
async fn rows_follow_the_answers_and_mark_what_differs_from_live() {
    let live = answered(&[(ids::DATA_RESIDENCY, Answer::Choice(choice::RESIDENCY_NOT_SUPPORTED.into()))]);
    let (tab, answers) = mount_tab(live.clone(), Some(live));
    settle().await;
    assert_eq!(tab.query_selector_all(".listing-row.changed").unwrap().length(), 0, "the same answers change nothing");

    answers.update(|a| a.set(ids::DATA_RESIDENCY, Answer::Choice(choice::RESIDENCY_WITHIN_ATLASSIAN.into())));
    settle().await;
    let residency = row(&tab, ids::DATA_RESIDENCY);
    assert!(residency.class_list().contains("changed"));
    let was = residency.query_selector(".was").unwrap().unwrap().text_content().unwrap();
    assert!(was.contains("Customers see now: No. App does not support data residency options."), "{was}");
    assert_eq!(tab.query_selector_all(".listing-row.changed").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn the_terms_in_a_rows_label_are_explained_to_customers() {
    use questionnaire::catalogue::glossary::term;
    let mut answers = Answers::new();
    answers.set(ids::GDPR_CONTROLLER, Answer::Choice(choice::YES.into()));
    let (tab, _) = mount_tab(answers, None);
    leptos::task::tick().await;
    let label = row(&tab, ids::GDPR_CONTROLLER_DATA).query_selector(".listing-label").unwrap().unwrap();
    let terms = label.query_selector_all("button.term").unwrap();
    let named: Vec<String> = (0..terms.length()).map(|i| terms.get(i).unwrap().text_content().unwrap()).collect();
    assert_eq!(named, ["End-User Data", "data controller"], "each term of the label, in its order");
    let note = |index: u32| label.query_selector_all(".term-note").unwrap().get(index).unwrap().text_content().unwrap();
    assert_eq!(
        label.text_content().unwrap(),
        "End-User Data it is a data controller for",
        "closed, the label reads as before"
    );

    let controller: HtmlElement = terms.get(1).unwrap().unchecked_into();
    controller.click();
    leptos::task::tick().await;
    assert_eq!(controller.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(note(1).starts_with(term("data controller").unwrap().definition), "{}", note(1));
    assert_eq!(note(0), "", "only the term asked about opens");
    controller.click();
    leptos::task::tick().await;
    assert_eq!(note(1), "");
}
