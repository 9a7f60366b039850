//! The catalogue's wire entries held to Atlassian's OpenAPI document for the Privacy & Security
//! API (`spec/marketplace-v3-privacy.openapi.json`, provenance in `spec/README.md`): every field
//! the catalogue writes exists there, and every value it writes has the type, enum value and
//! format the document gives; every field the document has is a question's, or is listed below
//! with the reason it is not a question. A change to either side that breaks this fails here.

use serde_json::{json, Value};

use super::*;
use crate::answers::{Answer, ThirdParty};
use crate::wire::codec::encode;

const DOCUMENT: &str = include_str!("../../spec/marketplace-v3-privacy.openapi.json");

/// The PUT body's schema (the spec's `AppPrivacyAndSecurity.commonCloud`) and the GET's
/// (`TrustInfo.common`).
const PUT_SCHEMA: &str = "AppTrustInformation";
const GET_SCHEMA: &str = "CommonTrustInfo";

/// Fields of the document that are no question of the questionnaire, with why.
const NOT_QUESTIONS: &[(&[&str], &str)] = &[(
    &["properties"],
    "read-only: the Marketplace's record of the review (updatedBy, updatedAt, formStatus, jiraLinks), \
     in GET answers only and not in the PUT body's schema",
)];

struct Spec(Value);

impl Spec {
    fn load() -> Spec {
        Spec(serde_json::from_str(DOCUMENT).expect("the vendored OpenAPI document is JSON"))
    }

    fn schema(&self, name: &str) -> &Value {
        let schema = &self.0["components"]["schemas"][name];
        assert!(schema.is_object(), "the document has no schema {name}");
        schema
    }

    /// The schema itself, `$ref`s followed.
    fn resolve<'s>(&'s self, mut node: &'s Value) -> &'s Value {
        while let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            let name = reference.strip_prefix("#/components/schemas/").expect("a reference to a component");
            node = self.schema(name);
        }
        node
    }

    /// The schema of the field at `path` (object keys) inside `root`.
    fn at(&self, root: &str, path: &[&str]) -> Option<&Value> {
        path.iter()
            .try_fold(self.schema(root), |node, key| self.resolve(node).get("properties")?.get(*key))
            .map(|node| self.resolve(node))
    }

    /// Every field of `root` that holds a value rather than more fields: its path.
    fn fields(&self, root: &str) -> Vec<Vec<String>> {
        let mut found = Vec::new();
        self.collect(self.schema(root), &mut Vec::new(), &mut found);
        found
    }

    fn collect(&self, node: &Value, at: &mut Vec<String>, found: &mut Vec<Vec<String>>) {
        let node = self.resolve(node);
        match node.get("properties").and_then(Value::as_object) {
            Some(properties) => {
                for (key, child) in properties {
                    at.push(key.clone());
                    self.collect(child, at, found);
                    at.pop();
                }
            }
            None => found.push(at.clone()),
        }
    }

    /// Why `value` does not fit `node`, if it does not: type (an enum's own values widen the
    /// declared type, see `spec/README.md`), enum, format, and the same for what it holds.
    fn misfit(&self, value: &Value, node: &Value) -> Option<String> {
        let node = self.resolve(node);
        let enumerated = node.get("enum").and_then(Value::as_array);
        if let Some(options) = enumerated {
            if !options.contains(value) {
                return Some(format!("{value} is not one of the enum {}", Value::from(options.clone())));
            }
        }
        let declared = node.get("type").and_then(Value::as_str);
        let fits_type = match (declared, value) {
            (None, _) => true,
            (Some("boolean"), Value::Bool(_)) | (Some("string"), Value::String(_)) => true,
            (Some("integer"), Value::Number(n)) => n.is_i64() || n.is_u64(),
            (Some("number"), Value::Number(_)) => true,
            (Some("array"), Value::Array(items)) => {
                return items.iter().find_map(|item| self.misfit(item, &node["items"]));
            }
            (Some("object"), Value::Object(fields)) => {
                return fields.iter().find_map(|(key, field)| match node["properties"].get(key) {
                    None => Some(format!("{key} is not a field of the object")),
                    Some(schema) => self.misfit(field, schema).map(|why| format!("{key}: {why}")),
                });
            }
            // The enum's own values are of their own type.
            _ => enumerated.is_some(),
        };
        if !fits_type {
            return Some(format!("{value} is not of type {}", declared.unwrap_or_default()));
        }
        match (node.get("format").and_then(Value::as_str), value.as_str()) {
            (Some("uri"), Some(text)) if !(text.starts_with("https://") || text.starts_with("http://")) => {
                Some(format!("{value} is not a URI"))
            }
            _ => None,
        }
    }
}

