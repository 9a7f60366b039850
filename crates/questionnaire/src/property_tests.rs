//! Properties over any answers, any JSON and any draft text.

use proptest::prelude::*;
use serde_json::{Map, Value};

use crate::answers::{Answer, Answers, ThirdParty};
use crate::catalogue::{self, Kind, Question, ThirdPartyColumn, Wire};
use crate::draft::{self, Draft, DraftError};
use crate::statements::{self, Statement};
use crate::visibility::{effective, hidden_answers, is_mirrored, is_visible};
use crate::{completeness, consistency, diff, listing, validation, wire};

/// Short text, often with the spaces and blanks partners type.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 .@:/-]{0,12}",
        Just(String::new()),
        Just("  ".to_owned()),
        Just(" https://example.com/x ".to_owned()),
        Just("security@example.com".to_owned()),
        any::<String>(),
    ]
}

fn day_count() -> impl Strategy<Value = String> {
    prop_oneof![(0u32..40_000).prop_map(|n| n.to_string()), Just(" 007 ".to_owned()), text()]
}

/// A raw API value no encoding would read as a known one.
fn unknown_wire_value() -> impl Strategy<Value = String> {
    "[A-Z_]{1,10}".prop_filter("not a known value", |raw| {
        !["TRUE", "FALSE", "NOT_APPLICABLE", "STORED_IN_ATLASSIAN_N_DR_SUPPORTED", "APP_DOES_NOT_SUPPORT_DR"]
            .contains(&raw.as_str())
    })
}

fn answer_for(question: &'static Question) -> BoxedStrategy<Answer> {
    let fitting: BoxedStrategy<Answer> = match question.kind {
        Kind::OneOf(choices) => prop_oneof![
            4 => proptest::sample::select(choices).prop_map(|choice| Answer::Choice(choice.id.to_owned())),
            1 => unknown_wire_value().prop_map(Answer::Unknown),
            1 => text().prop_map(Answer::Choice),
        ]
        .boxed(),
        Kind::Text { .. } | Kind::Link | Kind::Email => text().prop_map(Answer::Text).boxed(),
        Kind::List { .. } => proptest::collection::vec(text(), 0..4).prop_map(Answer::List).boxed(),
        Kind::Checkbox => any::<bool>().prop_map(Answer::Flag).boxed(),
        Kind::DaysRange => (day_count(), day_count()).prop_map(|(min, max)| Answer::DaysRange { min, max }).boxed(),
        Kind::ThirdParties => proptest::collection::vec(
            (text(), text(), proptest::collection::vec(text(), 0..3), text())
                .prop_map(|(name, domain, countries, purpose)| ThirdParty { name, domain, countries, purpose }),
            0..3,
        )
        .prop_map(Answer::ThirdParties)
        .boxed(),
        Kind::Certifications { options } => (proptest::sample::subsequence(options, 0..=options.len()), text())
            .prop_map(|(picked, other)| Answer::Certifications {
                picked: picked.iter().map(|s| s.to_string()).collect(),
                other,
            })
            .boxed(),
        Kind::Provided => text().prop_map(Answer::Text).boxed(),
    };
    // Now and then an answer of the wrong shape, as a damaged draft would hold.
    prop_oneof![9 => fitting, 1 => text().prop_map(Answer::Text)].boxed()
}

pub(crate) fn answers() -> impl Strategy<Value = Answers> {
    let per_question: Vec<_> = catalogue::questions()
        .map(|question| proptest::option::weighted(0.6, answer_for(question)).prop_map(move |a| (question.id, a)))
        .collect();
    per_question.prop_map(|entries| {
        let mut answers = Answers::new();
        for (id, answer) in entries {
            if let Some(answer) = answer {
                answers.set(id, answer);
            }
        }
        answers
    })
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![Just("TRUE"), Just("false"), Just("NOT_APPLICABLE"), Just("APP_DOES_NOT_SUPPORT_DR")]
            .prop_map(Value::from),
        text().prop_map(Value::from),
    ]
}

