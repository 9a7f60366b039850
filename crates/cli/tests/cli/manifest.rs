//! A manifest (`privacy-tab.toml`) for a vendor with many apps: each app's key and answers, or
//! a shared base with per-app overrides; `check`, `diff` and `push` run over it and end with
//! one summary table.

use questionnaire::catalogue::ids;
use questionnaire::wire::to_trust_info;
use questionnaire::{sample, Answer, Answers};

use crate::common::*;

const A: &str = "com.example.a";
const B: &str = "com.example.b";

/// A folder with a shared base (the sample), an override file giving B its own security
/// contact, and a manifest naming both apps.
fn manifest_folder(test: &str, market: &Market) -> String {
    let dir = scratch(test);
    export_file(&dir, "common.json", &sample::complete(1));
    let mut own = Answers::new();
    own.set(ids::SECURITY_CONTACT, Answer::Text("b-security@example.com".into()));
    export_file(&dir, "b.json", &own);
    write(
        &dir,
        "privacy-tab.toml",
        &format!(
            "# Our cloud apps\napi-base = \"{}\"\nbase = \"common.json\"\n\n[[app]]\nkey = \"{A}\"\n\n\
             [[app]]\nkey = \"{B}\"\noverrides = \"b.json\"  # B has its own security contact\n",
            market.v2()
        ),
    )
}

#[test]
fn push_runs_over_the_manifest_skips_unchanged_apps_and_ends_with_one_table() {
    let market = Market::start();
    market.seed_live(A, &to_trust_info(&sample::complete(1)));
    market.seed_live(B, &to_trust_info(&sample::complete(1)));
    let manifest = manifest_folder("manifest-push", &market);
    let run = cli_with(&["push", "--yes", "--manifest", &manifest], CREDENTIALS);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains(&format!("would change nothing on the Marketplace's current version of {A}")),
        "{run:?}"
    );
    assert!(run.stdout.contains("common.json + b.json would change 1 answer"), "{run:?}");
    assert!(run.stdout.contains("app            valid  changes  not sent  result\n"), "{run:?}");
    assert!(run.stdout.contains(&format!("{A}  yes    0")), "{run:?}");
    assert!(run.stdout.contains("unchanged, not sent"), "{run:?}");
    assert!(run.stdout.contains(&format!("{B}  yes    1")), "{run:?}");
    assert_eq!(market.app(A)["putCount"], 0);
    assert_eq!(market.app(B)["putCount"], 1);
    assert_eq!(market.app(B)["draft"]["security"]["securityContact"], "b-security@example.com");
}

#[test]
fn check_and_diff_run_over_the_manifest_in_markdown_and_json() {
    let market = Market::start();
    market.seed_live(A, &to_trust_info(&sample::complete(1)));
    market.seed_live(B, &to_trust_info(&sample::complete(1)));
    let manifest = manifest_folder("manifest-check-diff", &market);

    let check = cli(&["check", "--manifest", &manifest]);
    assert_eq!(check.code, 0, "{check:?}");
    assert!(check.stdout.contains(&format!("{A} (common.json): valid")), "{check:?}");
    assert!(check.stdout.contains(&format!("{B} (common.json + b.json): valid")), "{check:?}");

    let diff = cli(&["diff", "--format", "markdown", "--detailed-exitcode", "--manifest", &manifest]);
    assert_eq!(diff.code, 3, "{diff:?}");
    assert!(diff.stdout.contains(&format!("| {A} | yes | 0 |")), "{diff:?}");
    assert!(diff.stdout.contains(&format!("| {B} | yes | 1 |")), "{diff:?}");
    assert!(diff.stdout.contains("b-security@example.com"), "{diff:?}");

    let json = cli(&["diff", "--format", "json", "--manifest", &manifest]);
    let report = json.json();
    assert_eq!(report["apps"][1]["app"], B);
    assert_eq!(report["apps"][1]["source"], "common.json + b.json");
    assert_eq!(report["apps"][1]["questions"][0]["question"]["id"], ids::SECURITY_CONTACT.as_str());
}

/// The base answers a question that one app must leave unanswered: `unanswered` takes it away
/// for that app alone; an id that is no question is refused, named.
#[test]
fn an_app_can_leave_unanswered_what_the_base_answers() {
    let dir = scratch("manifest-unanswered");
    export_file(&dir, "common.json", &sample::complete(1));
    let manifest = write(
        &dir,
        "privacy-tab.toml",
        &format!(
            "base = \"common.json\"\n\n[[app]]\nkey = \"{A}\"\n\n[[app]]\nkey = \"{B}\"\nunanswered = [\"{}\"]\n",
            ids::SECURITY_CONTACT.as_str()
        ),
    );
    let check = cli(&["check", "--format", "json", "--manifest", &manifest]);
    let report = check.json();
    let contact_of = |index: usize| {
        let missing = report["files"][index]["completeness"]["expanded"]["missing"].as_array().cloned();
        missing.unwrap_or_default().iter().any(|missing| missing["id"] == ids::SECURITY_CONTACT.as_str())
    };
    assert!(!contact_of(0), "A keeps the base's contact: {check:?}");
    assert!(contact_of(1), "B's contact is unanswered: {check:?}");

    let typo = write(
        &dir,
        "typo.toml",
        &format!("base = \"common.json\"\n[[app]]\nkey = \"{A}\"\nunanswered = [\"security_contcat\"]\n"),
    );
    let run = cli(&["check", "--manifest", &typo]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("leaves “security_contcat” unanswered, but no question has that id"), "{run:?}");
}

#[test]
fn an_unknown_key_in_the_manifest_is_named_with_the_ones_allowed() {
    let dir = scratch("manifest-strict");
    export_file(&dir, "common.json", &sample::complete(1));
    let manifest = write(
        &dir,
        "privacy-tab.toml",
        "base = \"common.json\"\n\n[[app]]\nkey = \"com.example.a\"\nanswer = \"a.json\"\n",
    );
    let run = cli(&["check", "--manifest", &manifest]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("unknown field `answer`"), "{run:?}");
    assert!(run.stderr.contains("`answers`") && run.stderr.contains("`overrides`"), "{run:?}");
}

#[test]
fn run_where_privacy_tab_toml_is_every_command_reads_it() {
    let market = Market::start();
    market.seed_live(A, &to_trust_info(&sample::complete(1)));
    market.seed_live(B, &to_trust_info(&sample::complete(1)));
    let manifest = manifest_folder("manifest-default", &market);
    let dir = std::path::Path::new(&manifest).parent().unwrap();
    let check = cli_in(dir, &["check"], &[]);
    assert_eq!(check.code, 0, "{check:?}");
    assert!(check.stdout.contains(&format!("{B} (common.json + b.json): valid")), "{check:?}");
    let diff = cli_in(dir, &["diff", "--detailed-exitcode"], &[]);
    assert_eq!(diff.code, 3, "{diff:?}");
    let push = cli_in(dir, &["push", "--dry-run"], CREDENTIALS);
    assert_eq!(push.code, 0, "{push:?}");
    assert!(
        push.stdout.contains(&format!("Would send (nothing sent): 1 of 1: {B}. Unchanged, not sent: {A}.")),
        "{push:?}"
    );

    let elsewhere = cli_in(&scratch("manifest-none"), &["check"], &[]);
    assert_eq!(elsewhere.code, 2, "{elsewhere:?}");
    assert!(elsewhere.stderr.contains("privacy-tab.toml"), "{elsewhere:?}");
}
