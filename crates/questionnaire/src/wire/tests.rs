use serde_json::json;

use super::*;
use crate::answers::ThirdParty;
use crate::catalogue::ids::{self, choice};
use crate::catalogue::QuestionId;

fn pick(answers: &mut Answers, id: QuestionId, picked: &str) {
    answers.set(id, Answer::Choice(picked.into()));
}

fn list(items: &[&str]) -> Answer {
    Answer::List(items.iter().map(|s| s.to_string()).collect())
}

fn sample() -> Answers {
    let mut a = Answers::new();
    pick(&mut a, ids::STORES_EUD, choice::YES);
    a.set(ids::STORED_DATA_TYPES, list(&["Email address", " ", "IP address "]));
    pick(&mut a, ids::PROCESSES_EUD, choice::YES);
    a.set(ids::SAME_DATA_PROCESSED_AND_STORED, Answer::Flag(true));
    pick(&mut a, ids::SHARES_EUD, choice::YES);
    a.set(
        ids::THIRD_PARTIES,
        Answer::ThirdParties(vec![ThirdParty {
            name: "AWS".into(),
            domain: "aws.amazon.com".into(),
            countries: vec!["US".into()],
            purpose: "Cloud hosting".into(),
        }]),
    );
    pick(&mut a, ids::DATA_RESIDENCY, choice::RESIDENCY_WITHIN_ATLASSIAN);
    pick(&mut a, ids::RESIDENCY_MIGRATION, choice::NO);
    pick(&mut a, ids::RETAINS_AFTER_UNINSTALL, choice::YES);
    a.set(ids::RETENTION_DAYS, Answer::DaysRange { min: "0".into(), max: " 30".into() });
    pick(&mut a, ids::GDPR_CONTROLLER, choice::NOT_APPLICABLE);
    pick(&mut a, ids::GDPR_PROCESSOR, choice::YES);
    a.set(ids::GDPR_PROCESSOR_DATA, list(&["Issue content"]));
    pick(&mut a, ids::HAS_DPA, choice::YES);
    a.set(ids::DPA_LINK, Answer::Text("https://example.com/dpa".into()));
    a.set(ids::SECURITY_CONTACT, Answer::Text(" security@example.com ".into()));
    pick(&mut a, ids::DISK_ENCRYPTION, choice::YES);
    a.set(ids::PRIVACY_POLICY, Answer::Text("https://example.com/privacy".into()));
    a
}

#[test]
fn writes_the_documented_field_names() {
    assert_eq!(
        to_put_body(&sample()),
        json!({ "appTrustInformation": {
            "dataAccessAndStorage": {
                "appStoresEUDOutsideAtlassian": true,
                "typesOfDataStored": ["Email address", "IP address"],
                "appProcessEUDOutsideAtlassian": true,
                "typesOfDataAccessed": ["Email address", "IP address"],
                "isSameDataProcessedAndStored": true,
            },
            "thirdPartyInformation": {
                "isEndUserDataShared": true,
                "thirdPartyDetails": [
                    { "name": "AWS", "link": "aws.amazon.com", "thirdPartyCountries": ["US"], "purpose": "Cloud hosting" }
                ],
            },
            "dataResidency": {
                "isDataResidencySupported": "STORED_IN_ATLASSIAN_N_DR_SUPPORTED",
                "realmMigrationSupported": false,
            },
            "dataRetention": {
                "isDataRetentionSupported": true,
                "retentionDurationInDays": { "min": 0, "max": 30 },
                "isRetentionDurationIndefinite": false,
            },
            "privacy": {
                "gdpr": {
                    "dataController": { "isAppDataController": "NOT_APPLICABLE" },
                    "dataProcessor": { "isAppDataProcessor": "TRUE", "endUserDataTypes": ["Issue content"] },
                },
                "dataProcessingAgreement": { "isDPASupported": true },
            },
            "security": { "securityContact": "security@example.com", "isDiskEncryptionSupported": true },
        }})
    );
}

#[test]
fn answers_with_unknown_wire_names_are_kept_but_not_sent_and_the_model_says_which() {
    let mut answers = sample();
    pick(&mut answers, ids::DATA_RESIDENCY, choice::RESIDENCY_INDEPENDENT);
    answers.set(ids::RESIDENCY_LOCATIONS, list(&["EU"]));
    let reasons: Vec<_> = unsent(&answers).iter().map(|u| (u.question.id, u.reason)).collect();
    assert_eq!(
        reasons,
        [
            (ids::DATA_RESIDENCY, UnsentReason::UnknownValue),
            (ids::RESIDENCY_LOCATIONS, UnsentReason::ParentNotSent),
            (ids::DPA_LINK, UnsentReason::UnknownField),
            (ids::PRIVACY_POLICY, UnsentReason::UnknownField),
        ]
    );
    assert_eq!(unsendable(&answers).len(), 4);
    let body = to_trust_info(&answers);
    // The migration answer is a question of its own, sent whatever the residency response.
    assert_eq!(body["dataResidency"], json!({ "realmMigrationSupported": false }));
    assert_eq!(answers.text(ids::PRIVACY_POLICY), "https://example.com/privacy");
}

