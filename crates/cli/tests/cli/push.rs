use std::time::{Duration, Instant};

use marketplace_stand_in::Config;
use questionnaire::catalogue::{ids, QuestionId};
use questionnaire::wire::{to_put_body_over, to_trust_info, to_v3_put_body_over, unsent, PUT_BODY_KEY, V3_BODY_KEY};
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

#[test]
fn sends_only_valid_answers_over_the_current_record_and_lists_the_rest() {
    let (market, answers, file) = live_record_and_a_file_with_an_invalid_contact("push-valid-only");
    let run = cli_with(&["push", "--app", KEY, "--api-base", &market.v2(), &file], CREDENTIALS);
    assert_eq!(run.code, 0, "{run:?}");

    let held = market.app(KEY);
    assert_eq!(held["putCount"], 1);
    assert_eq!(held["draft"], to_put_body_over(&live_record(), &answers)[PUT_BODY_KEY]);
    assert_eq!(held["draft"]["security"]["permissionsJustification"], "Reads pages to index them.");
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
    assert!(run.stdout.contains(&format!("Sent (a new version on the Marketplace): 1 of 1: {KEY}.")), "{run:?}");
}

#[test]
fn the_current_record_is_the_base_even_when_the_file_was_pulled_earlier() {
    let (market, pulled) = live_record_pulled("push-fresh-base");
    // Meanwhile someone changes a field this app cannot show.
    let mut changed = live_record();
    changed["security"]["permissionsJustification"] = json!("Reads pages and comments.");
    market.seed_live(KEY, &changed);

    let run = cli_with(&["push", "--app", KEY, "--api-base", &market.v2(), &pulled], CREDENTIALS);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains("changed on the Marketplace since the file was read: security.permissionsJustification"),
        "{run:?}"
    );
    assert_eq!(market.app(KEY)["draft"]["security"]["permissionsJustification"], "Reads pages and comments.");
}

#[test]
fn a_dry_run_prints_the_body_and_sends_nothing() {
    let (market, answers, file) = live_record_and_a_file_with_an_invalid_contact("push-dry-run");
    let run = cli_with(&["push", "--dry-run", "--app", KEY, "--api-base", &market.v2(), &file], CREDENTIALS);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.json(), to_put_body_over(&live_record(), &answers));
    assert!(run.stderr.contains("nothing sent"), "{run:?}");
    assert_eq!(market.app(KEY)["putCount"], 0);
    assert!(market.app(KEY)["draft"].is_null());
}

#[test]
fn busy_answers_are_retried_as_long_as_retry_after_asks() {
    let market = Market::start();
    // The second pause is where a back-off of its own would wait 2 s: Retry-After says 1.
    market.faults(json!([
        {"status": 503, "retryAfterSeconds": 1, "times": 1, "methods": ["PUT"]},
        {"status": 429, "retryAfterSeconds": 1, "times": 1, "methods": ["PUT"]}
    ]));
    let file = export_file(&scratch("push-retry"), "answers.json", &sample::complete(1));
    let started = Instant::now();
    let run = cli_with(&["push", "--app", KEY, "--api-base", &market.v2(), &file], CREDENTIALS);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(started.elapsed() >= Duration::from_secs(2), "both pauses were taken");
    assert!(run.stderr.contains("answered 503 to PUT; trying again in 1.0 s"), "{run:?}");
    assert!(run.stderr.contains("answered 429 to PUT; trying again in 1.0 s"), "{run:?}");
    assert_eq!(market.app(KEY)["putCount"], 1);
}

#[test]
fn a_marketplace_that_stays_busy_is_given_up_on_with_what_to_do() {
    let market = Market::start();
    market.faults(json!({"status": 429, "retryAfterSeconds": 1, "methods": ["PUT"]}));
    let file = export_file(&scratch("push-busy"), "answers.json", &sample::complete(0));
    let run = cli_with(&["push", "--app", KEY, "--api-base", &market.v2(), &file], CREDENTIALS);
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
        "# our cloud apps\ncom.example.a\n\ncom.example.ghost\n  com.example.b  \ncom.example.c\n",
    );
    let file = export_file(&dir, "answers.json", &sample::complete(1));
    // The first request (a's read of its current record) loses its connection.
    market.faults(json!([{"drop": true, "times": 1}]));
    let run = cli_with(&["push", "--apps", &apps, "--api-base", &market.v2(), &file], CREDENTIALS);
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
    assert_eq!(market.app("com.example.a")["putCount"], 0);
    assert_eq!(market.app("com.example.b")["putCount"], 1);
    assert_eq!(market.app("com.example.c")["putCount"], 1);
    // Piped: no progress lines.
    assert!(!run.stderr.contains("[1/4]"), "{run:?}");
}

