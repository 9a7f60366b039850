use std::collections::BTreeSet;

use axum::http::Method;
use marketplace_stand_in::Config;
use serde_json::json;

use crate::common::*;

fn body(info: &serde_json::Value) -> String {
    json!({ "appTrustInformation": info }).to_string()
}

fn sample() -> serde_json::Value {
    json!({
        "dataAccessAndStorage": {"appStoresEUDOutsideAtlassian": true, "typesOfDataStored": ["IP address"], "isSameDataProcessedAndStored": true},
        "thirdPartyInformation": {"isEndUserDataShared": true, "thirdPartyDetails": [{"name": "AWS", "link": "https://aws.amazon.com", "purpose": "hosting", "thirdPartyCountries": ["US", "DE"]}]},
        "dataRetention": {"retentionDurationInDays": {"min": 1, "max": 30}, "isRetentionDurationIndefinite": false},
        "privacy": {"ccpa": {"business": {"isAppBusiness": "NOT_APPLICABLE"}}, "dataProcessingAgreement": {"isDPASupported": true, "link": "https://example.com/dpa"}},
        "security": {"caiq": {"isCAIQCompleted": true, "CAIQLiteLink": "https://example.com/caiq"}, "compliantCertifications": ["SOC2"]}
    })
}

#[tokio::test]
async fn put_and_draft_get_need_valid_basic_auth() {
    let h = Harness::new();
    let path = v2_path(KEY);
    for auth in [Auth::None, Auth::Wrong] {
        let put = h.put(&path, auth, &body(&sample())).await;
        assert_eq!(put.status, 401);
        assert_eq!(put.header("www-authenticate"), Some("Basic realm=\"marketplace\""));
        assert!(put.json()["message"].is_string());
        let draft = h.get(&format!("{path}?state=draft"), auth).await;
        assert_eq!(draft.status, 401);
        assert_eq!(draft.header("www-authenticate"), Some("Basic realm=\"marketplace\""));
    }
    // Wrong credentials are refused even where none would do.
    assert_eq!(h.get(&format!("{path}?state=live"), Auth::Wrong).await.status, 401);
    assert_eq!(h.holdings(KEY).await["putCount"], 0, "refused PUTs store nothing");
}

#[tokio::test]
async fn put_then_get_draft_returns_exactly_the_body() {
    let h = Harness::new();
    let path = v2_path(KEY);
    let put = h.put(&path, Auth::Partner, &body(&sample())).await;
    assert_eq!(put.status, 204, "{}", put.text);
    assert_eq!(put.text, "");
    assert_eq!(put.header("location"), Some(format!("{path}?state=draft").as_str()));

    let draft = h.get(&format!("{path}?state=draft"), Auth::Partner).await;
    assert_eq!(draft.status, 200);
    assert!(draft.header("content-type").unwrap().starts_with("application/json"));
    assert_eq!(draft.json(), sample());

    let held = h.holdings(KEY).await;
    assert_eq!(held, json!({"live": null, "draft": sample(), "putCount": 1}));
}

#[tokio::test]
async fn live_is_public_and_the_default_state_depends_on_the_caller() {
    let h = Harness::new();
    let path = v2_path(KEY);
    assert_eq!(h.get(&path, Auth::None).await.status, 404, "nothing stored yet");

    let live = json!({"security": {"securityContact": "sec@example.com"}, "properties": {"formStatus": "APPROVED"}});
    assert_eq!(h.put(&format!("/_stand-in/apps/{KEY}/live"), Auth::None, &live.to_string()).await.status, 204);
    assert_eq!(h.get(&format!("{path}?state=live"), Auth::None).await.json(), live);
    assert_eq!(h.get(&path, Auth::Partner).await.json(), live, "no draft: the partner gets live");
    assert_eq!(h.get(&format!("{path}?state=draft"), Auth::Partner).await.status, 404);

    h.put(&path, Auth::Partner, &body(&sample())).await;
    assert_eq!(h.get(&path, Auth::Partner).await.json(), sample(), "the partner's default is the draft");
    assert_eq!(h.get(&path, Auth::None).await.json(), live, "anonymous callers only see live");

    assert_eq!(h.post(&format!("/_stand-in/apps/{KEY}/publish"), "").await.status, 200);
    assert_eq!(h.get(&path, Auth::None).await.json(), sample());
    assert_eq!(h.holdings(KEY).await["draft"], json!(null), "publishing moves the draft");
    assert_eq!(h.post(&format!("/_stand-in/apps/{KEY}/publish"), "").await.status, 404, "no draft");
    assert_eq!(h.post("/_stand-in/apps/never.seen/publish", "").await.status, 404);
}