#[test]
fn an_invalid_day_count_is_unsent_but_not_unsendable() {
    let mut answers = sample();
    answers.set(ids::RETENTION_DAYS, Answer::DaysRange { min: "a week".into(), max: "30".into() });
    assert!(unsent(&answers).iter().any(|u| u.question.id == ids::RETENTION_DAYS && u.reason == UnsentReason::Invalid));
    assert!(!unsendable(&answers).iter().any(|q| q.id == ids::RETENTION_DAYS));
}

#[test]
fn hidden_answers_are_never_sent() {
    let mut answers = sample();
    pick(&mut answers, ids::STORES_EUD, choice::NO);
    pick(&mut answers, ids::PROCESSES_EUD, choice::NO);
    let info = to_trust_info(&answers);
    assert_eq!(
        info["dataAccessAndStorage"],
        json!({ "appStoresEUDOutsideAtlassian": false, "appProcessEUDOutsideAtlassian": false })
    );
    assert!(info.get("thirdPartyInformation").is_none());
    assert!(info.get("dataRetention").is_none());
    assert!(info["security"].get("isDiskEncryptionSupported").is_none());
}

#[test]
fn reads_booleans_and_their_string_forms_and_not_applicable() {
    let answers = from_trust_info(&json!({
        "dataAccessAndStorage": { "appStoresEUDOutsideAtlassian": "TRUE", "appProcessEUDOutsideAtlassian": "false" },
        "privacy": { "gdpr": {
            "dataController": { "isAppDataController": "not_applicable" },
            "dataProcessor": { "isAppDataProcessor": true },
        }, "ccpa": { "business": { "isAppBusiness": "NOT_APPLICABLE" } } },
    }));
    assert_eq!(answers.choice(ids::STORES_EUD), Some(choice::YES));
    assert_eq!(answers.choice(ids::PROCESSES_EUD), Some(choice::NO));
    assert_eq!(answers.choice(ids::GDPR_CONTROLLER), Some(choice::NOT_APPLICABLE));
    assert_eq!(answers.choice(ids::GDPR_PROCESSOR), Some(choice::YES));
    assert_eq!(answers.choice(ids::CCPA_BUSINESS), Some(choice::NOT_APPLICABLE));
}

#[test]
fn reading_tolerates_missing_groups_odd_types_and_unknown_values() {
    let body = json!({ "appTrustInformation": {
        "dataResidency": { "isDataResidencySupported": "APP_STORES_DATA_IN_EU", "countriesWhereEndUserDataStored": "EU" },
        "dataRetention": { "retentionDurationInDays": { "min": "7", "max": 90 }, "isDataRetentionSupported": 1 },
        "logDetails": "not an object",
        "security": { "requiresUsersToProvidePATs": false, "securityContact": 42 },
        "somethingNew": { "x": 1 },
    }});
    let answers = from_trust_info(&body);
    assert_eq!(answers.get(ids::DATA_RESIDENCY), Some(&Answer::Unknown("APP_STORES_DATA_IN_EU".into())));
    assert_eq!(answers.list(ids::RESIDENCY_LOCATIONS), ["EU"]);
    assert_eq!(answers.days_range(ids::RETENTION_DAYS), Some(("7", "90")));
    assert!(answers.get(ids::RETAINS_AFTER_UNINSTALL).is_none());
    assert!(answers.get(ids::LOGS_EUD).is_none());
    assert_eq!(answers.text(ids::SECURITY_CONTACT), "42");
    // The unknown value goes back exactly as it came, over the record it came from.
    assert_eq!(
        to_trust_info_over(&body, &answers)["dataResidency"]["isDataResidencySupported"],
        "APP_STORES_DATA_IN_EU"
    );
}

#[test]
fn writes_v3_bodies_keeping_v3_only_fields() {
    let got =
        json!({ "commonCloud": { "hasRestAPIExtension": true, "security": { "isDiskEncryptionSupported": false } } });
    let mut answers = from_trust_info(&got);
    pick(&mut answers, ids::DISK_ENCRYPTION, choice::YES);
    assert_eq!(
        to_v3_put_body_over(&got, &answers),
        json!({ "commonCloud": { "hasRestAPIExtension": true, "security": { "isDiskEncryptionSupported": true } } })
    );
}

#[test]
fn reads_the_v3_wrapper_too() {
    let answers = from_trust_info(&json!({ "commonCloud": { "security": { "isDiskEncryptionSupported": "TRUE" } } }));
    assert_eq!(answers.choice(ids::DISK_ENCRYPTION), Some(choice::YES));
}