fn any_json() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((any_key(), inner), 0..5)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Keys the catalogue knows, so random documents hit real fields, and others.
fn any_key() -> impl Strategy<Value = String> {
    let known: Vec<&'static str> = catalogue::questions()
        .filter_map(|q| match q.wire {
            Wire::Field { path, .. } => Some(path.iter().copied()),
            _ => None,
        })
        .flatten()
        .chain([
            "appTrustInformation",
            "commonCloud",
            "min",
            "max",
            "name",
            "link",
            "purpose",
            "thirdPartyCountries",
            "format",
            "version",
            "appKey",
            "answers",
        ])
        .collect();
    prop_oneof![3 => proptest::sample::select(known).prop_map(str::to_owned), 1 => "[a-z]{1,6}"]
}

/// A document with arbitrary values at the catalogue's own paths, plus noise.
fn trust_info_like() -> impl Strategy<Value = Value> {
    let paths: Vec<&'static [&'static str]> = catalogue::questions()
        .filter_map(|q| match q.wire {
            Wire::Field { path, .. } => Some(path),
            _ => None,
        })
        .collect();
    (proptest::collection::vec((proptest::sample::select(paths), any_json()), 0..12), any_json()).prop_map(
        |(fields, noise)| {
            let mut root = match noise {
                Value::Object(_) => noise,
                _ => Value::Object(Map::new()),
            };
            for (path, value) in fields {
                let mut node = &mut root;
                for key in &path[..path.len() - 1] {
                    if !node.get(*key).is_some_and(Value::is_object) {
                        node.as_object_mut().unwrap().insert((*key).to_owned(), Value::Object(Map::new()));
                    }
                    node = node.get_mut(*key).unwrap();
                }
                node.as_object_mut().unwrap().insert(path[path.len() - 1].to_owned(), value);
            }
            root
        },
    )
}

