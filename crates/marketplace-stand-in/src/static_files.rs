//! Serving the built app next to the API (`--static-dir`), so the app in end-to-end tests
//! reaches the API on its own origin, as it does behind the production proxy.

use std::path::{Component, Path, PathBuf};

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::respond;
use crate::state::AppState;

pub async fn serve_or_not_found(State(state): State<AppState>, request: Request) -> Response {
    let path = request.uri().path();
    let servable = matches!(*request.method(), Method::GET | Method::HEAD)
        && !path.starts_with("/rest/")
        && !path.starts_with("/_stand-in/");
    let found = match state.static_dir() {
        Some(dir) if servable => resolve(dir, path),
        _ => None,
    };
    let Some(file) = found else {
        return respond::error(StatusCode::NOT_FOUND, format!("Not found: {path}"));
    };
    match tokio::fs::read(&file).await {
        Ok(bytes) => {
            let mut response = bytes.into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type(&file)),
            );
            // Tests rebuild the bundle between runs; a cached old one would test the wrong app.
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(e) => respond::error(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("Cannot read {path}: {e}"),
        ),
    }
}

/// The file for a URL path, refusing anything that could leave `dir`. Extension-less paths
/// that are not files are client-side routes and get `index.html`.
fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let candidate = dir.join(relative);
    if candidate.is_file() {
        return Some(candidate);
    }
    if candidate.is_dir() && candidate.join("index.html").is_file() {
        return Some(candidate.join("index.html"));
    }
    let index = dir.join("index.html");
    (relative.extension().is_none() && index.is_file()).then_some(index)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        // Browsers compile wasm while streaming only with this exact type.
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_escapes_and_falls_back_to_index_for_routes() {
        let dir = std::env::temp_dir().join(format!("stand-in-static-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<html>").unwrap();
        std::fs::write(dir.join("app.wasm"), "").unwrap();
        assert_eq!(resolve(&dir, "/"), Some(dir.join("index.html")));
        assert_eq!(resolve(&dir, "/app.wasm"), Some(dir.join("app.wasm")));
        assert_eq!(resolve(&dir, "/settings"), Some(dir.join("index.html")));
        assert_eq!(resolve(&dir, "/missing.js"), None);
        assert_eq!(resolve(&dir, "/../etc/passwd"), None);
        assert_eq!(content_type(Path::new("a.wasm")), "application/wasm");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
