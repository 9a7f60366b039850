//! The questionnaire as data: the single source of every question, response, rule input and
//! wire name. Rendering, validation, preview and the API mapping all read it.

mod model;
mod sections;

pub use model::*;
pub use sections::SECTIONS;

/// Every question in the spec's order.
pub fn questions() -> impl Iterator<Item = &'static Question> {
    SECTIONS.iter().flat_map(|section| section.questions.iter())
}

/// The question with this id. Panics on an unknown id: ids are compile-time constants of the
/// catalogue, so an unknown one is a programming error, not bad input.
pub fn question(id: &str) -> &'static Question {
    find(id).unwrap_or_else(|| panic!("no question with id {id:?} in the catalogue"))
}

pub fn find(id: &str) -> Option<&'static Question> {
    questions().find(|question| question.id == id)
}

pub fn section_of(id: &str) -> Option<&'static Section> {
    SECTIONS
        .iter()
        .find(|section| section.questions.iter().any(|question| question.id == id))
}
