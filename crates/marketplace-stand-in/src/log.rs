//! One stderr line per request: method, path and query, status, time. Headers are never
//! logged, so the Authorization header (the API token) cannot leak.

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

pub async fn log_request(request: Request, next: Next) -> Response {
    let mut entry = Entry {
        method: request.method().to_string(),
        target: request.uri().path_and_query().map_or_else(|| request.uri().path().to_string(), |pq| pq.to_string()),
        started: Instant::now(),
        status: None,
    };
    let response = next.run(request).await;
    entry.status = Some(response.status().as_u16());
    response
}

/// Logs on drop, so a request whose connection is dropped mid-way (the `drop` fault) is
/// logged too.
struct Entry {
    method: String,
    target: String,
    started: Instant,
    status: Option<u16>,
}

impl Drop for Entry {
    fn drop(&mut self) {
        let outcome = self.status.map_or_else(|| "connection dropped".to_string(), |status| status.to_string());
        eprintln!("{} {} -> {} ({} ms)", self.method, self.target, outcome, self.started.elapsed().as_millis());
    }
}
