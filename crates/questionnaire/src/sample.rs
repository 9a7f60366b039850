//! A fully and validly answered questionnaire, built from the catalogue: for tests, the
//! benchmarks and demos. Every partner question gets its first response (the one that asks
//! the most follow-ups) and every follow-up a plausible answer.

use crate::answers::{Answer, Answers, ThirdParty};
use crate::catalogue::{self, Kind, Source};

/// Every question answered, with `third_parties` rows of sub-processors.
pub fn complete(third_parties: usize) -> Answers {
    let mut answers = Answers::new();
    for question in catalogue::questions().filter(|question| question.source == Source::Partner) {
        let answer = match question.kind {
            Kind::OneOf(choices) => Answer::Choice(choices[0].id.to_owned()),
            Kind::Text { .. } => Answer::Text("Standard Contractual Clauses".to_owned()),
            Kind::Link => Answer::Text(format!("https://example.com/{}", question.id.as_str().replace('_', "-"))),
            Kind::Email => Answer::Text("security@example.com".to_owned()),
            Kind::List { suggestions } if !suggestions.is_empty() => {
                Answer::List(suggestions.iter().take(2).map(|s| (*s).to_owned()).collect())
            }
            Kind::List { .. } => Answer::List(vec!["Email address".to_owned(), "IP address".to_owned()]),
            // Unticked: the lists and day ranges these checkboxes would replace are answered.
            Kind::Checkbox => Answer::Flag(false),
            Kind::DaysRange => Answer::DaysRange { min: "30".to_owned(), max: "90".to_owned() },
            Kind::ThirdParties => Answer::ThirdParties((0..third_parties).map(third_party).collect()),
            Kind::Certifications { options } => {
                Answer::Certifications { picked: vec![options[0].to_owned()], other: String::new() }
            }
            Kind::Provided => continue,
        };
        answers.set(question.id, answer);
    }
    answers
}

fn third_party(index: usize) -> ThirdParty {
    ThirdParty {
        name: format!("Sub-processor {}", index + 1),
        domain: format!("sub-processor-{}.example.com", index + 1),
        countries: vec!["Germany".to_owned(), "Ireland".to_owned()],
        purpose: "Cloud hosting".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::complete;
    use crate::completeness::summary;
    use crate::consistency::{findings, Severity};
    use crate::validation::field_errors;

    #[test]
    fn the_sample_is_valid_consistent_and_complete() {
        for rows in [0, 1, 100] {
            let answers = complete(rows);
            assert_eq!(field_errors(&answers), vec![], "{rows} rows");
            let errors: Vec<_> = findings(&answers).into_iter().filter(|f| f.severity == Severity::Error).collect();
            assert_eq!(errors, vec![], "{rows} rows");
        }
        let completeness = summary(&complete(1));
        assert!(completeness.default.is_complete(), "{:?}", completeness.default.missing);
        assert!(completeness.expanded.is_complete(), "{:?}", completeness.expanded.missing);
    }
}