#[test]
fn refused_credentials_fail_each_app_with_what_to_check_and_never_show_the_token() {
    let market = Market::start();
    let secret = "wrong-secret-token-4711";
    let file = export_file(&scratch("push-401"), "answers.json", &sample::complete(0));
    let run = cli_with(
        &["push", "--app", "com.example.a", "--app", "com.example.b", "--api-base", &market.v2(), &file],
        &[("ATLASSIAN_EMAIL", EMAIL), ("ATLASSIAN_API_TOKEN", secret)],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stderr.matches("(401): check ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN").count(), 2, "{run:?}");
    assert!(!run.stderr.contains(secret) && !run.stdout.contains(secret), "{run:?}");
    assert_eq!(market.app("com.example.a")["putCount"], 0);
}

#[test]
fn without_credentials_on_a_pipe_nothing_is_sent_and_the_variables_are_named() {
    let market = Market::start();
    let file = export_file(&scratch("push-no-credentials"), "answers.json", &sample::complete(0));
    let run = cli(&["push", "--app", KEY, "--api-base", &market.v2(), &file]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("set ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN"), "{run:?}");
    assert_eq!(market.app(KEY)["putCount"], 0);
}

#[test]
fn a_refused_body_names_the_questions_the_marketplace_objected_to() {
    let market = Market::start();
    market.faults(json!({"fieldErrors": [{"path": "appTrustInformation.security.securityContact", "message": "must be an e-mail address"}], "methods": ["PUT"], "times": 1}));
    let file = export_file(&scratch("push-400"), "answers.json", &sample::complete(0));
    let run = cli_with(&["push", "--app", KEY, "--api-base", &market.v2(), &file], CREDENTIALS);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains(&format!("{}: must be an e-mail address", named(ids::SECURITY_CONTACT))), "{run:?}");
    assert!(run.stderr.contains("Correct them in the file"), "{run:?}");
}

#[test]
fn v3_from_config_json_puts_the_draft_then_publishes_it() {
    let market = Market::start();
    let dir = scratch("push-v3");
    let config = write(&dir, "config.json", &json!({"apiBase": market.v3(), "apiVersion": 3}).to_string());
    let answers = sample::complete(2);
    let file = export_file(&dir, "answers.json", &answers);
    let product = "6a1b2c3d-0000-4000-8000-000000000001";
    let run = cli_with(&["push", "--app", product, "--config", &config, &file], CREDENTIALS);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains(&format!("Sent and published: 1 of 1: {product}.")), "{run:?}");
    let held = market.product(product);
    assert!(held["draft"].is_null(), "published: {held}");
    assert_eq!(held["live"], to_v3_put_body_over(&Value::Null, &answers)[V3_BODY_KEY]);

    // And diff reads v3's live version through the same config.
    let diff = cli(&["diff", "--app", product, "--config", &config, &file]);
    assert!(diff.stdout.contains("would change nothing"), "{diff:?}");
}

#[test]
fn a_dry_run_without_credentials_builds_on_the_file_only_for_the_app_it_came_from() {
    let (market, pulled) = live_record_pulled("push-dry-run-anonymous");

    let own = cli(&["push", "--dry-run", "--app", KEY, "--api-base", &market.v2(), &pulled]);
    assert_eq!(own.code, 0, "{own:?}");
    assert!(own.stderr.contains("no credentials, so the current record was not read"), "{own:?}");
    assert_eq!(own.json()[PUT_BODY_KEY]["security"]["permissionsJustification"], "Reads pages to index them.");

    let other = cli(&["push", "--dry-run", "--app", "com.example.other", "--api-base", &market.v2(), &pulled]);
    assert_eq!(other.code, 0, "{other:?}");
    assert!(other.json()[PUT_BODY_KEY]["security"].get("permissionsJustification").is_none(), "{other:?}");
    assert_eq!(market.app(KEY)["putCount"], 0);
}
