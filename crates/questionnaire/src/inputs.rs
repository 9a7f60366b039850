//! Which answers each rule reads. A rule given only these answers decides as it does given all
//! of them (the tests below check it over any answers), so an app that keeps one signal per
//! question can re-run a rule only when one of its own inputs changes: a keystroke in one
//! field then costs the rules of that field, not of every field.

use crate::answers::Answers;
use crate::catalogue::{self, Condition, Kind, Question, QuestionId, OPTIONAL, SAME_AS_STORED};

/// The answers of `ids` alone (the ones `answers` holds).
pub fn restrict(answers: &Answers, ids: &[QuestionId]) -> Answers {
    let mut restricted = Answers::new();
    for id in ids {
        if let Some(answer) = answers.get(id) {
            restricted.set(id, answer.clone());
        }
    }
    restricted
}

/// What decides whether the question is asked: every answer its condition tests, and what
/// decides whether those are asked in turn (a hidden answer does not count).
pub fn of_visibility(question: &Question) -> Vec<QuestionId> {
    let mut ids = Vec::new();
    if let Some(condition) = &question.shown_when {
        reads(condition, &mut ids);
    }
    ids
}

fn reads(condition: &Condition, ids: &mut Vec<QuestionId>) {
    match *condition {
        Condition::Is(id, _) | Condition::IsAnyOf(id, _) | Condition::IsNot(id, _) | Condition::Unticked(id) => {
            add(ids, id);
            for parent in of_visibility(catalogue::question(id)) {
                add(ids, parent);
            }
        }
        Condition::AnyOf(all) | Condition::AllOf(all) => all.iter().for_each(|c| reads(c, ids)),
        Condition::Own(condition) => reads(condition, ids),
    }
}

fn add(ids: &mut Vec<QuestionId>, id: QuestionId) {
    if !ids.contains(&id) {
        ids.push(id);
    }
}

/// What decides the effective answer of `id` (see `visibility::effective`): the answer, its
/// visibility, and for the copy of the mirror, the box and what it copies.
fn of_effective(id: QuestionId, ids: &mut Vec<QuestionId>) {
    add(ids, id);
    of_visibility(catalogue::question(id)).into_iter().for_each(|other| add(ids, other));
    if id == SAME_AS_STORED.copy_to {
        for other in [SAME_AS_STORED.checkbox, SAME_AS_STORED.copy_from] {
            add(ids, other);
            of_visibility(catalogue::question(other)).into_iter().for_each(|parent| add(ids, parent));
        }
    }
}

/// What decides one question's own results: whether it is asked, its errors
/// (`validation::errors_for_question`) and its row on the tab (`listing::row_for`).
pub fn of_question(question: &Question) -> Vec<QuestionId> {
    let mut ids = Vec::new();
    of_effective(question.id, &mut ids);
    for optional in OPTIONAL.iter().filter(|optional| optional.question == question.id) {
        if let Some(other) = optional.or_instead {
            of_effective(other, &mut ids);
        }
    }
    ids
}

/// What the statements read (`statements::statements`): the picked responses and ticked boxes.
pub fn of_statements() -> Vec<QuestionId> {
    let mut ids = Vec::new();
    for question in catalogue::questions().filter(|q| matches!(q.kind, Kind::OneOf(_) | Kind::Checkbox)) {
        of_effective(question.id, &mut ids);
    }
    ids
}

