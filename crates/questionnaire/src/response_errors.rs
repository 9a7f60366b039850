//! What an API error response says, and which questions it concerns.
//!
//! The Marketplace's error format is not documented where we could read it, so the body is
//! read defensively (see `marketplace-api.md`): JSON `errors[].message`/`path`, else
//! `message`, else the raw text. A `path` such as
//! `appTrustInformation.dataRetention.retentionDurationInDays.min` is mapped back to the
//! question whose wire path it falls under, so the partner is sent to the right field.

use serde_json::Value;

use crate::catalogue::{self, Question, Wire};
use crate::wire::{PUT_BODY_KEY, V3_BODY_KEY};

/// One problem the API named, and the question it concerns when the path names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub path: String,
    pub message: String,
    pub question: Option<&'static Question>,
}

/// An error body, read as far as it can be.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorReport {
    /// The body's overall `message`, or the raw body when it is not JSON (trimmed; `None`
    /// when blank).
    pub message: Option<String>,
    pub problems: Vec<FieldProblem>,
}

impl ErrorReport {
    /// Problems whose path names a question, in the order the API gave them.
    pub fn mapped(&self) -> impl Iterator<Item = &FieldProblem> {
        self.problems.iter().filter(|problem| problem.question.is_some())
    }

    /// Problems that could not be tied to a question: shown whole.
    pub fn unmapped(&self) -> impl Iterator<Item = &FieldProblem> {
        self.problems.iter().filter(|problem| problem.question.is_none())
    }
}

/// Reads an error response body. Never fails: whatever it is, something readable comes back.
pub fn read_error_body(body: &str) -> ErrorReport {
    let Ok(json) = serde_json::from_str::<Value>(body) else {
        let raw = body.trim();
        return ErrorReport { message: (!raw.is_empty()).then(|| raw.to_owned()), problems: Vec::new() };
    };
    let message =
        json.get("message").and_then(Value::as_str).map(str::trim).filter(|m| !m.is_empty()).map(str::to_owned);
    let problems: Vec<FieldProblem> = json
        .get("errors")
        .and_then(Value::as_array)
        .map(|errors| errors.iter().filter_map(read_problem).collect())
        .unwrap_or_default();
    // JSON with neither field (an odd proxy page, say) is still shown, not swallowed.
    let message = match (&message, &problems) {
        (None, problems) if problems.is_empty() => Some(json.to_string()),
        _ => message,
    };
    ErrorReport { message, problems }
}

fn read_problem(error: &Value) -> Option<FieldProblem> {
    if let Some(text) = error.as_str() {
        return Some(FieldProblem { path: String::new(), message: text.to_owned(), question: None });
    }
    let path = error.get("path").and_then(Value::as_str).unwrap_or_default().to_owned();
    let message = error.get("message").and_then(Value::as_str).unwrap_or_default().to_owned();
    if path.is_empty() && message.is_empty() {
        return None;
    }
    let question = question_at_wire_path(&path);
    Some(FieldProblem { path, message, question })
}

