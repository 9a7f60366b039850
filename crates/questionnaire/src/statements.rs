//! Customer-facing sentences for yes/no answers: the tab says "Yes" and then what that means
//! for the customer ("The app stores End-User Data outside Atlassian products and services."),
//! rather than repeating the partner's question. Responses the spec already words as
//! statements (data residency) need no sentence, but still count for what they claim.
//!
//! Every sentence stands alone and says only what its own answer says. What it says about the
//! app is data ([`Statement::claims`]), and so is what it takes for granted
//! ([`Statement::presupposes`], "sharing logs…" takes for granted that logs are shared): a
//! sentence is shown only when no other answer contradicts it and other answers establish what
//! it takes for granted. Contradictory answers leave both sentences out (the rows still show
//! the answers, and `consistency` tells the partner).

use litemap::LiteMap;

use crate::answers::{Answer, Answers};
use crate::catalogue::ids::{self, choice};
use crate::catalogue::{self, Kind, QuestionId};
use crate::visibility::effective;

/// Something about the app that answers can say is so or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    StoresOutsideAtlassian,
    ProcessesOutsideAtlassian,
    LogsEndUserData,
    SharesEndUserData,
    SharesLogs,
    SupportsDataResidency,
    KeepsDataAfterUninstall,
    SubjectToGdpr,
    SubjectToCcpa,
    TransfersEeaDataOutsideEea,
}

/// A fact and whether it is so.
pub type Claim = (Fact, bool);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Statement {
    pub question: QuestionId,
    /// The choice id; "yes" for a ticked checkbox (an unticked box says nothing).
    pub choice: &'static str,
    /// `None` where the spec's response is a statement already.
    pub sentence: Option<&'static str>,
    /// What this answer says about the app, implications included.
    pub claims: &'static [Claim],
    /// What the sentence takes for granted: other answers must claim it.
    pub presupposes: &'static [Claim],
}

use Fact::*;

const fn says(
    question: QuestionId,
    choice: &'static str,
    sentence: &'static str,
    claims: &'static [Claim],
) -> Statement {
    Statement { question, choice, sentence: Some(sentence), claims, presupposes: &[] }
}

const fn given(presupposes: &'static [Claim], statement: Statement) -> Statement {
    Statement { presupposes, ..statement }
}

const SHARES_LOGS: &[Claim] = &[(SharesLogs, true), (LogsEndUserData, true), (SharesEndUserData, true)];

