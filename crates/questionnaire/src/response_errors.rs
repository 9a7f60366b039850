//! What an API error response says, and which questions it concerns.
//!
//! Atlassian's OpenAPI document (`spec/`) gives the Privacy & Security API's errors as
//! `{"errors": [{"message", "path", "code"}]}`, `path` a JSON Pointer inside the wrapper
//! (`/security/securityContact`) and `code` such as `INVALID_URL_FORMAT`. Other endpoints of the
//! API answer `{"errors": [{"id", "status", "code", "title", "detail"}]}`, and older stand-ins
//! and proxies a top-level `message`, dotted paths or plain text, so the body is still read
//! defensively: each entry's `message`, else `detail`, else `title`; a top-level `message`;
//! else the raw text. A path, pointer or dotted, is mapped back to the question whose wire path
//! it falls under, so the partner is sent to the right field.

use serde_json::Value;

use crate::catalogue::{self, Question, Wire};
use crate::wire::{PUT_BODY_KEY, V3_BODY_KEY, V3_READ_KEY};

/// One problem the API named, and the question it concerns when the path names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub path: String,
    pub message: String,
    /// The API's code for it (`INVALID_URL_FORMAT`, …), when it gave one.
    pub code: Option<String>,
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
    let message = text_of(&json, "message");
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
        return Some(FieldProblem { path: String::new(), message: text.to_owned(), code: None, question: None });
    }
    let path = text_of(error, "path").unwrap_or_default();
    let code = text_of(error, "code");
    let message = ["message", "detail", "title"]
        .iter()
        .find_map(|key| text_of(error, key))
        .or_else(|| code.clone())
        .unwrap_or_default();
    if path.is_empty() && message.is_empty() {
        return None;
    }
    let question = question_at_wire_path(&path);
    Some(FieldProblem { path, message, code, question })
}

/// The trimmed, non-blank text at `key`.
fn text_of(json: &Value, key: &str) -> Option<String> {
    json.get(key).and_then(Value::as_str).map(str::trim).filter(|text| !text.is_empty()).map(str::to_owned)
}

/// The question whose wire field holds `path`, or `None` when the path names a group or
/// nothing the catalogue knows. The path is a JSON Pointer (`/security/caiq/CAIQLiteLink`, as
/// the API gives it) or dotted (`security.securityContact`, array indices as `[0]` or `.0`),
/// from the `TrustInfo` or from the body's root (a leading wrapper is skipped).
pub fn question_at_wire_path(path: &str) -> Option<&'static Question> {
    let path = path.trim();
    let segments: Vec<String> = match path.strip_prefix('/') {
        Some(pointer) => pointer.split('/').map(|token| token.replace("~1", "/").replace("~0", "~")).collect(),
        None => path.split('.').map(|segment| segment.split('[').next().unwrap_or(segment).to_owned()).collect(),
    };
    let mut segments: Vec<&str> = segments
        .iter()
        .map(|segment| segment.trim())
        .filter(|segment| !segment.is_empty() && !segment.chars().all(|c| c.is_ascii_digit()))
        .collect();
    if segments.first().is_some_and(|first| [PUT_BODY_KEY, V3_BODY_KEY, V3_READ_KEY].contains(first)) {
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
    fn json_pointer_paths_from_the_spec_name_their_questions() {
        assert_eq!(id_at("/security/securityContact"), Some(ids::SECURITY_CONTACT));
        assert_eq!(id_at("/security/caiq/CAIQLiteLink"), Some(ids::CAIQ_LITE_LINK));
        assert_eq!(id_at("/privacy/dataProcessingAgreement/link"), Some(ids::DPA_LINK));
        assert_eq!(id_at("/dataRetention/retentionDurationInDays/min"), Some(ids::RETENTION_DAYS));
        assert_eq!(id_at("/thirdPartyInformation/thirdPartyDetails/1/link"), Some(ids::THIRD_PARTIES));
        assert_eq!(id_at("/commonCloud/security/compliantCertifications/0"), Some(ids::CERTIFICATIONS));
        assert_eq!(id_at("/security"), None);
        assert_eq!(id_at("/"), None);
        assert_eq!(id_at("/security~1securityContact"), None, "an escaped slash is part of one name");
    }

    #[test]
    fn every_wire_field_maps_back_to_its_own_question_as_a_pointer() {
        for question in catalogue::questions() {
            if let Wire::Field { path, .. } = question.wire {
                let pointer = format!("/{}", path.join("/"));
                assert_eq!(id_at(&pointer), Some(question.id), "{pointer}");
            }
        }
    }

    /// A 400 exactly as the spec shapes it (no top-level message): each entry goes to its
    /// question with its message, and its code is kept.
    #[test]
    fn a_400_in_the_spec_format_places_each_message_at_its_question() {
        let body = r#"{"errors": [
            {"message": "Must be a valid email address", "path": "/security/securityContact", "code": "INVALID_EMAIL_FORMAT"},
            {"message": "Must be a valid URL", "path": "/privacy/dataProcessingAgreement/link", "code": "INVALID_URL_FORMAT"},
            {"message": "Must be one of: SOC2, ISO27001, FedRAMP, PCI_DSS", "path": "/security/compliantCertifications/1", "code": "INVALID_ARRAY_VALUE"},
            {"message": "Field is required", "path": "/somethingNew", "code": "FIELD_REQUIRED"}
        ]}"#;
        let report = read_error_body(body);
        assert_eq!(report.message, None);
        let mapped: Vec<_> = report.mapped().map(|p| (p.question.unwrap().id, p.message.as_str())).collect();
        assert_eq!(
            mapped,
            [
                (ids::SECURITY_CONTACT, "Must be a valid email address"),
                (ids::DPA_LINK, "Must be a valid URL"),
                (ids::CERTIFICATIONS, "Must be one of: SOC2, ISO27001, FedRAMP, PCI_DSS"),
            ]
        );
        assert_eq!(report.problems[1].code.as_deref(), Some("INVALID_URL_FORMAT"));
        let unmapped: Vec<_> = report.unmapped().map(|p| (p.path.as_str(), p.message.as_str())).collect();
        assert_eq!(unmapped, [("/somethingNew", "Field is required")]);
    }

    #[test]
    fn entries_with_only_detail_title_or_code_are_read() {
        let body = r#"{"errors": [
            {"id": "1", "status": "400", "code": "INVALID_URL_FORMAT", "title": "Invalid URL", "detail": "The security policy link is not a URL", "path": "/security/publicSecurityPoliciesLink"},
            {"status": "403", "title": "Forbidden"},
            {"code": "FIELD_REQUIRED", "path": "/security/securityContact"}
        ]}"#;
        let report = read_error_body(body);
        let read: Vec<_> = report.problems.iter().map(|p| (p.question.map(|q| q.id), p.message.as_str())).collect();
        assert_eq!(
            read,
            [
                (Some(ids::SECURITY_POLICY), "The security policy link is not a URL"),
                (None, "Forbidden"),
                (Some(ids::SECURITY_CONTACT), "FIELD_REQUIRED"),
            ]
        );
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
