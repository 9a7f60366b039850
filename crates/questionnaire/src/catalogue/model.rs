//! The shape of the catalogue: plain static data that every other part reads.

use std::borrow::Borrow;
use std::fmt;

/// A catalogue question's id: only the catalogue makes them (the constants of [`super::ids`]),
/// so one always names a question. Text from elsewhere (a draft's keys, a command-line argument,
/// an address) becomes one only through [`QuestionId::parse`].
///
/// The id is the key of the question's answer in drafts and exports. Never shown to people and
/// never sent to the API (wire names live in [`Wire`]).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuestionId(&'static str);

impl QuestionId {
    /// For the catalogue's own constants only.
    pub(super) const fn new(id: &'static str) -> Self {
        Self(id)
    }

    /// The id this text spells, if the catalogue has a question with it.
    pub fn parse(text: &str) -> Option<Self> {
        super::find(text).map(|question| question.id)
    }

    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

/// The bare id, as drafts and exports write it.
impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.0)
    }
}

impl fmt::Debug for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl From<QuestionId> for String {
    fn from(id: QuestionId) -> Self {
        id.0.to_owned()
    }
}

impl AsRef<str> for QuestionId {
    fn as_ref(&self) -> &str {
        self.0
    }
}

/// So that maps keyed by question id can be looked up with text read from a draft.
impl Borrow<str> for QuestionId {
    fn borrow(&self) -> &str {
        self.0
    }
}

/// As the bare id, as drafts and exports write it.
impl serde::Serialize for QuestionId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

/// Comparisons with text read from drafts or the API, either way round.
macro_rules! eq_text {
    ($($text:ty),*) => {$(
        impl PartialEq<$text> for QuestionId {
            fn eq(&self, other: &$text) -> bool {
                self.0 == &other[..]
            }
        }

        impl PartialEq<QuestionId> for $text {
            fn eq(&self, other: &QuestionId) -> bool {
                &self[..] == other.0
            }
        }
    )*};
}

eq_text!(str, &str, String);

/// A group of questions a partner recognises, in the order of the spec.
#[derive(Debug)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub questions: &'static [Question],
}

#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    pub id: QuestionId,
    pub kind: Kind,
    /// Which view of the listing tab shows the answer. Follow-ups take their parent's view.
    pub view: View,
    pub source: Source,
    /// `None`: always asked. Otherwise asked only while the condition holds.
    pub shown_when: Option<Condition>,
    pub wire: Wire,
    /// How the listing tab states an answer to customers (a label, not the partner's question).
    pub listing_label: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Default,
    Expanded,
}

impl View {
    /// The expanded view shows every question; the default view only its own.
    pub fn shows(self, question: &Question) -> bool {
        self == View::Expanded || question.view == View::Default
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The partner answers it in the form.
    Partner,
    /// Atlassian already has it (bug bounty participation, integration permissions):
    /// shown on the tab, never asked and never sent.
    Atlassian,
}

/// How the form asks one question: kept apart from [`Question`] (in the same section file) so
/// that code showing only the listing tab, the widget above all, links none of this text.
#[derive(Debug, PartialEq, Eq)]
pub struct Wording {
    pub id: QuestionId,
    /// The question exactly as the spec words it (checked against the spec's text).
    pub text: &'static str,
    /// What the form shows instead, where the spec's `text` is an instruction to whoever
    /// builds the form ("You'll be asked to link it here.") rather than words for a partner.
    /// `None`: the form shows `text`.
    pub form_label: Option<&'static str>,
    /// One or two plain-English sentences for a partner who is not a lawyer.
    pub help: &'static str,
}

/// One of the answers a partner can pick, worded as in the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub id: &'static str,
    pub label: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Pick exactly one of the listed responses (yes/no, yes/no/not applicable, or more).
    OneOf(&'static [Choice]),
    /// A line of free text, at most `max_chars` characters.
    Text {
        max_chars: usize,
    },
    /// An absolute `https://` or `http://` URL.
    Link,
    Email,
    /// Several short strings, with suggestions taken from the spec's examples.
    List {
        suggestions: &'static [&'static str],
    },
    /// A confirmation checkbox.
    Checkbox,
    /// Minimum and maximum number of days.
    DaysRange,
    /// Repeatable rows: name, domain, countries, purpose.
    ThirdParties,
    /// A pick-list (SOC2, ISO27K, FedRamp) plus free text for "Other".
    Certifications {
        options: &'static [&'static str],
    },
    /// Nothing to answer: Atlassian supplies it.
    Provided,
}

