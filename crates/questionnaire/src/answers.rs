//! What the partner answered: one value per question id, typed text kept exactly as typed.

use litemap::LiteMap;
use serde::{Deserialize, Serialize};

use crate::catalogue::QuestionId;

/// One third party that End-User Data is shared with. Every field is raw text as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThirdParty {
    #[serde(default)]
    pub name: String,
    /// The third party's domain or website (the wire calls it `link`).
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub purpose: String,
}

/// An answer to one question. Numbers stay strings until validated, so nothing a partner
/// types is ever rewritten or lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// The id of the picked choice.
    Choice(String),
    /// A value the Marketplace returned that no choice of the question knows, as it came: shown
    /// as it is and sent back unchanged until the partner picks a response.
    Unknown(String),
    Text(String),
    List(Vec<String>),
    Flag(bool),
    DaysRange {
        min: String,
        max: String,
    },
    ThirdParties(Vec<ThirdParty>),
    Certifications {
        picked: Vec<String>,
        other: String,
    },
}

/// How builds before [`Answer::Unknown`] kept a value no choice knows: a choice with this prefix.
const OLD_UNKNOWN_PREFIX: &str = "wire:";

impl Answer {
    /// A choice as any build stored it: an unknown value kept by an older build becomes
    /// [`Answer::Unknown`].
    pub fn stored_choice(id: String) -> Answer {
        match id.strip_prefix(OLD_UNKNOWN_PREFIX) {
            Some(raw) => Answer::Unknown(raw.to_owned()),
            None => Answer::Choice(id),
        }
    }

    /// Whether the partner has said anything here (an empty list or blank text is no answer).
    pub fn is_given(&self) -> bool {
        match self {
            Answer::Choice(id) => !id.is_empty(),
            Answer::Unknown(raw) => !raw.is_empty(),
            Answer::Text(text) => !text.trim().is_empty(),
            Answer::List(items) => items.iter().any(|item| !item.trim().is_empty()),
            Answer::Flag(ticked) => *ticked,
            Answer::DaysRange { min, max } => !min.trim().is_empty() || !max.trim().is_empty(),
            Answer::ThirdParties(rows) => !rows.is_empty(),
            Answer::Certifications { picked, other } => !picked.is_empty() || !other.trim().is_empty(),
        }
    }
}

/// Every answer, keyed by question id. Answers to questions that are currently hidden stay
/// here (switching back restores them); the rules decide what is shown and sent.
///
/// Keyed by text rather than [`QuestionId`]: a draft from a newer build may hold ids this build
/// does not know, and those entries are kept, never dropped. So the entries themselves are
/// reached by any id (`get`, `set`, `clear`), the typed reads by a question's.
///
/// A sorted vector (`LiteMap`) rather than a `BTreeMap`: a few dozen entries, and a B-tree's
/// code in the wasm for each key and value type (`questionnaire::unsorted`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Answers(LiteMap<String, Answer>);

/// Always a JSON object. `LiteMap`'s own `Serialize` writes a map whose first key is not text,
/// or that has no first key, as a list: no answers would be written `[]`.
impl Serialize for Answers {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, id: impl AsRef<str>) -> Option<&Answer> {
        self.0.get(id.as_ref())
    }

    pub fn set(&mut self, id: impl AsRef<str>, answer: Answer) {
        self.0.insert(id.as_ref().to_owned(), answer);
    }

    pub fn clear(&mut self, id: impl AsRef<str>) {
        self.0.remove(id.as_ref());
    }

    /// The picked choice id, if the question is answered with a choice.
    pub fn choice(&self, id: QuestionId) -> Option<&str> {
        match self.get(id) {
            Some(Answer::Choice(choice)) => Some(choice),
            _ => None,
        }
    }

    pub fn flag(&self, id: QuestionId) -> bool {
        matches!(self.get(id), Some(Answer::Flag(true)))
    }

    pub fn text(&self, id: QuestionId) -> &str {
        match self.get(id) {
            Some(Answer::Text(text)) => text,
            _ => "",
        }
    }

    pub fn list(&self, id: QuestionId) -> &[String] {
        match self.get(id) {
            Some(Answer::List(items)) => items,
            _ => &[],
        }
    }

    pub fn third_parties(&self, id: QuestionId) -> &[ThirdParty] {
        match self.get(id) {
            Some(Answer::ThirdParties(rows)) => rows,
            _ => &[],
        }
    }

    /// The typed minimum and maximum, if the question is answered with a days range.
    pub fn days_range(&self, id: QuestionId) -> Option<(&str, &str)> {
        match self.get(id) {
            Some(Answer::DaysRange { min, max }) => Some((min, max)),
            _ => None,
        }
    }

    /// The picked certifications and the "Other" text.
    pub fn certifications(&self, id: QuestionId) -> (&[String], &str) {
        match self.get(id) {
            Some(Answer::Certifications { picked, other }) => (picked, other),
            _ => (&[], ""),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every stored entry, including ones whose id the catalogue does not know (kept from
    /// newer drafts rather than dropped).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.0.iter().map(|(id, answer)| (id.as_str(), answer))
    }
}
