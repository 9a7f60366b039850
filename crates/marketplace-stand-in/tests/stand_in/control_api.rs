//! The control API (`/_stand-in/…`) is for the developer's own tools, never for a web page the
//! developer happens to visit, and never for other machines without the control token.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Command, Stdio};

use axum::body::{to_bytes, Body};
use axum::http::{Method, Request};
use marketplace_stand_in::{router, AppState, Config};
use tower::ServiceExt;

use crate::common::*;

/// One request to a fresh stand-in's router, with these headers; the status and body.
async fn send(state: &AppState, method: Method, uri: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let mut request = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = router(state.clone()).oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status().as_u16();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

/// A stand-in holding one seeded app, so a reset that went through would be seen.
async fn seeded(config: Config) -> AppState {
    let state = AppState::new(&config).unwrap();
    let headers: &[(&str, &str)] = match &config.control_token {
        Some(token) => &[("x-stand-in-control-token", token.as_str())],
        None => &[],
    };
    let mut request = Request::builder().method(Method::PUT).uri(format!("/_stand-in/apps/{KEY}/live"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = router(state.clone())
        .oneshot(request.body(Body::from(r#"{"dataAccessAndStorage": {}}"#)).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 204, "seeding the live version");
    state
}

fn still_holds_the_app(state: &AppState) -> bool {
    state.read(|store| store.apps.get(KEY).is_some_and(|record| record.live.is_some()))
}

#[tokio::test]
async fn a_page_of_another_site_cannot_reset_or_read_the_stand_in() {
    let state = seeded(Config::default()).await;
    let evil = [("host", "127.0.0.1:8787"), ("origin", "http://evil.example")];
    let (status, body) = send(&state, Method::POST, "/_stand-in/reset", &evil).await;
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("http://evil.example"), "the refusal names the origin: {body}");
    assert!(still_holds_the_app(&state), "nothing was reset");

    let (status, _) = send(&state, Method::GET, &format!("/_stand-in/apps/{KEY}"), &evil).await;
    assert_eq!(status, 403, "drafts are not handed to another site");

    // A no-cors request carries no Origin on GET, but the browser says where it comes from.
    let cross_site = [("host", "127.0.0.1:8787"), ("sec-fetch-site", "cross-site")];
    let (status, _) = send(&state, Method::GET, &format!("/_stand-in/apps/{KEY}"), &cross_site).await;
    assert_eq!(status, 403);
    let (status, _) = send(&state, Method::POST, "/_stand-in/reset", &cross_site).await;
    assert_eq!(status, 403);
    // A sandboxed frame's or a file's opaque origin is another origin too.
    let opaque = [("host", "127.0.0.1:8787"), ("origin", "null")];
    let (status, _) = send(&state, Method::POST, "/_stand-in/reset", &opaque).await;
    assert_eq!(status, 403);
    assert!(still_holds_the_app(&state), "nothing was reset");
}

#[tokio::test]
async fn a_site_rebinding_its_name_to_the_loopback_address_is_refused() {
    let state = seeded(Config::default()).await;
    // The browser thinks it talks to evil.example, so Origin and Host agree, but the stand-in
    // was bound to the loopback address, which no other site's name is.
    let rebound = [("host", "evil.example:8787"), ("origin", "http://evil.example:8787")];
    let (status, _) = send(&state, Method::POST, "/_stand-in/reset", &rebound).await;
    assert_eq!(status, 403);
    assert!(still_holds_the_app(&state));
}

#[tokio::test]
async fn tools_and_the_stand_ins_own_pages_still_use_it_and_the_api_is_unchanged() {
    let state = seeded(Config::default()).await;
    // Tools (curl, the tests' HTTP clients) send no Origin.
    let (status, body) = send(&state, Method::GET, &format!("/_stand-in/apps/{KEY}"), &[]).await;
    assert_eq!((status, body.contains("dataAccessAndStorage")), (200, true), "{body}");
    let (status, _) = send(&state, Method::GET, "/_stand-in/health", &[("host", "localhost:8787")]).await;
    assert_eq!(status, 200);
    // A page the stand-in itself serves (the built app, `--static-dir`) is same-origin.
    for own in [
        [("host", "127.0.0.1:8787"), ("origin", "http://127.0.0.1:8787"), ("sec-fetch-site", "same-origin")],
        [("host", "localhost:8787"), ("origin", "http://localhost:8787"), ("sec-fetch-site", "same-origin")],
        [("host", "[::1]:8787"), ("origin", "http://[::1]:8787"), ("sec-fetch-site", "same-origin")],
    ] {
        let (status, body) = send(&state, Method::GET, "/_stand-in/requests", &own).await;
        assert_eq!(status, 200, "{own:?}: {body}");
    }
    // Typing the address in the location bar (a navigation with no initiator).
    let typed = [("host", "127.0.0.1:8787"), ("sec-fetch-site", "none")];
    assert_eq!(send(&state, Method::GET, "/_stand-in/health", &typed).await.0, 200);

    // The widget's public read from another origin is the API's, not the control API's.
    let widget = [("host", "127.0.0.1:8787"), ("origin", "http://evil.example"), ("sec-fetch-site", "cross-site")];
    let (status, _) = send(&state, Method::GET, &format!("{}?state=live", v2_path(KEY)), &widget).await;
    assert_eq!(status, 200);

    let (status, _) = send(&state, Method::POST, "/_stand-in/reset", &[("host", "127.0.0.1:8787")]).await;
    assert_eq!(status, 204);
    assert!(!still_holds_the_app(&state), "reset");
}

#[tokio::test]
async fn with_a_control_token_the_control_api_answers_only_requests_that_carry_it() {
    let config = Config { control_token: Some("c0ntrol".into()), ..Config::default() };
    let state = seeded(config).await;
    let (status, body) = send(&state, Method::POST, "/_stand-in/reset", &[]).await;
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("X-Stand-In-Control-Token"), "the refusal says what to send: {body}");
    let wrong = [("x-stand-in-control-token", "guess")];
    assert_eq!(send(&state, Method::POST, "/_stand-in/reset", &wrong).await.0, 401);
    assert!(still_holds_the_app(&state));
    // Any host name reaches a stand-in bound to all addresses, so none is refused for its name.
    let right = [("x-stand-in-control-token", "c0ntrol"), ("host", "stand-in.internal:8787")];
    assert_eq!(send(&state, Method::GET, &format!("/_stand-in/apps/{KEY}"), &right).await.0, 200);
    // The token does not make another site's page welcome.
    let right_but_cross_site = [("x-stand-in-control-token", "c0ntrol"), ("sec-fetch-site", "cross-site")];
    assert_eq!(send(&state, Method::POST, "/_stand-in/reset", &right_but_cross_site).await.0, 403);
    assert_eq!(send(&state, Method::POST, "/_stand-in/reset", &right[..1]).await.0, 204);
    assert!(!still_holds_the_app(&state), "reset");
}

#[tokio::test]
async fn binding_beyond_the_loopback_address_needs_a_control_token() {
    for host in ["0.0.0.0", "::", "192.168.1.20", "stand-in.internal"] {
        let config = Config { host: host.into(), port: 0, ..Config::default() };
        let error = marketplace_stand_in::StandIn::bind(config).await.err().unwrap_or_else(|| panic!("{host} bound"));
        assert!(error.to_string().contains("--control-token"), "{host}: {error}");
    }
    for host in ["127.0.0.1", "localhost"] {
        let config = Config { host: host.into(), port: 0, ..Config::default() };
        assert!(marketplace_stand_in::StandIn::bind(config).await.is_ok(), "{host}");
    }
}

#[test]
fn the_binary_refuses_to_listen_on_all_addresses_without_a_control_token() {
    let output = Command::new(env!("CARGO_BIN_EXE_marketplace-stand-in"))
        .args(["--port", "0", "--host", "0.0.0.0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--control-token"), "{stderr}");
    assert!(output.stdout.is_empty(), "it never said it was listening");
}

#[test]
fn the_binary_on_all_addresses_with_a_control_token_asks_for_it() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_marketplace-stand-in"))
        .args(["--port", "0", "--host", "0.0.0.0"])
        .env("STAND_IN_CONTROL_TOKEN", "c0ntrol")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let port: u16 =
        line.trim().rsplit(':').next().and_then(|port| port.parse().ok()).unwrap_or_else(|| panic!("{line:?}"));
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();

    let without = raw_http(addr, &get_request(&format!("/_stand-in/apps/{KEY}"))).unwrap();
    let with = raw_http(
        addr,
        &format!("GET /_stand-in/apps/{KEY} HTTP/1.1\r\nHost: localhost\r\nX-Stand-In-Control-Token: c0ntrol\r\n\r\n"),
    )
    .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(without.starts_with("HTTP/1.1 401"), "{without}");
    assert!(with.starts_with("HTTP/1.1 200"), "{with}");
}
