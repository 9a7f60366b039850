use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderMap, Method, Request};
use axum::Router;
use marketplace_stand_in::auth::basic_header;
use marketplace_stand_in::{router, AppState, Config, StandIn};
use serde_json::Value;
use tower::ServiceExt;

pub const EMAIL: &str = "partner@example.com";
pub const TOKEN: &str = "stand-in-token";
pub const KEY: &str = "com.example.privacy-tab-demo";

pub fn v2_path(key: &str) -> String {
    format!("/rest/2/addons/{key}/privacy-and-security")
}

#[derive(Clone, Copy, PartialEq)]
pub enum Auth {
    None,
    Partner,
    Wrong,
}

pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    pub fn error_paths(&self) -> Vec<String> {
        self.json()["errors"].as_array().unwrap().iter().map(|e| e["path"].as_str().unwrap_or("").to_string()).collect()
    }
}

/// The router driven in-process, one request at a time.
pub struct Harness {
    router: Router,
}

impl Harness {
    pub fn new() -> Harness {
        Harness::with(Config::default())
    }

    pub fn with(config: Config) -> Harness {
        let state = AppState::new(&config).unwrap();
        Harness { router: router(state) }
    }

    pub async fn send(&self, method: Method, uri: &str, auth: Auth, body: Option<&str>) -> Reply {
        let mut request = Request::builder().method(method).uri(uri);
        match auth {
            Auth::None => {}
            Auth::Partner => request = request.header(header::AUTHORIZATION, basic_header(EMAIL, TOKEN)),
            Auth::Wrong => request = request.header(header::AUTHORIZATION, basic_header(EMAIL, "wrong")),
        }
        if body.is_some() {
            request = request.header(header::CONTENT_TYPE, "application/json");
        }
        let request = request.body(Body::from(body.unwrap_or("").to_string())).unwrap();
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        Reply { status, headers, text: String::from_utf8(bytes.to_vec()).unwrap() }
    }

    pub async fn get(&self, uri: &str, auth: Auth) -> Reply {
        self.send(Method::GET, uri, auth, None).await
    }

    pub async fn put(&self, uri: &str, auth: Auth, body: &str) -> Reply {
        self.send(Method::PUT, uri, auth, Some(body)).await
    }

    pub async fn post(&self, uri: &str, body: &str) -> Reply {
        self.send(Method::POST, uri, Auth::None, Some(body)).await
    }

    /// A GET with extra request headers, answered as raw bytes (for compressed bodies).
    pub async fn get_bytes(&self, uri: &str, headers: &[(&str, &str)]) -> (u16, HeaderMap, Vec<u8>) {
        let mut request = Request::builder().method(Method::GET).uri(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = self.router.clone().oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        (status, headers, bytes.to_vec())
    }

    /// Control-API view of an app: `{"live", "draft", "putCount"}`.
    pub async fn holdings(&self, key: &str) -> Value {
        self.get(&format!("/_stand-in/apps/{key}"), Auth::None).await.json()
    }
}

/// A real listener on a free port, served on the test's runtime.
pub async fn spawn_listener(config: Config) -> SocketAddr {
    let stand_in = StandIn::bind(Config { port: 0, ..config }).await.unwrap();
    let addr = stand_in.local_addr();
    tokio::spawn(stand_in.run());
    addr
}

/// One raw HTTP/1.1 exchange. The stand-in closes every connection after one response, so
/// reading to the end gives the whole answer; an empty string means it closed without one.
pub fn raw_http(addr: SocketAddr, request: &str) -> std::io::Result<String> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.write_all(request.as_bytes())?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer)?;
    Ok(String::from_utf8_lossy(&answer).into_owned())
}

pub async fn raw_http_async(addr: SocketAddr, request: String) -> std::io::Result<String> {
    tokio::task::spawn_blocking(move || raw_http(addr, &request)).await.unwrap()
}

pub fn get_request(path: &str) -> String {
    format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n")
}

pub fn put_request(path: &str, body: &str) -> String {
    format!(
        "PUT {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        basic_header(EMAIL, TOKEN),
        body.len()
    )
}

pub fn post_request(path: &str, body: &str) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
}

/// A scratch path unique to this test process and `name`.
pub fn scratch(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("marketplace-stand-in-test-{}-{name}", std::process::id()))
}
