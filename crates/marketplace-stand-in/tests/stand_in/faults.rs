use std::time::Duration;

use marketplace_stand_in::config::parse_args;
use marketplace_stand_in::Config;
use serde_json::json;
use tokio::time::Instant;

use crate::common::*;

fn live_path() -> String {
    format!("{}?state=live", v2_path(KEY))
}

async fn seeded() -> Harness {
    let h = Harness::new();
    h.put(&format!("/_stand-in/apps/{KEY}/live"), Auth::None, "{}").await;
    h
}

#[tokio::test]
async fn status_fault_counts_down_and_spares_control_requests() {
    let h = seeded().await;
    let set = h.post("/_stand-in/faults", r#"{"status": 500, "times": 2}"#).await;
    assert_eq!(set.status, 200);
    assert_eq!(set.json()["rules"][0]["times"], 2);

    assert_eq!(h.get("/_stand-in/health", Auth::None).await.status, 200, "control requests are never faulted");
    let first = h.get(&live_path(), Auth::None).await;
    assert_eq!(first.status, 500);
    assert!(first.json()["message"].as_str().unwrap().contains("500"));
    assert_eq!(first.header("access-control-allow-origin"), Some("*"), "a widget can read the injected error");
    assert_eq!(h.get("/_stand-in/faults", Auth::None).await.json()["rules"][0]["times"], 1);
    assert_eq!(h.put(&v2_path(KEY), Auth::Partner, r#"{"appTrustInformation": {}}"#).await.status, 500);
    assert_eq!(h.get("/_stand-in/faults", Auth::None).await.json(), json!({"rules": []}));
    assert_eq!(h.get(&live_path(), Auth::None).await.status, 200);
    assert_eq!(h.holdings(KEY).await["putCount"], 0, "a faulted PUT never reaches the store");
}

#[tokio::test]
async fn api_requests_are_counted_as_they_arrive_refused_ones_too() {
    let h = seeded().await;
    h.post("/_stand-in/faults", r#"{"status": 503, "methods": ["PUT"], "times": 1}"#).await;
    let body = r#"{"appTrustInformation": {}}"#;
    assert_eq!(h.put(&v2_path(KEY), Auth::Partner, body).await.status, 503);
    assert_eq!(h.put(&v2_path(KEY), Auth::Partner, body).await.status, 204);
    assert_eq!(h.get(&live_path(), Auth::None).await.status, 200);
    let received = h.get("/_stand-in/requests", Auth::None).await.json();
    assert_eq!(received, json!({"GET": 1, "PUT": 2}), "control requests are not counted");
    assert_eq!(h.holdings(KEY).await["putCount"], 1, "only the accepted PUT is stored");
    h.post("/_stand-in/reset", "").await;
    assert_eq!(h.get("/_stand-in/requests", Auth::None).await.json(), json!({}));
}

#[tokio::test]
async fn too_many_requests_carries_retry_after() {
    let h = seeded().await;
    h.post(
        "/_stand-in/faults",
        r#"[{"status": 429, "times": 1}, {"status": 429, "retryAfterSeconds": 3, "times": 1}]"#,
    )
    .await;
    let first = h.get(&live_path(), Auth::None).await;
    assert_eq!((first.status, first.header("retry-after")), (429, Some("1")));
    let second = h.get(&live_path(), Auth::None).await;
    assert_eq!((second.status, second.header("retry-after")), (429, Some("3")));
    assert_eq!(h.get(&live_path(), Auth::None).await.status, 200);
}

#[tokio::test]
async fn field_errors_and_method_filter() {
    let h = seeded().await;
    let errors = json!([{"path": "/security/securityContact", "message": "Must be a valid email address",
        "code": "INVALID_EMAIL_FORMAT"}]);
    h.post("/_stand-in/faults", &json!({"status": 400, "fieldErrors": errors, "methods": ["PUT"]}).to_string()).await;
    assert_eq!(h.get(&live_path(), Auth::None).await.status, 200, "GET does not match a PUT-only fault");
    let reply = h.put(&v2_path(KEY), Auth::Partner, r#"{"appTrustInformation": {}}"#).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json(), json!({"errors": errors}), "the spec's JsonErrorsDoc, as given");
}

#[tokio::test]
async fn other_statuses_and_clearing() {
    let h = seeded().await;
    for status in [401, 403, 404, 503] {
        h.post("/_stand-in/faults", &json!({"status": status, "times": null}).to_string()).await;
        for _ in 0..2 {
            assert_eq!(h.get(&live_path(), Auth::None).await.status, status, "times null lasts until cleared");
        }
    }
    assert_eq!(h.send(axum::http::Method::DELETE, "/_stand-in/faults", Auth::None, None).await.status, 204);
    assert_eq!(h.get(&live_path(), Auth::None).await.status, 200);

    let bad = h.post("/_stand-in/faults", r#"{"status": 200}"#).await;
    assert_eq!(bad.status, 400);
    assert_eq!(h.post("/_stand-in/faults", r#"{"sttus": 500}"#).await.status, 400, "typos are refused");
}

/// On the paused clock, time moves only when every task waits on a timer: what passes during a
/// request is exactly the stand-in's own wait, however loaded the machine is.
#[tokio::test(start_paused = true)]
async fn delay_slows_matching_requests_only() {
    let h = seeded().await;
    h.post("/_stand-in/faults", r#"{"delayMs": 300, "times": 1}"#).await;
    let waited = async |path: &str| {
        let started = Instant::now();
        assert_eq!(h.get(path, Auth::None).await.status, 200, "{path}");
        started.elapsed()
    };
    assert_eq!(waited("/_stand-in/health").await, Duration::ZERO, "control requests are not delayed");
    assert!(waited(&live_path()).await >= Duration::from_millis(300), "the matching request waits");
    assert_eq!(waited(&live_path()).await, Duration::ZERO, "used up after one request");
}

#[tokio::test]
async fn start_flags_install_the_same_rules() {
    let config =
        parse_args(["--fail-status", "503", "--fail-times", "1", "--retry-after", "7"].map(String::from), |_| None)
            .unwrap();
    let h = Harness::with(config);
    let reply = h.get(&live_path(), Auth::None).await;
    assert_eq!((reply.status, reply.header("retry-after")), (503, Some("7")));
    assert_eq!(h.get(&live_path(), Auth::None).await.status, 404, "back to normal: nothing stored");
}

/// A drop must look like a network failure to the client: the socket closes with no bytes.
#[tokio::test]
async fn drop_closes_the_connection_without_a_response() {
    let addr = spawn_listener(Config::default()).await;
    let set =
        raw_http_async(addr, post_request("/_stand-in/faults", r#"{"drop": true, "times": 1, "methods": ["PUT"]}"#))
            .await
            .unwrap();
    assert!(set.starts_with("HTTP/1.1 200"), "{set}");

    let body = r#"{"appTrustInformation": {}}"#;
    match raw_http_async(addr, put_request(&v2_path(KEY), body)).await {
        Ok(answer) => assert_eq!(answer, "", "no response bytes at all"),
        Err(e) => assert!(
            matches!(e.kind(), std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::ConnectionAborted),
            "{e}"
        ),
    }
    let again = raw_http_async(addr, put_request(&v2_path(KEY), body)).await.unwrap();
    assert!(again.starts_with("HTTP/1.1 204"), "the drop was used up: {again}");

    let flags = parse_args(["--drop-times", "1"].map(String::from), |_| None).unwrap();
    let addr = spawn_listener(flags).await;
    assert_eq!(raw_http_async(addr, get_request(&v2_path(KEY))).await.unwrap_or_default(), "");
    let after = raw_http_async(addr, get_request(&v2_path(KEY))).await.unwrap();
    assert!(after.starts_with("HTTP/1.1 404"), "{after}");
}
