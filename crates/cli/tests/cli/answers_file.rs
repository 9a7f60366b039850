//! The answers file made for hand editing (TOML): one copy of the answers, keyed by question id
//! in catalogue order, no timestamp, strict errors that name what they do not know.

use questionnaire::catalogue::ids;
use questionnaire::sample;
use questionnaire::wire::to_trust_info;

use crate::common::*;

#[test]
fn a_pulled_answers_file_is_one_copy_checks_and_pushes_without_churn() {
    let market = Market::start();
    market.seed_live(KEY, &to_trust_info(&sample::complete(1)));
    let out = scratch("answers-file").join("app.toml");
    let out_arg = out.to_str().unwrap();
    let pull = cli(&["pull", "--app", KEY, "--api-base", &market.v2(), "-o", out_arg]);
    assert_eq!(pull.code, 0, "{pull:?}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("# The Privacy & Security answers of com.example.cli-app"), "{text}");
    assert!(text.contains("format = \"privacy-tab-answers\"\nversion = 1\napp = \"com.example.cli-app\"\n"), "{text}");
    assert!(text.contains(&format!("\n{} = \"security@example.com\"\n", ids::SECURITY_CONTACT)), "{text}");
    assert!(text.contains("(one of \"yes\", \"no\")"), "responses listed: {text}");
    assert_eq!(text.matches("security@example.com").count(), 1, "one copy of each answer: {text}");
    assert!(!text.contains("savedAt") && !text.contains("appTrustInformation"), "{text}");

    let check = cli(&["check", out_arg]);
    assert_eq!(check.code, 0, "{check:?}");
    assert!(check.stdout.contains("app.toml (privacy-tab answers): valid"), "{check:?}");

    let again = cli(&["pull", "--force", "--app", KEY, "--api-base", &market.v2(), "-o", out_arg]);
    assert_eq!(again.code, 0, "{again:?}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text);

    // The file names its app: no --app needed.
    let diff = cli(&["diff", "--api-base", &market.v2(), out_arg]);
    assert!(diff.stdout.contains(&format!("would change nothing on the live tab of {KEY}")), "{diff:?}");
    let push = push_confirmed(&market, &["--app", KEY, out_arg]);
    assert_eq!(push.code, 0, "{push:?}");
    assert!(push.stdout.contains(&format!("Unchanged, not sent: {KEY}.")), "{push:?}");
    let elsewhere = push_confirmed(&market, &["--app", "com.example.other", out_arg]);
    assert_eq!(elsewhere.code, 2, "made for another app: {elsewhere:?}");
}

#[test]
fn a_misspelt_question_or_response_is_named_with_the_allowed_ones() {
    let dir = scratch("answers-file-strict");
    let file = write(
        &dir,
        "app.toml",
        "format = \"privacy-tab-answers\"\nversion = 1\napp = \"com.example.app\"\n\n[answers]\n\
         # a comment is fine\ndisk_encrpytion = \"yes\"\nstores_eud = \"Yes\"\n",
    );
    let run = cli(&["check", &file]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("“disk_encrpytion” is not a question id"), "{run:?}");
    assert!(run.stderr.contains(ids::DISK_ENCRYPTION.as_str()), "the ids are listed: {run:?}");
    assert!(run.stderr.contains("answers.stores_eud: “Yes” is not one of its responses: use “yes”, “no”"), "{run:?}");
}

#[test]
fn the_same_answers_file_is_read_as_json_too() {
    let dir = scratch("answers-file-json");
    let value = questionnaire::answers_file::to_value(KEY, &sample::complete(2));
    let file = write(&dir, "app.json", &value.to_string());
    let run = cli(&["check", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("app.json (privacy-tab answers): valid"), "{run:?}");
}
