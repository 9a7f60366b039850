//! Third-party rows: no empty rows, no duplicates, every column filled in and well-formed.
//! Each row is checked alone ([`party_errors`]) but for a name repeated from an earlier row
//! (the same [`entry_key`]: [`repeated_name`]), so a form that keeps the rows apart re-checks
//! only the row typed in, and the rows that had or take its name.

use super::entries::{already_listed, entry_key};
use super::link::check_domain;
use super::{too_long, FieldError, FieldPart};
use crate::answers::ThirdParty;
use crate::catalogue::{limits::MAX_ITEM_CHARS, QuestionId, ThirdPartyColumn};

pub(super) fn check(id: QuestionId, rows: &[ThirdParty], errors: &mut Vec<FieldError>) {
    let mut names_seen: Vec<String> = Vec::new();
    for (row, party) in rows.iter().enumerate() {
        if let Some(key) = entry_key(&party.name) {
            if names_seen.contains(&key) {
                errors.push(repeated_name(id, row, &party.name));
            } else {
                names_seen.push(key);
            }
        }
        errors.extend(party_errors(id, row, party));
    }
}

/// The error of row `row`, named `name`, when its name repeats an earlier row's (the same
/// [`entry_key`]): the first of the row's errors, before [`party_errors`].
pub fn repeated_name(id: QuestionId, row: usize, name: &str) -> FieldError {
    let part = FieldPart::ThirdParty { row, column: Some(ThirdPartyColumn::Name) };
    FieldError::at(id, part, format!("{} is listed twice: remove one of the rows or merge them.", name.trim()))
}

/// The problems of row `row` on its own (a name repeated from another row aside).
pub fn party_errors(id: QuestionId, row: usize, party: &ThirdParty) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut error = |column: Option<ThirdPartyColumn>, message: String| {
        errors.push(FieldError::at(id, FieldPart::ThirdParty { row, column }, message));
    };
    let countries: Vec<&str> = party.countries.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    let name = party.name.trim();
    if name.is_empty() && party.domain.trim().is_empty() && party.purpose.trim().is_empty() && countries.is_empty() {
        error(None, "This row is empty: fill it in or remove it.".into());
        return errors;
    }
    if name.is_empty() {
        error(Some(ThirdPartyColumn::Name), "Enter the third party's name, like Amazon Web Services.".into());
    }
    if party.domain.trim().is_empty() {
        error(Some(ThirdPartyColumn::Domain), "Enter the third party's website, like aws.amazon.com.".into());
    } else if check_domain(&party.domain).is_err() {
        error(
            Some(ThirdPartyColumn::Domain),
            "Enter the third party's website as a domain or a web link, like aws.amazon.com or https://aws.amazon.com."
                .into(),
        );
    }
    if countries.is_empty() {
        error(
            Some(ThirdPartyColumn::Countries),
            "Add at least one country where this third party stores the data, like United States.".into(),
        );
    }
    for (index, country) in countries.iter().enumerate() {
        if already_listed(&countries[..index], country) {
            error(
                Some(ThirdPartyColumn::Countries),
                format!("{country} is listed twice for this third party: remove one."),
            );
        }
    }
    if party.purpose.trim().is_empty() {
        error(
            Some(ThirdPartyColumn::Purpose),
            "Say why you share data with this third party, like Cloud hosting.".into(),
        );
    }
    for (column, text) in [(ThirdPartyColumn::Name, name), (ThirdPartyColumn::Purpose, party.purpose.trim())]
        .into_iter()
        .chain(countries.iter().map(|c| (ThirdPartyColumn::Countries, *c)))
    {
        if let Some(message) = too_long(text, MAX_ITEM_CHARS) {
            error(Some(column), message);
        }
    }
    errors
}
