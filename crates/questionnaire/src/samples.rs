//! Fully filled answers, for tests and benchmarks that need the largest realistic draft.

use crate::answers::{Answer, Answers, ThirdParty};
use crate::catalogue::{self, Kind, YES};

/// Every question the partner answers, answered, with `third_parties` rows of third parties.
/// Choices pick "Yes" where offered (it asks the most follow-ups), else the first response.
pub fn fully_filled(third_parties: usize) -> Answers {
    let mut answers = Answers::new();
    for question in catalogue::questions() {
        let answer = match question.kind {
            Kind::OneOf(choices) => {
                let picked = choices.iter().find(|choice| choice.id == YES).unwrap_or(&choices[0]);
                Answer::Choice(picked.id.to_owned())
            }
            Kind::Text { .. } => {
                Answer::Text(format!("Our answer to {}, in a sentence or two of plain text.", question.id))
            }
            Kind::Link => Answer::Text(format!("https://example.com/trust/{}", question.id)),
            Kind::Email => Answer::Text("security@example.com".to_owned()),
            Kind::List { .. } => Answer::List(
                ["Email address", "Device ID", "IP address", "Content posted, received or shared", "Account name"]
                    .map(str::to_owned)
                    .to_vec(),
            ),
            Kind::Checkbox => Answer::Flag(true),
            Kind::DaysRange => Answer::DaysRange { min: "30".to_owned(), max: "90".to_owned() },
            Kind::ThirdParties => Answer::ThirdParties((1..=third_parties).map(third_party).collect()),
            Kind::Certifications { options } => Answer::Certifications {
                picked: options.iter().map(|option| option.to_string()).collect(),
                other: "CSA STAR Level 2".to_owned(),
            },
            Kind::Provided => continue,
        };
        answers.set(question.id, answer);
    }
    answers
}

fn third_party(number: usize) -> ThirdParty {
    ThirdParty {
        name: format!("Sub-processor number {number}"),
        domain: format!("subprocessor-{number}.example.com"),
        countries: ["Germany", "Ireland", "United States"].map(str::to_owned).to_vec(),
        purpose: format!("Hosting, backups and e-mail delivery for customers, part {number}"),
    }
}
