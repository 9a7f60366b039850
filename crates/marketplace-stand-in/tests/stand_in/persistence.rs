use marketplace_stand_in::Config;
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn state_survives_a_restart_through_the_data_file() {
    let file = scratch("data.json");
    let _ = std::fs::remove_file(&file);
    let config = Config { data_file: Some(file.clone()), ..Config::default() };

    let first = Harness::with(config.clone());
    let info = json!({"dataResidency": {"isDataResidencySupported": "APP_DOES_NOT_SUPPORT_DR"}});
    first.put(&format!("/_stand-in/apps/{KEY}/live"), Auth::None, r#"{"a": 1}"#).await;
    first.put(&v2_path(KEY), Auth::Partner, &json!({"appTrustInformation": info}).to_string()).await;
    first.put("/rest/3/privacy-and-security/products/p1", Auth::Partner, r#"{"commonCloud": {"b": 2}}"#).await;
    assert!(file.is_file());
    let mut temp = file.clone().into_os_string();
    temp.push(".tmp");
    assert!(!std::path::Path::new(&temp).exists(), "the temporary file was renamed into place");
    serde_json::from_slice::<serde_json::Value>(&std::fs::read(&file).unwrap()).expect("the data file is JSON");

    let second = Harness::with(config.clone());
    assert_eq!(second.holdings(KEY).await, json!({"live": {"a": 1}, "draft": info, "putCount": 1}));
    assert_eq!(
        second.get("/rest/3/privacy-and-security/products/p1?state=draft", Auth::Partner).await.json(),
        json!({"commonCloud": {"b": 2}})
    );

    second.post("/_stand-in/reset", "").await;
    assert_eq!(Harness::with(config).holdings(KEY).await["live"], json!(null), "reset is saved too");
    std::fs::remove_file(&file).unwrap();
}

#[test]
fn a_corrupt_data_file_is_refused_not_overwritten() {
    let file = scratch("corrupt.json");
    std::fs::write(&file, "{not json").unwrap();
    let result = marketplace_stand_in::AppState::new(&Config { data_file: Some(file.clone()), ..Config::default() });
    assert!(result.is_err());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "{not json");
    std::fs::remove_file(&file).unwrap();
}
