use axum::http::Method;
use serde_json::json;

use crate::common::*;

const PRODUCT: &str = "7f0c2b1e-0000-4000-8000-000000000001";

fn path() -> String {
    format!("/rest/3/privacy-and-security/products/{PRODUCT}")
}

#[tokio::test]
async fn put_get_publish_delete_answer_as_the_spec_says() {
    let h = Harness::new();
    let info = json!({"dataAccessAndStorage": {"appStoresEUDOutsideAtlassian": false}});
    let wrapped = json!({ "commonCloud": info }).to_string();

    assert_eq!(h.put(&path(), Auth::None, &wrapped).await.status, 401);
    assert_eq!(h.get(&format!("{}?state=draft", path()), Auth::None).await.status, 401);
    assert_eq!(h.get(&format!("{}?state=bogus", path()), Auth::Partner).await.status, 400);
    assert_eq!(h.get(&path(), Auth::Partner).await.status, 404, "no live version yet");

    let created = h.put(&path(), Auth::Partner, &wrapped).await;
    assert_eq!(created.status, 201, "a new draft: {}", created.text);
    assert_eq!(created.header("location"), Some(format!("{}?state=draft", path()).as_str()));
    assert_eq!(h.put(&path(), Auth::Partner, &wrapped).await.status, 200, "a draft replaced");
    assert_eq!(h.get(&format!("{}?state=draft", path()), Auth::Partner).await.json(), json!({ "commonCloud": info }));
    assert_eq!(h.get(&path(), Auth::Partner).await.status, 404, "live is the default and there is none");

    assert_eq!(h.send(Method::POST, &format!("{}/publish", path()), Auth::Partner, None).await.status, 200);
    assert_eq!(h.get(&path(), Auth::None).await.json(), json!({ "commonCloud": info }));
    assert_eq!(h.get(&format!("{}?state=draft", path()), Auth::Partner).await.status, 404);
    assert_eq!(
        h.send(Method::POST, &format!("{}/publish", path()), Auth::Partner, None).await.status,
        404,
        "no draft to publish"
    );
    assert_eq!(h.send(Method::DELETE, &path(), Auth::Partner, None).await.status, 404, "no draft to delete");

    assert_eq!(h.put(&path(), Auth::Partner, &json!({"commonCloud": {}}).to_string()).await.status, 201);
    assert_eq!(h.send(Method::DELETE, &path(), Auth::None, None).await.status, 401);
    assert_eq!(h.send(Method::DELETE, &path(), Auth::Partner, None).await.status, 204);
    assert_eq!(h.get(&format!("{}?state=draft", path()), Auth::Partner).await.status, 404);
    assert_eq!(h.get(&path(), Auth::Partner).await.json(), json!({ "commonCloud": info }), "delete leaves live alone");

    let held = h.get(&format!("/_stand-in/products/{PRODUCT}"), Auth::None).await.json();
    assert_eq!(held["putCount"], 3);
    assert_eq!(h.holdings(PRODUCT).await["putCount"], 0, "v3 products are not v2 apps");
    assert_eq!(
        h.send(Method::POST, "/rest/3/privacy-and-security/products/unknown/publish", Auth::Partner, None).await.status,
        404
    );
}

#[tokio::test]
async fn put_checks_the_body_against_the_spec() {
    let h = Harness::new();
    let reply = h.put(&path(), Auth::Partner, r#"{"appTrustInformation": {}}"#).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["errors"][0]["code"], "FIELD_REQUIRED", "commonCloud is required");
    let reply = h
        .put(
            &path(),
            Auth::Partner,
            r#"{"commonCloud": {"security": {"caiq": {"CAIQLiteLink": "caiq.pdf"}}, "dataResidency": {"isDataResidencySupported": "EU_ONLY"}}}"#,
        )
        .await;
    assert_eq!(reply.status, 400);
    let mut errors: Vec<String> =
        reply.json()["errors"].as_array().unwrap().iter().map(|e| format!("{} {}", e["path"], e["code"])).collect();
    errors.sort();
    assert_eq!(
        errors,
        [
            r#""/dataResidency/isDataResidencySupported" "INVALID_ENUM_VALUE""#,
            r#""/security/caiq/CAIQLiteLink" "INVALID_URL_FORMAT""#
        ]
    );
}

/// `hasRestAPIExtension` and `supportsConfigurableEgress` are in live reads but in no schema of
/// the spec, which does not forbid other fields: a PUT may carry them back.
#[tokio::test]
async fn fields_live_reads_show_outside_the_spec_may_be_sent_back() {
    let h = Harness::new();
    let info = json!({"security": {"securityContact": "a@example.com"}, "hasRestAPIExtension": true,
        "supportsConfigurableEgress": false});
    assert_eq!(h.put(&path(), Auth::Partner, &json!({"commonCloud": info}).to_string()).await.status, 201);
    assert_eq!(h.get(&format!("{}?state=draft", path()), Auth::Partner).await.json(), json!({"commonCloud": info}));
    let reply =
        h.put(&path(), Auth::Partner, &json!({"commonCloud": {"hasRestAPIExtension": "yes"}}).to_string()).await;
    assert_eq!(reply.status, 200, "not checked: the spec says nothing of them");
}
