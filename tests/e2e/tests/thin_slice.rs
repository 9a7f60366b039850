//! The foundation's slice, as a partner lives it: answer, type, reload, submit.

use e2e::{Browser, StandIn};
use fantoccini::key::Key;

use e2e::DEMO_APP_KEY as APP_KEY;

#[tokio::test]
async fn an_answer_survives_a_reload_and_reaches_the_marketplace() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_app(&stand_in.app_url()).await;

    browser.find("#q-stores_eud-yes").await.click().await.unwrap();
    let data_types = browser.find("#q-stored_data_types").await;
    data_types.send_keys(&format!("IP address{}", char::from(Key::Enter))).await.unwrap();
    browser.wait_for_text(".chips", "IP address").await;
    browser.wait_for_text(".autosave-status", "Saved locally at").await;

    browser.reload_app().await;
    let yes = browser.find("#q-stores_eud-yes").await;
    assert_eq!(yes.prop("checked").await.unwrap().as_deref(), Some("true"), "Yes is restored after a reload");
    browser.wait_for_text(".chips", "IP address").await;
    browser.wait_for_text(".autosave-status", "Restored your draft").await;

    browser.find("#account-email").await.send_keys(e2e::stand_in::EMAIL).await.unwrap();
    browser.find("#api-token").await.send_keys(e2e::stand_in::TOKEN).await.unwrap();
    browser.find("#submit").await.click().await.unwrap();
    browser.find("#confirm-submit").await.click().await.unwrap();
    browser.wait_for_text(".submit-status", "Submitted").await;

    let held = stand_in.holdings(APP_KEY);
    let storage = &held["draft"]["dataAccessAndStorage"];
    assert_eq!(storage["appStoresEUDOutsideAtlassian"], true, "stand-in holds: {held}");
    assert_eq!(storage["typesOfDataStored"], serde_json::json!(["IP address"]), "stand-in holds: {held}");
    browser.close().await;
}

#[tokio::test]
async fn a_wrong_token_is_explained_and_nothing_is_stored() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_app(&stand_in.app_url()).await;

    browser.find("#q-stores_eud-no").await.click().await.unwrap();
    browser.find("#account-email").await.send_keys(e2e::stand_in::EMAIL).await.unwrap();
    browser.find("#api-token").await.send_keys("not-the-token").await.unwrap();
    browser.find("#submit").await.click().await.unwrap();
    browser.find("#confirm-submit").await.click().await.unwrap();
    browser.wait_for_text(".submit-status", "did not accept your e-mail and API token").await;

    assert!(stand_in.holdings(APP_KEY)["draft"].is_null(), "a rejected PUT stores nothing");
    browser.close().await;
}
