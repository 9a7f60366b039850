//! The read-only Privacy & Security tab as plain DOM: the same markup and class names as the
//! app's preview (`crate::preview::ListingTab`), so `style/listing-tab.css` styles both and the
//! same selectors find the same things. It reads only the pure crate's listing model.

use questionnaire::catalogue::glossary::{pieces, Piece, Term, SOURCE_LABEL};
use questionnaire::catalogue::{View, PROVIDED_BY_ATLASSIAN};
use questionnaire::listing::{rows_by_section, ListedThirdParty, ListingRow, ListingValue, NOT_PROVIDED};
use questionnaire::statements::{sentence_among, shown};
use questionnaire::validation::link::is_web_link;
use questionnaire::Answers;
use web_sys::Element;

use super::dom::{child, document, focus, on, set, text, text_child, PageEvent};

/// The tab for `answers` at the end of `parent`, opening on the expanded view or the default
/// one. Every row of the expanded view is there; the default view hides those it does not
/// show (CSS), so switching views never re-renders.
pub fn listing_tab(parent: &Element, answers: &Answers, expanded: bool) {
    let tab = child(parent, "article", "");
    set(&tab, "aria-label", "Privacy & Security");
    let header = child(&tab, "header", "listing-tab-header");
    text_child(&header, "h2", "listing-tab-title", "Privacy & Security");
    view_toggle(&header, &tab, expanded);
    text_child(&tab, "p", "listing-disclaimer", "Marketplace Partners are responsible for the responses on this tab.");
    // Looked up row by row: `statements::statements`' map would add its code to the widget
    // (0.3 KB brotli since it is a LiteMap; a B-tree and its sort were 3.4 KB).
    let said = shown(answers);
    let mut tips = Vec::new();
    for (section, rows) in rows_by_section(answers, View::Expanded) {
        // Not a <section>, as in the preview.
        let block = child(&tab, "div", "listing-section");
        if !rows.iter().any(|row| View::Default.shows(row.question)) {
            block.set_class_name("listing-section expanded-only");
        }
        set(&block, "data-section", section.id);
        text_child(&block, "h3", "listing-section-title", section.title);
        let list = child(&block, "dl", "listing-rows");
        for row in rows {
            let statement = sentence_among(row.question.id, &said);
            listing_row(&list, row, statement, &mut tips);
        }
    }
    close_from_elsewhere(tips);
}

/// "Default view" and "Expanded view", as two pressed/unpressed buttons.
fn view_toggle(header: &Element, tab: &Element, expanded: bool) {
    let group = child(header, "div", "view-toggle");
    set(&group, "role", "group");
    set(&group, "aria-label", "Which view");
    let toggle = ViewToggle {
        tab: tab.clone(),
        default: text_child(&group, "button", "view-button show-default", "Default view"),
        expanded: text_child(&group, "button", "view-button show-expanded", "Expanded view"),
    };
    for button in [&toggle.default, &toggle.expanded] {
        set(button, "type", "button");
    }
    toggle.show(expanded);
    for (button, expanded) in [(&toggle.default, false), (&toggle.expanded, true)] {
        let toggle = toggle.clone();
        on(button, &["click"], Box::new(move |_| toggle.show(expanded)));
    }
}

#[derive(Clone)]
struct ViewToggle {
    tab: Element,
    default: Element,
    expanded: Element,
}

impl ViewToggle {
    fn show(&self, expanded: bool) {
        self.tab.set_class_name(if expanded { "listing-tab" } else { "listing-tab default-view" });
        set(&self.default, "aria-pressed", if expanded { "false" } else { "true" });
        set(&self.expanded, "aria-pressed", if expanded { "true" } else { "false" });
    }
}

/// One question as customers read it: its label, then the answer.
fn listing_row(list: &Element, row: ListingRow, statement: Option<&'static str>, tips: &mut Tips) {
    let line = child(list, "div", "listing-row");
    if !View::Default.shows(row.question) {
        line.set_class_name("listing-row expanded-only");
    }
    set(&line, "data-question", row.question.id.as_str());
    glossed(&child(&line, "dt", "listing-label"), row.label, tips);
    let value = child(&line, "dd", "listing-value");
    listing_value(&value, row.value, statement);
}

/// Every toggletip of a tab: its button and its live region.
type Tips = Vec<(Element, Element)>;

/// `label` at the end of `parent`, the first mention of each glossary term a toggletip, as the
/// app's `src/toggletip.rs` renders it: a button with `aria-expanded`, then a live region that
/// says the definition while it is open. Its button (click, Enter, Space) opens and closes it.
fn glossed(parent: &Element, label: &str, tips: &mut Tips) {
    let mut terms = Vec::new();
    for piece in pieces(label) {
        match piece {
            Piece::Text(words) => text(parent, words),
            Piece::Term { words, term } => {
                let button = text_child(parent, "button", "term", words);
                set(&button, "type", "button");
                set(&button, "aria-expanded", "false");
                terms.push((button, term));
            }
        }
    }
    for (button, term) in terms {
        let note = child(parent, "span", "term-note");
        set(&note, "role", "status");
        let (toggled, said) = (button.clone(), note.clone());
        on(&button, &["click"], Box::new(move |_| toggle(&toggled, &said, term)));
        tips.push((button, note));
    }
}