/// What the checks across answers read (`consistency::findings`): the picked responses and
/// the third parties' countries.
pub fn of_consistency() -> Vec<QuestionId> {
    let mut ids = of_statements();
    of_effective(catalogue::ids::THIRD_PARTIES, &mut ids);
    ids
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::catalogue::{ids, View};
    use crate::property_tests::answers;
    use crate::sample;
    use crate::visibility::{is_asked, is_visible};
    use crate::{consistency, listing, statements, validation, Answer, ThirdParty};

    fn decides_alike(answers: &Answers) {
        let errors = validation::field_errors(answers);
        let rows = listing::rows(answers, View::Expanded);
        for question in catalogue::questions() {
            let seen = restrict(answers, &of_visibility(question));
            assert_eq!(is_visible(question, &seen), is_visible(question, answers), "{}", question.id);
            let own = restrict(answers, &of_question(question));
            let expected: Vec<_> = errors.iter().filter(|e| e.question == question.id).cloned().collect();
            assert_eq!(validation::errors_for_question(question, &own), expected, "{}", question.id);
            let row = rows.iter().find(|row| row.question.id == question.id).cloned();
            assert_eq!(listing::row_for(question, &own, View::Expanded), row, "{}", question.id);
        }
        assert_eq!(statements::statements(&restrict(answers, &of_statements())), statements::statements(answers));
        assert_eq!(consistency::findings(&restrict(answers, &of_consistency())), consistency::findings(answers));
        third_parties_decide_alike_apart(answers);
    }

    /// The third parties' rules from each row alone and the other answers, as a form that keeps
    /// the rows apart applies them (the app: `state::Parties`).
    fn third_parties_decide_alike_apart(answers: &Answers) {
        let question = catalogue::question(ids::THIRD_PARTIES);
        let rows = answers.third_parties(ids::THIRD_PARTIES);
        let asked = is_asked(question, answers);
        let mut others = answers.clone();
        others.clear(ids::THIRD_PARTIES);
        let key = |row: &ThirdParty| validation::entry_key(&row.name);
        let repeats =
            |row: usize| key(&rows[row]).is_some_and(|own| rows[..row].iter().any(|e| key(e) == Some(own.clone())));
        let errors = match rows.len() {
            0 => validation::errors_for_question(question, &restrict(answers, &of_question(question))),
            _ if asked => (0..rows.len())
                .flat_map(|row| {
                    let repeat = repeats(row).then(|| validation::repeated_name(question.id, row, &rows[row].name));
                    repeat.into_iter().chain(validation::party_errors(question.id, row, &rows[row]))
                })
                .collect(),
            _ => Vec::new(),
        };
        assert_eq!(errors, validation::errors_for_question(question, answers));

        let listed = rows.iter().any(|row| listing::listed_party(row).is_some());
        let mut row = listing::row_for(question, answers, View::Expanded);
        if let Some(listing::ListingRow { value: listing::ListingValue::ThirdParties(parties), .. }) = &mut row {
            parties.clear();
        }
        assert_eq!(listing::third_parties_row(question, &others, listed, View::Expanded), row);

        let outside = || if asked { rows.iter().filter_map(consistency::outside_eea).collect() } else { Vec::new() };
        assert_eq!(consistency::findings_apart(&others, outside), consistency::findings(answers));
    }

    #[test]
    fn the_sample_answers_decide_alike_from_their_inputs() {
        for rows in [0, 1, 3] {
            decides_alike(&sample::complete(rows));
        }
        decides_alike(&Answers::new());
        // A repeated name, a blank row, and a third party outside the EEA though no EEA data
        // leaves it.
        let mut answers = sample::complete(3);
        let mut rows = answers.third_parties(ids::THIRD_PARTIES).to_vec();
        rows[2].name = format!(" {} ", rows[0].name.to_uppercase());
        rows[1].countries = vec!["United States".into()];
        rows.push(ThirdParty::default());
        answers.set(ids::THIRD_PARTIES, Answer::ThirdParties(rows));
        answers.set(ids::TRANSFERS_EEA_DATA, Answer::Choice(ids::choice::NO.into()));
        assert_eq!(validation::field_errors(&answers).len(), 2, "the repeat and the blank row");
        assert_eq!(consistency::findings(&answers).len(), 1, "outside the EEA");
        decides_alike(&answers);
    }

    proptest! {
        #[test]
        fn any_answers_decide_alike_from_their_inputs(answers in answers()) {
            decides_alike(&answers);
        }
    }
}
