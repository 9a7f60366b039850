//! Component tests: the real components, mounted in headless Chromium by wasm-bindgen-test.
//! Run with `cargo test -p privacy-tab --target wasm32-unknown-unknown` (scripts/test does).

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use privacy_tab::draft::{DraftStore, Questionnaire};
use privacy_tab::form::QuestionnaireForm;
use questionnaire::catalogue::ids;
use questionnaire::{Answer, Answers, ThirdParty};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::Mounted;

/// Mounts the form into a fresh container appended to the body (replacing the body would
/// wipe the test runner's own output); it is gone again when the test ends.
fn mount_form(answers: Answers) -> (Mounted, Questionnaire) {
    mount_form_over(move || Questionnaire::provide(answers))
}

/// [`mount_form`] with the draft store of the app `app_key` (whose stored draft is removed
/// first), for what only the store does: replacing the answers whole.
fn mount_form_with_drafts(app_key: &str, answers: Answers) -> (Mounted, (Questionnaire, DraftStore)) {
    window().local_storage().unwrap().unwrap().remove_item(&questionnaire::draft::storage_key(app_key)).unwrap();
    let key = app_key.to_owned();
    mount_form_over(move || {
        let questionnaire = Questionnaire::provide(Answers::new());
        let drafts = DraftStore::start(Some(key.clone()), questionnaire);
        drafts.replace_answers(answers);
        (questionnaire, drafts)
    })
}

/// The form over what `provide` makes (under the form's owner, as the app makes it).
fn mount_form_over<T: Send + 'static>(provide: impl FnOnce() -> T + 'static) -> (Mounted, T) {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), move || {
        tx.send(provide()).unwrap();
        view! { <QuestionnaireForm /> }
    });
    let provided = rx.recv().unwrap();
    (Mounted::new(container, handle), provided)
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
    answers.set(ids::STORES_EUD, Answer::Choice("yes".into()));
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

    let stored = questionnaire.snapshot_untracked().list(ids::STORED_DATA_TYPES).to_vec();
    assert_eq!(stored, vec!["IP address".to_owned()]);
    assert_eq!(input.value(), "", "the entry box is cleared for the next type");
    let chips = form.query_selector_all(".chip").unwrap().length();
    assert_eq!(chips, 1, "the added type is shown");
}

/// The chips are kept by position: removing one from the middle moves the later ones up, each
/// with its own label, and the answers lose only that one.
#[wasm_bindgen_test]
async fn removing_a_chip_from_the_middle_keeps_the_others_each_with_its_own_label() {
    let mut answers = Answers::new();
    answers.set(ids::STORES_EUD, Answer::Choice("yes".into()));
    let listed = ["Email address", "IP address", "Device ID"].map(str::to_owned).to_vec();
    answers.set(ids::STORED_DATA_TYPES, Answer::List(listed));
    let (form, questionnaire) = mount_form(answers);
    settle().await;

    let chips = || {
        let found = form.query_selector_all(".chip").unwrap();
        (0..found.length()).map(|at| found.item(at).unwrap().text_content().unwrap()).collect::<Vec<_>>()
    };
    let removes = || {
        let found = form.query_selector_all(".chip-remove").unwrap();
        let label = |at| found.item(at).unwrap().unchecked_into::<web_sys::Element>().get_attribute("aria-label");
        (0..found.length()).map(|at| label(at).unwrap()).collect::<Vec<_>>()
    };
    assert_eq!(chips(), ["Email address×", "IP address×", "Device ID×"]);

    form.query_selector_all(".chip-remove").unwrap().item(1).unwrap().unchecked_into::<HtmlElement>().click();
    settle().await;

    assert_eq!(questionnaire.snapshot_untracked().list(ids::STORED_DATA_TYPES), ["Email address", "Device ID"]);
    assert_eq!(chips(), ["Email address×", "Device ID×"]);
    assert_eq!(removes(), ["Remove Email address", "Remove Device ID"]);
}

#[wasm_bindgen_test]
async fn restored_answers_are_shown_checked() {
    let mut answers = Answers::new();
    answers.set(ids::STORES_EUD, Answer::Choice("no".into()));
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
    answers.set(ids::STORES_EUD, Answer::Choice("yes".into()));
    answers.set(ids::STORED_DATA_TYPES, Answer::List(vec!["Email address".into(), "IP address".into()]));
    let (form, questionnaire) = mount_form(answers);
    settle().await;
    press(&input(&form, "#q-stored_data_types"), "Backspace");
    settle().await;
    let stored = questionnaire.snapshot_untracked().list(ids::STORED_DATA_TYPES).to_vec();
    assert_eq!(stored, vec!["Email address".to_owned()]);
}