/// Answers of every shape this question takes, as a partner gives them.
fn sample_answers(question: &Question) -> Vec<Answer> {
    let text = |text: &str| Answer::Text(text.to_owned());
    match question.kind {
        Kind::OneOf(choices) => choices.iter().map(|choice| Answer::Choice(choice.id.to_owned())).collect(),
        Kind::Text { .. } => vec![text("Standard Contractual Clauses")],
        Kind::Link => vec![text("https://example.com/legal")],
        Kind::Email => vec![text("security@example.com")],
        Kind::List { .. } => vec![Answer::List(vec!["Email address".into(), "IP address".into()])],
        Kind::Checkbox => vec![Answer::Flag(true), Answer::Flag(false)],
        Kind::DaysRange => vec![Answer::DaysRange { min: "0".into(), max: "30".into() }],
        Kind::ThirdParties => vec![Answer::ThirdParties(vec![
            ThirdParty {
                name: "AWS".into(),
                domain: "aws.amazon.com".into(),
                countries: vec!["United States".into()],
                purpose: "Cloud hosting".into(),
            },
            ThirdParty {
                name: "Sentry".into(),
                domain: "https://sentry.io/".into(),
                countries: vec!["Germany".into()],
                purpose: "Error tracking".into(),
            },
        ])],
        Kind::Certifications { options } => vec![Answer::Certifications {
            picked: options.iter().map(|option| (*option).to_owned()).collect(),
            other: "ISO 27018".into(),
        }],
        Kind::Provided => vec![],
    }
}