proptest! {
    #[test]
    fn any_answers_to_payload_and_back_keep_every_sent_field(answers in answers()) {
        let payload = wire::to_trust_info(&answers);
        let back = wire::from_trust_info(&payload);
        prop_assert_eq!(wire::to_trust_info(&back), payload);
        for (question, value) in wire::sent(&answers) {
            // A value no choice knows is the record's: over no record it is not sent.
            if matches!(answers.get(question.id), Some(crate::Answer::Unknown(_))) {
                continue;
            }
            prop_assert_eq!(wire::sent(&back).into_iter().find(|(q, _)| q.id == question.id).map(|(_, v)| v), Some(value));
        }
    }

    #[test]
    fn no_link_or_e_mail_the_form_rejects_is_ever_sent(answers in answers()) {
        let body = wire::to_put_body(&answers);
        let info = &body[wire::PUT_BODY_KEY];
        for question in catalogue::questions() {
            let Wire::Field { path, .. } = question.wire else { continue };
            let Some(value) = path.iter().try_fold(info, |node, key| node.get(*key)) else { continue };
            match question.kind {
                Kind::Link => prop_assert!(
                    validation::check_link(value.as_str().unwrap_or_default()).is_ok(),
                    "{} sent as {}", question.id, value
                ),
                Kind::Email => prop_assert!(
                    validation::check_email(value.as_str().unwrap_or_default()).is_ok(),
                    "{} sent as {}", question.id, value
                ),
                Kind::ThirdParties => {
                    for row in value.as_array().into_iter().flatten() {
                        let domain = row[catalogue::third_party_field(ThirdPartyColumn::Domain).wire_key].as_str();
                        prop_assert!(
                            validation::link::check_domain(domain.unwrap_or_default()).is_ok(),
                            "third party sent with domain {:?}", domain
                        );
                    }
                }
                _ => {}
            }
        }
    }

    #[test]
    fn statements_shown_together_never_contradict_nor_speak_of_what_was_not_answered(answers in answers()) {
        let effective = effective(&answers);
        let shown = statements::shown(&answers);
        let says = |s: &Statement| s.claims.iter().chain(s.presupposes).copied().collect::<Vec<_>>();
        for a in &shown {
            let question = catalogue::question(a.question);
            prop_assert!(is_visible(question, &answers) && effective.get(a.question).is_some(), "{} is not answered", a.question);
            for b in &shown {
                for (fact, so) in says(a) {
                    prop_assert!(!says(b).contains(&(fact, !so)), "{:?} contradicts {:?}", a.sentence, b.sentence);
                }
            }
            for claim in a.presupposes {
                prop_assert!(
                    shown.iter().any(|b| b.question != a.question && b.claims.contains(claim)),
                    "{:?} takes {:?} for granted, which no shown answer says", a.sentence, claim
                );
            }
        }
        let sentences = statements::statements(&answers);
        prop_assert_eq!(sentences.len(), shown.iter().filter(|s| s.sentence.is_some()).count());
    }

    #[test]
    fn hidden_answers_are_never_sent_nor_listed(answers in answers()) {
        let payload = wire::to_trust_info(&answers);
        let rows = listing::rows(&answers, catalogue::View::Expanded);
        for question in hidden_answers(&answers).into_iter().filter(|q| !is_mirrored(q.id, &answers)) {
            if let Wire::Field { path, .. } = question.wire {
                let mut node = Some(&payload);
                for key in path {
                    node = node.and_then(|n| n.get(*key));
                }
                prop_assert!(node.is_none(), "{} was sent while hidden", question.id);
            }
            prop_assert!(!rows.iter().any(|row| row.question.id == question.id));
        }
    }

    #[test]
    fn the_rules_never_panic_on_any_answers(answers in answers(), other in answers()) {
        validation::field_errors(&answers);
        consistency::findings(&answers);
        let summary = completeness::summary(&answers);
        prop_assert_eq!(summary.default.answered + summary.default.missing.len(), summary.default.total);
        completeness::next_unanswered(&answers, Some(catalogue::ids::CAIQ_LITE));
        diff::changes(&other, &answers);
        prop_assert!(diff::changes(&answers, &answers).is_empty());
        wire::unsent(&answers);
    }

    #[test]
    fn drafts_and_exports_round_trip(answers in answers(), saved_at_ms in 0u64..4_000_000_000_000, position in proptest::option::of("[a-z_]{1,20}")) {
        // Whole milliseconds, as `Date.now()` gives them.
        let mut draft = Draft::new("com.example.app", answers, saved_at_ms as f64);
        draft.position = position;
        prop_assert_eq!(Draft::parse(&draft.to_json()), Ok(draft.clone()));
        let imported = draft::import(&draft::export_json(&draft), "other", 0.0).unwrap();
        prop_assert_eq!(imported.kind, draft::ImportKind::Export);
        prop_assert_eq!(imported.draft, draft);
    }

    #[test]
    fn any_json_fed_to_the_reader_never_panics(json in prop_oneof![any_json(), trust_info_like()], answers in answers()) {
        let read = wire::from_trust_info(&json);
        wire::unknown_fields(&json);
        wire::is_trust_info(&json);
        let over = wire::to_trust_info_over(&json, &answers);
        prop_assert!(over.is_object());
        wire::to_trust_info_over(&json, &read);
        let _ = draft::import(&json.to_string(), "k", 0.0);
        let _ = Draft::parse(&json.to_string());
        // What was read is what would be sent back, whatever it was read from.
        prop_assert_eq!(wire::to_trust_info(&wire::from_trust_info(&wire::to_trust_info(&read))), wire::to_trust_info(&read));
    }

    #[test]
    fn unknown_fields_survive_writing_over_a_document(json in trust_info_like(), answers in answers()) {
        let over = wire::to_trust_info_over(&json, &answers);
        let mut left = wire::unknown_fields(&json);
        // Wrapped, as it is sent: a bare value would be unwrapped once more when read.
        let mut right = wire::unknown_fields(&serde_json::json!({ (wire::PUT_BODY_KEY): over }));
        left.sort();
        right.sort();
        prop_assert_eq!(left, right);
    }

    #[test]
    fn any_draft_text_gives_a_draft_or_a_clear_error(
        text in any::<String>(),
        cut in any::<proptest::sample::Index>(),
        version in any_json(),
        damaged in proptest::sample::select(DRAFT_PARTS),
        wrong in any_json(),
    ) {
        if let Err(error) = Draft::parse(&text) {
            prop_assert!(is_clear(&error), "{error}");
        }
        let _ = draft::import(&text, "k", 0.0);
        let full = Draft::new("k", Answers::new(), 1.0).to_json();
        let boundaries: Vec<usize> = (0..full.len()).filter(|i| full.is_char_boundary(*i)).collect();
        let truncated = &full[..*cut.get(&boundaries)];
        let error = Draft::parse(truncated).expect_err("a cut draft is refused");
        prop_assert!(matches!(error, DraftError::NotJson(_)), "{error:?}");
        prop_assert!(error.to_string().contains("cut short") && is_clear(&error), "{error}");
        let mut value: Value = serde_json::from_str(&full).unwrap();
        value["version"] = version.clone();
        match Draft::parse(&value.to_string()) {
            Ok(_) => prop_assert!(matches!(version.as_u64(), Some(0 | 1)), "version {version} was read"),
            Err(error @ DraftError::NewerVersion(v)) => {
                prop_assert_eq!(Some(v), version.as_u64());
                prop_assert!(is_clear(&error), "{error}");
            }
            Err(error @ DraftError::NoVersion) => {
                prop_assert!(version.as_u64().is_none(), "{version}");
                prop_assert!(is_clear(&error), "{error}");
            }
            Err(other) => prop_assert!(false, "version {version}: {other:?}"),
        }
        // A draft with one part of the wrong kind is refused, and the message names that part.
        let DraftPart { field, named, fits } = damaged;
        if !fits(&wrong) {
            let mut value: Value = serde_json::from_str(&full).unwrap();
            value[field] = wrong.clone();
            let error = Draft::parse(&value.to_string()).expect_err("a damaged draft is refused");
            prop_assert!(matches!(error, DraftError::Malformed(_)), "{field}: {wrong}: {error:?}");
            prop_assert!(is_clear(&error) && error.to_string().contains(named), "{field}: {error}");
        }
    }
}

