use super::*;
use crate::answers::ThirdParty;

fn answers(pairs: &[(QuestionId, &str)]) -> Answers {
    let mut answers = Answers::new();
    for (id, picked) in pairs {
        answers.set(id, Answer::Choice(picked.to_string()));
    }
    answers
}

fn checks(answers: &Answers) -> Vec<(&'static str, Severity)> {
    findings(answers).iter().map(|f| (f.check, f.severity)).collect()
}

const Y: &str = choice::YES;
const N: &str = choice::NO;

#[test]
fn consistent_answers_have_no_findings() {
    let a = answers(&[
        (ids::STORES_EUD, Y),
        (ids::PROCESSES_EUD, Y),
        (ids::DISK_ENCRYPTION, Y),
        (ids::SHARES_EUD, Y),
        (ids::SHARES_LOGS, Y),
        (ids::GDPR_PROCESSOR, Y),
        (ids::HAS_DPA, Y),
        (ids::DATA_RESIDENCY, choice::RESIDENCY_INDEPENDENT),
    ]);
    assert!(findings(&a).is_empty());
    assert!(findings(&Answers::new()).is_empty());
}

#[test]
fn storing_without_disk_encryption_is_an_error() {
    let a = answers(&[(ids::STORES_EUD, Y), (ids::DISK_ENCRYPTION, N)]);
    let found = findings(&a);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].questions, [ids::STORES_EUD, ids::DISK_ENCRYPTION]);
    assert!(found[0].message.contains("mandatory"));
}

#[test]
fn sharing_logs_with_end_user_data_is_sharing_end_user_data() {
    assert_eq!(
        checks(&answers(&[(ids::SHARES_EUD, N), (ids::SHARES_LOGS, Y)])),
        [("logs_shared_but_data_not", Severity::Error)]
    );
}

#[test]
fn logging_answers_agree() {
    assert_eq!(
        checks(&answers(&[
            (ids::LOGS_EUD, N),
            (ids::LOGS_OUTSIDE_ATLASSIAN, Y),
            (ids::SHARES_EUD, Y),
            (ids::SHARES_LOGS, Y)
        ])),
        [("logs_outside_but_no_logging", Severity::Error), ("shares_logs_but_no_logging", Severity::Error)]
    );
    assert_eq!(
        checks(&answers(&[(ids::SHARES_LOGS, N), (ids::LOG_SHARING_INTEGRAL, Y)])),
        [("integral_sharing_without_sharing", Severity::Warning)]
    );
}

fn party(name: &str, countries: &[&str]) -> ThirdParty {
    ThirdParty {
        name: name.into(),
        countries: countries.iter().map(|c| c.to_string()).collect(),
        ..ThirdParty::default()
    }
}

#[test]
fn third_parties_outside_the_eea_contradict_no_transfers() {
    let mut a = answers(&[(ids::SHARES_EUD, Y), (ids::TRANSFERS_EEA_DATA, N)]);
    a.set(
        ids::THIRD_PARTIES,
        Answer::ThirdParties(vec![
            party("Hetzner", &["Germany"]),
            party("AWS", &["Ireland", "United States"]),
            party("Mailgun", &["US"]),
        ]),
    );
    let found = findings(&a);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].check, "third_parties_outside_eea");
    assert_eq!(found[0].questions, [ids::TRANSFERS_EEA_DATA, ids::THIRD_PARTIES]);
    assert!(found[0].message.starts_with("AWS (United States), Mailgun (US) store data outside the EEA"));
    a.set(ids::TRANSFERS_EEA_DATA, Answer::Choice(Y.into()));
    assert!(findings(&a).is_empty());
    a.set(ids::THIRD_PARTIES, Answer::ThirdParties(vec![party("Hetzner", &["DE", "Finland"])]));
    a.set(ids::TRANSFERS_EEA_DATA, Answer::Choice(N.into()));
    assert!(findings(&a).is_empty());
}

