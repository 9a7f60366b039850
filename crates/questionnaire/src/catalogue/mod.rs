//! The questionnaire as data: the single source of every question, response, rule input and
//! wire name. Rendering, validation, preview and the API mapping all read it.

pub mod glossary;
pub mod ids;
pub mod limits;
mod model;
#[cfg(test)]
mod openapi_tests;
pub mod rich_text;
mod sections;
#[cfg(test)]
mod spec_tests;

pub use ids::choice::{NO, NOT_APPLICABLE, YES};
pub use model::*;
pub use sections::{CERTIFICATION_OPTIONS, OTHER_CERTIFICATION, SAME_AS_STORED, SECTIONS, THIRD_PARTY_FIELDS};

/// The spec's response for what Atlassian fills in itself (bug bounty, integration permissions).
pub const PROVIDED_BY_ATLASSIAN: &str = "Information already available with Atlassian";

/// Questions the API has a field for but the spec does not word: their text is ours, and the
/// spec-wording test skips them.
pub const OWN_WORDING: &[QuestionId] = &[ids::IN_SCOPE_DATA_TYPES, ids::RETENTION_INDEFINITE];

/// The follow-ups a partner may leave empty (every top-level question is optional anyway: the
/// spec makes answering optional, and the tab says "Response not provided by the partner").
pub const OPTIONAL: &[Optional] = &[
    // Ours, not the spec's: extra detail the API has a field for.
    Optional { question: ids::IN_SCOPE_DATA_TYPES, or_instead: None },
    // The spec asks for the third parties "or" a link to a public sub-processor list: either
    // answers it. When neither is given, the third-party row says so, once.
    Optional { question: ids::SUB_PROCESSOR_LIST, or_instead: None },
    Optional { question: ids::THIRD_PARTIES, or_instead: Some(ids::SUB_PROCESSOR_LIST) },
];

/// Every question in the spec's order.
pub fn questions() -> impl Iterator<Item = &'static Question> {
    SECTIONS.iter().flat_map(|section| section.questions.iter())
}

/// The question with this id: as only the catalogue makes ids, there always is one.
pub fn question(id: QuestionId) -> &'static Question {
    find(id.as_str()).unwrap_or_else(|| panic!("no question with id “{id}” in the catalogue"))
}

/// How the form words the question with this id.
fn wording(id: QuestionId) -> &'static Wording {
    sections::WORDING
        .iter()
        .flat_map(|section| section.iter())
        .find(|wording| wording.id == id)
        .unwrap_or_else(|| panic!("no wording for question “{id}” in the catalogue"))
}

/// The question with the id this text spells (a draft's key, an argument, an address), if any.
pub fn find(id: &str) -> Option<&'static Question> {
    questions().find(|question| question.id == id)
}

pub fn section_of(id: QuestionId) -> Option<&'static Section> {
    SECTIONS.iter().find(|section| section.questions.iter().any(|question| question.id == id))
}

/// The columns of a third-party row, by column.
pub fn third_party_field(column: ThirdPartyColumn) -> &'static ThirdPartyField {
    THIRD_PARTY_FIELDS.iter().find(|field| field.column == column).expect("every column has a field")
}

/// The questions whose `shown_when` depends on this one's choice: its follow-ups.
pub fn follow_ups(id: QuestionId) -> impl Iterator<Item = &'static Question> {
    questions().filter(move |question| question.shown_when.is_some_and(|c| c.parents().contains(&id)))
}

impl Condition {
    /// The questions whose picked choice this condition tests with `Is`/`IsAnyOf`: the
    /// parents of a follow-up.
    pub fn parents(&self) -> Vec<QuestionId> {
        match *self {
            Condition::Is(id, _) | Condition::IsAnyOf(id, _) => vec![id],
            Condition::IsNot(..) | Condition::Unticked(_) => vec![],
            Condition::AnyOf(all) | Condition::AllOf(all) => all.iter().flat_map(Condition::parents).collect(),
            Condition::Own(condition) => condition.parents(),
        }
    }
}