#[tokio::test]
async fn invalid_state_is_400() {
    let h = Harness::new();
    let reply = h.get(&format!("{}?state=published", v2_path(KEY)), Auth::Partner).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_paths(), ["state"]);
}

#[tokio::test]
async fn cors_only_on_anonymous_live_reads() {
    let h = Harness::new();
    let path = v2_path(KEY);
    h.put(&format!("/_stand-in/apps/{KEY}/live"), Auth::None, "{}").await;
    h.put(&path, Auth::Partner, &body(&sample())).await;

    for uri in [path.clone(), format!("{path}?state=live")] {
        let reply = h.get(&uri, Auth::None).await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("access-control-allow-origin"), Some("*"), "{uri}");
    }
    let draft = h.get(&format!("{path}?state=draft"), Auth::Partner).await;
    assert_eq!(draft.status, 200);
    assert_eq!(draft.header("access-control-allow-origin"), None);
    assert_eq!(h.get(&format!("{path}?state=draft"), Auth::None).await.header("access-control-allow-origin"), None);
    assert_eq!(h.put(&path, Auth::Partner, &body(&sample())).await.header("access-control-allow-origin"), None);
    assert_eq!(h.get(&format!("/_stand-in/apps/{KEY}"), Auth::None).await.header("access-control-allow-origin"), None);

    let preflight = h.send(Method::OPTIONS, &path, Auth::None, None).await;
    assert_eq!(preflight.status, 204);
    assert_eq!(preflight.header("access-control-allow-origin"), Some("*"));
    let methods = preflight.header("access-control-allow-methods").unwrap();
    assert!(methods.contains("GET") && !methods.contains("PUT"), "{methods}");
    assert!(!preflight.header("access-control-allow-headers").unwrap().to_ascii_lowercase().contains("authorization"));
}

#[tokio::test]
async fn unknown_app_keys_are_404_when_restricted() {
    let h = Harness::with(Config { known_app_keys: Some(BTreeSet::from([KEY.to_string()])), ..Config::default() });
    let other = v2_path("com.example.other");
    let put = h.put(&other, Auth::Partner, &body(&sample())).await;
    assert_eq!(put.status, 404);
    assert_eq!(put.json(), json!({"message": "App not found: com.example.other"}));
    assert_eq!(h.get(&other, Auth::None).await.json(), json!({"message": "App not found: com.example.other"}));
    assert_eq!(h.put(&v2_path(KEY), Auth::Partner, &body(&sample())).await.status, 204);

    let open = Harness::new();
    assert_eq!(open.put(&other, Auth::Partner, &body(&sample())).await.status, 204, "any key by default");
}

#[tokio::test]
async fn malformed_json_is_400_with_an_errors_list() {
    let h = Harness::new();
    for bad in ["{\"appTrustInformation\": {", "", "not json"] {
        let reply = h.put(&v2_path(KEY), Auth::Partner, bad).await;
        assert_eq!(reply.status, 400, "{bad:?}");
        let json = reply.json();
        assert!(json["errors"][0]["message"].as_str().unwrap().starts_with("Malformed JSON"), "{json}");
        assert_eq!(json.get("message"), None, "no top-level message: the spec has none");
    }
}