/// When a question is asked, in terms of other answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// The question `0` is answered with the choice `1`.
    Is(QuestionId, &'static str),
    /// The question `0` is answered with any of the choices `1`.
    IsAnyOf(QuestionId, &'static [&'static str]),
    /// The question `0` is not answered with the choice `1` (unanswered counts as "not").
    IsNot(QuestionId, &'static str),
    /// The checkbox `0` is not ticked.
    Unticked(QuestionId),
    AnyOf(&'static [Condition]),
    AllOf(&'static [Condition]),
    /// A condition of ours, not the spec's (each use says why it exists): it decides what the
    /// form asks, but never drops a value the Marketplace already holds (see
    /// `visibility::is_asked_by_spec` and `wire::to_trust_info_over`).
    Own(&'static Condition),
}

/// How sure we are that a wire name is what the Marketplace API uses
/// (the tags of `marketplace-api.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Certainty {
    /// In Atlassian's own OpenAPI document for v3 (`spec/marketplace-v3-privacy.openapi.json`):
    /// name, type and enum. v2 is inferred to hold the same fields.
    Specified,
    /// In Atlassian's REST reference.
    Documented,
    /// Seen in public code that reads the live API.
    SeenLive,
    /// Deduced, unverified.
    Inferred,
}

/// Where an answer goes in the `TrustInfo` JSON (v2 `appTrustInformation`, v3 `commonCloud`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    /// The Privacy & Security API has no field for it (Atlassian's OpenAPI document names none):
    /// the answer is kept in the draft and export, left out of the PUT body, and the partner is
    /// told why and where to enter it instead.
    Elsewhere {
        /// Where the answer belongs instead, in the partner's terms.
        why: &'static str,
    },
    /// Atlassian fills it in; nothing to send.
    NotSent,
    Field {
        path: &'static [&'static str],
        encoding: Encoding,
        certainty: Certainty,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// "yes" ↔ `true`, "no" ↔ `false`.
    Bool,
    /// "yes"/"no"/"na" ↔ `true`/`false`/`"NOT_APPLICABLE"`, the spec's enum (the strings
    /// `"TRUE"`/`"FALSE"` seen in public code are read too).
    YesNoNotApplicable,
    /// Choice id ↔ wire string; `None` where the wire value is unknown.
    Enum(&'static [(&'static str, Option<&'static str>)]),
    /// The picked options ↔ a list of strings through the table (option → wire value), with
    /// each certification the "Other" text names as one more entry.
    Certifications(&'static [(&'static str, &'static str)]),
    StringList,
    String,
    /// `{ "min": int, "max": int }`.
    DaysRange,
    /// `[{ name, link, purpose, thirdPartyCountries }]`.
    ThirdParties,
}

/// A question the partner may leave empty: the tab then leaves its row out rather than say
/// "Response not provided by the partner", and it does not count as missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Optional {
    pub question: QuestionId,
    /// `None`: optional whatever else is answered. `Some(other)`: optional once `other` is
    /// answered, as `other` stands in for it.
    pub or_instead: Option<QuestionId>,
}

/// While `checkbox` is ticked, `copy_to` is hidden and takes the value of `copy_from`
/// (the spec's "same data processed and stored" confirmation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mirror {
    pub checkbox: QuestionId,
    pub copy_from: QuestionId,
    pub copy_to: QuestionId,
}

/// One column of a third-party row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ThirdPartyColumn {
    Name,
    Domain,
    Countries,
    Purpose,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThirdPartyField {
    pub column: ThirdPartyColumn,
    /// Worded as in the spec, without its "[free text]"-style note.
    pub label: &'static str,
    /// The key inside each `thirdPartyDetails` item.
    pub wire_key: &'static str,
    pub certainty: Certainty,
}

impl Kind {
    /// Whether `answer` has the shape this kind of question takes. An answer of another shape
    /// (from a hand-edited or damaged draft) is kept but neither shown nor sent.
    pub fn fits(&self, answer: &crate::answers::Answer) -> bool {
        use crate::answers::Answer;
        matches!(
            (self, answer),
            (Kind::OneOf(_), Answer::Choice(_) | Answer::Unknown(_))
                | (Kind::Text { .. } | Kind::Link | Kind::Email, Answer::Text(_))
                | (Kind::List { .. }, Answer::List(_))
                | (Kind::Checkbox, Answer::Flag(_))
                | (Kind::DaysRange, Answer::DaysRange { .. })
                | (Kind::ThirdParties, Answer::ThirdParties(_))
                | (Kind::Certifications { .. }, Answer::Certifications { .. })
        )
    }
}

impl Question {
    /// False for the few questions the API needs but the spec does not word (see
    /// [`super::OWN_WORDING`]); their text is ours.
    pub fn is_worded_by_spec(&self) -> bool {
        !super::OWN_WORDING.contains(&self.id)
    }

    /// The question exactly as the spec words it.
    pub fn text(&self) -> &'static str {
        self.wording().text
    }

    /// What the form shows as the question: the spec's words, or our label where they are an
    /// instruction to the form's designer.
    pub fn label(&self) -> &'static str {
        let wording = self.wording();
        wording.form_label.unwrap_or(wording.text)
    }

    /// One or two plain-English sentences for a partner who is not a lawyer.
    pub fn help(&self) -> &'static str {
        self.wording().help
    }

    fn wording(&self) -> &'static Wording {
        super::wording(self.id)
    }

    /// The choice with this id, if the question offers it.
    pub fn choice(&self, id: &str) -> Option<&'static Choice> {
        match self.kind {
            Kind::OneOf(choices) => choices.iter().find(|choice| choice.id == id),
            _ => None,
        }
    }
}
