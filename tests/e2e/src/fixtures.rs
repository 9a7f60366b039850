//! Answers and storage entries for the tests, built with the model itself.

use questionnaire::answers::ThirdParty;
use questionnaire::catalogue::ids::{self, choice};
use questionnaire::catalogue::QuestionId;
use questionnaire::draft::Draft;
use questionnaire::{Answer, Answers};

/// Every question the partner answers, answered validly (the crate's sample, with two third
/// parties). Questions that these answers hide are answered too, and some answers have no
/// known wire field, so a submit of it shows both being left out.
pub fn full_answers() -> Answers {
    let mut answers = questionnaire::sample::complete(2);
    // "Same data processed as stored": the processed types typed earlier are hidden, kept in
    // the draft, and must not be sent (the stored ones are sent in their place).
    answers.set(ids::SAME_DATA_PROCESSED_AND_STORED, Answer::Flag(true));
    answers
}

/// A small valid draft: no End-User Data stored, and this security contact (the answer the
/// session tests follow from app to app).
pub fn answers_with_contact(contact: &str) -> Answers {
    let mut answers = Answers::new();
    answers.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
    answers.set(ids::SECURITY_CONTACT, Answer::Text(contact.into()));
    answers
}

/// The text the app keeps in local storage for this draft.
pub fn draft_json(app_key: &str, answers: &Answers) -> String {
    Draft::new(app_key, answers.clone(), 1_700_000_000_000.0).to_json()
}

/// The local-storage key of an app's draft.
pub use questionnaire::draft::storage_key as draft_key;

/// A review link's fragment (after `#`) for these answers, compressed as the browser does it.
pub fn review_fragment(answers: &Answers) -> String {
    use questionnaire::review_link::{fragment, payload};
    fragment(&miniz_oxide::deflate::compress_to_vec_zlib(&payload(answers), 6))
}

/// What a review link's fragment holds, decompressed: the text anyone with the link can read.
pub fn review_payload(fragment: &str) -> String {
    let compressed = questionnaire::review_link::compressed_of(fragment).expect("a review link of this version");
    let payload = miniz_oxide::inflate::decompress_to_vec_zlib(&compressed).expect("zlib data");
    String::from_utf8(payload).expect("JSON text")
}

/// The local-storage key of an app's "submitted at" record.
pub fn submitted_key(app_key: &str) -> String {
    format!("privacy-tab:submitted:{app_key}")
}

fn pick(answers: &mut Answers, id: QuestionId, picked: &str) {
    answers.set(id, Answer::Choice(picked.into()));
}

fn list(answers: &mut Answers, id: QuestionId, items: &[&str]) {
    answers.set(id, Answer::List(items.iter().map(|item| item.to_string()).collect()));
}

fn text(answers: &mut Answers, id: QuestionId, text: &str) {
    answers.set(id, Answer::Text(text.into()));
}

