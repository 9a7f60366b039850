use questionnaire::answers::ThirdParty;
use questionnaire::catalogue::ids::{self, choice};
use questionnaire::catalogue::{self, View};
use questionnaire::draft::Draft;
use questionnaire::listing::{rows_by_section, ListingValue, NOT_PROVIDED};
use questionnaire::statements::statements;
use questionnaire::{sample, Answer};

use crate::common::*;

#[test]
fn the_default_view_reads_as_the_preview_with_sentences_and_not_provided() {
    let file = fixture("partial-export.json");
    let answers = Draft::parse(&std::fs::read_to_string(&file).unwrap()).unwrap().answers;
    let run = cli(&["show", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("Privacy & Security (default view)"), "{run:?}");

    // Every row of the default view, in order, each with its answer in the preview's words.
    let mut rest = run.stdout.as_str();
    for (section, rows) in rows_by_section(&answers, View::Default) {
        rest = &rest[rest.find(section.title).unwrap_or_else(|| panic!("{} in order: {run:?}", section.title))..];
        for row in rows {
            rest = &rest[rest.find(row.label).unwrap_or_else(|| panic!("{} in order: {run:?}", row.label))..];
            let shown = match &row.value {
                ListingValue::List(items) => items[0].clone(),
                other => other.to_plain(),
            };
            assert!(rest.contains(&shown), "{}: {shown}", row.label);
        }
    }
    let sentence = statements(&answers)[&ids::STORES_EUD];
    assert!(run.stdout.contains(&format!("    Yes\n    {sentence}\n")), "{run:?}");
    let gdpr = catalogue::question(ids::GDPR_CONTROLLER).listing_label;
    assert!(run.stdout.contains(&format!("{gdpr}\n    {NOT_PROVIDED}\n")), "{run:?}");
    // A question of the expanded view only is not on the default one.
    let logs = catalogue::question(ids::LOGS_EUD).listing_label;
    assert!(!run.stdout.contains(logs), "{run:?}");

    let expanded = cli(&["show", "--expanded", &file]);
    assert_eq!(expanded.code, 0, "{expanded:?}");
    assert!(expanded.stdout.starts_with("Privacy & Security (expanded view)"), "{expanded:?}");
    assert!(expanded.stdout.contains(&format!("{logs}\n    {NOT_PROVIDED}\n")), "{expanded:?}");
}

#[test]
fn markdown_is_for_a_pull_request_comment_and_partner_text_stays_text() {
    let dir = scratch("show-markdown");
    let mut answers = sample::complete(0);
    answers.set(ids::SHARES_EUD, Answer::Choice(choice::YES.into()));
    answers.set(
        ids::THIRD_PARTIES,
        Answer::ThirdParties(vec![ThirdParty {
            name: "**Acme** <img src=x onerror=alert(1)>".into(),
            domain: "acme.example".into(),
            countries: vec!["Germany".into()],
            purpose: "[click](https://evil.example)".into(),
        }]),
    );
    let file = export_file(&dir, "hostile.json", &answers);
    let run = cli(&["show", "--expanded", "--format", "markdown", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("## Privacy & Security (expanded view)\n"), "{run:?}");
    assert!(run.stdout.contains("\n### "), "sections are headings: {run:?}");
    let label = catalogue::question(ids::THIRD_PARTIES).listing_label;
    assert!(run.stdout.contains(&format!("**{label}**")), "{run:?}");
    assert!(run.stdout.contains(r"- \*\*Acme\*\* &lt;img src=x onerror=alert(1)&gt;"), "{run:?}");
    assert!(run.stdout.contains(r"  - Purpose: \[click\](https://evil.example)"), "{run:?}");
    assert!(run.stdout.contains("  - Stores data in: Germany"), "{run:?}");
    assert!(!run.stdout.contains("<img"), "{run:?}");
}

#[test]
fn an_unreadable_file_is_exit_2_with_the_reason() {
    let dir = scratch("show-unreadable");
    let file = write(&dir, "future.json", r#"{"format": "privacy-tab-draft", "version": 99}"#);
    let run = cli(&["show", &file]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("written by a newer version of privacy-tab"), "{run:?}");
    assert_eq!(run.stdout, "");
}
