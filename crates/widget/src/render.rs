//! The read-only Privacy & Security tab as plain DOM: the same markup and class names as the
//! app's preview (`crate::preview::ListingTab`), so `style/listing-tab.css` styles both and the
//! same selectors find the same things. It reads only the pure crate's listing model.

use questionnaire::catalogue::{View, PROVIDED_BY_ATLASSIAN};
use questionnaire::listing::{rows_by_section, ListedThirdParty, ListingRow, ListingValue, NOT_PROVIDED};
use questionnaire::statements::{sentence_among, shown};
use questionnaire::validation::link::is_web_link;
use questionnaire::Answers;
use web_sys::Element;

use super::dom::{child, on_click, set, text, text_child};

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
    // Looked up row by row: collecting them into `statements::statements`' map costs the
    // widget a sort routine (3.4 KB brotli).
    let said = shown(answers);
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
            listing_row(&list, row, statement);
        }
    }
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
        on_click(button, Box::new(move |_| toggle.show(expanded)));
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
fn listing_row(list: &Element, row: ListingRow, statement: Option<&'static str>) {
    let line = child(list, "div", "listing-row");
    if !View::Default.shows(row.question) {
        line.set_class_name("listing-row expanded-only");
    }
    set(&line, "data-question", row.question.id);
    text_child(&line, "dt", "listing-label", row.label);
    let value = child(&line, "dd", "listing-value");
    listing_value(&value, row.value, statement);
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
        let link = text_child(parent, "a", "safe-link", text);
        set(&link, "href", href);
        set(&link, "target", "_blank");
        set(&link, "rel", "noopener noreferrer nofollow");
    } else {
        plain_text(parent, text);
    }
}

fn plain_text(parent: &Element, text: &str) {
    text_child(parent, "span", "text-value", text);
}

fn not_provided(parent: &Element) {
    text_child(parent, "span", "not-provided", NOT_PROVIDED);
}