/// A part of a stored draft that must be of one kind: its field, how a message names it, and
/// which values fit it.
#[derive(Clone, Copy, Debug)]
struct DraftPart {
    field: &'static str,
    named: &'static str,
    fits: fn(&Value) -> bool,
}

const DRAFT_PARTS: &[DraftPart] = &[
    DraftPart { field: "appKey", named: "app key", fits: Value::is_string },
    DraftPart { field: "savedAt", named: "time stamp", fits: |value| value.is_number() || value.is_null() },
    DraftPart { field: "answers", named: "answers", fits: |value| value.is_object() || value.is_null() },
];

/// A clear error is a sentence about this draft that names the problem and where it is: for
/// text that is not JSON, the line and column (as serde_json gives them); for a damaged draft,
/// the part that is damaged; for a version it cannot read, which version.
fn is_clear(error: &DraftError) -> bool {
    let message = error.to_string();
    let sentence = message.starts_with("This ") && message.ends_with('.');
    sentence
        && match error {
            DraftError::NotJson(_) => names_line_and_column(&message),
            DraftError::NotADraft => message.contains("neither a privacy-tab draft nor a Marketplace"),
            DraftError::NoVersion => message.contains("which version of the format"),
            DraftError::NewerVersion(version) => message.contains(&format!("format {version};")),
            DraftError::Malformed(_) => DRAFT_PARTS.iter().any(|part| message.contains(part.named)),
        }
}

/// "… at line 3 column 14…": where in the text the reading stopped.
fn names_line_and_column(message: &str) -> bool {
    let Some((_, place)) = message.split_once(" at line ") else { return false };
    let mut words = place.split_whitespace();
    let number = |word: Option<&str>| {
        word.is_some_and(|word| word.trim_end_matches(|c: char| !c.is_ascii_digit()).parse::<u64>().is_ok())
    };
    number(words.next()) && words.next() == Some("column") && number(words.next())
}
