use std::time::{Duration, Instant};

use marketplace_stand_in::Config;
use questionnaire::catalogue::{ids, QuestionId};
use questionnaire::draft::{export_json, Draft};
use questionnaire::wire::{to_trust_info, unsent, PUT_BODY_KEY, V3_BODY_KEY};
use questionnaire::{sample, Answer, Answers};
use serde_json::{json, Value};

use crate::common::*;

fn named(id: QuestionId) -> String {
    let question = questionnaire::catalogue::question(id);
    format!("{} [{}]", question.listing_label, question.id)
}

/// Valid but for the security contact; the privacy policy link has no known wire field.
fn answers_with_an_invalid_contact() -> Answers {
    let mut answers = sample::complete(1);
    answers.set(ids::SECURITY_CONTACT, Answer::Text("not an address".into()));
    answers
}

/// A live record with a field this app does not know.
fn live_record() -> Value {
    let mut live = to_trust_info(&sample::complete(0));
    live["security"]["permissionsJustification"] = json!("Reads pages to index them.");
    live
}

/// A Marketplace whose live version is [`live_record`], and that version pulled into a file, as
/// a vendor keeps it: the Marketplace and the file's path.
fn live_record_pulled(test: &str) -> (Market, String) {
    let market = Market::start();
    market.seed_live(KEY, &live_record());
    let pulled = scratch(test).join("pulled.json");
    let pull = pull_live(&market, KEY, &pulled);
    assert_eq!(pull.code, 0, "{pull:?}");
    (market, pulled.to_str().unwrap().to_owned())
}

/// A Marketplace whose live version is [`live_record`], and a file of
/// [`answers_with_an_invalid_contact`]: the Marketplace, the answers and the file's path.
fn live_record_and_a_file_with_an_invalid_contact(test: &str) -> (Market, Answers, String) {
    let market = Market::start();
    market.seed_live(KEY, &live_record());
    let answers = answers_with_an_invalid_contact();
    let file = export_file(&scratch(test), "answers.json", &answers);
    (market, answers, file)
}