#[test]
fn writing_over_the_api_document_keeps_unknown_fields_and_drops_stale_known_ones() {
    let raw = json!({
        "dataAccessAndStorage": { "appStoresEUDOutsideAtlassian": true, "typesOfDataStored": ["Email address"] },
        "security": {
            "requiresUsersToProvidePATs": true,
            "permissionsJustification": "<p>Reads issues</p>",
            "securityContact": "old@example.com",
        },
        "hasRestAPIExtension": false,
        "properties": { "formStatus": "APPROVED" },
    });
    let mut unknown = unknown_fields(&raw);
    unknown.sort();
    assert_eq!(
        unknown,
        ["hasRestAPIExtension", "security.permissionsJustification", "security.requiresUsersToProvidePATs"]
    );
    let mut answers = from_trust_info(&raw);
    pick(&mut answers, ids::STORES_EUD, choice::NO);
    answers.clear(ids::SECURITY_CONTACT);
    assert_eq!(
        to_trust_info_over(&raw, &answers),
        json!({
            "dataAccessAndStorage": { "appStoresEUDOutsideAtlassian": false },
            "security": { "requiresUsersToProvidePATs": true, "permissionsJustification": "<p>Reads issues</p>" },
            "hasRestAPIExtension": false,
        })
    );
    assert_eq!(
        to_put_body_over(&json!({ "appTrustInformation": raw.clone() }), &answers)[PUT_BODY_KEY],
        to_trust_info_over(&raw, &answers)
    );
}

#[test]
fn writing_over_odd_json_replaces_what_is_in_the_way() {
    let mut answers = Answers::new();
    pick(&mut answers, ids::GDPR_CONTROLLER, choice::YES);
    let info = to_trust_info_over(&json!({ "privacy": "odd", "x": [1] }), &answers);
    assert_eq!(
        info,
        json!({ "privacy": { "gdpr": { "dataController": { "isAppDataController": "TRUE" } } }, "x": [1] })
    );
    assert_eq!(to_trust_info_over(&json!([1, 2]), &answers), to_trust_info(&answers));
}

#[test]
fn recognises_a_trust_info() {
    assert!(is_trust_info(&json!({ "security": {} })));
    assert!(is_trust_info(&json!({ "appTrustInformation": { "privacy": {} } })));
    assert!(!is_trust_info(&json!({ "format": "something" })));
    assert!(!is_trust_info(&json!("security")));
}

#[test]
fn a_live_record_read_and_written_back_unchanged_keeps_every_field() {
    let live = json!({ "appTrustInformation": {
        "dataAccessAndStorage": {
            "appStoresEUDOutsideAtlassian": false,
            "appProcessEUDOutsideAtlassian": true,
            "isSameDataProcessedAndStored": false,
        },
        "dataResidency": {
            "isDataResidencySupported": "APP_DOES_NOT_SUPPORT_DR",
            "realmMigrationSupported": false,
            "countriesWhereEndUserDataStored": ["EU"],
            "inScopeDataTypes": ["Issue content"],
        },
        "security": { "requiresUsersToProvidePATs": false },
    }});
    let answers = from_trust_info(&live);
    assert_eq!(to_put_body_over(&live, &answers), live);
}

#[test]
fn the_migration_question_is_asked_whatever_the_residency_response() {
    let mut answers = Answers::new();
    pick(&mut answers, ids::DATA_RESIDENCY, choice::RESIDENCY_NOT_SUPPORTED);
    pick(&mut answers, ids::RESIDENCY_MIGRATION, choice::NO);
    assert_eq!(to_trust_info(&answers)["dataResidency"]["realmMigrationSupported"], json!(false));
}

#[test]
fn a_value_hidden_by_the_spec_s_own_condition_is_still_dropped_when_the_partner_changes_its_parent() {
    let raw = json!({ "privacy": { "privacyEnhancingTechniques": {
        "arePrivacyEnhancingTechniquesSupported": true,
        "privacyEnhancingTechniquesSupported": ["Masking"],
    }}});
    let mut answers = from_trust_info(&raw);
    pick(&mut answers, ids::USES_PETS, choice::NO);
    assert_eq!(
        to_trust_info_over(&raw, &answers),
        json!({ "privacy": { "privacyEnhancingTechniques": { "arePrivacyEnhancingTechniquesSupported": false } } })
    );
}

fn reason(answers: &Answers, id: QuestionId) -> Option<UnsentReason> {
    unsent(answers).into_iter().find(|u| u.question.id == id).map(|u| u.reason)
}

