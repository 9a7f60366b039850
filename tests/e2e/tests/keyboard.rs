//! The whole questionnaire completed with the keyboard alone: Tab to move, Space to pick,
//! typing to answer, Enter to add. What to type comes from the catalogue (by each field's id),
//! so the test follows the questionnaire as it evolves.

use e2e::{Browser, StandIn};
use fantoccini::key::Key;
use questionnaire::catalogue::{self, ids, Kind};

/// What a careful partner types into a field, given its DOM id.
fn answer_for(id: &str) -> Option<String> {
    let enter = char::from(Key::Enter);
    let rest = id.strip_prefix("q-")?;
    let rows = format!("{}-", ids::THIRD_PARTIES);
    if let Some(cell) = rest.strip_prefix(&rows) {
        let column = cell.rsplit('-').next()?;
        return Some(match column {
            "name" => "Amazon Web Services".into(),
            "domain" => "aws.amazon.com".into(),
            "countries" => format!("Germany{enter}"),
            "purpose" => "Cloud hosting".into(),
            _ => return None,
        });
    }
    if let Some(question) = rest.strip_suffix("-min") {
        return (question == ids::RETENTION_DAYS).then(|| "30".into());
    }
    if let Some(question) = rest.strip_suffix("-max") {
        return (question == ids::RETENTION_DAYS).then(|| "90".into());
    }
    if rest == format!("{}-other-name", ids::CERTIFICATIONS) {
        return Some("PCI DSS".into());
    }
    Some(match catalogue::find(rest)?.kind {
        Kind::Text { .. } => "Standard Contractual Clauses".into(),
        Kind::Link => format!("https://example.com/{rest}"),
        Kind::Email => "security@example.com".into(),
        Kind::List { suggestions } => format!("{}{enter}", suggestions.first().copied().unwrap_or("Email address")),
        _ => return None,
    })
}

#[tokio::test]
async fn every_question_can_be_answered_with_the_keyboard_alone() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_app(&stand_in.app_url()).await;
    browser.find("#save-and-preview").await;

    let mut typed_into = std::collections::HashSet::new();
    let mut reached_the_end = false;
    for _ in 0..800 {
        browser.press(Key::Tab).await;
        let active = browser.client.active_element().await.unwrap();
        let id = active.attr("id").await.unwrap().unwrap_or_default();
        let kind = active.attr("type").await.unwrap().unwrap_or_default();
        let class = active.attr("class").await.unwrap().unwrap_or_default();
        if id == "save-and-preview" {
            active.send_keys(&char::from(Key::Enter).to_string()).await.unwrap();
            reached_the_end = true;
            break;
        }
        let key = |k: Key| char::from(k).to_string();
        match kind.as_str() {
            // The first response of every group is "Yes" (or its like): it reveals every follow-up.
            "radio" => active.send_keys(" ").await.unwrap(),
            "checkbox" if id.ends_with("-soc2") || id.ends_with("-other") => active.send_keys(" ").await.unwrap(),
            _ if class.contains("add-third-party") && !typed_into.iter().any(|i: &String| i.contains("-0-name")) => {
                active.send_keys(&key(Key::Enter)).await.unwrap();
                // Focus moves into the new row, in the next frame: wait for it.
                let row_id = format!("q-{}-0-name", ids::THIRD_PARTIES);
                browser.wait_for_focus(&row_id).await;
                if let Some(text) = answer_for(&row_id) {
                    browser.client.active_element().await.unwrap().send_keys(&text).await.unwrap();
                    typed_into.insert(row_id);
                }
            }
            "text" | "url" | "email" if !typed_into.contains(&id) => {
                if let Some(text) = answer_for(&id) {
                    active.send_keys(&text).await.unwrap();
                    typed_into.insert(id);
                }
            }
            _ => {}
        }
    }
    assert!(reached_the_end, "Tab reaches \"Save and preview\"");

    assert!(!browser.exists(".error-message").await, "no field has an error");
    // With nothing to fix, "Save and preview" opens the preview; "Edit draft" comes back.
    browser.find("#preview-page").await;
    browser.find("#edit-draft").await.send_keys(&char::from(Key::Enter).to_string()).await.unwrap();
    let gap = browser.find(".completeness-gap").await.text().await.unwrap();
    assert!(gap.contains("Every question of the default view is answered"), "{gap}");
    let expanded = browser.find(".meter:nth-of-type(2) .meter-label").await.text().await.unwrap();
    let (answered, total) = expanded.trim_start_matches("Expanded view: ").split_once(" of ").unwrap();
    assert_eq!(total.trim_end_matches(" answered"), answered, "every expanded-view question answered: {expanded}");
    browser.close().await;
}
