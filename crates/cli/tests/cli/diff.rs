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
fn a_404_is_an_error_unless_the_app_is_said_to_have_nothing_yet() {
    let market = Market::start();
    let file = fixture("partial-export.json");
    // A wrong --api-base answers 404 too: it must not read as "nothing live".
    let wrong_base = format!("{}/rest/9", market.origin);
    let wrong = cli(&["diff", "--app", KEY, "--api-base", &wrong_base, &file]);
    assert_eq!(wrong.code, 1, "{wrong:?}");
    assert!(wrong.stderr.contains(&format!("{wrong_base} answered 404 for the app key “{KEY}”")), "{wrong:?}");
    assert!(wrong.stderr.contains("--allow-missing"), "{wrong:?}");
    assert!(!wrong.stdout.contains("would change"), "{wrong:?}");

    let run = cli(&["diff", "--allow-missing", "--app", "com.example.unpublished", "--api-base", &market.v2(), &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("Nothing is live for com.example.unpublished (404)"), "{run:?}");
    assert!(run.stderr.contains("check the app key"), "{run:?}");
    assert!(run.stdout.contains("  now:   Response not provided by the partner\n  after: Yes"), "{run:?}");
}

#[test]
fn a_server_error_is_retried_with_the_app_named_then_explained() {
    let market = Market::start();
    market.seed_live(KEY, &to_trust_info(&sample::complete(0)));
    market.faults(serde_json::json!({"status": 500, "retryAfterSeconds": 1, "times": 1}));
    let file = fixture("partial-export.json");
    let run = cli(&["diff", "--app", KEY, "--api-base", &market.v2(), &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains(&format!("{KEY}: the Marketplace answered 500 to GET; trying again in 1.0 s.")),
        "{run:?}"
    );
    assert!(run.stdout.contains("would change"), "{run:?}");
}

#[test]
fn the_detailed_exit_code_says_whether_anything_would_change() {
    let market = Market::start();
    let live = sample::complete(2);
    market.seed_live(KEY, &to_trust_info(&live));
    let dir = scratch("diff-exit-code");
    let same = export_file(&dir, "same.json", &live);
    let other = export_file(&dir, "other.json", &sample::complete(1));
    let unchanged = cli(&["diff", "--detailed-exitcode", "--app", KEY, "--api-base", &market.v2(), &same]);
    assert_eq!(unchanged.code, 0, "{unchanged:?}");
    let changed = cli(&["diff", "--detailed-exitcode", "--app", KEY, "--api-base", &market.v2(), &other]);
    assert_eq!(changed.code, 3, "{changed:?}");
    // Without the flag, a change is no failure.
    let plain = cli(&["diff", "--app", KEY, "--api-base", &market.v2(), &other]);
    assert_eq!(plain.code, 0, "{plain:?}");
}

#[test]
fn several_apps_in_markdown_and_json_for_a_pull_request() {
    let market = Market::start();
    let live = sample::complete(2);
    market.seed_live(KEY, &to_trust_info(&live));
    market.seed_live("com.example.b", &to_trust_info(&sample::complete(1)));
    let file = export_file(&scratch("diff-many"), "answers.json", &live);
    let markdown = cli(&[
        "diff",
        "--format",
        "markdown",
        "--app",
        KEY,
        "--app",
        "com.example.b",
        "--api-base",
        &market.v2(),
        &file,
    ]);
    assert_eq!(markdown.code, 0, "{markdown:?}");
    assert!(markdown.stdout.contains(&format!("#### {KEY}\n\nNo change on the live tab.")), "{markdown:?}");
    assert!(markdown.stdout.contains("#### com.example.b\n\n"), "{markdown:?}");
    assert!(markdown.stdout.contains("| Question | Now | After |"), "{markdown:?}");
    assert!(markdown.stdout.contains("| app | valid | changes | not sent | result |"), "{markdown:?}");
    assert!(markdown.stdout.contains(&format!("| {KEY} | yes | 0 |")), "{markdown:?}");

    let json =
        cli(&["diff", "--format", "json", "--app", KEY, "--app", "com.example.b", "--api-base", &market.v2(), &file]);
    assert_eq!(json.code, 0, "{json:?}");
    let report = json.json();
    assert_eq!(report["anyChange"], true);
    assert_eq!(report["apps"][0]["app"], KEY);
    assert_eq!(report["apps"][0]["changes"], 0);
    let expected = changes(&from_trust_info(&to_trust_info(&sample::complete(1))), &live);
    assert_eq!(report["apps"][1]["changes"], expected.len());
    assert_eq!(report["apps"][1]["questions"][0]["question"]["id"], expected[0].question.id.as_str());
    assert_eq!(report["apps"][1]["questions"][0]["after"], expected[0].after);
}

#[test]
fn the_draft_is_compared_with_credentials() {
    let market = Market::start();
    market.seed_live(KEY, &to_trust_info(&sample::complete(0)));
    let dir = scratch("diff-draft");
    let pushed = export_file(&dir, "pushed.json", &sample::complete(1));
    assert_eq!(push_confirmed(&market, &["--app", KEY, &pushed]).code, 0);
    let anonymous = cli(&["diff", "--draft", "--app", KEY, "--api-base", &market.v2(), &pushed]);
    assert_eq!(anonymous.code, 2, "{anonymous:?}");
    let run = cli_with(&["diff", "--draft", "--app", KEY, "--api-base", &market.v2(), &pushed], CREDENTIALS);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains(&format!("would change nothing on the Marketplace draft of {KEY}")), "{run:?}");
    let live = cli(&["diff", "--app", KEY, "--api-base", &market.v2(), &pushed]);
    assert!(live.stdout.contains("on the live tab"), "{live:?}");
    assert!(!live.stdout.contains("would change nothing"), "{live:?}");
}
