use questionnaire::draft::{import, Draft, ImportKind};
use questionnaire::sample;
use questionnaire::wire::{from_trust_info, to_trust_info};
use serde_json::json;

use crate::common::*;

#[test]
fn writes_the_live_version_as_an_export_the_app_imports_unknown_fields_kept() {
    let market = Market::start();
    let mut live = to_trust_info(&sample::complete(1));
    live["security"]["permissionsJustification"] = json!("Reads pages to index them.");
    market.seed_live(KEY, &live);
    let dir = scratch("pull-live");
    let out = dir.join("pulled.json");
    let run = pull_live(&market, KEY, &out);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("Wrote the live version"), "{run:?}");

    let text = std::fs::read_to_string(&out).unwrap();
    let imported = import(&text, "another-key", 0.0).unwrap();
    assert_eq!(imported.kind, ImportKind::Export);
    assert_eq!(imported.draft.app_key, KEY);
    assert_eq!(imported.draft.answers, from_trust_info(&live));
    assert_eq!(
        imported.draft.raw_trust_info.unwrap()["security"]["permissionsJustification"],
        "Reads pages to index them."
    );
}

#[test]
fn the_marketplace_draft_needs_credentials_and_is_read_with_them() {
    let market = Market::start();
    market.seed_live(KEY, &to_trust_info(&sample::complete(0)));
    let dir = scratch("pull-draft");
    let pushed = export_file(&dir, "pushed.json", &sample::complete(3));
    let push = push_confirmed(&market, &["--app", KEY, &pushed]);
    assert_eq!(push.code, 0, "{push:?}");

    let anonymous = cli(&["pull", "--draft", "--app", KEY, "--api-base", &market.v2()]);
    assert_eq!(anonymous.code, 2, "{anonymous:?}");
    assert!(anonymous.stderr.contains("set ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN"), "{anonymous:?}");

    let run = cli_with(&["pull", "--draft", "--app", KEY, "--api-base", &market.v2()], CREDENTIALS);
    assert_eq!(run.code, 0, "{run:?}");
    let draft = Draft::parse(&run.stdout).unwrap();
    assert_eq!(draft.answers, from_trust_info(&market.app(KEY)["draft"]));
    assert_ne!(draft.answers, from_trust_info(&market.app(KEY)["live"]), "the draft, not live");
}

#[test]
fn refused_credentials_say_which_variables_to_check_and_the_token_is_never_shown() {
    let market = Market::start();
    market.seed_live(KEY, &to_trust_info(&sample::complete(0)));
    let secret = "wrong-secret-token-4711";
    let run = cli_with(
        &["pull", "--draft", "--app", KEY, "--api-base", &market.v2()],
        &[("ATLASSIAN_EMAIL", EMAIL), ("ATLASSIAN_API_TOKEN", secret)],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("(401): check ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN"), "{run:?}");
    assert!(!run.stderr.contains(secret) && !run.stdout.contains(secret), "{run:?}");
}

#[test]
fn an_unknown_app_is_named_in_the_404_message() {
    let market = Market::start();
    let run = cli(&["pull", "--app", "com.example.typo", "--api-base", &market.v2()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("does not know the app key “com.example.typo” (404): check it."), "{run:?}");
    assert_eq!(run.stdout, "");
}

#[test]
fn pulling_an_unchanged_record_again_changes_no_byte_of_the_file() {
    let market = Market::start();
    market.seed_live(KEY, &to_trust_info(&sample::complete(1)));
    let out = scratch("pull-again").join("pulled.json");
    assert_eq!(pull_live(&market, KEY, &out).code, 0);
    let first = std::fs::read(&out).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let again = cli(&["pull", "--force", "--app", KEY, "--api-base", &market.v2(), "-o", out.to_str().unwrap()]);
    assert_eq!(again.code, 0, "{again:?}");
    assert!(again.stderr.contains("unchanged"), "{again:?}");
    assert_eq!(std::fs::read(&out).unwrap(), first, "no savedAt churn");

    market.seed_live(KEY, &to_trust_info(&sample::complete(2)));
    let changed = cli(&["pull", "--force", "--app", KEY, "--api-base", &market.v2(), "-o", out.to_str().unwrap()]);
    assert_eq!(changed.code, 0, "{changed:?}");
    assert_ne!(std::fs::read(&out).unwrap(), first);
}
