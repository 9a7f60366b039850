//! Customer-facing sentences for yes/no answers: the tab says "Yes" and then what that means
//! for the customer ("The app stores End-User Data outside Atlassian products and services."),
//! rather than repeating the partner's question. Responses the spec already words as
//! statements (data residency) need none.

use std::collections::BTreeMap;

use crate::answers::{Answer, Answers};
use crate::catalogue::ids::{self, choice};
use crate::catalogue::{self, Kind, QuestionId};
use crate::visibility::effective;

type Statement = (QuestionId, &'static str, &'static str);

/// (question, choice id, sentence). Checkboxes use "yes" for ticked and "no" for unticked.
const STATEMENTS: &[Statement] = &[
    (ids::STORES_EUD, choice::YES, "The app stores End-User Data outside Atlassian products and services."),
    (ids::STORES_EUD, choice::NO, "The app does not store End-User Data outside Atlassian products and services, apart from logs."),
    (ids::PROCESSES_EUD, choice::YES, "The app processes End-User Data outside Atlassian products and services or the user's browser."),
    (ids::PROCESSES_EUD, choice::NO, "The app processes End-User Data only within Atlassian products and services or the user's browser, apart from logs."),
    (ids::SAME_DATA_PROCESSED_AND_STORED, choice::YES, "The End-User Data types it processes are the ones it stores."),
    (ids::SAME_DATA_PROCESSED_AND_STORED, choice::NO, "The End-User Data types it processes differ from the ones it stores."),
    (ids::LOGS_EUD, choice::YES, "The app writes End-User Data into its logs."),
    (ids::LOGS_EUD, choice::NO, "The app does not write End-User Data into its logs."),
    (ids::LOGS_OUTSIDE_ATLASSIAN, choice::YES, "Logs that include End-User Data are processed or stored outside Atlassian products and services."),
    (ids::LOGS_OUTSIDE_ATLASSIAN, choice::NO, "Logs that include End-User Data stay within Atlassian products and services."),
    (ids::SHARES_EUD, choice::YES, "The app shares End-User Data with third parties, such as sub-processors."),
    (ids::SHARES_EUD, choice::NO, "The app does not share End-User Data with third parties."),
    (ids::SHARES_LOGS, choice::YES, "Logs that include End-User Data are shared with third parties."),
    (ids::SHARES_LOGS, choice::NO, "Logs that include End-User Data are not shared with third parties."),
    (ids::LOG_SHARING_INTEGRAL, choice::YES, "Sharing those logs with third parties is integral to how the app works."),
    (ids::LOG_SHARING_INTEGRAL, choice::NO, "Sharing those logs with third parties is not integral to how the app works."),
    (ids::RESIDENCY_MIGRATION, choice::YES, "In-scope End-User Data can be migrated between the supported data residency locations."),
    (ids::RESIDENCY_MIGRATION, choice::NO, "In-scope End-User Data cannot be migrated between the supported data residency locations."),
    (ids::RETAINS_AFTER_UNINSTALL, choice::YES, "The app keeps End-User Data for a time after a customer uninstalls it."),
    (ids::RETAINS_AFTER_UNINSTALL, choice::NO, "The app does not keep End-User Data after a customer uninstalls it."),
    (ids::RETENTION_INDEFINITE, choice::YES, "The app keeps End-User Data indefinitely after a customer uninstalls it."),
    (ids::RETENTION_INDEFINITE, choice::NO, "The app does not keep End-User Data indefinitely after uninstall."),
    (ids::CUSTOM_RETENTION, choice::YES, "Customers can request a custom End-User Data retention period."),
    (ids::CUSTOM_RETENTION, choice::NO, "Customers cannot request a custom End-User Data retention period."),
    (ids::USES_PETS, choice::YES, "The app uses privacy enhancing technologies (PETs) to protect End-User Data."),
    (ids::USES_PETS, choice::NO, "The app does not use privacy enhancing technologies (PETs)."),
    (ids::GDPR_CONTROLLER, choice::YES, "The partner is a data controller under the GDPR for this app."),
    (ids::GDPR_CONTROLLER, choice::NO, "The partner is not a data controller under the GDPR for this app."),
    (ids::GDPR_CONTROLLER, choice::NOT_APPLICABLE, "The partner is not subject to the GDPR."),
    (ids::GDPR_PROCESSOR, choice::YES, "The partner is a data processor under the GDPR for this app."),
    (ids::GDPR_PROCESSOR, choice::NO, "The partner is not a data processor under the GDPR for this app."),
    (ids::GDPR_PROCESSOR, choice::NOT_APPLICABLE, "The partner is not subject to the GDPR."),
    (ids::CCPA_BUSINESS, choice::YES, "The partner is a business under the CCPA for this app."),
    (ids::CCPA_BUSINESS, choice::NO, "The partner is not a business under the CCPA for this app."),
    (ids::CCPA_BUSINESS, choice::NOT_APPLICABLE, "The partner is not subject to the CCPA."),
    (ids::CCPA_SERVICE_PROVIDER, choice::YES, "The partner is a service provider under the CCPA for this app."),
    (ids::CCPA_SERVICE_PROVIDER, choice::NO, "The partner is not a service provider under the CCPA for this app."),
    (ids::CCPA_SERVICE_PROVIDER, choice::NOT_APPLICABLE, "The partner is not subject to the CCPA."),
    (ids::HAS_DPA, choice::YES, "A Data Processing Agreement (DPA) is available to customers."),
    (ids::HAS_DPA, choice::NO, "No Data Processing Agreement (DPA) is offered."),
    (ids::TRANSFERS_EEA_DATA, choice::YES, "End-User Data of EEA residents is transferred outside the European Economic Area."),
    (ids::TRANSFERS_EEA_DATA, choice::NO, "End-User Data of EEA residents is not transferred outside the European Economic Area."),
    (ids::TRANSFER_MECHANISM, choice::YES, "A GDPR-approved transfer mechanism governs those transfers."),
    (ids::TRANSFER_MECHANISM, choice::NO, "No GDPR-approved transfer mechanism governs those transfers."),
    (ids::CAIQ_LITE, choice::YES, "The partner has completed a CAIQ Lite Questionnaire that covers this app."),
    (ids::CAIQ_LITE, choice::NO, "The partner has not completed a CAIQ Lite Questionnaire for this app."),
    (ids::DISK_ENCRYPTION, choice::YES, "End-User Data stored outside Atlassian or the user's browser is protected by full disk encryption at rest."),
    (ids::DISK_ENCRYPTION, choice::NO, "End-User Data stored outside Atlassian or the user's browser is not protected by full disk encryption at rest."),
    (ids::HAS_CERTIFICATIONS, choice::YES, "The app is covered by compliance certifications."),
    (ids::HAS_CERTIFICATIONS, choice::NO, "The app has no compliance certifications."),
];

