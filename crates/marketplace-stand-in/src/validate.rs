//! PUT bodies checked against Atlassian's own OpenAPI document (see [`crate::spec`]) by a JSON
//! Schema validator, and what is wrong told as the spec's `JsonErrorsDoc`: each error's `path`
//! a JSON Pointer inside the wrapper (`/security/caiq/CAIQLiteLink`) and a `code`.
//!
//! The document's schemas do not forbid fields they do not name (no `additionalProperties:
//! false`), so a body may carry the fields live reads show outside them (`hasRestAPIExtension`,
//! `security.permissionsJustification`, …), as a client that writes over the record it read
//! does: it is accepted, and stored as sent, so tests see exactly what a client sent back.

use std::sync::LazyLock;

use jsonschema::error::ValidationErrorKind;
use jsonschema::{Draft, Validator};
use serde_json::{json, Value};

use crate::respond::FieldError;
use crate::spec::{self, TRUST_INFORMATION, V3_BODY};

/// A PUT body's wrapper: the key around the `TrustInfo`, and the validator of the whole body.
pub struct Body {
    pub wrapper: &'static str,
    validator: Validator,
}

/// v3: the spec's `AppPrivacyAndSecurity`, `{"commonCloud": AppTrustInformation}`.
pub static V3: LazyLock<Body> =
    LazyLock::new(|| Body { wrapper: "commonCloud", validator: build(spec::component(V3_BODY)) });

/// v2: `{"appTrustInformation": TrustInfo}` (the v2 reference marks the key required), its
/// `TrustInfo` inferred to be the same `AppTrustInformation` as v3's.
pub static V2: LazyLock<Body> = LazyLock::new(|| Body {
    wrapper: "appTrustInformation",
    validator: build(json!({
        "type": "object",
        "required": ["appTrustInformation"],
        "properties": { "appTrustInformation": spec::component(TRUST_INFORMATION) },
    })),
});

fn build(root: Value) -> Validator {
    jsonschema::options()
        .with_draft(Draft::Draft4)
        .should_validate_formats(true)
        .should_ignore_unknown_formats(true)
        .build(&spec::document_for(root))
        .expect("the OpenAPI document's schemas compile")
}

/// The `TrustInfo` inside a valid body, or the errors to answer 400 with.
pub fn wrapped(raw: &[u8], body: &Body) -> Result<Value, Vec<FieldError>> {
    let value: Value = serde_json::from_slice(raw)
        .map_err(|e| vec![FieldError::coded("", format!("Malformed JSON: {e}"), "INVALID_JSON")])?;
    let errors: Vec<FieldError> = body.validator.iter_errors(&value).map(|error| field_error(&error, body)).collect();
    if errors.is_empty() {
        Ok(value[body.wrapper].clone())
    } else {
        Err(errors)
    }
}

