use serde_json::{json, Value};

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
                    { "name": "AWS", "link": "https://aws.amazon.com", "thirdPartyCountries": ["US"], "purpose": "Cloud hosting" }
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
                    "dataProcessor": { "isAppDataProcessor": true, "endUserDataTypes": ["Issue content"] },
                },
                "dataProcessingAgreement": { "isDPASupported": true, "link": "https://example.com/dpa" },
            },
            "security": { "securityContact": "security@example.com", "isDiskEncryptionSupported": true },
        }})
    );
}

#[test]
fn only_the_privacy_policy_has_no_field_and_it_is_kept_but_not_sent() {
    let mut answers = sample();
    pick(&mut answers, ids::DATA_RESIDENCY, choice::RESIDENCY_INDEPENDENT);
    answers.set(ids::RESIDENCY_LOCATIONS, list(&["EU"]));
    let reasons: Vec<_> = unsent(&answers).iter().map(|u| (u.question.id, u.reason)).collect();
    assert_eq!(reasons, [(ids::PRIVACY_POLICY, UnsentReason::UnknownField)]);
    assert_eq!(unsendable(&answers).len(), 1);
    let body = to_trust_info(&answers);
    assert_eq!(
        body["dataResidency"],
        json!({
            "isDataResidencySupported": "STORED_EXTERNAL_TO_ATLASSIAN",
            "countriesWhereEndUserDataStored": ["EU"],
            "realmMigrationSupported": false,
        })
    );
    assert_eq!(answers.text(ids::PRIVACY_POLICY), "https://example.com/privacy");
}

#[test]
fn each_residency_response_has_the_spec_value_its_name_gives() {
    let wire = |response: &str| {
        let mut answers = Answers::new();
        pick(&mut answers, ids::DATA_RESIDENCY, response);
        to_trust_info(&answers)["dataResidency"]["isDataResidencySupported"].clone()
    };
    assert_eq!(wire(choice::RESIDENCY_INDEPENDENT), "STORED_EXTERNAL_TO_ATLASSIAN");
    assert_eq!(wire(choice::RESIDENCY_WITHIN_ATLASSIAN), "STORED_IN_ATLASSIAN_N_DR_SUPPORTED");
    assert_eq!(wire(choice::RESIDENCY_NOT_SUPPORTED), "APP_DOES_NOT_SUPPORT_DR");
    assert_eq!(wire(choice::RESIDENCY_ATLASSIAN_ROADMAP), "STORED_IN_ATLASSIAN_N_DR_NOT_SUPPORTED");
    assert_eq!(wire(choice::RESIDENCY_NOT_APPLICABLE), "NOT_APPLICABLE");
}

#[test]
fn caiq_certifications_and_the_transfer_mechanism_go_where_the_spec_puts_them() {
    let mut answers = Answers::new();
    pick(&mut answers, ids::CAIQ_LITE, choice::YES);
    answers.set(ids::CAIQ_LITE_LINK, Answer::Text("https://example.com/caiq.pdf".into()));
    pick(&mut answers, ids::HAS_CERTIFICATIONS, choice::YES);
    answers.set(
        ids::CERTIFICATIONS,
        Answer::Certifications {
            picked: vec!["SOC2".into(), "ISO27K".into(), "FedRamp".into(), "Other".into()],
            other: " ISO 27018 ".into(),
        },
    );
    pick(&mut answers, ids::STORES_EUD, choice::YES);
    pick(&mut answers, ids::TRANSFERS_EEA_DATA, choice::YES);
    pick(&mut answers, ids::TRANSFER_MECHANISM, choice::YES);
    answers.set(ids::TRANSFER_MECHANISM_DETAILS, Answer::Text("Standard Contractual Clauses".into()));
    let info = to_trust_info(&answers);
    assert_eq!(
        info["security"],
        json!({
            "caiq": { "isCAIQCompleted": true, "CAIQLiteLink": "https://example.com/caiq.pdf" },
            "hasCompliantCertifications": true,
            "compliantCertifications": ["SOC2", "ISO27001", "FedRAMP", "ISO 27018"],
        })
    );
    assert_eq!(
        info["privacy"]["gdpr"]["dataTransfer"],
        json!({
            "isEndUserDataTransferredOutsideEEA": true,
            "isTransferComplianceMechanismsAdhered": true,
            "transferComplianceMechanismsAdhered": "Standard Contractual Clauses",
        })
    );
    let trimmed = Answer::Certifications {
        picked: vec!["SOC2".into(), "ISO27K".into(), "FedRamp".into(), "Other".into()],
        other: "ISO 27018".into(),
    };
    assert_eq!(from_trust_info(&info).get(ids::CERTIFICATIONS), Some(&trimmed), "read back as picked");
}

