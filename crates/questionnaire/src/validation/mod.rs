//! Field-by-field checks of the questions asked now, each message saying what is wrong and
//! how to fix it. Questions are never required (the spec makes answering optional), but the
//! details a "Yes" calls for are.

mod days;
mod email;
mod entries;
pub mod link;
mod rows;

use crate::answers::{Answer, Answers};
use crate::catalogue::{
    self, ids, limits::MAX_ITEM_CHARS, Kind, Question, QuestionId, ThirdPartyColumn, OTHER_CERTIFICATION,
};
use crate::visibility::{effective, is_asked, may_stay_empty};

pub use email::check_email;
pub use entries::{already_listed, entry_key, same_entry};
pub use link::{check_link, is_web_link, LinkProblem};
pub use rows::{party_errors, repeated_name};

/// Which part of an answer an error is about, so the form can put it beside the right input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldPart {
    Min,
    Max,
    /// An entry of a list, by index.
    Item(usize),
    /// A third-party row, and the column if the error is about one.
    ThirdParty {
        row: usize,
        column: Option<ThirdPartyColumn>,
    },
    /// The free text of the "Other" certification.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub question: QuestionId,
    pub part: Option<FieldPart>,
    pub message: String,
}

impl FieldError {
    fn new(question: QuestionId, message: impl Into<String>) -> Self {
        FieldError { question, part: None, message: message.into() }
    }

    fn at(question: QuestionId, part: FieldPart, message: impl Into<String>) -> Self {
        FieldError { question, part: Some(part), message: message.into() }
    }
}

/// Every problem with the questions asked now. Hidden answers are not checked: they are
/// neither shown nor sent.
pub fn field_errors(answers: &Answers) -> Vec<FieldError> {
    catalogue::questions().flat_map(|question| errors_for_question(question, answers)).collect()
}

/// The problems with one question (empty when it is hidden). Reads only the answers
/// `inputs::of_question` names.
pub fn errors_for_question(question: &'static Question, answers: &Answers) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if is_asked(question, answers) {
        check(question, answers, &mut errors);
    }
    errors
}

/// The problems with one question (empty when it is hidden).
pub fn errors_for(id: QuestionId, answers: &Answers) -> Vec<FieldError> {
    field_errors(answers).into_iter().filter(|error| error.question == id).collect()
}

fn check(question: &'static Question, answers: &Answers, errors: &mut Vec<FieldError>) {
    let id = question.id;
    let answer = answers.get(id).filter(|answer| answer.is_given());
    let Some(answer) = answer else {
        if let Some(message) = missing(question, answers) {
            errors.push(FieldError::new(id, message));
        }
        return;
    };
    if question.kind == Kind::Checkbox {
        // Nothing to check: a box is ticked or not, and a damaged value reads as unticked,
        // as `visibility::effective` reads it and the payload sends it.
        return;
    }
    if !question.kind.fits(answer) {
        errors.push(FieldError::new(id, "This answer could not be read: please answer the question again."));
        return;
    }
    match (question.kind, answer) {
        (Kind::OneOf(choices), Answer::Choice(picked)) => {
            let known = choices.iter().any(|choice| choice.id == picked);
            if !known {
                errors.push(FieldError::new(id, "Pick one of the responses."));
            }
        }
        (Kind::Text { max_chars }, Answer::Text(text)) => {
            errors.extend(too_long(text.trim(), max_chars).map(|m| FieldError::new(id, m)))
        }
        (Kind::Link, Answer::Text(text)) => {
            if let Err(problem) = check_link(text) {
                errors.push(FieldError::new(id, problem.advice(text)));
            }
        }
        (Kind::Email, Answer::Text(text)) => errors.extend(check_email(text).err().map(|m| FieldError::new(id, m))),
        (Kind::List { .. }, Answer::List(items)) => check_list(id, items, errors),
        (Kind::DaysRange, Answer::DaysRange { min, max }) => days::check(id, min, max, errors),
        (Kind::ThirdParties, Answer::ThirdParties(rows)) => rows::check(id, rows, errors),
        (Kind::Certifications { options }, Answer::Certifications { picked, other }) => {
            if picked.iter().any(|pick| !options.contains(&pick.as_str())) {
                errors
                    .push(FieldError::new(id, "Pick certifications from the list, or pick “Other” and type the name."));
            }
            if picked.iter().any(|pick| pick == OTHER_CERTIFICATION) {
                if other.trim().is_empty() {
                    errors.push(FieldError::at(
                        id,
                        FieldPart::Other,
                        "Type the name of your other certification, like ISO 27018.",
                    ));
                }
                errors.extend(too_long(other.trim(), MAX_ITEM_CHARS).map(|m| FieldError::at(id, FieldPart::Other, m)));
            }
        }
        _ => {}
    }
}

/// The message for a follow-up left empty, or `None` where an empty answer is fine.
fn missing(question: &Question, answers: &Answers) -> Option<String> {
    let is_optional = catalogue::OPTIONAL.iter().any(|optional| optional.question == question.id);
    if question.shown_when.is_none() || is_optional && may_stay_empty(question.id, &effective(answers)) {
        return None;
    }
    let or_no = "or change your answer above";
    Some(match question.kind {
        Kind::OneOf(_) | Kind::Checkbox | Kind::Provided => return None,
        Kind::ThirdParties => {
            "Add at least one third party, or give the link to your public sub-processor list above.".into()
        }
        Kind::List { suggestions: [example, ..] } => format!("Add at least one, like “{example}”, {or_no}."),
        Kind::List { .. } => format!("Add at least one entry, {or_no}."),
        Kind::Link => format!("Enter the link, like https://example.com/document, {or_no}."),
        Kind::Email => format!("Enter an e-mail address, like security@example.com, {or_no}."),
        Kind::Text { .. } => format!("Fill this in, {or_no}."),
        Kind::DaysRange => format!(
            "Enter the minimum and maximum number of days, like 0 and 30, or tick “{}”.",
            catalogue::question(ids::RETENTION_INDEFINITE).label()
        ),
        Kind::Certifications { .. } => format!("Pick at least one certification, {or_no}."),
    })
}

fn check_list(id: QuestionId, items: &[String], errors: &mut Vec<FieldError>) {
    for (index, listed) in items.iter().enumerate() {
        let item = listed.trim();
        if already_listed(&items[..index], item) {
            errors.push(FieldError::at(id, FieldPart::Item(index), format!("“{item}” is listed twice: remove one.")));
        }
        errors.extend(too_long(item, MAX_ITEM_CHARS).map(|m| FieldError::at(id, FieldPart::Item(index), m)));
    }
}

fn too_long(text: &str, max_chars: usize) -> Option<String> {
    let length = text.chars().count();
    (length > max_chars).then(|| format!("Shorten this to at most {max_chars} characters (it has {length})."))
}

#[cfg(test)]
mod tests;