#[wasm_bindgen_test]
async fn day_counts_are_kept_exactly_as_typed_and_explained_when_wrong() {
    let mut answers = Answers::new();
    answers.set(ids::RETAINS_AFTER_UNINSTALL, Answer::Choice("yes".into()));
    let (form, questionnaire) = mount_form(answers);
    settle().await;
    let min = input(&form, "#q-retention_days-min");
    type_into(&min, " 30 days");
    settle().await;
    assert_eq!(
        questionnaire.snapshot_untracked().get(ids::RETENTION_DAYS).cloned(),
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
    answers.set(ids::HAS_CERTIFICATIONS, Answer::Choice("yes".into()));
    let (form, questionnaire) = mount_form(answers);
    settle().await;
    assert!(find(&form, "#q-certifications-other-name").is_none());
    input(&form, "#q-certifications-other").click();
    settle().await;
    let other = input(&form, "#q-certifications-other-name");
    type_into(&other, "PCI DSS");
    settle().await;
    assert_eq!(
        questionnaire.snapshot_untracked().get(ids::CERTIFICATIONS).cloned(),
        Some(Answer::Certifications { picked: vec!["Other".into()], other: "PCI DSS".into() })
    );
}

#[wasm_bindgen_test]
async fn a_third_party_row_edits_only_its_own_answer() {
    let mut answers = Answers::new();
    answers.set(ids::STORES_EUD, Answer::Choice("yes".into()));
    answers.set(ids::SHARES_EUD, Answer::Choice("yes".into()));
    answers.set(ids::THIRD_PARTIES, Answer::ThirdParties(vec![Default::default(), Default::default()]));
    let (form, questionnaire) = mount_form(answers);
    settle().await;
    type_into(&input(&form, "#q-third_parties-1-domain"), "sentry.io");
    settle().await;
    let rows = questionnaire.snapshot_untracked().third_parties(ids::THIRD_PARTIES).to_vec();
    assert_eq!(rows[0].domain, "");
    assert_eq!(rows[1].domain, "sentry.io");
}

/// A row's name that repeats an earlier row's marks the later row's name, and stops when
/// either changes: the rows re-check only when a name they share is taken or left.
#[wasm_bindgen_test]
async fn a_repeated_third_party_name_is_marked_on_the_later_row_only_while_repeated() {
    let mut answers = Answers::new();
    answers.set(ids::STORES_EUD, Answer::Choice("yes".into()));
    answers.set(ids::SHARES_EUD, Answer::Choice("yes".into()));
    let named = |name: &str| ThirdParty { name: name.into(), ..ThirdParty::default() };
    answers.set(ids::THIRD_PARTIES, Answer::ThirdParties(vec![named("AWS"), named("Sentry"), named("Stripe")]));
    let (form, (questionnaire, drafts)) = mount_form_with_drafts("com.example.repeated-names", answers);
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

    // Whole answers replaced (a draft imported, loaded or merged from another tab): rows that
    // come back into use look again.
    let replace = |answers| drafts.replace_answers(answers);
    let with_rows = |rows: Vec<ThirdParty>| {
        let mut answers = questionnaire.snapshot_untracked();
        answers.set(ids::THIRD_PARTIES, Answer::ThirdParties(rows));
        answers
    };
    replace(with_rows(vec![named("AWS"), named("AWS")]));
    settle().await;
    assert!(marked(1), "the second row repeats the first");
    replace(with_rows(vec![named("AWS")]));
    settle().await;
    type_into(&name(0), "Sentry");
    settle().await;
    replace(with_rows(vec![named("Sentry"), named("AWS")]));
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

/// A real pointer click (`detail` 1), as a mouse or a tap makes; `element.click()` is what a
/// keyboard's Enter or Space makes (`detail` 0).
fn pointer_click(element: &web_sys::Element) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_detail(1);
    element.dispatch_event(&web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap()).unwrap();
}

fn expanded(button: &web_sys::Element) -> Option<String> {
    button.get_attribute("aria-expanded")
}

#[wasm_bindgen_test]
async fn a_term_in_a_question_is_a_toggletip_that_says_its_definition() {
    use questionnaire::catalogue::glossary::term;
    let (form, _) = mount_form(Answers::new());
    settle().await;
    let question = find(&form, "[data-question=stores_eud]").unwrap();
    // The question says "End-User Data" twice: its first mention is the toggletip.
    let terms = question.query_selector_all("legend button.term").unwrap();
    assert_eq!(terms.length(), 1, "one toggletip per term in a question");
    let button: HtmlElement = terms.get(0).unwrap().unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("End-User Data"));
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"), "it submits nothing");
    let note = find(&question, ".term-note[role=status]").expect("a live region, there before it is opened");
    assert!(note.closest("legend").unwrap().is_none(), "the definition is no part of the question's name");
    assert_eq!(expanded(&button).as_deref(), Some("false"));
    assert_eq!(note.text_content().as_deref(), Some(""));

    button.click();
    settle().await;
    let definition = term("End-User Data").unwrap().definition;
    assert_eq!(expanded(&button).as_deref(), Some("true"));
    let said = note.text_content().unwrap_or_default();
    assert!(said.starts_with(definition) && said.contains("Atlassian Developer Terms"), "{said}");
    let source = find(&note, "a").unwrap();
    assert!(source.get_attribute("href").unwrap().starts_with("https://developer.atlassian.com/"));

    button.click();
    settle().await;
    assert_eq!(expanded(&button).as_deref(), Some("false"), "its button closes it again");
    assert_eq!(note.text_content().as_deref(), Some(""));
}