/// The sentence for a question answered with this choice, if it has one.
pub fn statement(question: &str, choice: &str) -> Option<&'static str> {
    STATEMENTS.iter().find(|(id, picked, _)| *id == question && *picked == choice).map(|(_, _, sentence)| *sentence)
}

/// The sentence for each question whose shown answer has one, as the listing shows it: hidden
/// answers have none, and a shown checkbox reads as ticked or not.
pub fn statements(answers: &Answers) -> BTreeMap<QuestionId, &'static str> {
    let shown = effective(answers);
    catalogue::questions()
        .filter_map(|question| {
            let picked = match shown.get(question.id)? {
                Answer::Choice(picked) => picked.as_str(),
                Answer::Flag(true) => choice::YES,
                Answer::Flag(false) => choice::NO,
                _ => return None,
            };
            statement(question.id, picked).map(|sentence| (question.id, sentence))
        })
        .collect()
}

/// Whether a question's answers are yes/no (or not applicable) picks that read as a sentence.
pub fn wants_statements(kind: Kind) -> bool {
    match kind {
        Kind::Checkbox => true,
        Kind::OneOf(choices) => {
            choices.iter().all(|c| [choice::YES, choice::NO, choice::NOT_APPLICABLE].contains(&c.id))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Source;

    #[test]
    fn every_yes_no_response_has_a_statement_and_nothing_else_does() {
        for question in catalogue::questions().filter(|q| q.source == Source::Partner) {
            let choices: Vec<&str> = match question.kind {
                Kind::OneOf(choices) => choices.iter().map(|c| c.id).collect(),
                Kind::Checkbox => vec![choice::YES, choice::NO],
                _ => vec![],
            };
            for picked in choices {
                assert_eq!(
                    statement(question.id, picked).is_some(),
                    wants_statements(question.kind),
                    "{} / {picked}",
                    question.id
                );
            }
        }
        for (id, picked, _) in STATEMENTS {
            assert!(catalogue::question(id).choice(picked).is_some() || catalogue::question(id).kind == Kind::Checkbox);
        }
    }

    #[test]
    fn statements_follow_the_shown_answers() {
        let mut answers = Answers::new();
        answers.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
        answers.set(ids::PROCESSES_EUD, Answer::Choice(choice::YES.into()));
        answers.set(ids::GDPR_CONTROLLER, Answer::Choice(choice::NOT_APPLICABLE.into()));
        answers.set(ids::DATA_RESIDENCY, Answer::Choice(choice::RESIDENCY_NOT_SUPPORTED.into()));
        let found = statements(&answers);
        assert_eq!(found[ids::STORES_EUD], "The app stores End-User Data outside Atlassian products and services.");
        assert_eq!(found[ids::GDPR_CONTROLLER], "The partner is not subject to the GDPR.");
        // The spec's residency responses are statements already.
        assert!(!found.contains_key(ids::DATA_RESIDENCY));
        // A shown checkbox reads as unticked.
        assert_eq!(
            found[ids::SAME_DATA_PROCESSED_AND_STORED],
            "The End-User Data types it processes differ from the ones it stores."
        );

        answers.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
        answers.set(ids::PROCESSES_EUD, Answer::Choice(choice::NO.into()));
        answers.set(ids::SHARES_EUD, Answer::Choice(choice::YES.into()));
        let found = statements(&answers);
        assert!(!found.contains_key(ids::SHARES_EUD), "a hidden answer has no statement");
        assert!(!found.contains_key(ids::SAME_DATA_PROCESSED_AND_STORED));
    }
}
