//! Checks across answers: contradictions (errors) and likely slips (warnings), each with the
//! reason, what to do, and the questions involved. Only answers that are shown count.

use crate::answers::{Answer, Answers, ThirdParty};
use crate::catalogue::ids::{self, choice};
use crate::catalogue::{self, QuestionId};
use crate::eea::is_in_eea;
use crate::unsorted::sort_short_by;
use crate::visibility::effective;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The answers contradict each other, or break a Marketplace requirement.
    Error,
    /// Probably a slip; the partner may know better.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// A stable name for the check, for keys and tests.
    pub check: &'static str,
    pub severity: Severity,
    pub message: String,
    pub questions: Vec<QuestionId>,
}

/// Every finding for these answers, errors first.
pub fn findings(answers: &Answers) -> Vec<Finding> {
    let shown = effective(answers);
    findings_in(&shown, || shown.third_parties(ids::THIRD_PARTIES).iter().filter_map(outside_eea).collect())
}

/// [`findings`] for callers that keep the third parties apart: `answers` need not hold them,
/// `outside_eea` gives [`outside_eea`] of each third party shown (none while the question is
/// not asked), and is called only when a check needs them.
pub fn findings_apart(answers: &Answers, outside_eea: impl FnOnce() -> Vec<String>) -> Vec<Finding> {
    findings_in(&effective(answers), outside_eea)
}

/// A third party that stores data outside the EEA as far as this form can tell, as the
/// finding names it: "Name (Country, Country)".
pub fn outside_eea(party: &ThirdParty) -> Option<String> {
    let countries: Vec<&str> =
        party.countries.iter().map(|c| c.trim()).filter(|c| !c.is_empty() && !is_in_eea(c)).collect();
    (!countries.is_empty()).then(|| format!("{} ({})", party.name.trim(), countries.join(", ")))
}