fn is_open(button: &Element) -> bool {
    button.get_attribute("aria-expanded").is_some_and(|expanded| expanded == "true")
}

fn toggle(button: &Element, note: &Element, term: &Term) {
    if is_open(button) {
        return close(button, note);
    }
    set(button, "aria-expanded", "true");
    let definition = text_child(note, "span", "term-definition", term.definition);
    if let Some(source) = term.source {
        text(&definition, " ");
        text(&definition, SOURCE_LABEL);
        // Atlassian's own page, vouched for: no `nofollow`, as in the app's toggletip.
        link(&definition, "term-source", source.href, source.title, "noopener noreferrer");
    }
}

fn close(button: &Element, note: &Element) {
    set(button, "aria-expanded", "false");
    note.set_text_content(None);
}

/// Escape closes the tab's open toggletips (focus on a definition's link goes back to its
/// term); so does a pointer click anywhere but on one's term or definition. A click a keyboard
/// made on another control (`detail` 0) does not: Escape or the term's button close it.
fn close_from_elsewhere(tips: Tips) {
    let handler = move |event: wasm_bindgen::JsValue| {
        let event: PageEvent = wasm_bindgen::JsCast::unchecked_into(event);
        let key = event.key();
        let escape = key.as_deref() == Some("Escape");
        if !escape && (key.is_some() || event.detail() == 0) {
            return;
        }
        let target = event.target_node();
        for (button, note) in &tips {
            let in_note = note.contains(Some(&target));
            if is_open(button) && (escape || !(in_note || button.contains(Some(&target)))) {
                if in_note {
                    focus(button);
                }
                close(button, note);
            }
        }
    };
    on(&document(), &["click", "keydown"], Box::new(handler));
}

/// An answer, with the markup its kind calls for.
fn listing_value(parent: &Element, value: ListingValue, statement: Option<&'static str>) {
    match value {
        ListingValue::NotProvided => not_provided(parent),
        ListingValue::ProvidedByAtlassian => {
            // The partner does not answer these: the live tab shows Atlassian's own information.
            let value = child(parent, "span", "atlassian-value");
            text_child(&value, "span", "source-badge", "From Atlassian");
            text(&value, " ");
            text(&value, PROVIDED_BY_ATLASSIAN);
        }
        ListingValue::Text(answer) => match statement {
            // A yes/no answer also says what it means for customers.
            Some(statement) => {
                text_child(parent, "span", "answer-word", &answer);
                text(parent, " ");
                text_child(parent, "span", "statement", statement);
            }
            None => plain_text(parent, &answer),
        },
        ListingValue::Email(address) => {
            text_child(parent, "span", "email-value", &address);
        }
        ListingValue::Link { href, text } => safe_link(parent, &href, &text),
        ListingValue::List(items) if items.is_empty() => not_provided(parent),
        ListingValue::List(items) => {
            let list = child(parent, "ul", "value-list");
            for item in &items {
                text_child(&list, "li", "", item);
            }
        }
        ListingValue::ThirdParties(parties) if parties.is_empty() => not_provided(parent),
        ListingValue::ThirdParties(parties) => {
            let list = child(parent, "ul", "third-parties-value");
            for party in &parties {
                third_party(&list, party);
            }
        }
    }
}

/// Who End-User Data is shared with, where, and why. Blank details are left out.
fn third_party(list: &Element, party: &ListedThirdParty) {
    let item = child(list, "li", "third-party");
    text_child(&item, "span", "third-party-name", &party.name);
    let details = child(&item, "dl", "third-party-details");
    if !party.domain.is_empty() {
        let value = detail(&details, "Domain");
        match &party.domain_href {
            Some(href) => safe_link(&value, href, &party.domain),
            None => plain_text(&value, &party.domain),
        }
    }
    if !party.countries.is_empty() {
        detail(&details, "Stores data in").set_text_content(Some(&party.countries.join(", ")));
    }
    if !party.purpose.is_empty() {
        detail(&details, "Purpose").set_text_content(Some(&party.purpose));
    }
}

/// `<div><dt>term</dt><dd></dd></div>` in `details`; returns the `<dd>`.
fn detail(details: &Element, term: &str) -> Element {
    let pair = child(details, "div", "");
    text_child(&pair, "dt", "", term);
    child(&pair, "dd", "")
}

/// A link only for an `https://` or `http://` URL, opened in a new tab that cannot reach back
/// to this page nor lend it ranking; anything else is plain text.
fn safe_link(parent: &Element, href: &str, text: &str) {
    if is_web_link(href) {
        link(parent, "safe-link", href, text, "noopener noreferrer nofollow");
    } else {
        plain_text(parent, text);
    }
}

/// A link that opens in a new tab that cannot reach back to this page (`rel`: `noopener
/// noreferrer`, and `nofollow` where it must lend the address no ranking).
fn link(parent: &Element, class: &str, href: &str, text: &str, rel: &str) {
    let link = text_child(parent, "a", class, text);
    set(&link, "href", href);
    set(&link, "target", "_blank");
    set(&link, "rel", rel);
}

fn plain_text(parent: &Element, text: &str) {
    text_child(parent, "span", "text-value", text);
}

fn not_provided(parent: &Element) {
    text_child(parent, "span", "not-provided", NOT_PROVIDED);
}