/// The question whose wire field holds `path` (a dotted path from the body's root or from
/// the `TrustInfo`, array indices as `[0]` or `.0`), or `None` when the path names a group
/// or nothing the catalogue knows.
pub fn question_at_wire_path(path: &str) -> Option<&'static Question> {
    let mut segments: Vec<&str> = path
        .split('.')
        .map(|segment| segment.split('[').next().unwrap_or(segment).trim())
        .filter(|segment| !segment.is_empty() && !segment.chars().all(|c| c.is_ascii_digit()))
        .collect();
    if segments.first().is_some_and(|first| *first == PUT_BODY_KEY || *first == V3_BODY_KEY) {
        segments.remove(0);
    }
    catalogue::questions()
        .filter_map(|question| match question.wire {
            Wire::Field { path, .. } if segments.starts_with(path) => Some((question, path.len())),
            _ => None,
        })
        .max_by_key(|(_, depth)| *depth)
        .map(|(question, _)| question)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{ids, QuestionId};

    fn id_at(path: &str) -> Option<QuestionId> {
        question_at_wire_path(path).map(|question| question.id)
    }

    #[test]
    fn a_path_inside_a_field_names_its_question() {
        assert_eq!(id_at("appTrustInformation.dataRetention.retentionDurationInDays.min"), Some(ids::RETENTION_DAYS));
        assert_eq!(id_at("appTrustInformation.dataRetention.retentionDurationInDays"), Some(ids::RETENTION_DAYS));
        assert_eq!(id_at("commonCloud.security.securityContact"), Some(ids::SECURITY_CONTACT));
        assert_eq!(id_at("security.securityContact"), Some(ids::SECURITY_CONTACT), "a path from the TrustInfo itself");
    }

    #[test]
    fn array_elements_belong_to_the_list_question() {
        assert_eq!(
            id_at("appTrustInformation.thirdPartyInformation.thirdPartyDetails[2].name"),
            Some(ids::THIRD_PARTIES)
        );
        assert_eq!(
            id_at("appTrustInformation.thirdPartyInformation.thirdPartyDetails.0.link"),
            Some(ids::THIRD_PARTIES)
        );
        assert_eq!(
            id_at("appTrustInformation.dataAccessAndStorage.typesOfDataStored[1]"),
            Some(ids::STORED_DATA_TYPES)
        );
    }

    #[test]
    fn groups_unknown_fields_and_empty_paths_name_no_question() {
        assert_eq!(id_at("appTrustInformation.security"), None);
        assert_eq!(id_at("appTrustInformation"), None);
        assert_eq!(id_at("appTrustInformation.security.permissionsJustification"), None);
        assert_eq!(id_at(""), None);
        assert_eq!(id_at("dataRetention.retentionDuration"), None, "a prefix of a field name is not that field");
    }

    #[test]
    fn every_wire_field_maps_back_to_its_own_question() {
        for question in catalogue::questions() {
            if let Wire::Field { path, .. } = question.wire {
                let dotted = format!("{PUT_BODY_KEY}.{}", path.join("."));
                assert_eq!(id_at(&dotted), Some(question.id), "{dotted}");
            }
        }
    }

    #[test]
    fn reads_field_errors_and_keeps_the_ones_it_cannot_place() {
        let body = r#"{"message": "Validation failed", "errors": [
            {"path": "appTrustInformation.dataRetention.retentionDurationInDays.min", "message": "must be an integer"},
            {"path": "appTrustInformation.security", "message": "must be an object"},
            {"message": "something else"}
        ]}"#;
        let report = read_error_body(body);
        assert_eq!(report.message.as_deref(), Some("Validation failed"));
        let mapped: Vec<_> = report.mapped().map(|p| (p.question.unwrap().id, p.message.as_str())).collect();
        assert_eq!(mapped, [(ids::RETENTION_DAYS, "must be an integer")]);
        let unmapped: Vec<_> = report.unmapped().map(|p| (p.path.as_str(), p.message.as_str())).collect();
        assert_eq!(unmapped, [("appTrustInformation.security", "must be an object"), ("", "something else")]);
    }

    #[test]
    fn a_body_without_errors_is_shown_whole() {
        assert_eq!(read_error_body(r#"{"message": "App not found: x"}"#).message.as_deref(), Some("App not found: x"));
        assert_eq!(read_error_body("<html>Bad gateway</html>\n").message.as_deref(), Some("<html>Bad gateway</html>"));
        assert_eq!(read_error_body(r#"{"error": "odd"}"#).message.as_deref(), Some(r#"{"error":"odd"}"#));
        assert_eq!(read_error_body("  "), ErrorReport::default());
        let strings = read_error_body(r#"{"errors": ["first", "second"]}"#);
        assert_eq!(strings.problems.len(), 2);
        assert_eq!(strings.message, None);
    }
}