#[tokio::test]
async fn wrong_wrapper_or_field_types_are_400_with_the_spec_s_errors() {
    let h = Harness::new();
    let path = v2_path(KEY);
    for bad in ["{}", r#"{"appTrustInformation": "x"}"#, r#"{"appTrustInformation": []}"#, "[1]"] {
        let reply = h.put(&path, Auth::Partner, bad).await;
        assert_eq!(reply.status, 400, "{bad}");
        assert_eq!(reply.error_paths(), [""], "{bad}: about the body, not a field");
    }

    let info = json!({
        "dataAccessAndStorage": {"appStoresEUDOutsideAtlassian": "TRUE", "typesOfDataStored": "IP address"},
        "logDetails": {"logEndUserData": 1},
        "dataRetention": {"retentionDurationInDays": {"min": "7", "max": 30}},
        "privacy": {"gdpr": {"dataProcessor": {"isAppDataProcessor": "yes"}}},
        "thirdPartyInformation": {"thirdPartyDetails": [{"thirdPartyCountries": ["US", 1], "link": "aws.amazon.com"}]},
        "security": {"publicSecurityPoliciesLink": "example.com/security"}
    });
    let reply = h.put(&path, Auth::Partner, &body(&info)).await;
    assert_eq!(reply.status, 400);
    let mut errors: Vec<(String, String)> = reply.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["path"].as_str().unwrap().to_owned(), e["code"].as_str().unwrap().to_owned()))
        .collect();
    errors.sort();
    let expected = [
        ("/dataAccessAndStorage/appStoresEUDOutsideAtlassian", "INVALID_TYPE"),
        ("/dataAccessAndStorage/typesOfDataStored", "INVALID_TYPE"),
        ("/dataRetention/retentionDurationInDays/min", "INVALID_TYPE"),
        ("/logDetails/logEndUserData", "INVALID_TYPE"),
        ("/privacy/gdpr/dataProcessor/isAppDataProcessor", "INVALID_ENUM_VALUE"),
        ("/security/publicSecurityPoliciesLink", "INVALID_URL_FORMAT"),
        ("/thirdPartyInformation/thirdPartyDetails/0/link", "INVALID_URL_FORMAT"),
        ("/thirdPartyInformation/thirdPartyDetails/0/thirdPartyCountries/1", "INVALID_ARRAY_VALUE"),
    ];
    assert_eq!(errors, expected.map(|(path, code)| (path.to_owned(), code.to_owned())));
    assert!(reply.json()["errors"].as_array().unwrap().iter().all(|e| e["message"].is_string()));
    assert_eq!(reply.json().get("message"), None);
    assert_eq!(h.holdings(KEY).await["draft"], json!(null), "an invalid PUT stores nothing");
}

/// The spec's schemas do not forbid other fields, so a PUT may carry the ones live reads show
/// outside them (as a client writing over the record it read does): accepted, stored as sent.
#[tokio::test]
async fn fields_outside_the_spec_may_be_sent_back_and_are_stored_as_sent() {
    let h = Harness::new();
    let mut sent = sample();
    sent["hasRestAPIExtension"] = json!(true);
    sent["supportsConfigurableEgress"] = json!(false);
    sent["security"]["permissionsJustification"] = json!({"type": "doc", "content": []});
    sent["security"]["requiresUsersToProvidePATs"] = json!(false);
    sent["notYetKnownField"] = json!({"nested": [1, 2.5, null, "x"]});
    assert_eq!(h.put(&v2_path(KEY), Auth::Partner, &body(&sent)).await.status, 204);
    assert_eq!(h.holdings(KEY).await["draft"], sent);
}

#[tokio::test]
async fn reset_clears_everything() {
    let h = Harness::new();
    h.put(&v2_path(KEY), Auth::Partner, &body(&sample())).await;
    h.post("/_stand-in/faults", r#"{"status": 500}"#).await;
    assert_eq!(h.post("/_stand-in/reset", "").await.status, 204);
    assert_eq!(h.holdings(KEY).await, json!({"live": null, "draft": null, "putCount": 0}));
    assert_eq!(h.get("/_stand-in/faults", Auth::None).await.json(), json!({"rules": []}));
    assert_eq!(h.get("/_stand-in/health", Auth::None).await.text, "ok");
}
