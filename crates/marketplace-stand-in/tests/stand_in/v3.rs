use axum::http::Method;
use serde_json::json;

use crate::common::*;

const PRODUCT: &str = "7f0c2b1e-0000-4000-8000-000000000001";

fn path() -> String {
    format!("/rest/3/privacy-and-security/products/{PRODUCT}")
}

#[tokio::test]
async fn put_get_publish_delete() {
    let h = Harness::new();
    let info = json!({"dataAccessAndStorage": {"appStoresEUDOutsideAtlassian": false}, "hasRestAPIExtension": true});
    let wrapped = json!({ "commonCloud": info }).to_string();

    assert_eq!(h.put(&path(), Auth::None, &wrapped).await.status, 401);
    assert_eq!(h.get(&format!("{}?state=draft", path()), Auth::None).await.status, 401);
    assert_eq!(h.get(&format!("{}?state=bogus", path()), Auth::Partner).await.status, 400);
    assert_eq!(h.get(&path(), Auth::Partner).await.status, 404, "no live version yet");

    assert_eq!(h.put(&path(), Auth::Partner, &wrapped).await.status, 204);
    assert_eq!(h.get(&format!("{}?state=draft", path()), Auth::Partner).await.json(), json!({ "commonCloud": info }));
    assert_eq!(h.get(&path(), Auth::Partner).await.status, 404, "live is the default and there is none");

    assert_eq!(h.send(Method::POST, &format!("{}/publish", path()), Auth::Partner, None).await.status, 204);
    assert_eq!(h.get(&path(), Auth::None).await.json(), json!({ "commonCloud": info }));
    assert_eq!(h.get(&format!("{}?state=draft", path()), Auth::Partner).await.status, 404);
    assert_eq!(h.send(Method::POST, &format!("{}/publish", path()), Auth::Partner, None).await.status, 409);
    assert_eq!(h.send(Method::DELETE, &path(), Auth::Partner, None).await.status, 404, "no draft to delete");

    h.put(&path(), Auth::Partner, &json!({"commonCloud": {}}).to_string()).await;
    assert_eq!(h.send(Method::DELETE, &path(), Auth::None, None).await.status, 401);
    assert_eq!(h.send(Method::DELETE, &path(), Auth::Partner, None).await.status, 204);
    assert_eq!(h.get(&format!("{}?state=draft", path()), Auth::Partner).await.status, 404);
    assert_eq!(h.get(&path(), Auth::Partner).await.json(), json!({ "commonCloud": info }), "delete leaves live alone");

    let held = h.get(&format!("/_stand-in/products/{PRODUCT}"), Auth::None).await.json();
    assert_eq!(held["putCount"], 2);
    assert_eq!(h.holdings(PRODUCT).await["putCount"], 0, "v3 products are not v2 apps");
    assert_eq!(
        h.send(Method::POST, "/rest/3/privacy-and-security/products/unknown/publish", Auth::Partner, None).await.status,
        404
    );
}

#[tokio::test]
async fn put_checks_the_wrapper_and_types() {
    let h = Harness::new();
    let reply = h.put(&path(), Auth::Partner, r#"{"appTrustInformation": {}}"#).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_paths(), ["commonCloud"]);
    let reply = h
        .put(
            &path(),
            Auth::Partner,
            r#"{"commonCloud": {"supportsConfigurableEgress": "no", "logDetails": {"logEndUserData": null}}}"#,
        )
        .await;
    assert_eq!(reply.error_paths(), ["commonCloud.supportsConfigurableEgress"]);
}
