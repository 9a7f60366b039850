//! Third-party rows: no empty rows, no duplicates, every column filled in and well-formed.

use super::link::check_domain;
use super::{too_long, FieldError, FieldPart};
use crate::answers::ThirdParty;
use crate::catalogue::{limits::MAX_ITEM_CHARS, QuestionId, ThirdPartyColumn};

pub(super) fn check(id: QuestionId, rows: &[ThirdParty], errors: &mut Vec<FieldError>) {
    let mut names_seen: Vec<String> = Vec::new();
    for (row, party) in rows.iter().enumerate() {
        let mut error = |column: Option<ThirdPartyColumn>, message: String| {
            errors.push(FieldError::at(id, FieldPart::ThirdParty { row, column }, message));
        };
        let countries: Vec<&str> = party.countries.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
        let name = party.name.trim();
        if name.is_empty() && party.domain.trim().is_empty() && party.purpose.trim().is_empty() && countries.is_empty()
        {
            error(None, "This row is empty: fill it in or remove it.".into());
            continue;
        }
        if name.is_empty() {
            error(Some(ThirdPartyColumn::Name), "Enter the third party's name, like Amazon Web Services.".into());
        } else if names_seen.contains(&name.to_lowercase()) {
            error(
                Some(ThirdPartyColumn::Name),
                format!("{name} is listed twice: remove one of the rows or merge them."),
            );
        } else {
            names_seen.push(name.to_lowercase());
        }
        if party.domain.trim().is_empty() {
            error(Some(ThirdPartyColumn::Domain), "Enter the third party's website, like aws.amazon.com.".into());
        } else if check_domain(&party.domain).is_err() {
            error(
                Some(ThirdPartyColumn::Domain),
                "Enter the third party's website as a domain or a web link, like aws.amazon.com or https://aws.amazon.com.".into(),
            );
        }
        if countries.is_empty() {
            error(
                Some(ThirdPartyColumn::Countries),
                "Add at least one country where this third party stores the data, like United States.".into(),
            );
        }
        let mut countries_seen: Vec<String> = Vec::new();
        for country in &countries {
            if countries_seen.contains(&country.to_lowercase()) {
                error(
                    Some(ThirdPartyColumn::Countries),
                    format!("{country} is listed twice for this third party: remove one."),
                );
            }
            countries_seen.push(country.to_lowercase());
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
    }
}