#[test]
fn answers_with_field_errors_are_not_sent_and_are_listed_as_invalid() {
    let mut answers = sample();
    answers.set(ids::SECURITY_POLICY, Answer::Text("javascript:alert(1)".into()));
    answers.set(ids::SUB_PROCESSOR_LIST, Answer::Text("example.com".into()));
    answers.set(ids::SECURITY_CONTACT, Answer::Text("security at example.com".into()));
    let info = to_trust_info(&answers);
    assert_eq!(info["security"].get("publicSecurityPoliciesLink"), None, "{info}");
    assert_eq!(info["thirdPartyInformation"].get("dataSubProcessors"), None, "{info}");
    assert_eq!(info["security"].get("securityContact"), None, "{info}");
    for id in [ids::SECURITY_POLICY, ids::SUB_PROCESSOR_LIST, ids::SECURITY_CONTACT] {
        assert_eq!(reason(&answers, id), Some(UnsentReason::Invalid), "{id}");
    }
}

#[test]
fn one_bad_third_party_row_withholds_the_list_until_corrected() {
    let mut answers = sample();
    let mut rows = answers.third_parties(ids::THIRD_PARTIES).to_vec();
    rows.push(ThirdParty::default());
    answers.set(ids::THIRD_PARTIES, Answer::ThirdParties(rows.clone()));
    assert_eq!(reason(&answers, ids::THIRD_PARTIES), Some(UnsentReason::Invalid), "an empty row is an error too");
    rows[1] = ThirdParty {
        name: "Evil".into(),
        domain: "javascript:alert(1)".into(),
        countries: vec!["US".into()],
        purpose: "Tracking".into(),
    };
    answers.set(ids::THIRD_PARTIES, Answer::ThirdParties(rows));
    assert_eq!(to_trust_info(&answers)["thirdPartyInformation"].get("thirdPartyDetails"), None);
    assert_eq!(reason(&answers, ids::THIRD_PARTIES), Some(UnsentReason::Invalid));
}

/// Issue 23, sequence 2: "Not sent until corrected" must mean the Marketplace keeps its value.
#[test]
fn an_invalid_change_leaves_the_value_the_marketplace_holds() {
    let raw = json!({ "security": { "securityContact": "old@example.com", "publicSecurityPoliciesLink": "https://vendor.example.com/security" } });
    let mut answers = from_trust_info(&raw);
    answers.set(ids::SECURITY_CONTACT, Answer::Text("new@".into()));
    answers.set(ids::SECURITY_POLICY, Answer::Text("javascript:alert(1)".into()));
    assert_eq!(to_trust_info_over(&raw, &answers), raw, "an invalid edit never erases the published value");
    assert_eq!(reason(&answers, ids::SECURITY_CONTACT), Some(UnsentReason::Invalid));
    assert_eq!(reason(&answers, ids::SECURITY_POLICY), Some(UnsentReason::Invalid));
    // Cleared on purpose: that is the partner's answer, and it is removed.
    answers.set(ids::SECURITY_POLICY, Answer::Text(String::new()));
    assert_eq!(to_trust_info_over(&raw, &answers)["security"].get("publicSecurityPoliciesLink"), None);
}

#[test]
fn follow_ups_of_a_withheld_answer_keep_the_record_too() {
    let mut marketplace = sample();
    pick(&mut marketplace, ids::RETAINS_AFTER_UNINSTALL, choice::YES);
    let raw = to_trust_info(&marketplace);
    let mut answers = from_trust_info(&raw);
    answers.set(ids::RETENTION_DAYS, Answer::DaysRange { min: "ten".into(), max: "30".into() });
    assert_eq!(to_trust_info_over(&raw, &answers), raw);
    // A sent "No" hides the follow-up: its value goes, as the partner said.
    pick(&mut answers, ids::RETAINS_AFTER_UNINSTALL, choice::NO);
    assert_eq!(to_trust_info_over(&raw, &answers)["dataRetention"].get("retentionDurationInDays"), None);
}

/// Issue 23, sequence 8: a value no choice knows, brought by a review link or a file, is not
/// the partner's answer; only the record's own unknown value goes back.
#[test]
fn an_unknown_choice_value_goes_back_only_as_the_record_holds_it() {
    let raw = json!({ "dataResidency": { "isDataResidencySupported": "APP_STORES_DATA_IN_EU" } });
    let read = from_trust_info(&raw);
    assert_eq!(to_trust_info_over(&raw, &read)["dataResidency"]["isDataResidencySupported"], "APP_STORES_DATA_IN_EU");
    let mut from_a_link = Answers::new();
    from_a_link.set(ids::DATA_RESIDENCY, Answer::Unknown("ANYTHING_AN_ATTACKER_TYPED".into()));
    assert_eq!(to_trust_info_over(&raw, &from_a_link), raw, "the Marketplace keeps its own value");
    assert_eq!(to_trust_info(&from_a_link), json!({}), "nothing made up is sent over no record");
}
