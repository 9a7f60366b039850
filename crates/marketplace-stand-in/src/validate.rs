//! Request-body checks for PUT: the wrapper, then the types of the TrustInfo fields we know.
//!
//! The types come from the reference (`marketplace-api.md`); everything about them lives in
//! the tables below. Checks are deliberately loose where the reference is unsure: `null` is
//! accepted anywhere (an unanswered question), unknown fields are kept unchecked, and the
//! GDPR/CCPA/DPA flags also accept the `"TRUE"`/`"FALSE"`/`"NOT_APPLICABLE"` strings seen live.

use serde_json::{Map, Value};

use crate::respond::FieldError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Object,
    Bool,
    /// A bool or one of `"TRUE"`, `"FALSE"`, `"NOT_APPLICABLE"`.
    YesNoNa,
    Text,
    TextList,
    ObjectList,
    /// `{"min": int, "max": int}`, both present, `0 <= min <= max`.
    DayRange,
}

use Kind::*;

/// Paths inside TrustInfo; `name[]` means "each element of the array `name`".
pub const TRUST_INFO: &[(&str, Kind)] = &[
    ("dataAccessAndStorage", Object),
    ("dataAccessAndStorage.appStoresEUDOutsideAtlassian", Bool),
    ("dataAccessAndStorage.appProcessEUDOutsideAtlassian", Bool),
    ("dataAccessAndStorage.isSameDataProcessedAndStored", Bool),
    ("dataAccessAndStorage.typesOfDataStored", TextList),
    ("dataAccessAndStorage.typesOfDataAccessed", TextList),
    ("thirdPartyInformation", Object),
    ("thirdPartyInformation.isEndUserDataShared", Bool),
    ("thirdPartyInformation.dataSubProcessors", Text),
    ("thirdPartyInformation.thirdPartyDetails", ObjectList),
    ("thirdPartyInformation.thirdPartyDetails[].name", Text),
    ("thirdPartyInformation.thirdPartyDetails[].link", Text),
    ("thirdPartyInformation.thirdPartyDetails[].purpose", Text),
    ("thirdPartyInformation.thirdPartyDetails[].thirdPartyCountries", TextList),
    ("logDetails", Object),
    ("logDetails.logEndUserData", Bool),
    ("logDetails.logProcessAndOrStoreEUDOutsideAtlassian", Bool),
    ("logDetails.logEUDShareWithThirdParty", Bool),
    ("logDetails.logsIntegralForAppFunctionality", Bool),
    ("dataResidency", Object),
    // An enum whose wire values are partly unknown: any string is kept.
    ("dataResidency.isDataResidencySupported", Text),
    ("dataResidency.countriesWhereEndUserDataStored", TextList),
    ("dataResidency.realmMigrationSupported", Bool),
    ("dataResidency.inScopeDataTypes", TextList),
    ("dataRetention", Object),
    ("dataRetention.isDataRetentionSupported", Bool),
    ("dataRetention.retentionDurationInDays", DayRange),
    ("dataRetention.isCustomRetentionPeriodAllowed", Bool),
    ("dataRetention.isRetentionDurationIndefinite", Bool),
    ("privacy", Object),
    ("privacy.privacyEnhancingTechniques", Object),
    ("privacy.privacyEnhancingTechniques.arePrivacyEnhancingTechniquesSupported", Bool),
    ("privacy.privacyEnhancingTechniques.privacyEnhancingTechniquesSupported", TextList),
    ("privacy.gdpr", Object),
    ("privacy.gdpr.dataController", Object),
    ("privacy.gdpr.dataController.isAppDataController", YesNoNa),
    ("privacy.gdpr.dataController.endUserDataTypes", TextList),
    ("privacy.gdpr.dataProcessor", Object),
    ("privacy.gdpr.dataProcessor.isAppDataProcessor", YesNoNa),
    ("privacy.gdpr.dataProcessor.endUserDataTypes", TextList),
    ("privacy.gdpr.dataTransfer", Object),
    ("privacy.gdpr.dataTransfer.isEndUserDataTransferredOutsideEEA", YesNoNa),
    ("privacy.gdpr.dataTransfer.isTransferComplianceMechanismsAdhered", YesNoNa),
    ("privacy.ccpa", Object),
    ("privacy.ccpa.business", Object),
    ("privacy.ccpa.business.isAppBusiness", YesNoNa),
    ("privacy.ccpa.serviceProvider", Object),
    ("privacy.ccpa.serviceProvider.isAppServiceProvider", YesNoNa),
    ("privacy.ccpa.serviceProvider.endUserDataTypes", TextList),
    ("privacy.dataProcessingAgreement", Object),
    ("privacy.dataProcessingAgreement.isDPASupported", YesNoNa),
    ("security", Object),
    ("security.securityContact", Text),
    ("security.publicSecurityPoliciesLink", Text),
    ("security.isDiskEncryptionSupported", Bool),
    ("security.requiresUsersToProvidePATs", Bool),
    // security.permissionsJustification is rich text of unknown shape: unchecked.
    ("properties", Object),
    ("properties.formStatus", Text),
];

