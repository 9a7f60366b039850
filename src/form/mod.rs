//! The partner-facing questionnaire, rendered from the catalogue.

mod choice_field;
mod list_field;
mod question_field;
mod questionnaire_form;
mod text_field;

pub use question_field::QuestionField;
pub use questionnaire_form::QuestionnaireForm;

/// The DOM id of a question's main control; labels, help and tests find fields by it.
pub fn control_id(question_id: &str) -> String {
    format!("q-{question_id}")
}

/// The DOM id of a question's help text, for `aria-describedby`.
pub fn help_id(question_id: &str) -> String {
    format!("q-{question_id}-help")
}