const STATEMENTS: &[Statement] = &[
    says(ids::STORES_EUD, choice::YES, "The app stores End-User Data outside Atlassian products and services.", &[(StoresOutsideAtlassian, true)]),
    says(ids::STORES_EUD, choice::NO, "The app does not store End-User Data outside Atlassian products and services, apart from logs.", &[(StoresOutsideAtlassian, false)]),
    says(ids::PROCESSES_EUD, choice::YES, "The app processes End-User Data outside Atlassian products and services or the user's browser.", &[(ProcessesOutsideAtlassian, true)]),
    says(ids::PROCESSES_EUD, choice::NO, "The app processes End-User Data only within Atlassian products and services or the user's browser, apart from logs.", &[(ProcessesOutsideAtlassian, false)]),
    given(
        &[(StoresOutsideAtlassian, true), (ProcessesOutsideAtlassian, true)],
        says(ids::SAME_DATA_PROCESSED_AND_STORED, choice::YES, "The app processes the same End-User Data types it stores.", &[]),
    ),
    says(ids::LOGS_EUD, choice::YES, "The app writes End-User Data into its logs.", &[(LogsEndUserData, true)]),
    says(ids::LOGS_EUD, choice::NO, "The app does not write End-User Data into its logs.", &[(LogsEndUserData, false)]),
    says(ids::LOGS_OUTSIDE_ATLASSIAN, choice::YES, "The app processes or stores End-User Data in logs outside Atlassian products and services.", &[(LogsEndUserData, true)]),
    says(ids::LOGS_OUTSIDE_ATLASSIAN, choice::NO, "The app does not process or store End-User Data in logs outside Atlassian products and services.", &[]),
    says(ids::SHARES_EUD, choice::YES, "The app shares End-User Data with third parties, such as sub-processors.", &[(SharesEndUserData, true)]),
    says(ids::SHARES_EUD, choice::NO, "The app does not share End-User Data with third parties.", &[(SharesEndUserData, false)]),
    says(ids::SHARES_LOGS, choice::YES, "The app shares logs that include End-User Data with third parties.", SHARES_LOGS),
    says(ids::SHARES_LOGS, choice::NO, "The app does not share logs that include End-User Data with third parties.", &[(SharesLogs, false)]),
    given(SHARES_LOGS, says(ids::LOG_SHARING_INTEGRAL, choice::YES, "Sharing logs that include End-User Data with third parties is integral to how the app works.", &[])),
    given(SHARES_LOGS, says(ids::LOG_SHARING_INTEGRAL, choice::NO, "Sharing logs that include End-User Data with third parties is not integral to how the app works.", &[])),
    // The spec's own responses: no sentence, but they say whether residency is supported.
    residency(choice::RESIDENCY_INDEPENDENT, &[(SupportsDataResidency, true)]),
    residency(choice::RESIDENCY_WITHIN_ATLASSIAN, &[(SupportsDataResidency, true)]),
    residency(choice::RESIDENCY_NOT_SUPPORTED, &[(SupportsDataResidency, false)]),
    residency(choice::RESIDENCY_ATLASSIAN_ROADMAP, &[(SupportsDataResidency, false)]),
    residency(choice::RESIDENCY_NOT_APPLICABLE, &[]),
    given(&[(SupportsDataResidency, true)], says(ids::RESIDENCY_MIGRATION, choice::YES, "In-scope End-User Data can be migrated between the app's data residency locations.", &[])),
    given(&[(SupportsDataResidency, true)], says(ids::RESIDENCY_MIGRATION, choice::NO, "In-scope End-User Data cannot be migrated between the app's data residency locations.", &[])),
    says(ids::RETAINS_AFTER_UNINSTALL, choice::YES, "The app keeps End-User Data after a customer uninstalls it.", &[(KeepsDataAfterUninstall, true)]),
    says(ids::RETAINS_AFTER_UNINSTALL, choice::NO, "The app does not keep End-User Data after a customer uninstalls it.", &[(KeepsDataAfterUninstall, false)]),
    says(ids::RETENTION_INDEFINITE, choice::YES, "The app keeps End-User Data indefinitely after a customer uninstalls it.", &[(KeepsDataAfterUninstall, true)]),
    says(ids::CUSTOM_RETENTION, choice::YES, "Customers can request a custom End-User Data retention period.", &[]),
    says(ids::CUSTOM_RETENTION, choice::NO, "Customers cannot request a custom End-User Data retention period.", &[]),
    says(ids::USES_PETS, choice::YES, "The app uses privacy enhancing technologies (PETs) to protect End-User Data.", &[]),
    says(ids::USES_PETS, choice::NO, "The app does not use privacy enhancing technologies (PETs).", &[]),
    says(ids::GDPR_CONTROLLER, choice::YES, "The partner is a data controller under the GDPR for this app.", &[(SubjectToGdpr, true)]),
    says(ids::GDPR_CONTROLLER, choice::NO, "The partner is not a data controller under the GDPR for this app.", &[]),
    says(ids::GDPR_CONTROLLER, choice::NOT_APPLICABLE, "The partner is not subject to the GDPR.", &[(SubjectToGdpr, false)]),
    says(ids::GDPR_PROCESSOR, choice::YES, "The partner is a data processor under the GDPR for this app.", &[(SubjectToGdpr, true)]),
    says(ids::GDPR_PROCESSOR, choice::NO, "The partner is not a data processor under the GDPR for this app.", &[]),
    says(ids::GDPR_PROCESSOR, choice::NOT_APPLICABLE, "The partner is not subject to the GDPR.", &[(SubjectToGdpr, false)]),
    says(ids::CCPA_BUSINESS, choice::YES, "The partner is a business under the CCPA for this app.", &[(SubjectToCcpa, true)]),
    says(ids::CCPA_BUSINESS, choice::NO, "The partner is not a business under the CCPA for this app.", &[]),
    says(ids::CCPA_BUSINESS, choice::NOT_APPLICABLE, "The partner is not subject to the CCPA.", &[(SubjectToCcpa, false)]),
    says(ids::CCPA_SERVICE_PROVIDER, choice::YES, "The partner is a service provider under the CCPA for this app.", &[(SubjectToCcpa, true)]),
    says(ids::CCPA_SERVICE_PROVIDER, choice::NO, "The partner is not a service provider under the CCPA for this app.", &[]),
    says(ids::CCPA_SERVICE_PROVIDER, choice::NOT_APPLICABLE, "The partner is not subject to the CCPA.", &[(SubjectToCcpa, false)]),
    says(ids::HAS_DPA, choice::YES, "A Data Processing Agreement (DPA) is available to customers.", &[]),
    says(ids::HAS_DPA, choice::NO, "No Data Processing Agreement (DPA) is offered.", &[]),
    says(ids::TRANSFERS_EEA_DATA, choice::YES, "End-User Data of EEA residents is transferred outside the European Economic Area.", &[(TransfersEeaDataOutsideEea, true)]),
    says(ids::TRANSFERS_EEA_DATA, choice::NO, "End-User Data of EEA residents is not transferred outside the European Economic Area.", &[(TransfersEeaDataOutsideEea, false)]),
    given(&[(TransfersEeaDataOutsideEea, true)], says(ids::TRANSFER_MECHANISM, choice::YES, "A GDPR-approved transfer mechanism governs the app's transfers of EEA residents' End-User Data outside the EEA.", &[])),
    given(&[(TransfersEeaDataOutsideEea, true)], says(ids::TRANSFER_MECHANISM, choice::NO, "No GDPR-approved transfer mechanism governs the app's transfers of EEA residents' End-User Data outside the EEA.", &[])),
    says(ids::CAIQ_LITE, choice::YES, "The partner has completed a CAIQ Lite Questionnaire that covers this app.", &[]),
    says(ids::CAIQ_LITE, choice::NO, "The partner has not completed a CAIQ Lite Questionnaire for this app.", &[]),
    says(ids::DISK_ENCRYPTION, choice::YES, "Any End-User Data the app stores outside Atlassian or the user's browser is protected by full disk encryption at rest.", &[]),
    says(ids::DISK_ENCRYPTION, choice::NO, "End-User Data the app stores outside Atlassian or the user's browser is not always protected by full disk encryption at rest.", &[]),
    says(ids::HAS_CERTIFICATIONS, choice::YES, "The app is covered by compliance certifications.", &[]),
    says(ids::HAS_CERTIFICATIONS, choice::NO, "The app has no compliance certifications.", &[]),
];