/// Fields only the v3 `commonCloud` wrapper has, on top of [`TRUST_INFO`].
pub const COMMON_CLOUD_EXTRA: &[(&str, Kind)] = &[("hasRestAPIExtension", Bool), ("supportsConfigurableEgress", Bool)];

/// Parses a PUT body `{"<wrapper>": {...}}` and returns the inner object, or the field errors
/// with paths from the body's root (`<wrapper>.dataRetention...`). Malformed JSON is a single
/// error with an empty path.
pub fn wrapped(body: &[u8], wrapper: &str, tables: &[&[(&str, Kind)]]) -> Result<Value, (String, Vec<FieldError>)> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        let message = format!("Malformed JSON: {e}");
        (message.clone(), vec![FieldError::new("", message)])
    })?;
    let invalid = |errors| Err(("Validation failed".to_string(), errors));
    let Some(root) = value.as_object() else {
        return invalid(vec![FieldError::new("", "must be a JSON object")]);
    };
    let inner = match root.get(wrapper) {
        None | Some(Value::Null) => return invalid(vec![FieldError::new(wrapper, "is required")]),
        Some(inner) if !inner.is_object() => return invalid(vec![FieldError::new(wrapper, "must be an object")]),
        Some(inner) => inner,
    };
    let errors = check(inner, wrapper, tables);
    if errors.is_empty() {
        Ok(inner.clone())
    } else {
        invalid(errors)
    }
}

/// Every type error in `value`, in table order, with paths prefixed by `root`.
pub fn check(value: &Value, root: &str, tables: &[&[(&str, Kind)]]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (path, kind) in tables.iter().flat_map(|table| table.iter()) {
        let segments: Vec<&str> = path.split('.').collect();
        let mut found = Vec::new();
        locate(value, &segments, root.to_string(), &mut found);
        for (at, field) in found {
            check_kind(field, *kind, &at, &mut errors);
        }
    }
    errors
}