fn field_error(error: &jsonschema::ValidationError<'_>, body: &Body) -> FieldError {
    let at = error.instance_path().to_string();
    // The spec's paths are inside the wrapper: `/security/securityContact`.
    let inside = at.strip_prefix(&format!("/{}", body.wrapper)).unwrap_or(&at).to_owned();
    let is_element =
        inside.rsplit('/').next().is_some_and(|last| !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()));
    let (path, code) = match error.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            let path = if at.is_empty() { String::new() } else { format!("{inside}/{name}") };
            (path, "FIELD_REQUIRED")
        }
        ValidationErrorKind::Format { format } if format == "uri" => (inside, "INVALID_URL_FORMAT"),
        ValidationErrorKind::Format { format } if format == "email" => (inside, "INVALID_EMAIL_FORMAT"),
        _ if is_element => (inside, "INVALID_ARRAY_VALUE"),
        ValidationErrorKind::Enum { .. } => (inside, "INVALID_ENUM_VALUE"),
        // Not a code the spec names: it lists no code for a value of the wrong type.
        _ => (inside, "INVALID_TYPE"),
    };
    FieldError::coded(path, error.to_string(), code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(body: &Body, value: Value) -> Vec<(String, String)> {
        match wrapped(value.to_string().as_bytes(), body) {
            Ok(_) => vec![],
            Err(errors) => errors.into_iter().map(|e| (e.path, e.code.unwrap_or_default())).collect(),
        }
    }

    #[test]
    fn accepts_a_whole_body_in_the_spec_s_types() {
        let info = json!({
            "dataAccessAndStorage": {"appStoresEUDOutsideAtlassian": true, "typesOfDataStored": ["Email address"]},
            "thirdPartyInformation": {"isEndUserDataShared": true, "dataSubProcessors": "https://example.com/subs",
                "thirdPartyDetails": [{"name": "AWS", "link": "https://aws.amazon.com", "purpose": "Hosting", "thirdPartyCountries": ["US"]}]},
            "dataResidency": {"isDataResidencySupported": "STORED_EXTERNAL_TO_ATLASSIAN"},
            "dataRetention": {"retentionDurationInDays": {"min": 0, "max": 30}},
            "privacy": {"gdpr": {"dataController": {"isAppDataController": "NOT_APPLICABLE"}, "dataProcessor": {"isAppDataProcessor": true},
                "dataTransfer": {"transferComplianceMechanismsAdhered": "SCCs"}},
                "dataProcessingAgreement": {"isDPASupported": false, "link": "https://example.com/dpa"}},
            "security": {"caiq": {"isCAIQCompleted": true, "CAIQLiteLink": "https://example.com/caiq"},
                "compliantCertifications": ["SOC2"], "hasCompliantCertifications": true,
                "permissionsJustification": "outside the schema, allowed"},
            "hasRestAPIExtension": true
        });
        assert_eq!(errors(&V3, json!({"commonCloud": info})), vec![]);
        assert_eq!(errors(&V2, json!({"appTrustInformation": info})), vec![]);
    }

    #[test]
    fn each_error_has_a_pointer_inside_the_wrapper_and_a_code() {
        let info = json!({
            "dataAccessAndStorage": {"appStoresEUDOutsideAtlassian": "TRUE", "typesOfDataStored": ["IP address", 3]},
            "dataResidency": {"isDataResidencySupported": "SOMEWHERE"},
            "privacy": {"dataProcessingAgreement": {"isDPASupported": "TRUE", "link": "example.com/dpa"}},
            "thirdPartyInformation": {"thirdPartyDetails": [{"link": "aws.amazon.com"}]},
            "dataRetention": {"retentionDurationInDays": {"min": 1.5}}
        });
        let mut found = errors(&V3, json!({"commonCloud": info}));
        found.sort();
        let expected = [
            ("/dataAccessAndStorage/appStoresEUDOutsideAtlassian", "INVALID_TYPE"),
            ("/dataAccessAndStorage/typesOfDataStored/1", "INVALID_ARRAY_VALUE"),
            ("/dataResidency/isDataResidencySupported", "INVALID_ENUM_VALUE"),
            ("/dataRetention/retentionDurationInDays/min", "INVALID_TYPE"),
            ("/privacy/dataProcessingAgreement/isDPASupported", "INVALID_ENUM_VALUE"),
            ("/privacy/dataProcessingAgreement/link", "INVALID_URL_FORMAT"),
            ("/thirdPartyInformation/thirdPartyDetails/0/link", "INVALID_URL_FORMAT"),
        ];
        assert_eq!(found, expected.map(|(path, code)| (path.to_owned(), code.to_owned())));
    }

    #[test]
    fn the_wrapper_is_required_and_must_be_an_object() {
        assert_eq!(errors(&V3, json!({"appTrustInformation": {}})), [(String::new(), "FIELD_REQUIRED".to_owned())]);
        assert_eq!(errors(&V2, json!({})), [(String::new(), "FIELD_REQUIRED".to_owned())]);
        assert_eq!(errors(&V3, json!({"commonCloud": []})), [(String::new(), "INVALID_TYPE".to_owned())]);
        let malformed = wrapped(b"{", &V3).unwrap_err();
        assert_eq!((malformed[0].path.as_str(), malformed[0].code.as_deref()), ("", Some("INVALID_JSON")));
    }
}
