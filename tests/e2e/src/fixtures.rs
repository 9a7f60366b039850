//! Answers for the tests, built from the catalogue so they follow it as it grows.

use questionnaire::catalogue::{self, Encoding, Kind, Source, Wire};
use questionnaire::draft::Draft;
use questionnaire::{Answer, Answers, ThirdParty};

/// Every question the partner answers, answered: the first response of each choice (one the
/// API has a wire value for, where the catalogue knows any), text, links, lists, a retention
/// period, two third parties and certifications. Checkboxes stay unticked, so every
/// follow-up they would hide is asked. Questions that these answers hide are answered too,
/// so the payload shows that hidden answers are left out.
pub fn full_answers() -> Answers {
    let mut answers = Answers::new();
    for question in catalogue::questions().filter(|q| q.source == Source::Partner) {
        let answer = match question.kind {
            Kind::OneOf(choices) => {
                let sendable = |id: &str| match question.wire {
                    Wire::Field { encoding: Encoding::Enum(table), .. } => table.iter().any(|(c, wire)| *c == id && wire.is_some()),
                    _ => true,
                };
                let choice = choices.iter().find(|c| sendable(c.id)).unwrap_or(&choices[0]);
                Answer::Choice(choice.id.to_owned())
            }
            Kind::Text { .. } => Answer::Text(format!("Our answer to {}", question.id)),
            Kind::Link => Answer::Text(format!("https://example.com/{}", question.id)),
            Kind::Email => Answer::Text("security@example.com".to_owned()),
            Kind::List { .. } => Answer::List(vec!["Email address".to_owned(), format!("Data of {}", question.id)]),
            Kind::Checkbox => Answer::Flag(false),
            Kind::DaysRange => Answer::DaysRange { min: "0".to_owned(), max: "30".to_owned() },
            Kind::ThirdParties => Answer::ThirdParties(vec![
                ThirdParty {
                    name: "Amazon Web Services".to_owned(),
                    domain: "aws.amazon.com".to_owned(),
                    countries: vec!["United States".to_owned(), "Germany".to_owned()],
                    purpose: "Hosting".to_owned(),
                },
                ThirdParty {
                    name: "Sentry".to_owned(),
                    domain: "sentry.io".to_owned(),
                    countries: vec!["United States".to_owned()],
                    purpose: "Error reports".to_owned(),
                },
            ]),
            Kind::Certifications { options } => Answer::Certifications {
                picked: options.iter().map(|o| o.to_string()).collect(),
                other: "CSA STAR".to_owned(),
            },
            Kind::Provided => continue,
        };
        answers.set(question.id, answer);
    }
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
