//! The partner-facing questionnaire, rendered from the catalogue.

mod by_position;
mod certifications_field;
mod checkbox_field;
pub mod checks;
mod chips_input;
mod choice_field;
mod completeness_meter;
mod days_range_field;
mod error_summary;
mod field_errors;
mod findings_note;
mod help;
mod list_field;
mod question_field;
mod question_label;
mod questionnaire_form;
mod rich_label;
mod text_field;
mod third_parties_field;

pub use question_field::QuestionField;
pub use questionnaire_form::QuestionnaireForm;

use questionnaire::catalogue::{QuestionId, ThirdPartyColumn};
use questionnaire::validation::{FieldError, FieldPart};

// The DOM ids below tie labels, help, errors and the error summary's links to their inputs;
// the end-to-end tests find fields by them too.

/// A question's main control (or the group that holds its controls).
pub fn control_id(question_id: QuestionId) -> String {
    format!("{CONTROL_PREFIX}{question_id}")
}

/// The question whose [`control_id`] this is (as a link to the form names it).
pub fn question_of_control_id(id: &str) -> Option<QuestionId> {
    id.strip_prefix(CONTROL_PREFIX).and_then(QuestionId::parse)
}

const CONTROL_PREFIX: &str = "q-";

/// The words of a question asked with one box (`aria-labelledby`).
pub fn label_id(question_id: QuestionId) -> String {
    format!("{}-label", control_id(question_id))
}

pub fn help_id(question_id: QuestionId) -> String {
    format!("{}-help", control_id(question_id))
}

pub fn error_id(question_id: QuestionId) -> String {
    format!("{}-error", control_id(question_id))
}

/// `aria-describedby` for a question's inputs: its help, then its errors.
pub fn described_by(question_id: QuestionId) -> String {
    format!("{} {}", help_id(question_id), error_id(question_id))
}

pub fn days_input_id(question_id: QuestionId, part: FieldPart) -> String {
    let end = if part == FieldPart::Max { "max" } else { "min" };
    format!("{}-{end}", control_id(question_id))
}

pub fn other_certification_id(question_id: QuestionId) -> String {
    format!("{}-other-name", control_id(question_id))
}

pub fn third_party_input_id(question_id: QuestionId, row: usize, column: ThirdPartyColumn) -> String {
    let column = match column {
        ThirdPartyColumn::Name => "name",
        ThirdPartyColumn::Domain => "domain",
        ThirdPartyColumn::Countries => "countries",
        ThirdPartyColumn::Purpose => "purpose",
    };
    format!("{}-{row}-{column}", control_id(question_id))
}

/// The input an error is about, for the error summary's link.
pub fn error_target_id(error: &FieldError) -> String {
    match error.part {
        Some(part @ (FieldPart::Min | FieldPart::Max)) => days_input_id(error.question, part),
        Some(FieldPart::Other) => other_certification_id(error.question),
        Some(FieldPart::ThirdParty { row, column }) => {
            third_party_input_id(error.question, row, column.unwrap_or(ThirdPartyColumn::Name))
        }
        Some(FieldPart::Item(_)) | None => control_id(error.question),
    }
}

/// Names the row of a third-party error, which its message alone does not.
pub fn error_prefix(error: &FieldError) -> String {
    match error.part {
        Some(FieldPart::ThirdParty { row, .. }) => format!("Third party {}: ", row + 1),
        _ => String::new(),
    }
}