fn wire_fields() -> impl Iterator<Item = (&'static Question, &'static [&'static str], Encoding)> {
    questions().filter_map(|question| match question.wire {
        Wire::Field { path, encoding, .. } => Some((question, path, encoding)),
        _ => None,
    })
}

#[test]
fn every_field_the_catalogue_writes_is_in_the_spec_with_its_type_enum_and_format() {
    let spec = Spec::load();
    let mut problems = Vec::new();
    for (question, path, encoding) in wire_fields() {
        let dotted = path.join(".");
        let Some(schema) = spec.at(PUT_SCHEMA, path) else {
            problems.push(format!("{}: {dotted} is not a field of the spec's {PUT_SCHEMA}", question.id));
            continue;
        };
        for answer in sample_answers(question) {
            let value = encode(encoding, &answer).unwrap_or_else(|| panic!("{}: {answer:?} is sent", question.id));
            if let Some(why) = spec.misfit(&value, schema) {
                problems.push(format!("{}: {dotted} = {value}: {why}", question.id));
            }
        }
        // A link question writes a URI field, and a URI field holds a link question's answer.
        let is_uri = schema.get("format").and_then(Value::as_str) == Some("uri");
        if matches!(encoding, Encoding::String) && is_uri != (question.kind == Kind::Link) {
            problems.push(format!(
                "{}: {dotted} has format {:?}, the question is {:?}",
                question.id,
                schema.get("format"),
                question.kind
            ));
        }
    }
    assert!(problems.is_empty(), "the catalogue does not match the spec:\n{}", problems.join("\n"));
}

#[test]
fn every_value_of_a_spec_enum_is_some_response_of_its_question() {
    let spec = Spec::load();
    for (question, path, encoding) in wire_fields() {
        let Some(options) = spec.at(PUT_SCHEMA, path).and_then(|schema| schema.get("enum")).and_then(Value::as_array)
        else {
            continue;
        };
        let written: Vec<Value> =
            sample_answers(question).iter().filter_map(|answer| encode(encoding, answer)).collect();
        let unwritten: Vec<Value> = options.iter().filter(|option| !written.contains(option)).cloned().collect();
        // The DPA question offers Yes and No: the spec's "NOT_APPLICABLE" is read and kept as it
        // is, never written from a response.
        let expected = if question.id == ids::HAS_DPA { vec![json!("NOT_APPLICABLE")] } else { vec![] };
        assert_eq!(
            unwritten,
            expected,
            "{}: values of the spec's enum at {} that no response writes",
            question.id,
            path.join(".")
        );
    }
}

#[test]
fn every_field_of_the_spec_is_a_questions_or_listed_as_not_a_question() {
    let spec = Spec::load();
    let mapped = |field: &[String]| {
        wire_fields().any(|(_, path, _)| field.starts_with(&path.iter().map(|key| key.to_string()).collect::<Vec<_>>()))
    };
    let listed = |field: &[String]| {
        NOT_QUESTIONS
            .iter()
            .any(|(path, _)| field.starts_with(&path.iter().map(|key| key.to_string()).collect::<Vec<_>>()))
    };
    let mut orphans = Vec::new();
    for root in [PUT_SCHEMA, GET_SCHEMA] {
        for field in spec.fields(root) {
            if !mapped(&field) && !listed(&field) {
                orphans.push(format!("{root}: {}", field.join(".")));
            }
        }
    }
    assert!(
        orphans.is_empty(),
        "fields of the spec no question writes and NOT_QUESTIONS does not list:\n{}",
        orphans.join("\n")
    );
    for (path, why) in NOT_QUESTIONS {
        assert!(
            spec.at(GET_SCHEMA, path).is_some(),
            "{} is listed as not a question ({why}) but is not in the spec",
            path.join(".")
        );
        assert!(
            spec.at(PUT_SCHEMA, path).is_none(),
            "{} is in the PUT body's schema: it is a question after all",
            path.join(".")
        );
    }
}

#[test]
fn what_the_api_has_no_field_for_says_where_it_goes_instead() {
    let spec = Spec::load();
    for question in questions() {
        if let Wire::Elsewhere { why } = question.wire {
            assert!(!why.trim().is_empty(), "{}", question.id);
            assert_eq!(question.source, Source::Partner, "{}", question.id);
        }
    }
    // The one question without a field is the privacy policy: a link of the listing.
    let elsewhere: Vec<QuestionId> = questions()
        .filter(|question| matches!(question.wire, Wire::Elsewhere { .. }))
        .map(|question| question.id)
        .collect();
    assert_eq!(elsewhere, [ids::PRIVACY_POLICY]);
    let named_privacy_policy = |key: &String| key.to_lowercase().contains("privacypolicy");
    assert!(!spec.fields(PUT_SCHEMA).iter().flatten().any(named_privacy_policy), "the spec has a field for it now");
}

/// The checks above must be able to fail: a value of the wrong type, outside an enum, or not a
/// URI, and a field the spec does not have, are all caught.
#[test]
fn the_fit_check_catches_what_it_is_for() {
    let spec = Spec::load();
    let field = |path: &[&str]| spec.at(PUT_SCHEMA, path).expect("in the spec");
    assert!(spec
        .misfit(&json!("TRUE"), field(&["privacy", "gdpr", "dataController", "isAppDataController"]))
        .is_some());
    assert!(spec.misfit(&json!(true), field(&["privacy", "gdpr", "dataController", "isAppDataController"])).is_none());
    assert!(spec
        .misfit(&json!("NOT_APPLICABLE"), field(&["privacy", "dataProcessingAgreement", "isDPASupported"]))
        .is_none());
    assert!(spec.misfit(&json!("STORED_ELSEWHERE"), field(&["dataResidency", "isDataResidencySupported"])).is_some());
    assert!(spec.misfit(&json!("aws.amazon.com"), field(&["security", "caiq", "CAIQLiteLink"])).is_some());
    assert!(spec.misfit(&json!([1]), field(&["security", "compliantCertifications"])).is_some());
    assert!(spec.misfit(&json!({"min": "1"}), field(&["dataRetention", "retentionDurationInDays"])).is_some());
    assert!(spec.at(PUT_SCHEMA, &["security", "caiq", "caiqLiteLink"]).is_none());
}
