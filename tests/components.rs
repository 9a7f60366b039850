//! Component tests: the real components, mounted in headless Chromium by wasm-bindgen-test.
//! Run with `cargo test -p privacy-tab --target wasm32-unknown-unknown` (scripts/test does).

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use privacy_tab::form::QuestionnaireForm;
use privacy_tab::state::Questionnaire;
use questionnaire::{Answer, Answers, ThirdParty};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the form into a fresh container appended to the body (replacing the body would
/// wipe the test runner's own output).
fn mount_form(answers: Answers) -> (web_sys::Element, Questionnaire) {
    let document = document();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), move || {
        tx.send(Questionnaire::provide(answers.clone())).unwrap();
        view! { <QuestionnaireForm /> }
    });
    handle.forget();
    (container, rx.recv().unwrap())
}

fn find(container: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    container.query_selector(selector).unwrap()
}

async fn settle() {
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn yes_reveals_the_data_types_follow_up_and_no_hides_it() {
    let (form, _) = mount_form(Answers::new());
    assert!(find(&form, "#q-stored_data_types").is_none(), "the follow-up is hidden before any answer");

    find(&form, "#q-stores_eud-yes").unwrap().unchecked_into::<HtmlElement>().click();
    settle().await;
    assert!(find(&form, "#q-stored_data_types").is_some(), "Yes reveals the data types question");

    find(&form, "#q-stores_eud-no").unwrap().unchecked_into::<HtmlElement>().click();
    settle().await;
    assert!(find(&form, "#q-stored_data_types").is_none(), "No hides it again");
}

#[wasm_bindgen_test]
async fn typing_a_data_type_and_pressing_enter_adds_it_to_the_answers() {
    let mut answers = Answers::new();
    answers.set("stores_eud", Answer::Choice("yes".into()));
    let (form, questionnaire) = mount_form(answers);
    settle().await;

    let input: HtmlInputElement = find(&form, "#q-stored_data_types").unwrap().unchecked_into();
    input.set_value("IP address");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let enter = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    input.dispatch_event(&enter).unwrap();
    settle().await;

    let stored = questionnaire.snapshot_untracked().list("stored_data_types").to_vec();
    assert_eq!(stored, vec!["IP address".to_owned()]);
    assert_eq!(input.value(), "", "the entry box is cleared for the next type");
    let chips = form.query_selector_all(".chip").unwrap().length();
    assert_eq!(chips, 1, "the added type is shown");
}

#[wasm_bindgen_test]
async fn restored_answers_are_shown_checked() {
    let mut answers = Answers::new();
    answers.set("stores_eud", Answer::Choice("no".into()));
    let (form, _) = mount_form(answers);
    settle().await;
    let no: HtmlInputElement = find(&form, "#q-stores_eud-no").unwrap().unchecked_into();
    let yes: HtmlInputElement = find(&form, "#q-stores_eud-yes").unwrap().unchecked_into();
    assert!(no.checked() && !yes.checked());
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

fn press(element: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

fn input(form: &web_sys::Element, selector: &str) -> HtmlInputElement {
    find(form, selector).unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

#[wasm_bindgen_test]
async fn backspace_in_an_empty_list_box_removes_the_last_entry() {
    let mut answers = Answers::new();
    answers.set("stores_eud", Answer::Choice("yes".into()));
    answers.set("stored_data_types", Answer::List(vec!["Email address".into(), "IP address".into()]));
    let (form, questionnaire) = mount_form(answers);
    settle().await;
    press(&input(&form, "#q-stored_data_types"), "Backspace");
    settle().await;
    let stored = questionnaire.snapshot_untracked().list("stored_data_types").to_vec();
    assert_eq!(stored, vec!["Email address".to_owned()]);
}

#[wasm_bindgen_test]
async fn day_counts_are_kept_exactly_as_typed_and_explained_when_wrong() {
    let mut answers = Answers::new();
    answers.set("retains_after_uninstall", Answer::Choice("yes".into()));
    let (form, questionnaire) = mount_form(answers);
    settle().await;
    let min = input(&form, "#q-retention_days-min");
    type_into(&min, " 30 days");
    settle().await;
    assert_eq!(
        questionnaire.snapshot_untracked().get("retention_days").cloned(),
        Some(Answer::DaysRange { min: " 30 days".into(), max: String::new() }),
        "the text is not rewritten while typing"
    );
    assert_eq!(min.value(), " 30 days");
    // Leaving the question shows what is wrong.
    min.dispatch_event(
        &web_sys::FocusEvent::new_with_focus_event_init_dict("focusout", &{
            let init = web_sys::FocusEventInit::new();
            init.set_bubbles(true);
            init
        })
        .unwrap(),
    )
    .unwrap();
    settle().await;
    let errors = find(&form, "#q-retention_days-error").unwrap().text_content().unwrap_or_default();
    assert!(errors.contains("whole number"), "{errors}");
}

#[wasm_bindgen_test]
async fn other_certification_reveals_a_box_to_name_it() {
    let mut answers = Answers::new();
    answers.set("has_certifications", Answer::Choice("yes".into()));
    let (form, questionnaire) = mount_form(answers);
    settle().await;
    assert!(find(&form, "#q-certifications-other-name").is_none());
    input(&form, "#q-certifications-other").click();
    settle().await;
    let other = input(&form, "#q-certifications-other-name");
    type_into(&other, "PCI DSS");
    settle().await;
    assert_eq!(
        questionnaire.snapshot_untracked().get("certifications").cloned(),
        Some(Answer::Certifications { picked: vec!["Other".into()], other: "PCI DSS".into() })
    );
}

#[wasm_bindgen_test]
async fn a_third_party_row_edits_only_its_own_answer() {
    let mut answers = Answers::new();
    answers.set("stores_eud", Answer::Choice("yes".into()));
    answers.set("shares_eud", Answer::Choice("yes".into()));
    answers.set("third_parties", Answer::ThirdParties(vec![Default::default(), Default::default()]));
    let (form, questionnaire) = mount_form(answers);
    settle().await;
    type_into(&input(&form, "#q-third_parties-1-domain"), "sentry.io");
    settle().await;
    let rows = questionnaire.snapshot_untracked().third_parties("third_parties").to_vec();
    assert_eq!(rows[0].domain, "");
    assert_eq!(rows[1].domain, "sentry.io");
}

/// A row's name that repeats an earlier row's marks the later row's name, and stops when
/// either changes: the rows re-check only when a name they share is taken or left.
#[wasm_bindgen_test]
async fn a_repeated_third_party_name_is_marked_on_the_later_row_only_while_repeated() {
    let mut answers = Answers::new();
    answers.set("stores_eud", Answer::Choice("yes".into()));
    answers.set("shares_eud", Answer::Choice("yes".into()));
    let named = |name: &str| ThirdParty { name: name.into(), ..ThirdParty::default() };
    answers.set("third_parties", Answer::ThirdParties(vec![named("AWS"), named("Sentry"), named("Stripe")]));
    let (form, questionnaire) = mount_form(answers);
    settle().await;
    let name = |row: usize| input(&form, &format!("#q-third_parties-{row}-name"));
    let marked = |row: usize| name(row).get_attribute("aria-invalid").is_some();
    // Leaving a field of the question shows its errors.
    let left = web_sys::FocusEventInit::new();
    left.set_bubbles(true);
    name(0).dispatch_event(&web_sys::FocusEvent::new_with_focus_event_init_dict("focusout", &left).unwrap()).unwrap();
    settle().await;
    assert!(!(0..3).any(marked), "no name repeats yet");

    type_into(&name(0), "stripe ");
    settle().await;
    assert_eq!((0..3).map(marked).collect::<Vec<_>>(), [false, false, true], "the later row repeats the first");
    type_into(&name(1), "Stripe");
    settle().await;
    assert_eq!((0..3).map(marked).collect::<Vec<_>>(), [false, true, true], "both later rows repeat it");
    type_into(&name(0), "AWS");
    settle().await;
    assert_eq!((0..3).map(marked).collect::<Vec<_>>(), [false, false, true], "the third repeats the second now");
    type_into(&name(2), "Stripe Inc");
    settle().await;
    assert!(!(0..3).any(marked), "no name repeats any more");

    // Whole answers replaced (a draft loaded, another tab's save): rows that come back into
    // use look again.
    let with_rows = |rows: Vec<ThirdParty>| {
        let mut answers = questionnaire.snapshot_untracked();
        answers.set("third_parties", Answer::ThirdParties(rows));
        answers
    };
    questionnaire.replace_all(with_rows(vec![named("AWS"), named("AWS")]));
    settle().await;
    assert!(marked(1), "the second row repeats the first");
    questionnaire.replace_all(with_rows(vec![named("AWS")]));
    settle().await;
    type_into(&name(0), "Sentry");
    settle().await;
    questionnaire.replace_all(with_rows(vec![named("Sentry"), named("AWS")]));
    settle().await;
    assert!(!marked(1), "the second row, back, no longer repeats the first");
}

#[wasm_bindgen_test]
async fn escape_closes_an_open_help_text() {
    let (form, _) = mount_form(Answers::new());
    settle().await;
    let details: web_sys::HtmlDetailsElement =
        find(&form, "[data-question=stores_eud] details.help").unwrap().unchecked_into();
    details.set_open(true);
    details.dispatch_event(&web_sys::Event::new("toggle").unwrap()).unwrap();
    settle().await;
    press(&details, "Escape");
    settle().await;
    assert!(!details.open(), "Escape closes the help");
}