/// A body written down once and read by eye, not computed by the code under test.
fn golden(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn sends_the_answers_over_the_current_record_as_written_down() {
    let market = Market::start();
    market.seed_live(KEY, &live_record());
    let file = export_file(&scratch("push-golden"), "answers.json", &sample::complete(1));
    let run = push_confirmed(&market, &["--app", KEY, &file]);
    assert_eq!(run.code, 0, "{run:?}");
    let held = market.app(KEY);
    assert_eq!(held["putCount"], 1);
    assert_eq!(json!({PUT_BODY_KEY: held["draft"]}), golden("v2-complete-1-over-live-record.json"));
    assert_eq!(held["draft"]["security"]["permissionsJustification"], "Reads pages to index them.");
    assert!(run.stdout.contains(&format!("Sent (a new version on the Marketplace): 1 of 1: {KEY}.")), "{run:?}");
}

#[test]
fn a_file_check_rejects_is_refused_and_nothing_is_sent() {
    let (market, _, file) = live_record_and_a_file_with_an_invalid_contact("push-invalid");
    let run = push_confirmed(&market, &["--app", KEY, &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("does not pass `privacy-tab check`"), "{run:?}");
    assert!(run.stderr.contains(&named(ids::SECURITY_CONTACT)), "{run:?}");
    assert!(run.stderr.contains("--allow-invalid"), "{run:?}");
    assert_eq!(market.app(KEY)["putCount"], 0);
}

#[test]
fn allowed_invalid_answers_send_only_the_valid_ones_and_list_the_rest() {
    let (market, answers, file) = live_record_and_a_file_with_an_invalid_contact("push-allow-invalid");
    let run = push_confirmed(&market, &["--allow-invalid", "--app", KEY, &file]);
    assert_eq!(run.code, 0, "{run:?}");
    let held = market.app(KEY);
    assert_eq!(held["putCount"], 1);
    assert_eq!(held["draft"]["security"]["permissionsJustification"], "Reads pages to index them.");
    assert!(!held["draft"].to_string().contains("not an address"), "the invalid contact is not sent: {held}");
    let kept = &live_record()["security"]["securityContact"];
    assert_eq!(
        &held["draft"]["security"]["securityContact"], kept,
        "the invalid contact is not sent: the Marketplace keeps its own"
    );
    let listed = unsent(&answers);
    assert!(listed.len() >= 2, "the contact and the privacy policy at least");
    for left_out in listed {
        assert!(run.stderr.contains(&named(left_out.question.id)), "{}: {run:?}", left_out.question.id);
    }
}

#[test]
fn the_current_record_is_the_base_even_when_the_file_was_pulled_earlier() {
    let (market, pulled) = live_record_pulled("push-fresh-base");
    // The partner edits an answer in the pulled file.
    let mut draft = Draft::parse(&std::fs::read_to_string(&pulled).unwrap()).unwrap();
    draft.answers.set(ids::SECURITY_CONTACT, Answer::Text("privacy@example.com".into()));
    std::fs::write(&pulled, export_json(&draft)).unwrap();
    // Meanwhile someone changes a field this app cannot show.
    let mut changed = live_record();
    changed["security"]["permissionsJustification"] = json!("Reads pages and comments.");
    market.seed_live(KEY, &changed);

    let run = push_confirmed(&market, &["--app", KEY, &pulled]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains("changed on the Marketplace since the file was read: security.permissionsJustification"),
        "{run:?}"
    );
    let held = market.app(KEY);
    assert_eq!(held["draft"]["security"]["permissionsJustification"], "Reads pages and comments.");
    assert_eq!(held["draft"]["security"]["securityContact"], "privacy@example.com");
}

#[test]
fn a_dry_run_shows_the_plan_and_the_body_and_sends_nothing() {
    let market = Market::start();
    market.seed_live(KEY, &live_record());
    let file = export_file(&scratch("push-dry-run"), "answers.json", &sample::complete(1));
    let run = cli_with(&["push", "--dry-run", "--app", KEY, "--api-base", &market.v2(), &file], CREDENTIALS);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("would change"), "{run:?}");
    assert!(run.stdout.contains(&format!("Would send (nothing sent): 1 of 1: {KEY}.")), "{run:?}");

    let json_run = cli_with(
        &["push", "--dry-run", "--format", "json", "--app", KEY, "--api-base", &market.v2(), &file],
        CREDENTIALS,
    );
    assert_eq!(json_run.code, 0, "{json_run:?}");
    let plan = json_run.json();
    assert_eq!(plan["dryRun"], true);
    assert_eq!(plan["apps"][0]["app"], KEY);
    assert_eq!(plan["apps"][0]["body"], golden("v2-complete-1-over-live-record.json"));
    assert_eq!(market.app(KEY)["putCount"], 0);
    assert!(market.app(KEY)["draft"].is_null());
}

#[test]
fn busy_answers_are_retried_as_long_as_retry_after_asks_and_the_lines_name_the_app() {
    let market = Market::start();
    // The second pause is where a back-off of its own would wait 2 s: Retry-After says 1.
    market.faults(json!([
        {"status": 503, "retryAfterSeconds": 1, "times": 1, "methods": ["PUT"]},
        {"status": 429, "retryAfterSeconds": 1, "times": 1, "methods": ["PUT"]}
    ]));
    let file = export_file(&scratch("push-retry"), "answers.json", &sample::complete(1));
    let started = Instant::now();
    let run = push_confirmed(&market, &["--allow-missing", "--app", KEY, &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(started.elapsed() >= Duration::from_secs(2), "both pauses were taken");
    assert!(
        run.stderr.contains(&format!("{KEY}: the Marketplace answered 503 to PUT; trying again in 1.0 s")),
        "{run:?}"
    );
    assert!(
        run.stderr.contains(&format!("{KEY}: the Marketplace answered 429 to PUT; trying again in 1.0 s")),
        "{run:?}"
    );
    assert_eq!(market.app(KEY)["putCount"], 1);
}

#[test]
fn a_marketplace_that_stays_busy_is_given_up_on_with_what_to_do() {
    let market = Market::start();
    market.faults(json!({"status": 429, "retryAfterSeconds": 1, "methods": ["PUT"]}));
    let file = export_file(&scratch("push-busy"), "answers.json", &sample::complete(0));
    let run = push_confirmed(&market, &["--allow-missing", "--app", KEY, &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("too many requests (429), still after 4 tries: try again later"), "{run:?}");
    assert!(run.stdout.contains(&format!("0 of 1: none. Failed: {KEY}.")), "{run:?}");
}

#[test]
fn one_failing_app_never_stops_the_others_and_the_summary_names_them() {
    let keys = ["com.example.a", "com.example.b", "com.example.c"];
    let market = Market::start_with(Config {
        known_app_keys: Some(keys.iter().map(|key| key.to_string()).collect()),
        ..Config::default()
    });
    let dir = scratch("push-many");
    let apps = write(
        &dir,
        "apps.txt",
        "# our cloud apps\ncom.example.a\n\ncom.example.ghost\n  com.example.b  # the second\ncom.example.c",
    );
    let file = export_file(&dir, "answers.json", &sample::complete(1));
    // The first request (a's read of its current record) loses its connection.
    market.faults(json!([{"drop": true, "times": 1}]));
    let run = push_confirmed(&market, &["--allow-other-app", "--allow-missing", "--jobs", "1", "--apps", &apps, &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("com.example.a: The Marketplace could not be reached at"), "{run:?}");
    assert!(run.stderr.contains("check --api-base and the network"), "{run:?}");
    assert!(
        run.stderr.contains("com.example.ghost: The Marketplace does not know the app key “com.example.ghost” (404)"),
        "{run:?}"
    );
    assert!(
        run.stdout.contains("2 of 4: com.example.b, com.example.c. Failed: com.example.a, com.example.ghost."),
        "{run:?}"
    );
    // One summary table, a line per app.
    assert!(run.stdout.contains("app                valid  changes  not sent  result\n"), "{run:?}");
    assert!(run.stdout.contains("\ncom.example.b      yes"), "{run:?}");
    assert_eq!(market.app("com.example.a")["putCount"], 0);
    assert_eq!(market.app("com.example.b")["putCount"], 1);
    assert_eq!(market.app("com.example.c")["putCount"], 1);
}

#[test]
fn refused_credentials_stop_the_run_with_what_to_check_and_never_show_the_token() {
    let market = Market::start();
    let secret = "wrong-secret-token-4711";
    let file = export_file(&scratch("push-401"), "answers.json", &sample::complete(0));
    let run = cli_with(
        &[
            "push",
            "--yes",
            "--allow-other-app",
            "--jobs",
            "1",
            "--app",
            KEY,
            "--app",
            "com.example.b",
            "--api-base",
            &market.v2(),
            &file,
        ],
        &[("ATLASSIAN_EMAIL", EMAIL), ("ATLASSIAN_API_TOKEN", secret)],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stderr.matches("(401): check ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN").count(), 1, "{run:?}");
    assert!(run.stderr.contains("The credentials were refused, so no further app was tried."), "{run:?}");
    assert!(run.stdout.contains(&format!("Failed: {KEY}, com.example.b.")), "{run:?}");
    assert!(!run.stderr.contains(secret) && !run.stdout.contains(secret), "{run:?}");
    assert_eq!(market.app(KEY)["putCount"], 0);
}

#[test]
fn without_credentials_on_a_pipe_nothing_is_sent_and_the_variables_are_named() {
    let market = Market::start();
    let file = export_file(&scratch("push-no-credentials"), "answers.json", &sample::complete(0));
    let run = cli(&["push", "--yes", "--app", KEY, "--api-base", &market.v2(), &file]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("set ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN"), "{run:?}");
    assert_eq!(market.app(KEY)["putCount"], 0);
}

#[test]
fn a_refused_body_names_the_questions_the_marketplace_objected_to() {
    let market = Market::start();
    market.faults(json!({"fieldErrors": [{"path": "appTrustInformation.security.securityContact", "message": "must be an e-mail address"}], "methods": ["PUT"], "times": 1}));
    let file = export_file(&scratch("push-400"), "answers.json", &sample::complete(0));
    let run = push_confirmed(&market, &["--allow-missing", "--app", KEY, &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains(&format!("{}: must be an e-mail address", named(ids::SECURITY_CONTACT))), "{run:?}");
    assert!(run.stderr.contains("Correct them in the file"), "{run:?}");
}

#[test]
fn v3_from_config_json_puts_the_draft_then_publishes_it() {
    let market = Market::start();
    let dir = scratch("push-v3");
    let config = write(&dir, "config.json", &json!({"apiBase": market.v3(), "apiVersion": 3}).to_string());
    let file = export_file(&dir, "answers.json", &sample::complete(2));
    let product = "6a1b2c3d-0000-4000-8000-000000000001";
    let run = cli_with(
        &["push", "--yes", "--allow-missing", "--allow-other-app", "--app", product, "--config", &config, &file],
        CREDENTIALS,
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains(&format!("Sent and published: 1 of 1: {product}.")), "{run:?}");
    let held = market.product(product);
    assert!(held["draft"].is_null(), "published: {held}");
    assert_eq!(json!({V3_BODY_KEY: held["live"]}), golden("v3-complete-2.json"));

    // And diff reads v3's live version through the same config.
    let diff = cli(&["diff", "--app", product, "--config", &config, &file]);
    assert!(diff.stdout.contains("would change nothing"), "{diff:?}");
}

#[test]
fn a_dry_run_without_credentials_plans_against_the_live_version() {
    let (market, pulled) = live_record_pulled("push-dry-run-anonymous");
    let run = cli(&["push", "--dry-run", "--app", KEY, "--api-base", &market.v2(), &pulled]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("No credentials: compared with the live version"), "{run:?}");
    assert!(run.stdout.contains(&format!("would change nothing on the live tab of {KEY}")), "{run:?}");
    assert_eq!(market.app(KEY)["putCount"], 0);
}

#[test]
fn an_unchanged_app_is_skipped_and_only_changed_ones_are_sent() {
    let market = Market::start();
    let unchanged = sample::complete(1);
    market.seed_live(KEY, &to_trust_info(&unchanged));
    market.seed_live("com.example.b", &to_trust_info(&sample::complete(0)));
    let file = export_file(&scratch("push-unchanged"), "answers.json", &unchanged);
    let run = push_confirmed(&market, &["--allow-other-app", "--app", KEY, "--app", "com.example.b", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains(&format!("would change nothing on the Marketplace's current version of {KEY}")),
        "{run:?}"
    );
    assert!(run.stdout.contains("Sent (a new version on the Marketplace): 1 of 1: com.example.b."), "{run:?}");
    assert!(run.stdout.contains(&format!("Unchanged, not sent: {KEY}.")), "{run:?}");
    assert_eq!(market.app(KEY)["putCount"], 0, "no new version for an unchanged file");
    assert_eq!(market.app("com.example.b")["putCount"], 1);
}

#[test]
fn the_plan_is_shown_question_by_question_before_anything_is_sent() {
    let market = Market::start();
    let live = sample::complete(1);
    market.seed_live(KEY, &to_trust_info(&live));
    let mut edited = live.clone();
    edited.set(ids::SECURITY_CONTACT, Answer::Text("privacy@example.com".into()));
    let file = export_file(&scratch("push-plan"), "answers.json", &edited);
    let run = push_confirmed(&market, &["--app", KEY, &file]);
    assert_eq!(run.code, 0, "{run:?}");
    let block = format!(
        "{}\n  now:   {}\n  after: privacy@example.com",
        named(ids::SECURITY_CONTACT),
        live.text(ids::SECURITY_CONTACT)
    );
    assert!(run.stdout.contains("would change 1 answer on the Marketplace's current version"), "{run:?}");
    assert!(run.stdout.contains(&block), "{block}\n{run:?}");
}

#[test]
fn without_yes_and_without_a_terminal_nothing_is_sent_and_the_flag_is_named() {
    let market = Market::start();
    market.seed_live(KEY, &to_trust_info(&sample::complete(0)));
    let file = export_file(&scratch("push-confirm"), "answers.json", &sample::complete(1));
    let run = cli_with(&["push", "--app", KEY, "--api-base", &market.v2(), &file], CREDENTIALS);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stdout.contains("would change"), "the plan is shown first: {run:?}");
    assert!(run.stderr.contains("Nothing was sent: publishing needs a confirmation"), "{run:?}");
    assert!(run.stderr.contains("--yes"), "{run:?}");
    assert_eq!(market.app(KEY)["putCount"], 0);
}

#[test]
fn a_file_made_for_another_app_is_refused_unless_told_so() {
    let market = Market::start();
    let other = "com.example.other";
    let mut own = sample::complete(0);
    own.set(ids::SECURITY_CONTACT, Answer::Text("other-security@example.com".into()));
    market.seed_live(other, &to_trust_info(&own));
    // An export made for KEY.
    let file = export_file(&scratch("push-foreign"), "answers.json", &sample::complete(1));
    let run = push_confirmed(&market, &["--app", other, &file]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains(&format!("was made for {KEY}, not for {other}")), "{run:?}");
    assert!(run.stderr.contains("--allow-other-app"), "{run:?}");
    assert_eq!(market.app(other)["putCount"], 0);

    let allowed = push_confirmed(&market, &["--allow-other-app", "--app", other, &file]);
    assert_eq!(allowed.code, 0, "{allowed:?}");
    assert!(allowed.stdout.contains("other-security@example.com"), "the plan shows the contact replaced: {allowed:?}");
    assert_eq!(market.app(other)["putCount"], 1);
}

#[test]
fn a_wrong_api_base_is_an_error_not_an_empty_marketplace() {
    let market = Market::start();
    market.seed_live(KEY, &to_trust_info(&sample::complete(0)));
    let file = export_file(&scratch("push-wrong-base"), "answers.json", &sample::complete(1));
    let wrong = format!("{}/rest/9", market.origin);
    let run = cli_with(&["push", "--yes", "--app", KEY, "--api-base", &wrong, &file], CREDENTIALS);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("answered 404 for the app key"), "{run:?}");
    assert!(run.stderr.contains("--allow-missing"), "{run:?}");
    assert_eq!(market.app(KEY)["putCount"], 0);
}

/// `push` on a terminal (util-linux `script` gives it one), answering the question with `reply`.
#[cfg(target_os = "linux")]
fn push_on_a_terminal(market: &Market, file: &str, reply: &str) -> Run {
    use std::io::Write;
    let binary = env!("CARGO_BIN_EXE_privacy-tab");
    let command_line = format!("'{binary}' push --app {KEY} --api-base '{}' '{file}'", market.v2());
    let mut child = std::process::Command::new("script")
        .args(["-qec", &command_line, "/dev/null"])
        .envs(CREDENTIALS.iter().copied())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("util-linux script runs");
    child.stdin.take().unwrap().write_all(reply.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[cfg(target_os = "linux")]
#[test]
fn on_a_terminal_push_asks_and_only_yes_publishes() {
    let market = Market::start();
    market.seed_live(KEY, &to_trust_info(&sample::complete(0)));
    let file = export_file(&scratch("push-terminal"), "answers.json", &sample::complete(1));
    let declined = push_on_a_terminal(&market, &file, "y\n");
    assert!(declined.stdout.contains("Publish these changes to 1 app? Only “yes” goes on:"), "{declined:?}");
    assert!(declined.stdout.contains("Nothing was sent."), "{declined:?}");
    assert_eq!(declined.code, 2, "{declined:?}");
    assert_eq!(market.app(KEY)["putCount"], 0);

    let confirmed = push_on_a_terminal(&market, &file, "yes\n");
    assert_eq!(confirmed.code, 0, "{confirmed:?}");
    assert!(
        confirmed.stdout.contains(&format!("Sent (a new version on the Marketplace): 1 of 1: {KEY}.")),
        "{confirmed:?}"
    );
    assert_eq!(market.app(KEY)["putCount"], 1);
}
