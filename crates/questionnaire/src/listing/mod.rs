//! What customers see on the listing's Privacy & Security tab for these answers: the preview,
//! the embeddable widget and change summaries all read these rows. Hidden answers never appear.

use crate::answers::{Answer, Answers, ThirdParty};
use crate::catalogue::{
    self, rich_text, Kind, Question, QuestionId, Section, Source, View, OTHER_CERTIFICATION, PROVIDED_BY_ATLASSIAN,
};
use crate::validation::link::{domain_href, is_web_link};
use crate::visibility::{effective, is_mirrored, is_visible, may_stay_empty};

/// What the tab shows for a question without an answer (the spec's FAQ).
pub const NOT_PROVIDED: &str = "Response not provided by the partner";

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ListingValue {
    NotProvided,
    ProvidedByAtlassian,
    Text(String),
    List(Vec<String>),
    /// Only ever an `https://` or `http://` link; anything else is shown as [`ListingValue::Text`].
    Link {
        href: String,
        text: String,
    },
    Email(String),
    ThirdParties(Vec<ListedThirdParty>),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ListedThirdParty {
    pub name: String,
    pub domain: String,
    /// A web link for the domain, when it is one or a plain domain name.
    pub domain_href: Option<String>,
    pub countries: Vec<String>,
    pub purpose: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingRow {
    pub question: &'static Question,
    /// The customer-facing label.
    pub label: &'static str,
    pub value: ListingValue,
}

/// The rows the given view of the tab shows, in catalogue order. The default view shows the
/// "In default view" questions; the expanded view shows all. An optional question left empty
/// has no row: nothing to state, and nothing the partner failed to provide.
pub fn rows(answers: &Answers, view: View) -> Vec<ListingRow> {
    let shown = effective(answers);
    catalogue::questions().filter_map(|question| row_in(question, answers, &shown, view)).collect()
}

/// The row of one question, if the view shows one. Reads only the answers
/// `inputs::of_question` names.
pub fn row_for(question: &'static Question, answers: &Answers, view: View) -> Option<ListingRow> {
    row_in(question, answers, &effective(answers), view)
}

/// `shown`: the [`effective`] answers.
fn row_in(question: &'static Question, answers: &Answers, shown: &Answers, view: View) -> Option<ListingRow> {
    row_showing(question, answers, shown, view, || value_in(question, shown))
}

/// The row of `question` if the view shows one, with `value` (asked only then).
fn row_showing(
    question: &'static Question,
    answers: &Answers,
    shown: &Answers,
    view: View,
    value: impl FnOnce() -> ListingValue,
) -> Option<ListingRow> {
    if !view.shows(question) || !(is_visible(question, answers) || is_mirrored(question.id, answers)) {
        return None;
    }
    let row = ListingRow { question, label: question.listing_label, value: value() };
    (!(row.value == ListingValue::NotProvided && may_stay_empty(question.id, shown))).then_some(row)
}

/// [`row_for`] of the third-parties question from whether any third party is listed
/// (`listed`: [`listed_party`] of some row), for callers that keep the rows apart and list
/// them one by one: the row's value is `ThirdParties` with the parties left out, or
/// `NotProvided`. `answers` need not hold the rows.
pub fn third_parties_row(
    question: &'static Question,
    answers: &Answers,
    listed: bool,
    view: View,
) -> Option<ListingRow> {
    let value = || if listed { ListingValue::ThirdParties(Vec::new()) } else { ListingValue::NotProvided };
    row_showing(question, answers, &effective(answers), view, value)
}

/// How one third party reads on the tab: `None` for a blank row, which the tab leaves out.
pub fn listed_party(row: &ThirdParty) -> Option<ListedThirdParty> {
    let party = ListedThirdParty {
        name: row.name.trim().to_owned(),
        domain: row.domain.trim().to_owned(),
        domain_href: domain_href(&row.domain),
        countries: non_blank(&row.countries),
        purpose: row.purpose.trim().to_owned(),
    };
    let blank =
        party.name.is_empty() && party.domain.is_empty() && party.purpose.is_empty() && party.countries.is_empty();
    (!blank).then_some(party)
}

/// The same rows grouped by section, leaving out sections with nothing to show.
pub fn rows_by_section(answers: &Answers, view: View) -> Vec<(&'static Section, Vec<ListingRow>)> {
    let all = rows(answers, view);
    catalogue::SECTIONS
        .iter()
        .map(|section| {
            let rows =
                all.iter().filter(|row| section.questions.iter().any(|q| q.id == row.question.id)).cloned().collect();
            (section, rows)
        })
        .filter(|(_, rows): &(_, Vec<_>)| !rows.is_empty())
        .collect()
}

/// How one question's answer reads on the tab, from answers already made effective.
fn value_in(question: &Question, shown: &Answers) -> ListingValue {
    nothing_left_is_not_provided(as_given(question, shown))
}

fn as_given(question: &Question, shown: &Answers) -> ListingValue {
    if question.source == Source::Atlassian {
        return ListingValue::ProvidedByAtlassian;
    }
    let Some(answer) = shown.get(question.id) else { return ListingValue::NotProvided };
    match (question.kind, answer) {
        (_, Answer::Choice(picked)) => ListingValue::Text(
            question.choice(picked).map_or_else(|| picked.clone(), |choice| rich_text::plain(choice.label)),
        ),
        (_, Answer::Unknown(raw)) => ListingValue::Text(raw.clone()),
        (Kind::Link, Answer::Text(text)) if is_web_link(text) => {
            ListingValue::Link { href: text.trim().to_owned(), text: text.trim().to_owned() }
        }
        (Kind::Email, Answer::Text(text)) => ListingValue::Email(text.trim().to_owned()),
        (_, Answer::Text(text)) => ListingValue::Text(text.trim().to_owned()),
        (_, Answer::List(items)) => ListingValue::List(non_blank(items)),
        (_, Answer::Flag(ticked)) => ListingValue::Text(if *ticked { "Yes" } else { "No" }.to_owned()),
        (_, Answer::DaysRange { min, max }) => ListingValue::Text(days(min.trim(), max.trim())),
        (_, Answer::ThirdParties(rows)) => ListingValue::ThirdParties(rows.iter().filter_map(listed_party).collect()),
        (_, Answer::Certifications { picked, other }) => ListingValue::List(
            picked
                .iter()
                .filter(|pick| *pick != OTHER_CERTIFICATION)
                .cloned()
                .chain(picked.iter().any(|pick| pick == OTHER_CERTIFICATION).then(|| other.trim().to_owned()))
                .filter(|name| !name.is_empty())
                .collect(),
        ),
    }
}

/// A list left with nothing once blanks are dropped reads as no answer.
fn nothing_left_is_not_provided(value: ListingValue) -> ListingValue {
    match &value {
        ListingValue::List(items) if items.is_empty() => ListingValue::NotProvided,
        ListingValue::ThirdParties(rows) if rows.is_empty() => ListingValue::NotProvided,
        _ => value,
    }
}

/// "30 days", "1 day", "0 to 7 days": valid counts as a person writes them ("030" reads "30"),
/// anything else as typed (validation says what is wrong with it).
fn days(min: &str, max: &str) -> String {
    let (min, max) = (day_count(min), day_count(max));
    let mut text = String::with_capacity(min.len() + max.len() + 9);
    if min != max {
        text.push_str(min);
        text.push_str(" to ");
    }
    text.push_str(max);
    text.push_str(if max == "1" { " day" } else { " days" });
    text
}

/// A whole number of days without its leading zeros; other text unchanged. Digits only, no
/// number parsing: a count's text is already the number.
fn day_count(typed: &str) -> &str {
    if typed.is_empty() || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return typed;
    }
    let digits = typed.trim_start_matches('0');
    if digits.is_empty() {
        "0"
    } else {
        digits
    }
}

fn non_blank(items: &[String]) -> Vec<String> {
    items.iter().map(|item| item.trim()).filter(|item| !item.is_empty()).map(str::to_owned).collect()
}

impl ListingValue {
    /// The value as one line of plain text, for summaries and screen-reader labels.
    pub fn to_plain(&self) -> String {
        match self {
            ListingValue::NotProvided => NOT_PROVIDED.to_owned(),
            ListingValue::ProvidedByAtlassian => PROVIDED_BY_ATLASSIAN.to_owned(),
            ListingValue::Text(text) | ListingValue::Email(text) => text.clone(),
            ListingValue::List(items) => items.join(", "),
            ListingValue::Link { href, .. } => href.clone(),
            ListingValue::ThirdParties(rows) => rows
                .iter()
                .map(|row| {
                    let details: Vec<String> = [row.domain.clone(), row.countries.join(", "), row.purpose.clone()]
                        .into_iter()
                        .filter(|d| !d.is_empty())
                        .collect();
                    format!("{} ({})", row.name, details.join("; "))
                })
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// The value one question shows now: what [`rows`] would show for it, or `NotProvided`
/// for a hidden question.
pub fn value_of(id: QuestionId, answers: &Answers) -> ListingValue {
    let question = catalogue::question(id);
    if is_visible(question, answers) || is_mirrored(id, answers) {
        value_in(question, &effective(answers))
    } else {
        ListingValue::NotProvided
    }
}

/// One answer in words, as the tab would show it were its question asked: for lists of
/// changes that include hidden answers. Long values are cut short with "…".
pub fn describe(question: &Question, answer: &Answer) -> String {
    const LONGEST: usize = 300;
    let mut alone = Answers::new();
    alone.set(question.id, answer.clone());
    let text = value_in(question, &alone).to_plain();
    if text.trim().is_empty() {
        return NOT_PROVIDED.to_owned();
    }
    match text.char_indices().nth(LONGEST) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests;