#[test]
fn certifications_the_pick_list_does_not_have_are_read_as_other() {
    let answers = from_trust_info(
        &json!({ "security": { "compliantCertifications": ["PCI_DSS", "SOC2", "ISO 27018", "PCI_DSS"] } }),
    );
    assert_eq!(
        answers.get(ids::CERTIFICATIONS),
        Some(&Answer::Certifications {
            picked: vec!["SOC2".into(), "Other".into()],
            other: "PCI_DSS, ISO 27018".into()
        })
    );
}

#[test]
fn a_third_party_domain_goes_as_a_link_and_reads_back_as_typed() {
    let mut answers = sample();
    let mut rows = answers.third_parties(ids::THIRD_PARTIES).to_vec();
    rows.push(ThirdParty {
        name: "Sentry".into(),
        domain: "http://sentry.io/eu".into(),
        countries: vec!["Germany".into()],
        purpose: "Error tracking".into(),
    });
    answers.set(ids::THIRD_PARTIES, Answer::ThirdParties(rows.clone()));
    let info = to_trust_info(&answers);
    let links: Vec<&Value> =
        info["thirdPartyInformation"]["thirdPartyDetails"].as_array().unwrap().iter().map(|row| &row["link"]).collect();
    assert_eq!(links, [&json!("https://aws.amazon.com"), &json!("http://sentry.io/eu")]);
    assert_eq!(from_trust_info(&info).third_parties(ids::THIRD_PARTIES), rows.as_slice());
}

#[test]
fn the_dpa_flag_is_the_spec_s_three_way_value_and_not_applicable_is_kept_as_read() {
    let mut answers = Answers::new();
    pick(&mut answers, ids::HAS_DPA, choice::NO);
    assert_eq!(to_trust_info(&answers)["privacy"]["dataProcessingAgreement"]["isDPASupported"], json!(false));
    let record = json!({ "privacy": { "dataProcessingAgreement": { "isDPASupported": "NOT_APPLICABLE" } } });
    let read = from_trust_info(&record);
    assert_eq!(read.get(ids::HAS_DPA), Some(&Answer::Unknown("NOT_APPLICABLE".into())), "no such response: shown raw");
    assert_eq!(to_trust_info_over(&record, &read), record, "and sent back as the record holds it");
    assert_eq!(to_trust_info(&read), json!({}), "a value no response knows is never sent over another record");
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
fn reads_the_v3_wrappers_too() {
    let answers = from_trust_info(&json!({ "commonCloud": { "security": { "isDiskEncryptionSupported": "TRUE" } } }));
    assert_eq!(answers.choice(ids::DISK_ENCRYPTION), Some(choice::YES));
    // The spec's GET schema names the wrapper `common`.
    let answers = from_trust_info(&json!({ "common": { "security": { "isDiskEncryptionSupported": false } } }));
    assert_eq!(answers.choice(ids::DISK_ENCRYPTION), Some(choice::NO));
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
    assert_eq!(info, json!({ "privacy": { "gdpr": { "dataController": { "isAppDataController": true } } }, "x": [1] }));
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