const fn residency(choice: &'static str, claims: &'static [Claim]) -> Statement {
    Statement { question: ids::DATA_RESIDENCY, choice, sentence: None, claims, presupposes: &[] }
}

/// The sentence for a question answered with this choice, if it has one, whatever the other
/// answers (see [`statements`] for what is shown).
pub fn statement(question: QuestionId, choice: &str) -> Option<&'static str> {
    entry(question, choice).and_then(|statement| statement.sentence)
}

fn entry(question: QuestionId, choice: &str) -> Option<&'static Statement> {
    STATEMENTS.iter().find(|statement| statement.question == question && statement.choice == choice)
}

/// The statements of the shown answers that hold together: none contradicted by another
/// answer's claims, each with what it takes for granted claimed by another. Sentence-less
/// ones (the spec's residency responses) included.
pub fn shown(answers: &Answers) -> Vec<&'static Statement> {
    let effective = effective(answers);
    let answered: Vec<&'static Statement> = catalogue::questions()
        .filter_map(|question| {
            let picked = match effective.get(question.id)? {
                Answer::Choice(picked) => picked.as_str(),
                Answer::Flag(true) => choice::YES,
                _ => return None,
            };
            entry(question.id, picked)
        })
        .collect();
    let claimed = |claim: &Claim| answered.iter().any(|statement| statement.claims.contains(claim));
    answered
        .iter()
        .copied()
        .filter(|statement| {
            let contradicted =
                statement.claims.iter().chain(statement.presupposes).any(|&(fact, so)| claimed(&(fact, !so)));
            !contradicted && statement.presupposes.iter().all(claimed)
        })
        .collect()
}

/// The sentence for each question whose shown answer has one, as the listing shows it: hidden
/// answers and unticked boxes have none, nor do answers that contradict each other or
/// sentences about something other answers do not establish.
pub fn statements(answers: &Answers) -> LiteMap<QuestionId, &'static str> {
    crate::unsorted::map_of(
        shown(answers).into_iter().filter_map(|statement| Some((statement.question, statement.sentence?))),
    )
}

