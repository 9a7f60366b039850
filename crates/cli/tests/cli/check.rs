use questionnaire::catalogue::ids::{self, choice};
use questionnaire::catalogue::{self, Question, QuestionId};
use questionnaire::completeness::summary;
use questionnaire::consistency::findings;
use questionnaire::draft::Draft;
use questionnaire::validation::field_errors;
use questionnaire::wire::{to_put_body, to_trust_info, to_v3_put_body_over};
use questionnaire::{sample, Answer, Answers};
use serde_json::Value;

use crate::common::*;

fn named(id: QuestionId) -> String {
    let question: &Question = catalogue::question(id);
    format!("{} [{}]", question.listing_label, question.id)
}

/// The sample with a security contact that is not an e-mail address, and encryption turned
/// off although End-User Data is stored.
fn broken_answers() -> Answers {
    let mut answers = sample::complete(1);
    answers.set(ids::SECURITY_CONTACT, Answer::Text("security at example".into()));
    answers.set(ids::DISK_ENCRYPTION, Answer::Choice(choice::NO.into()));
    answers
}

#[test]
fn a_complete_valid_export_passes_with_both_views_complete() {
    let dir = scratch("check-complete");
    let file = export_file(&dir, "complete.json", &sample::complete(2));
    let run = cli(&["check", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains(": valid"), "{run:?}");
    assert!(run.stdout.contains("default view: complete"), "{run:?}");
    assert!(run.stdout.contains("expanded view: complete"), "{run:?}");
    assert!(!run.stdout.contains("Field errors"), "{run:?}");
}

#[test]
fn field_errors_and_contradictions_name_their_question_and_fail_the_check() {
    let dir = scratch("check-broken");
    let answers = broken_answers();
    let file = export_file(&dir, "broken.json", &answers);
    let run = cli(&["check", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("NOT VALID"), "{run:?}");
    let error = field_errors(&answers).into_iter().find(|e| e.question == ids::SECURITY_CONTACT).unwrap();
    assert!(run.stdout.contains(&format!("{}: {}", named(ids::SECURITY_CONTACT), error.message)), "{run:?}");
    let contradiction = findings(&answers).into_iter().find(|f| f.check == "encryption_required").unwrap();
    assert!(run.stdout.contains(&format!("error: {}", contradiction.message)), "{run:?}");
    assert!(run.stdout.contains(&named(ids::DISK_ENCRYPTION)), "{run:?}");
    // The invalid answer is what a push would leave out.
    let not_sent = run.stdout.split("Not sent by a push").nth(1).expect("a not-sent list");
    assert!(not_sent.contains(&named(ids::SECURITY_CONTACT)), "{run:?}");
}

#[test]
fn json_output_gives_each_file_its_findings_and_the_missing_questions_per_view() {
    let dir = scratch("check-json");
    let broken = export_file(&dir, "broken.json", &broken_answers());
    let partial = fixture("partial-export.json");
    let run = cli(&["check", "--format", "json", &partial, &broken]);
    assert_eq!(run.code, 1, "{run:?}");
    let report = run.json();
    assert_eq!(report["valid"], false);
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);

    let answers = Draft::parse(&std::fs::read_to_string(&partial).unwrap()).unwrap().answers;
    assert_eq!(files[0]["valid"], true, "{}", files[0]);
    assert_eq!(files[0]["kind"], "privacy-tab draft export");
    let expected = summary(&answers);
    for (name, view) in [("default", &expected.default), ("expanded", &expected.expanded)] {
        let missing: Vec<&str> = files[0]["completeness"][name]["missing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["id"].as_str().unwrap())
            .collect();
        assert_eq!(missing, view.missing, "{name} view");
        assert_eq!(files[0]["completeness"][name]["answered"], view.answered);
    }
    let first_missing = &files[0]["completeness"]["default"]["missing"][0];
    assert_eq!(first_missing["label"], catalogue::find(first_missing["id"].as_str().unwrap()).unwrap().listing_label);

    assert_eq!(files[1]["valid"], false);
    let error_ids: Vec<&str> =
        files[1]["fieldErrors"].as_array().unwrap().iter().map(|e| e["question"]["id"].as_str().unwrap()).collect();
    assert_eq!(error_ids, [ids::SECURITY_CONTACT]);
    let checks: Vec<&str> =
        files[1]["findings"].as_array().unwrap().iter().map(|f| f["check"].as_str().unwrap()).collect();
    assert!(checks.contains(&"encryption_required"), "{checks:?}");
}

#[test]
fn unreadable_files_exit_2_and_the_readable_ones_are_still_checked() {
    let dir = scratch("check-unreadable");
    let good = export_file(&dir, "good.json", &sample::complete(0));
    let cut_short = write(&dir, "cut.json", "{\"format\": \"privacy-tab-draft\", ");
    let other_json = write(&dir, "package.json", r#"{"name": "not a draft"}"#);
    let missing = dir.join("absent.json").to_str().unwrap().to_owned();
    let run = cli(&["check", &good, &cut_short, &other_json, &missing]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stdout.contains("good.json (privacy-tab draft export): valid"), "{run:?}");
    assert!(run.stderr.contains("cut.json: This is not a JSON file, or it was cut short"), "{run:?}");
    assert!(run.stderr.contains("package.json: This JSON file is neither a privacy-tab draft"), "{run:?}");
    assert!(run.stderr.contains("absent.json: cannot be read"), "{run:?}");
}

#[test]
fn api_bodies_of_either_version_and_bare_trust_info_are_read_like_exports() {
    let dir = scratch("check-api-bodies");
    let answers = broken_answers();
    let bodies: [(&str, Value); 3] = [
        ("v2.json", to_put_body(&answers)),
        ("v3.json", to_v3_put_body_over(&Value::Null, &answers)),
        ("bare.json", to_trust_info(&answers)),
    ];
    for (name, body) in bodies {
        let file = write(&dir, name, &body.to_string());
        let run = cli(&["check", &file]);
        // What is sent holds no invalid answer, but the contradiction goes with it.
        assert_eq!(run.code, 1, "{name}: {run:?}");
        assert!(run.stdout.contains(&named(ids::DISK_ENCRYPTION)), "{name}: {run:?}");
        assert!(run.stdout.contains("Marketplace"), "{name}: the kind is said: {run:?}");
    }
}

#[test]
fn a_freshly_pulled_live_record_passes_and_what_the_marketplace_holds_is_a_warning() {
    let market = Market::start();
    // Approved on the Marketplace: encryption off although End-User Data is stored.
    let mut live = sample::complete(1);
    live.set(ids::DISK_ENCRYPTION, Answer::Choice(choice::NO.into()));
    market.seed_live(KEY, &to_trust_info(&live));
    let dir = scratch("check-pulled");
    let pulled = dir.join("pulled.json");
    assert_eq!(pull_live(&market, KEY, &pulled).code, 0);
    let pulled = pulled.to_str().unwrap();

    let run = cli(&["check", pulled]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("pulled.json (privacy-tab draft export): valid"), "{run:?}");
    let warnings = run
        .stdout
        .split("As the Marketplace holds them, or only its own form takes (warnings")
        .nth(1)
        .expect("warnings");
    assert!(warnings.contains(&named(ids::DISK_ENCRYPTION)), "{run:?}");

    // An answer the partner then changes is theirs again.
    let mut edited = Draft::parse(&std::fs::read_to_string(pulled).unwrap()).unwrap();
    edited.answers.set(ids::SECURITY_CONTACT, Answer::Text("security at example".into()));
    edited.answers.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
    let edited_file = write(&dir, "edited.json", &questionnaire::draft::export_json(&edited));
    let after = cli(&["check", &edited_file]);
    assert_eq!(after.code, 1, "{after:?}");
    let errors = after.stdout.split("Field errors").nth(1).unwrap().split("As the Marketplace").next().unwrap();
    assert!(errors.contains(&named(ids::SECURITY_CONTACT)), "{after:?}");
}

#[test]
fn a_live_record_pulled_to_an_answers_file_passes_until_an_approved_answer_is_edited() {
    let market = Market::start();
    // Approved on the Marketplace: encryption off although End-User Data is stored, and a
    // security contact that is not an e-mail address (which no push sends: put in the record).
    let mut live = to_trust_info(&broken_answers());
    live["security"]["securityContact"] = Value::from("security at example");
    market.seed_live(KEY, &live);
    let dir = scratch("check-pulled-toml");
    let pulled = dir.join("pulled.toml");
    assert_eq!(pull_live(&market, KEY, &pulled).code, 0);
    let text = std::fs::read_to_string(&pulled).unwrap();

    let run = cli(&["check", pulled.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{run:?}\n{text}");
    assert!(run.stdout.contains("pulled.toml (privacy-tab answers): valid"), "{run:?}");
    let warnings = run
        .stdout
        .split("As the Marketplace holds them, or only its own form takes (warnings")
        .nth(1)
        .expect("warnings");
    for id in [ids::DISK_ENCRYPTION, ids::SECURITY_CONTACT] {
        assert!(warnings.contains(&named(id)), "{run:?}");
    }
    assert!(!run.stdout.contains("Field errors") && !run.stdout.contains("Consistency"), "{run:?}");

    // The partner edits one of the answers involved: its problem is theirs again; the
    // contradiction they left as approved stays a warning.
    let line = format!("{} = \"security at example\"", ids::SECURITY_CONTACT);
    let (answers, approved) = text.split_once("[as_approved]").unwrap_or((&text, ""));
    assert!(answers.contains(&line), "{text}");
    let edited = answers.replacen(&line, &format!("{} = \"security at example.org\"", ids::SECURITY_CONTACT), 1)
        + if approved.is_empty() { "" } else { "[as_approved]" }
        + approved;
    let edited_file = write(&dir, "edited.toml", &edited);
    let after = cli(&["check", &edited_file]);
    assert_eq!(after.code, 1, "{after:?}\n{edited}");
    assert!(after.stdout.contains("edited.toml (privacy-tab answers): NOT VALID"), "{after:?}");
    let (errors, warnings) = after.stdout.split_once("As the Marketplace holds them").expect("warnings");
    assert!(errors.split("Field errors").nth(1).unwrap().contains(&named(ids::SECURITY_CONTACT)), "{after:?}");
    assert!(warnings.contains(&named(ids::DISK_ENCRYPTION)), "{after:?}");
}
