//! Answers and storage entries for the tests, built with the model itself.

use questionnaire::catalogue::ids;
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

/// The text the app keeps in local storage for this draft.
pub fn draft_json(app_key: &str, answers: &Answers) -> String {
    Draft::new(app_key, answers.clone(), 1_700_000_000_000.0).to_json()
}

/// The local-storage key of an app's draft.
pub use questionnaire::draft::storage_key as draft_key;

/// The local-storage key of an app's "submitted at" record.
pub fn submitted_key(app_key: &str) -> String {
    format!("privacy-tab:submitted:{app_key}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use questionnaire::visibility::hidden_answers;
    use questionnaire::wire::{sent, unsendable};

    #[test]
    fn the_full_answers_exercise_sent_hidden_and_unsendable_answers() {
        let answers = full_answers();
        let (sent, hidden, unsendable) = (sent(&answers).len(), hidden_answers(&answers).len(), unsendable(&answers).len());
        println!("full answers: {sent} sent, {hidden} hidden, {unsendable} with no known wire field");
        assert!(sent >= 25, "{sent}");
        assert!(hidden > 0);
        assert!(unsendable > 0);
    }
}
