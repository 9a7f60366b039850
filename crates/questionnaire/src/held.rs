//! What the Marketplace holds is never the partner's error. A file pulled from the Marketplace
//! can fail the form's checks where the API has no field for an answer the form asks for (the
//! privacy policy, which only the listing's own form takes), or where the form is stricter
//! than the Marketplace: such a problem is a warning, as long as the answers it is about are
//! still as the Marketplace holds them. Once the partner changes one of them, it is an error again.

use crate::answers::{Answer, Answers};
use crate::catalogue::{self, QuestionId, Wire};
use crate::consistency::{findings, Severity};
use crate::validation::field_errors;

/// Whether a problem about `id` comes with the record as the Marketplace holds it (`held`, the
/// answers read from it): the answer and the answers it follows up are unchanged, or it is an
/// answer the API cannot carry and the file leaves it empty.
pub fn is_as_held(id: QuestionId, answers: &Answers, held: &Answers) -> bool {
    let question = catalogue::question(id);
    let unchanged = |id: QuestionId| answers.get(id) == held.get(id);
    let own = if cannot_be_carried(id) { is_empty(id, answers) } else { unchanged(id) };
    own && question.shown_when.is_none_or(|condition| condition.parents().into_iter().all(unchanged))
}

/// Whether the API has no field for the question, so no push can send an answer to it and
/// only the Marketplace's own form takes one: missing there, it is advice, not an error.
pub fn is_missing_and_cannot_be_carried(id: QuestionId, answers: &Answers) -> bool {
    cannot_be_carried(id) && is_empty(id, answers)
}

fn cannot_be_carried(id: QuestionId) -> bool {
    !matches!(catalogue::question(id).wire, Wire::Field { .. })
}

fn is_empty(id: QuestionId, answers: &Answers) -> bool {
    answers.get(id).is_none_or(|answer| !answer.is_given())
}

/// [`is_as_held`] for a problem about several answers (a contradiction): all of them.
pub fn are_as_held(ids: &[QuestionId], answers: &Answers, held: &Answers) -> bool {
    ids.iter().all(|&id| is_as_held(id, answers, held))
}

/// The questions whose answers as the Marketplace holds them [`is_as_held`] needs for the
/// problems `answers` (a pulled record) has: those of field errors (but an answer the API cannot
/// carry, missing: that one needs none) and of contradictions, and the answers they follow up;
/// in catalogue order.
pub fn involved(answers: &Answers) -> Vec<QuestionId> {
    let errors = field_errors(answers)
        .into_iter()
        .filter(|error| !is_missing_and_cannot_be_carried(error.question, answers))
        .map(|error| error.question);
    let contradictions = findings(answers)
        .into_iter()
        .filter(|finding| finding.severity == Severity::Error)
        .flat_map(|finding| finding.questions);
    let mut ids: Vec<QuestionId> = Vec::new();
    for id in errors.chain(contradictions) {
        ids.push(id);
        ids.extend(catalogue::question(id).shown_when.map(|condition| condition.parents()).unwrap_or_default());
    }
    catalogue::questions().map(|question| question.id).filter(|id| ids.contains(id)).collect()
}