/// The sentence one question has among the [`shown`] statements: what [`statements`] maps it
/// to, for a caller that looks up row by row rather than building the map.
pub fn sentence_among(question: QuestionId, shown: &[&'static Statement]) -> Option<&'static str> {
    shown.iter().find(|statement| statement.question == question).and_then(|statement| statement.sentence)
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
            // An unticked box is not a claim: only a ticked one has a sentence.
            let choices: Vec<&str> = match question.kind {
                Kind::OneOf(choices) => choices.iter().map(|c| c.id).collect(),
                Kind::Checkbox => vec![choice::YES],
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
        for statement in STATEMENTS {
            // Each sentence stands alone: nothing refers back to another answer's words.
            let sentence = statement.sentence.unwrap_or_default();
            assert!(!sentence.contains("those") && !sentence.contains("these"), "{sentence}");
            let question = catalogue::question(statement.question);
            assert!(question.choice(statement.choice).is_some() || question.kind == Kind::Checkbox);
            assert_eq!(statement.sentence.is_some(), wants_statements(question.kind), "{}", question.id);
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
        assert_eq!(found[&ids::STORES_EUD], "The app stores End-User Data outside Atlassian products and services.");
        assert_eq!(found[&ids::GDPR_CONTROLLER], "The partner is not subject to the GDPR.");
        // The spec's residency responses are statements already.
        assert!(!found.contains_key(&ids::DATA_RESIDENCY));
        // A shown checkbox left unticked says nothing.
        assert!(!found.contains_key(&ids::SAME_DATA_PROCESSED_AND_STORED));

        answers.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
        answers.set(ids::PROCESSES_EUD, Answer::Choice(choice::NO.into()));
        answers.set(ids::SHARES_EUD, Answer::Choice(choice::YES.into()));
        let found = statements(&answers);
        assert!(!found.contains_key(&ids::SHARES_EUD), "a hidden answer has no statement");
        assert!(!found.contains_key(&ids::SAME_DATA_PROCESSED_AND_STORED));
    }

    fn yes_to_storing() -> Answers {
        let mut answers = Answers::new();
        answers.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
        answers.set(ids::PROCESSES_EUD, Answer::Choice(choice::YES.into()));
        answers
    }

    #[test]
    fn keeping_data_indefinitely_is_not_also_said_to_be_for_a_time() {
        let mut answers = yes_to_storing();
        answers.set(ids::RETAINS_AFTER_UNINSTALL, Answer::Choice(choice::YES.into()));
        answers.set(ids::RETENTION_INDEFINITE, Answer::Flag(true));
        let found = statements(&answers);
        assert!(found[&ids::RETENTION_INDEFINITE].contains("indefinitely"));
        assert!(
            !found[&ids::RETAINS_AFTER_UNINSTALL].contains("for a time"),
            "{}",
            found[&ids::RETAINS_AFTER_UNINSTALL]
        );
    }

    #[test]
    fn an_unticked_box_claims_nothing() {
        let mut answers = yes_to_storing();
        answers.set(ids::RETAINS_AFTER_UNINSTALL, Answer::Choice(choice::YES.into()));
        let found = statements(&answers);
        assert_eq!(found.get(&ids::SAME_DATA_PROCESSED_AND_STORED), None);
        assert_eq!(found.get(&ids::RETENTION_INDEFINITE), None);
        answers.set(ids::SAME_DATA_PROCESSED_AND_STORED, Answer::Flag(true));
        assert!(statements(&answers)[&ids::SAME_DATA_PROCESSED_AND_STORED].contains("same End-User Data types"));
    }

    #[test]
    fn no_sentence_speaks_of_logs_the_partner_said_do_not_exist_or_are_not_shared() {
        let mut answers = yes_to_storing();
        answers.set(ids::LOGS_EUD, Answer::Choice(choice::NO.into()));
        answers.set(ids::LOGS_OUTSIDE_ATLASSIAN, Answer::Choice(choice::NO.into()));
        answers.set(ids::SHARES_LOGS, Answer::Choice(choice::NO.into()));
        answers.set(ids::LOG_SHARING_INTEGRAL, Answer::Choice(choice::NO.into()));
        let found = statements(&answers);
        for sentence in found.values() {
            assert!(!sentence.contains("Logs that include End-User Data stay"), "{sentence}");
            assert!(!sentence.starts_with("Sharing"), "{sentence}");
        }
        // Not answered whether logs are shared: the integral question has nothing to refer to.
        answers.clear(ids::SHARES_LOGS);
        assert_eq!(statements(&answers).get(&ids::LOG_SHARING_INTEGRAL), None);
        // Shared: now it does.
        answers.set(ids::LOGS_EUD, Answer::Choice(choice::YES.into()));
        answers.set(ids::SHARES_LOGS, Answer::Choice(choice::YES.into()));
        assert!(statements(&answers).contains_key(&ids::LOG_SHARING_INTEGRAL));
    }
}