/// Every question the rules ask, answered the way a real app might (realistic names and
/// links, for the preview's screenshots), none hidden.
pub fn realistic_answers() -> Answers {
    let mut a = Answers::new();
    pick(&mut a, ids::STORES_EUD, choice::YES);
    list(
        &mut a,
        ids::STORED_DATA_TYPES,
        &["Email address", "IP address", "Content posted, received or shared in the app by end-users"],
    );
    pick(&mut a, ids::PROCESSES_EUD, choice::YES);
    a.set(ids::SAME_DATA_PROCESSED_AND_STORED, Answer::Flag(true));
    pick(&mut a, ids::LOGS_EUD, choice::YES);
    pick(&mut a, ids::LOGS_OUTSIDE_ATLASSIAN, choice::YES);
    pick(&mut a, ids::SHARES_EUD, choice::YES);
    text(&mut a, ids::SUB_PROCESSOR_LIST, "https://example.com/legal/sub-processors");
    a.set(
        ids::THIRD_PARTIES,
        Answer::ThirdParties(vec![
            ThirdParty {
                name: "Amazon Web Services".into(),
                domain: "aws.amazon.com".into(),
                countries: vec!["Germany".into(), "United States".into()],
                purpose: "Cloud hosting".into(),
            },
            ThirdParty {
                name: "Sentry".into(),
                domain: "https://sentry.io".into(),
                countries: vec!["United States".into()],
                purpose: "Error tracking".into(),
            },
        ]),
    );
    pick(&mut a, ids::SHARES_LOGS, choice::YES);
    pick(&mut a, ids::LOG_SHARING_INTEGRAL, choice::NO);
    pick(&mut a, ids::DATA_RESIDENCY, choice::RESIDENCY_INDEPENDENT);
    list(&mut a, ids::RESIDENCY_LOCATIONS, &["EU", "US"]);
    list(&mut a, ids::IN_SCOPE_DATA_TYPES, &["Issue content", "Attachments"]);
    pick(&mut a, ids::RESIDENCY_MIGRATION, choice::YES);
    pick(&mut a, ids::RETAINS_AFTER_UNINSTALL, choice::YES);
    a.set(ids::RETENTION_DAYS, Answer::DaysRange { min: "0".into(), max: "30".into() });
    a.set(ids::RETENTION_INDEFINITE, Answer::Flag(false));
    pick(&mut a, ids::CUSTOM_RETENTION, choice::YES);
    pick(&mut a, ids::USES_PETS, choice::YES);
    list(&mut a, ids::PETS_USED, &["Data masking techniques like pseudonymization and anonymization"]);
    pick(&mut a, ids::GDPR_CONTROLLER, choice::YES);
    list(&mut a, ids::GDPR_CONTROLLER_DATA, &["Billing contacts' email addresses"]);
    pick(&mut a, ids::GDPR_PROCESSOR, choice::YES);
    list(&mut a, ids::GDPR_PROCESSOR_DATA, &["Issue content", "Account IDs"]);
    pick(&mut a, ids::CCPA_BUSINESS, choice::NO);
    pick(&mut a, ids::CCPA_SERVICE_PROVIDER, choice::YES);
    list(&mut a, ids::CCPA_SERVICE_PROVIDER_DATA, &["Account IDs"]);
    pick(&mut a, ids::HAS_DPA, choice::YES);
    text(&mut a, ids::DPA_LINK, "https://example.com/legal/dpa");
    pick(&mut a, ids::TRANSFERS_EEA_DATA, choice::YES);
    pick(&mut a, ids::TRANSFER_MECHANISM, choice::YES);
    text(&mut a, ids::TRANSFER_MECHANISM_DETAILS, "Standard Contractual Clauses (SCCs)");
    text(&mut a, ids::SECURITY_CONTACT, "security@example.com");
    text(&mut a, ids::SECURITY_POLICY, "https://example.com/security");
    pick(&mut a, ids::CAIQ_LITE, choice::YES);
    text(&mut a, ids::CAIQ_LITE_LINK, "https://example.com/security/caiq-lite.pdf");
    pick(&mut a, ids::DISK_ENCRYPTION, choice::YES);
    pick(&mut a, ids::HAS_CERTIFICATIONS, choice::YES);
    a.set(
        ids::CERTIFICATIONS,
        Answer::Certifications {
            picked: vec!["SOC2".into(), "ISO27K".into(), "Other".into()],
            other: "ISO 27018".into(),
        },
    );
    text(&mut a, ids::PRIVACY_POLICY, "https://example.com/legal/privacy");
    a
}

/// About half the questionnaire: some of the default view, little of the expanded one.
pub fn half_answers() -> Answers {
    let mut a = Answers::new();
    pick(&mut a, ids::STORES_EUD, choice::YES);
    list(&mut a, ids::STORED_DATA_TYPES, &["Email address"]);
    pick(&mut a, ids::PROCESSES_EUD, choice::NO);
    pick(&mut a, ids::LOGS_EUD, choice::NO);
    pick(&mut a, ids::SHARES_EUD, choice::NO);
    pick(&mut a, ids::DATA_RESIDENCY, choice::RESIDENCY_NOT_SUPPORTED);
    pick(&mut a, ids::GDPR_PROCESSOR, choice::YES);
    list(&mut a, ids::GDPR_PROCESSOR_DATA, &["Issue content"]);
    text(&mut a, ids::SECURITY_CONTACT, "security@example.com");
    pick(&mut a, ids::DISK_ENCRYPTION, choice::YES);
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use questionnaire::visibility::hidden_answers;
    use questionnaire::wire::{sent, unsendable};

    #[test]
    fn the_full_answers_exercise_sent_hidden_and_unsendable_answers() {
        let answers = full_answers();
        let (sent, hidden, unsendable) =
            (sent(&answers).len(), hidden_answers(&answers).len(), unsendable(&answers).len());
        println!("full answers: {sent} sent, {hidden} hidden, {unsendable} with no known wire field");
        assert!(sent >= 25, "{sent}");
        assert!(hidden > 0);
        assert!(unsendable > 0);
    }

    #[test]
    fn the_realistic_and_half_answers_are_valid_and_hide_nothing() {
        use questionnaire::validation::field_errors;
        for answers in [realistic_answers(), half_answers()] {
            assert_eq!(field_errors(&answers), vec![]);
            assert!(hidden_answers(&answers).is_empty());
        }
        let full = questionnaire::completeness::summary(&realistic_answers());
        assert!(full.expanded.is_complete(), "still missing: {:?}", full.expanded.missing);
    }
}
