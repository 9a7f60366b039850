//! A complete questionnaire pushed from a file reaches the stand-in with every answer
//! Atlassian's OpenAPI document has a field for, in its types (the stand-in validates every PUT
//! against the document's schema), and the spec's 400 is read back question by question. The
//! expected bodies are written down here, not computed by the mapping under test.

use marketplace_stand_in::Config;
use questionnaire::sample;
use serde_json::{json, Value};

use crate::common::*;

/// `sample::complete(2)` as the Marketplace must hold it: every question's first response and
/// the sample's texts, "same data processed as stored" unticked. Written down once from
/// Atlassian's OpenAPI document (the end-to-end submission test reads the same file); only the
/// privacy policy is not there: a listing field.
fn complete_questionnaire_as_the_spec_writes_it() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../questionnaire/tests/golden/complete-questionnaire-as-the-spec-writes-it.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_complete_questionnaire_reaches_v2_with_every_answer_the_spec_has_a_field_for() {
    let market = Market::start();
    let file = export_file(&scratch("spec-v2"), "answers.json", &sample::complete(2));
    let run =
        cli_with(&["push", "--yes", "--allow-missing", "--app", KEY, "--api-base", &market.v2(), &file], CREDENTIALS);
    assert_eq!(run.code, 0, "accepted by the stand-in's schema validation: {run:?}");
    assert_eq!(market.app(KEY)["draft"], complete_questionnaire_as_the_spec_writes_it());
    assert!(run.stderr.contains("Link to partner privacy policy [privacy_policy]"), "the one answer not sent: {run:?}");
    assert!(
        run.stderr.contains("enter it with your listing's links in the Marketplace"),
        "and where it goes instead, as the catalogue says: {run:?}"
    );
}

#[test]
fn a_complete_questionnaire_reaches_v3_created_then_published() {
    let market = Market::start();
    let product = "6a1b2c3d-0000-4000-8000-000000000002";
    let file = export_file(&scratch("spec-v3"), "answers.json", &sample::complete(2));
    let run = cli_with(
        &[
            "push",
            "--yes",
            "--allow-missing",
            "--allow-other-app",
            "--app",
            product,
            "--api-base",
            &market.v3(),
            "--api-version",
            "3",
            &file,
        ],
        CREDENTIALS,
    );
    assert_eq!(run.code, 0, "201 for the new draft, 200 for its publishing: {run:?}");
    let held = market.product(product);
    assert!(held["draft"].is_null(), "published: {held}");
    assert_eq!(held["live"], complete_questionnaire_as_the_spec_writes_it());
}

#[test]
fn a_400_in_the_spec_s_format_names_each_question() {
    let market = Market::start();
    market.faults(json!({"methods": ["PUT"], "times": 1, "fieldErrors": [
        {"path": "/privacy/dataProcessingAgreement/link", "message": "Must be a valid URL", "code": "INVALID_URL_FORMAT"},
        {"path": "/security/caiq/CAIQLiteLink", "message": "Must be a valid URL", "code": "INVALID_URL_FORMAT"},
        {"path": "/dataResidency/isDataResidencySupported", "message": "Invalid value", "code": "INVALID_ENUM_VALUE"},
        {"path": "/somethingNew", "message": "Field is required", "code": "FIELD_REQUIRED"}
    ]}));
    let file = export_file(&scratch("spec-400"), "answers.json", &sample::complete(0));
    let run =
        cli_with(&["push", "--yes", "--allow-missing", "--app", KEY, "--api-base", &market.v2(), &file], CREDENTIALS);
    assert_eq!(run.code, 1, "{run:?}");
    for line in [
        "Data Processing Agreement [dpa_link]: Must be a valid URL",
        "CAIQ Lite Questionnaire responses [caiq_lite_link]: Must be a valid URL",
        "Data residency [data_residency]: Invalid value",
        "/somethingNew: Field is required",
    ] {
        assert!(run.stderr.lines().any(|said| said.trim_end().ends_with(line)), "{line:?} in {run:?}");
    }
}

/// The OpenAPI document's GET schema wraps the record in `common`, where live reads show
/// `commonCloud`: a record read either way is the same answers.
#[test]
fn a_v3_record_wrapped_in_common_reads_as_the_answers_sent() {
    let market = Market::start_with(Config { v3_read_wrapper: "common", ..Config::default() });
    let product = "6a1b2c3d-0000-4000-8000-000000000003";
    let dir = scratch("spec-v3-common");
    let file = export_file(&dir, "answers.json", &sample::complete(2));
    let v3 = ["--api-base", &market.v3(), "--api-version", "3"];
    let push =
        [&["push", "--yes", "--allow-missing", "--allow-other-app", "--app", product][..], &v3, &[&file]].concat();
    assert_eq!(cli_with(&push, CREDENTIALS).code, 0);

    // The hand-editing format holds the answers alone, not the record they were read from.
    let pulled = dir.join("pulled.toml");
    let pull = [&["pull", "--app", product][..], &v3, &["-o", pulled.to_str().unwrap()]].concat();
    let run = cli(&pull);
    assert_eq!(run.code, 0, "{run:?}");
    let text = std::fs::read_to_string(&pulled).unwrap();
    assert!(text.contains("security@example.com"), "the answers were read from `common`: {text}");

    let diff = [&["diff", "--detailed-exitcode", "--app", product][..], &v3, &[pulled.to_str().unwrap()]].concat();
    let run = cli(&diff);
    assert_eq!(run.code, 0, "nothing would change: {run:?}");
}