#[wasm_bindgen_test]
async fn escape_or_a_click_elsewhere_closes_a_toggletip_and_keyboard_focus_elsewhere_does_not() {
    let (form, _) = mount_form(Answers::new());
    settle().await;
    let button: HtmlElement = find(&form, "[data-question=stores_eud] button.term").unwrap().unchecked_into();
    let note = find(&form, "[data-question=stores_eud] .term-note").unwrap();
    let open = || async {
        button.click();
        settle().await;
        settle().await;
        assert_eq!(expanded(&button).as_deref(), Some("true"));
    };

    open().await;
    press(&button, "Escape");
    settle().await;
    assert_eq!(expanded(&button).as_deref(), Some("false"), "Escape closes it");

    open().await;
    // Enter on another control clicks it with detail 0: not a click outside.
    input(&form, "#q-processes_eud-yes").click();
    settle().await;
    assert_eq!(expanded(&button).as_deref(), Some("true"), "the keyboard elsewhere leaves it open");
    pointer_click(&find(&note, ".term-definition").unwrap());
    settle().await;
    assert_eq!(expanded(&button).as_deref(), Some("true"), "a click inside the definition leaves it open");
    pointer_click(&find(&form, "[data-question=processes_eud] legend").unwrap());
    settle().await;
    assert_eq!(expanded(&button).as_deref(), Some("false"), "a click elsewhere closes it");
    assert_eq!(note.text_content().as_deref(), Some(""));

    // Escape from the definition's link gives focus back to the term.
    open().await;
    let link: HtmlElement = find(&note, "a").unwrap().unchecked_into();
    link.focus().unwrap();
    press(&link, "Escape");
    settle().await;
    assert_eq!(expanded(&button).as_deref(), Some("false"));
    let focused = document().active_element().unwrap();
    assert!(
        focused.is_same_node(Some(button.as_ref())),
        "focus is back on this form's term, not {}",
        focused.outer_html()
    );
}

#[wasm_bindgen_test]
async fn a_box_is_named_by_its_question_whose_words_still_label_it() {
    let mut answers = Answers::new();
    answers.set(ids::HAS_DPA, Answer::Choice("yes".into()));
    let (form, _) = mount_form(answers);
    settle().await;
    let link = input(&form, "#q-dpa_link");
    let name_id = link.get_attribute("aria-labelledby").expect("named by the question's words");
    let name = find(&form, &format!("[id='{name_id}']")).expect("the name is in this form");
    let label = questionnaire::catalogue::question(ids::DPA_LINK).label();
    assert_eq!(name.text_content().as_deref(), Some(label));
    assert_eq!(find(&name, "button.term").unwrap().text_content().as_deref(), Some("Data Processing Agreement (DPA)"));
    let words = name.query_selector_all("label[for=q-dpa_link]").unwrap();
    assert!(words.length() >= 1, "the words around the term are labels of the box");
    assert!(find(&name, "label button").is_none(), "no button inside a label");
}

#[wasm_bindgen_test]
async fn going_to_the_next_unanswered_question_focuses_its_answer_not_a_term() {
    let (form, _) = mount_form(Answers::new());
    settle().await;
    let next: HtmlElement = find(&form, "#next-unanswered").expect("the meter offers it").unchecked_into();
    next.click();
    settle().await;
    let focused = document().active_element().unwrap();
    assert_eq!(focused.id(), "q-stores_eud-yes", "the first response, not the term in the question");
    assert!(form.contains(Some(focused.as_ref())), "the response of this form has the focus");
}

/// Every page of the route table has its rule in `public/_redirects`, which static hosts (and
/// the stand-in, and the nginx rules scripts/build writes from it) serve the app's addresses by:
/// a page added to the table alone would be a 404 for whoever opens its address.
#[wasm_bindgen_test]
fn every_address_of_the_app_is_routed_to_its_page_on_static_hosts() {
    let rules: Vec<Vec<&str>> = include_str!("../public/_redirects")
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .map(|line| line.split_whitespace().collect())
        .collect();
    for (page, segment, _) in privacy_tab::routes::PAGES.iter().filter(|(_, segment, _)| !segment.is_empty()) {
        let route = format!("/{segment}");
        // A review link is read on a page of its own, without the app (review.html), which
        // hands over to the app's `./import`.
        let served_by = if *page == privacy_tab::routes::Page::Review { "/review.html" } else { "/index.html" };
        assert!(
            rules.iter().any(|rule| rule[..] == [route.as_str(), served_by, "200"]),
            "public/_redirects serves {served_by} at {route}"
        );
    }
}
