use questionnaire::catalogue::ids::{self, choice};
use questionnaire::diff::changes;
use questionnaire::wire::{from_trust_info, to_trust_info};
use questionnaire::{sample, Answer};

use crate::common::*;

#[test]
fn lists_each_question_publishing_would_change_against_the_live_version() {
    let market = Market::start();
    let live = sample::complete(1);
    market.seed_live(KEY, &to_trust_info(&live));
    let mut draft = live.clone();
    draft.set(ids::DATA_RESIDENCY, Answer::Choice(choice::RESIDENCY_WITHIN_ATLASSIAN.into()));
    draft.set(ids::SECURITY_CONTACT, Answer::Text("privacy@example.com".into()));
    let dir = scratch("diff-changes");
    let file = export_file(&dir, "draft.json", &draft);

    // Anonymous: the live version is public, so a pull-request check needs no secret.
    let run = cli(&["diff", "--app", KEY, "--api-base", &market.v2(), &file]);
    assert_eq!(run.code, 0, "{run:?}");
    let expected = changes(&from_trust_info(&to_trust_info(&live)), &draft);
    assert_eq!(expected.len(), 2);
    assert!(run.stdout.contains("would change 2 answers"), "{run:?}");
    for change in &expected {
        let block = format!(
            "{} [{}]\n  now:   {}\n  after: {}",
            change.question.listing_label, change.question.id, change.before, change.after
        );
        assert!(run.stdout.contains(&block), "{block}\n{run:?}");
    }
    assert_eq!(market.app(KEY)["putCount"], 0);
}

#[test]
fn a_file_equal_to_the_live_version_changes_nothing() {
    let market = Market::start();
    let live = sample::complete(2);
    market.seed_live(KEY, &to_trust_info(&live));
    let file = export_file(&scratch("diff-same"), "same.json", &live);
    let run = cli(&["diff", "--app", KEY, "--api-base", &market.v2(), &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("would change nothing"), "{run:?}");
}

#[test]
fn with_nothing_live_every_sent_answer_is_new_and_the_key_is_questioned() {
    let market = Market::start();
    let file = fixture("partial-export.json");
    let run = cli(&["diff", "--app", "com.example.unpublished", "--api-base", &market.v2(), &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("Nothing is live for com.example.unpublished (404)"), "{run:?}");
    assert!(run.stderr.contains("check the app key"), "{run:?}");
    assert!(run.stdout.contains("  now:   Response not provided by the partner\n  after: Yes"), "{run:?}");
}

#[test]
fn a_server_error_is_retried_then_explained() {
    let market = Market::start();
    market.seed_live(KEY, &to_trust_info(&sample::complete(0)));
    market.faults(serde_json::json!({"status": 500, "retryAfterSeconds": 1, "times": 1}));
    let file = fixture("partial-export.json");
    let run = cli(&["diff", "--app", KEY, "--api-base", &market.v2(), &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("The Marketplace answered 500 to GET; trying again in 1.0 s."), "{run:?}");
    assert!(run.stdout.contains("would change"), "{run:?}");
}