/// `shown`: the [`effective`] answers.
fn findings_in(shown: &Answers, outside_eea: impl FnOnce() -> Vec<String>) -> Vec<Finding> {
    let is = |id: QuestionId, picked: &str| shown.choice(id) == Some(picked);
    let yes = |id: QuestionId| is(id, choice::YES);
    let no = |id: QuestionId| is(id, choice::NO);
    let mut found = Vec::new();
    let mut add = |check, severity, questions: &[QuestionId], message: String| {
        found.push(Finding { check, severity, message, questions: questions.to_vec() });
    };
    use Severity::*;

    if yes(ids::STORES_EUD) && no(ids::DISK_ENCRYPTION) {
        add("encryption_required", Error, &[ids::STORES_EUD, ids::DISK_ENCRYPTION],
            "Atlassian's security requirements for cloud apps make full disk encryption at rest mandatory for End-User Data stored outside Atlassian. Turn on disk encryption and answer Yes, or check your answer about storing End-User Data.".into());
    }
    if no(ids::SHARES_EUD) && yes(ids::SHARES_LOGS) {
        add("logs_shared_but_data_not", Error, &[ids::SHARES_EUD, ids::SHARES_LOGS],
            "Sharing logs that include End-User Data is sharing End-User Data. Answer Yes to sharing End-User Data with third parties and list who receives the logs, or check your answer about sharing logs.".into());
    }
    if no(ids::LOGS_EUD) && yes(ids::LOGS_OUTSIDE_ATLASSIAN) {
        add("logs_outside_but_no_logging", Error, &[ids::LOGS_EUD, ids::LOGS_OUTSIDE_ATLASSIAN],
            "You answered that your app does not log End-User Data, but that it keeps End-User Data in logs outside Atlassian. Change one of the two answers.".into());
    }
    if no(ids::LOGS_EUD) && yes(ids::SHARES_LOGS) {
        add("shares_logs_but_no_logging", Error, &[ids::LOGS_EUD, ids::SHARES_LOGS],
            "You answered that your app does not log End-User Data, but that it shares logs that include End-User Data. Change one of the two answers.".into());
    }
    if no(ids::SHARES_LOGS) && yes(ids::LOG_SHARING_INTEGRAL) {
        add("integral_sharing_without_sharing", Warning, &[ids::SHARES_LOGS, ids::LOG_SHARING_INTEGRAL],
            "Sharing logs can only be integral to your app if it shares them. If it does not share logs with End-User Data, answer No to the question about it being integral.".into());
    }
    if no(ids::TRANSFERS_EEA_DATA) {
        third_parties_outside_eea(outside_eea(), &mut add);
    }
    if yes(ids::TRANSFERS_EEA_DATA) && no(ids::TRANSFER_MECHANISM) {
        add("transfer_without_mechanism", Warning, &[ids::TRANSFERS_EEA_DATA, ids::TRANSFER_MECHANISM],
            "The GDPR allows EEA residents' data to leave the EEA only under an approved safeguard, such as Standard Contractual Clauses. Put one in place and answer Yes, unless the destination has an EU adequacy decision.".into());
    }
    if yes(ids::GDPR_PROCESSOR) && no(ids::HAS_DPA) {
        add("processor_without_dpa", Warning, &[ids::GDPR_PROCESSOR, ids::HAS_DPA],
            "The GDPR requires a contract between a data processor and its customers (Article 28), usually a Data Processing Agreement. Offer one and answer Yes, or check whether your company is a data processor.".into());
    }
    for (first, second, law) in
        [(ids::GDPR_CONTROLLER, ids::GDPR_PROCESSOR, "GDPR"), (ids::CCPA_BUSINESS, ids::CCPA_SERVICE_PROVIDER, "CCPA")]
    {
        if (is(first, choice::NOT_APPLICABLE) && yes(second)) || (yes(first) && is(second, choice::NOT_APPLICABLE)) {
            add("not_subject_yet_a_role", Error, &[first, second],
                format!("One answer says your company is not subject to the {law}, the other gives it a role under the {law}. Make the two answers agree."));
        }
    }
    if no(ids::STORES_EUD) && yes(ids::RETAINS_AFTER_UNINSTALL) {
        add("retention_without_storage", Warning, &[ids::STORES_EUD, ids::RETAINS_AFTER_UNINSTALL],
            "You answered that your app does not store End-User Data outside Atlassian, yet that it keeps End-User Data after a customer uninstalls it. If data is kept anywhere but in logs, answer Yes to storing it; otherwise answer No about keeping it.".into());
    }
    let residency = |picked: &str| is(ids::DATA_RESIDENCY, picked);
    if yes(ids::STORES_EUD) && residency(choice::RESIDENCY_NOT_APPLICABLE) {
        add("residency_says_no_storage", Error, &[ids::STORES_EUD, ids::DATA_RESIDENCY],
            "Your data residency response says the app does not store End-User Data, but you answered that it stores End-User Data outside Atlassian. Pick another data residency response, or change your storage answer.".into());
    }
    if yes(ids::STORES_EUD)
        && (residency(choice::RESIDENCY_WITHIN_ATLASSIAN) || residency(choice::RESIDENCY_ATLASSIAN_ROADMAP))
    {
        add("residency_says_only_atlassian", Error, &[ids::STORES_EUD, ids::DATA_RESIDENCY],
            "Your data residency response says the app stores End-User Data only within Atlassian, but you answered that it stores End-User Data outside Atlassian. Pick the response that matches, or change your storage answer.".into());
    }
    if no(ids::STORES_EUD) && residency(choice::RESIDENCY_INDEPENDENT) {
        add("residency_says_storage", Error, &[ids::STORES_EUD, ids::DATA_RESIDENCY],
            "Your data residency response says the app stores End-User Data outside Atlassian, but you answered that it does not. Pick the response that matches, or change your storage answer.".into());
    }
    for (id, answer) in shown.iter() {
        if let (Answer::Unknown(raw), Some(question)) = (answer, catalogue::find(id)) {
            add("unknown_api_value", Warning, &[question.id],
                format!("The Marketplace returned “{raw}” for “{}”, which this form does not know. It is sent back unchanged unless you pick a response.", question.listing_label));
        }
    }
    sort_short_by(&mut found, |a, b| a.severity.cmp(&b.severity));
    found
}

fn third_parties_outside_eea(
    outside: Vec<String>,
    add: &mut impl FnMut(&'static str, Severity, &[QuestionId], String),
) {
    if !outside.is_empty() {
        add("third_parties_outside_eea", Severity::Warning, &[ids::TRANSFERS_EEA_DATA, ids::THIRD_PARTIES],
            format!("{} store data outside the EEA as far as this form can tell, yet you answered No to transferring EEA residents' End-User Data outside the EEA. Answer Yes unless no EEA residents' data reaches them.", outside.join(", ")));
    }
}

#[cfg(test)]
mod tests;