#[test]
fn gdpr_processor_without_a_dpa_is_warned() {
    assert_eq!(
        checks(&answers(&[(ids::GDPR_PROCESSOR, Y), (ids::HAS_DPA, N)])),
        [("processor_without_dpa", Severity::Warning)]
    );
}

#[test]
fn transfers_without_a_mechanism_are_warned() {
    let a = answers(&[(ids::TRANSFERS_EEA_DATA, Y), (ids::TRANSFER_MECHANISM, N)]);
    assert_eq!(checks(&a), [("transfer_without_mechanism", Severity::Warning)]);
}

#[test]
fn not_subject_to_a_law_yet_holding_a_role_under_it() {
    assert_eq!(
        checks(&answers(&[(ids::GDPR_CONTROLLER, choice::NOT_APPLICABLE), (ids::GDPR_PROCESSOR, Y)])),
        [("not_subject_yet_a_role", Severity::Error)]
    );
    assert_eq!(
        checks(&answers(&[(ids::CCPA_BUSINESS, Y), (ids::CCPA_SERVICE_PROVIDER, choice::NOT_APPLICABLE)])),
        [("not_subject_yet_a_role", Severity::Error)]
    );
    assert!(checks(&answers(&[(ids::GDPR_CONTROLLER, choice::NOT_APPLICABLE), (ids::GDPR_PROCESSOR, N)])).is_empty());
}

#[test]
fn keeping_data_after_uninstall_without_storing_any() {
    let a = answers(&[(ids::STORES_EUD, N), (ids::PROCESSES_EUD, Y), (ids::RETAINS_AFTER_UNINSTALL, Y)]);
    assert_eq!(checks(&a), [("retention_without_storage", Severity::Warning)]);
}

#[test]
fn data_residency_agrees_with_storage() {
    let with = |stores: &str, residency: &str| {
        checks(&answers(&[(ids::STORES_EUD, stores), (ids::DATA_RESIDENCY, residency)]))
    };
    assert_eq!(with(Y, choice::RESIDENCY_NOT_APPLICABLE), [("residency_says_no_storage", Severity::Error)]);
    assert_eq!(with(Y, choice::RESIDENCY_WITHIN_ATLASSIAN), [("residency_says_only_atlassian", Severity::Error)]);
    assert_eq!(with(Y, choice::RESIDENCY_ATLASSIAN_ROADMAP), [("residency_says_only_atlassian", Severity::Error)]);
    assert_eq!(with(N, choice::RESIDENCY_INDEPENDENT), [("residency_says_storage", Severity::Error)]);
    assert!(with(N, choice::RESIDENCY_NOT_APPLICABLE).is_empty());
    assert!(with(Y, choice::RESIDENCY_NOT_SUPPORTED).is_empty());
}

#[test]
fn values_the_form_does_not_know_are_pointed_out() {
    let mut a = Answers::new();
    a.set(ids::DATA_RESIDENCY, Answer::Unknown("APP_STORES_IN_EU".into()));
    let found = findings(&a);
    assert_eq!(found[0].check, "unknown_api_value");
    assert_eq!(found[0].message, "The Marketplace returned “APP_STORES_IN_EU” for “Data residency”, which this form does not know. It is sent back unchanged unless you pick a response.");
}

#[test]
fn hidden_answers_never_count_and_errors_come_first() {
    let hidden = answers(&[(ids::STORES_EUD, N), (ids::PROCESSES_EUD, N), (ids::SHARES_EUD, N), (ids::SHARES_LOGS, Y)]);
    assert!(findings(&hidden).is_empty());
    let mixed =
        answers(&[(ids::GDPR_PROCESSOR, Y), (ids::HAS_DPA, N), (ids::STORES_EUD, Y), (ids::DISK_ENCRYPTION, N)]);
    assert_eq!(
        checks(&mixed),
        [("encryption_required", Severity::Error), ("processor_without_dpa", Severity::Warning)]
    );
}
