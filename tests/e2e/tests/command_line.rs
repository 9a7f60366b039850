//! The app's export and the command line read the same files: a draft exported in the browser
//! is checked and shown by `privacy-tab` as the app checks and previews it.

use std::process::Command;

use e2e::fixtures::full_answers;
use e2e::{workspace_root, Browser, StandIn};
use questionnaire::catalogue::ids;
use questionnaire::statements::statements;

fn command_line() -> Command {
    let binary = workspace_root().join("target/debug/privacy-tab");
    assert!(binary.exists(), "build it first: cargo build -p privacy-tab-cli");
    Command::new(binary)
}

#[tokio::test]
async fn a_draft_exported_in_the_browser_is_checked_and_shown_by_the_command_line() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    let answers = full_answers();
    browser.open_with_draft(&stand_in, &answers).await;
    browser.capture_downloads().await;
    browser.find(".export-draft").await.click().await.unwrap();
    let (name, exported) = browser.download(0).await;
    let file = std::env::temp_dir().join(format!("{}-{name}", std::process::id()));
    std::fs::write(&file, &exported).unwrap();

    let check = command_line().arg("check").arg(&file).output().unwrap();
    let report = String::from_utf8_lossy(&check.stdout);
    assert_eq!(check.status.code(), Some(0), "the app's complete sample is valid for the command line too: {report}");

    let show = command_line().args(["show", "--expanded"]).arg(&file).output().unwrap();
    let shown = String::from_utf8_lossy(&show.stdout);
    assert!(show.status.success(), "{shown}");
    browser.find("#preview-pane .show-expanded").await.click().await.unwrap();
    let preview = browser.find("#preview-pane .listing-tab").await.text().await.unwrap();
    // What the complete sample's answers say, written down here: both say each of them.
    let said = [
        "The app stores End-User Data outside Atlassian products and services.",
        "The app shares End-User Data with third parties, such as sub-processors.",
        "The partner is a data controller under the GDPR for this app.",
        "Any End-User Data the app stores outside Atlassian or the user's browser is protected by full disk encryption at rest.",
    ];
    for sentence in said {
        assert!(preview.contains(sentence), "the preview says it: {sentence}");
        assert!(shown.contains(sentence), "the command line says it too: {sentence}");
    }
    // And every other sentence the tab has for these answers (a list that holds the above).
    let sentences = statements(&answers);
    assert!(said.iter().all(|sentence| sentences.values().any(|s| s == sentence)), "{sentences:?}");
    for (id, sentence) in sentences {
        assert!(preview.contains(sentence), "the preview says it ({id}): {sentence}");
        assert!(shown.contains(sentence), "the command line says it too ({id}): {sentence}");
    }
    let contact = answers.text(ids::SECURITY_CONTACT);
    assert!(shown.contains(contact) && preview.contains(contact));
    std::fs::remove_file(file).ok();
    browser.close().await;
}