/// Collects the non-null values at `segments`. A missing or wrongly typed parent yields
/// nothing: the parent's own table entry reports it.
fn locate<'a>(value: &'a Value, segments: &[&str], path: String, found: &mut Vec<(String, &'a Value)>) {
    let Some((first, rest)) = segments.split_first() else {
        if !value.is_null() {
            found.push((path, value));
        }
        return;
    };
    let (name, each) = match first.strip_suffix("[]") {
        Some(name) => (name, true),
        None => (*first, false),
    };
    let Some(child) = value.as_object().and_then(|object| object.get(name)) else {
        return;
    };
    let path = join(&path, name);
    if !each {
        return locate(child, rest, path, found);
    }
    for (index, element) in child.as_array().into_iter().flatten().enumerate() {
        locate(element, rest, format!("{path}[{index}]"), found);
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

fn check_kind(value: &Value, kind: Kind, path: &str, errors: &mut Vec<FieldError>) {
    let mut fail = |path: &str, message: &str| errors.push(FieldError::new(path, message));
    match kind {
        Object if !value.is_object() => fail(path, "must be an object"),
        Bool if !value.is_boolean() => fail(path, "must be a boolean"),
        YesNoNa if !(value.is_boolean() || matches!(value.as_str(), Some("TRUE" | "FALSE" | "NOT_APPLICABLE"))) => {
            fail(path, "must be a boolean or one of \"TRUE\", \"FALSE\", \"NOT_APPLICABLE\"")
        }
        Text if !value.is_string() => fail(path, "must be a string"),
        TextList | ObjectList => {
            let Some(items) = value.as_array() else {
                return fail(
                    path,
                    if kind == TextList { "must be an array of strings" } else { "must be an array of objects" },
                );
            };
            for (index, item) in items.iter().enumerate() {
                if kind == TextList && !item.is_string() {
                    fail(&format!("{path}[{index}]"), "must be a string");
                } else if kind == ObjectList && !item.is_object() {
                    fail(&format!("{path}[{index}]"), "must be an object");
                }
            }
        }
        DayRange => match value.as_object() {
            None => fail(path, "must be an object {\"min\": integer, \"max\": integer}"),
            Some(range) => check_day_range(range, path, errors),
        },
        _ => {}
    }
}

fn check_day_range(range: &Map<String, Value>, path: &str, errors: &mut Vec<FieldError>) {
    let mut bound = |name: &str| -> Option<i64> {
        let at = format!("{path}.{name}");
        match range.get(name) {
            None | Some(Value::Null) => errors.push(FieldError::new(at, "is required")),
            Some(value) => match value.as_i64() {
                Some(days) if days >= 0 => return Some(days),
                Some(_) => errors.push(FieldError::new(at, "must not be negative")),
                None => errors.push(FieldError::new(at, "must be an integer")),
            },
        }
        None
    };
    if let (Some(min), Some(max)) = (bound("min"), bound("max")) {
        if min > max {
            errors.push(FieldError::new(path, "min must not be greater than max"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn errors_of(info: Value) -> Vec<String> {
        check(&info, "appTrustInformation", &[TRUST_INFO]).into_iter().map(|e| e.path).collect()
    }

    #[test]
    fn table_paths_are_unique_and_parents_come_first() {
        let mut seen = std::collections::BTreeSet::new();
        for (path, _) in TRUST_INFO.iter().chain(COMMON_CLOUD_EXTRA) {
            assert!(seen.insert(*path), "duplicate {path}");
            if let Some((parent, _)) = path.rsplit_once('.') {
                assert!(seen.contains(parent.trim_end_matches("[]")), "{path} listed before its parent");
            }
        }
    }

    #[test]
    fn accepts_a_full_well_typed_document_and_nulls() {
        let info = json!({
            "dataAccessAndStorage": {"appStoresEUDOutsideAtlassian": true, "typesOfDataStored": ["EMAIL"], "typesOfDataAccessed": null},
            "thirdPartyInformation": {"isEndUserDataShared": true, "thirdPartyDetails": [{"name": "S3", "link": "aws.amazon.com", "purpose": "storage", "thirdPartyCountries": ["US"]}]},
            "dataRetention": {"retentionDurationInDays": {"min": 0, "max": 30}},
            "privacy": {"ccpa": {"business": {"isAppBusiness": "NOT_APPLICABLE"}}, "gdpr": {"dataController": {"isAppDataController": false}}},
            "security": {"permissionsJustification": {"any": "shape"}},
            "somethingNew": 42
        });
        assert_eq!(errors_of(info), Vec::<String>::new());
    }

    #[test]
    fn reports_each_wrong_type_with_its_path() {
        let info = json!({
            "dataAccessAndStorage": {"appStoresEUDOutsideAtlassian": "yes", "typesOfDataStored": ["EMAIL", 3]},
            "thirdPartyInformation": {"thirdPartyDetails": [{"name": "ok"}, {"name": 5}]},
            "logDetails": [],
            "dataRetention": {"retentionDurationInDays": {"min": "1", "max": 2}},
            "privacy": {"dataProcessingAgreement": {"isDPASupported": "MAYBE"}}
        });
        assert_eq!(
            errors_of(info),
            [
                "appTrustInformation.dataAccessAndStorage.appStoresEUDOutsideAtlassian",
                "appTrustInformation.dataAccessAndStorage.typesOfDataStored[1]",
                "appTrustInformation.thirdPartyInformation.thirdPartyDetails[1].name",
                "appTrustInformation.logDetails",
                "appTrustInformation.dataRetention.retentionDurationInDays.min",
                "appTrustInformation.privacy.dataProcessingAgreement.isDPASupported",
            ]
        );
    }

    #[test]
    fn day_range_rules() {
        let range = |r: Value| errors_of(json!({"dataRetention": {"retentionDurationInDays": r}}));
        assert_eq!(range(json!({"max": 1})), ["appTrustInformation.dataRetention.retentionDurationInDays.min"]);
        assert_eq!(range(json!({"min": 1.5, "max": -1})).len(), 2);
        assert_eq!(range(json!({"min": 5, "max": 1})), ["appTrustInformation.dataRetention.retentionDurationInDays"]);
        assert_eq!(range(json!(7)), ["appTrustInformation.dataRetention.retentionDurationInDays"]);
    }

    #[test]
    fn wrapper_errors() {
        let paths = |body: &str| wrapped(body.as_bytes(), "appTrustInformation", &[TRUST_INFO]).unwrap_err().1;
        assert_eq!(paths("{")[0].path, "");
        assert_eq!(paths("[]")[0].path, "");
        assert_eq!(paths("{}")[0].path, "appTrustInformation");
        assert_eq!(paths(r#"{"appTrustInformation": []}"#)[0].path, "appTrustInformation");
        let inner = wrapped(br#"{"appTrustInformation": {"x": 1}}"#, "appTrustInformation", &[TRUST_INFO]).unwrap();
        assert_eq!(inner, json!({"x": 1}));
    }
}