/// The held answers to give [`is_as_held`] when a file keeps only some of them (the answers
/// file's `[as_approved]` table): `kept` holds the answers of the questions `covered` as the
/// Marketplace holds them (one absent there: unanswered); any other question counts as changed
/// from the record, so a problem about it stays the partner's.
pub fn held_in_part(answers: &Answers, covered: &[QuestionId], kept: &Answers) -> Answers {
    let mut held = Answers::new();
    for question in catalogue::questions() {
        let id = question.id;
        if covered.contains(&id) {
            if let Some(answer) = kept.get(id) {
                held.set(id, answer.clone());
            }
        } else if answers.get(id).is_none() {
            // Any answer differs from the none the file gives: the question counts as changed.
            held.set(id, Answer::Unknown(String::new()));
        }
    }
    held
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::ids::{self, choice};
    use crate::wire::{from_trust_info, to_trust_info};
    use crate::Answer;

    fn with_a_dpa_and_no_link() -> Answers {
        let mut answers = crate::sample::complete(1);
        answers.set(ids::HAS_DPA, Answer::Choice(choice::YES.into()));
        answers.clear(ids::DPA_LINK);
        answers
    }

    #[test]
    fn a_detail_missing_as_held_is_held_until_its_parent_changes() {
        let answers = with_a_dpa_and_no_link();
        let held = from_trust_info(&to_trust_info(&answers));
        assert!(is_as_held(ids::DPA_LINK, &answers, &held));

        let mut turned_on = answers.clone();
        let mut held_off = held.clone();
        held_off.set(ids::HAS_DPA, Answer::Choice(choice::NO.into()));
        turned_on.set(ids::HAS_DPA, Answer::Choice(choice::YES.into()));
        assert!(!is_as_held(ids::DPA_LINK, &turned_on, &held_off), "the partner said Yes: the link is theirs to give");
    }

    #[test]
    fn only_an_answer_the_api_cannot_carry_is_missing_and_cannot_be_carried() {
        let mut answers = crate::sample::complete(1);
        answers.clear(ids::PRIVACY_POLICY);
        assert!(is_missing_and_cannot_be_carried(ids::PRIVACY_POLICY, &answers));
        assert!(!is_missing_and_cannot_be_carried(ids::DPA_LINK, &with_a_dpa_and_no_link()), "the API carries it");
        assert!(!is_missing_and_cannot_be_carried(ids::SECURITY_CONTACT, &Answers::new()));
    }

    #[test]
    fn the_answers_involved_are_those_of_the_problems_and_what_they_follow_up() {
        let mut answers = with_a_dpa_and_no_link();
        answers.set(ids::DISK_ENCRYPTION, Answer::Choice(choice::NO.into()));
        answers.clear(ids::PRIVACY_POLICY);
        let involved = involved(&answers);
        for id in [ids::HAS_DPA, ids::DPA_LINK, ids::STORES_EUD, ids::DISK_ENCRYPTION] {
            assert!(involved.contains(&id), "{id} in {involved:?}");
        }
        assert!(!involved.contains(&ids::PRIVACY_POLICY), "needs no held answer: {involved:?}");
        assert!(!involved.contains(&ids::SECURITY_CONTACT), "{involved:?}");
        assert!(super::involved(&crate::sample::complete(1)).is_empty(), "a valid record involves none");
    }

    #[test]
    fn held_in_part_holds_only_the_questions_kept() {
        let mut answers = with_a_dpa_and_no_link();
        answers.set(ids::DISK_ENCRYPTION, Answer::Choice(choice::NO.into()));
        let covered = involved(&answers);
        let mut kept = Answers::new();
        for &id in &covered {
            if let Some(answer) = answers.get(id) {
                kept.set(id, answer.clone());
            }
        }
        let held = held_in_part(&answers, &covered, &kept);
        assert!(are_as_held(&[ids::STORES_EUD, ids::DISK_ENCRYPTION], &answers, &held));
        assert!(is_as_held(ids::DPA_LINK, &answers, &held));

        // Outside the table, an answer given or removed is the partner's.
        let mut edited = answers.clone();
        edited.clear(ids::SECURITY_CONTACT);
        let held = held_in_part(&edited, &covered, &kept);
        assert!(!is_as_held(ids::SECURITY_CONTACT, &edited, &held));
        assert!(!is_as_held(ids::SECURITY_CONTACT, &answers, &held_in_part(&answers, &covered, &kept)));
    }

    #[test]
    fn a_changed_answer_is_the_partners() {
        let answers = crate::sample::complete(1);
        let held = from_trust_info(&to_trust_info(&answers));
        assert!(is_as_held(ids::SECURITY_CONTACT, &answers, &held));
        let mut edited = answers.clone();
        edited.set(ids::SECURITY_CONTACT, Answer::Text("not an address".into()));
        assert!(!is_as_held(ids::SECURITY_CONTACT, &edited, &held));
        assert!(!are_as_held(&[ids::SECURITY_CONTACT, ids::DISK_ENCRYPTION], &edited, &held));
    }
}
