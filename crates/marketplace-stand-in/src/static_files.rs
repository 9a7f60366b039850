//! Serving the built app next to the API (`--static-dir`), so the app in end-to-end tests
//! reaches the API on its own origin, as it does behind the production proxy.
//!
//! Like a static host, it can serve the app under a path (`--static-prefix /some/path/`), with
//! the response headers the build wrote for hosts (`--static-headers dist/_headers`, Netlify's
//! format), routing the app's addresses as hosts do (`--static-redirects dist/_redirects`, the
//! same), answering other paths with a 404 page as GitHub Pages does (`--static-not-found
//! dist/404.html`), and the `.br`/`.gz` files the build wrote beside each asset when the
//! browser accepts them.

use std::io;
use std::path::{Component, Path, PathBuf};

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::config::Config;
use crate::respond;
use crate::state::AppState;

/// The built app and how to serve it.
#[derive(Debug)]
pub struct StaticSite {
    dir: PathBuf,
    /// Starts and ends with `/`.
    prefix: String,
    rules: Vec<HeaderRule>,
    /// `None`: no redirects file, so paths without an extension get `index.html` (unless
    /// there is a `not_found` page).
    routes: Option<Vec<RouteRule>>,
    /// Served with status 404 for paths that are no file and no route.
    not_found: Option<PathBuf>,
}

/// One line of a `_redirects` file: `from to [status]` (301 when no status is given).
#[derive(Debug, PartialEq)]
pub struct RouteRule {
    pub from: String,
    pub to: String,
    pub status: u16,
}

/// One block of a `_headers` file: a path pattern (`*` matches anything) and its headers.
#[derive(Debug, PartialEq)]
pub struct HeaderRule {
    pub pattern: String,
    pub headers: Vec<(HeaderName, HeaderValue)>,
}

impl StaticSite {
    /// `None` without `--static-dir`; an error when the headers file cannot be read or parsed.
    pub fn from_config(config: &Config) -> io::Result<Option<StaticSite>> {
        let Some(dir) = &config.static_dir else {
            return Ok(None);
        };
        let rules = match &config.static_headers {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display())))?;
                parse_headers_file(&text).map_err(|message| {
                    io::Error::new(io::ErrorKind::InvalidData, format!("{}: {message}", path.display()))
                })?
            }
            None => Vec::new(),
        };
        let routes = match &config.static_redirects {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display())))?;
                Some(parse_redirects_file(&text).map_err(|message| {
                    io::Error::new(io::ErrorKind::InvalidData, format!("{}: {message}", path.display()))
                })?)
            }
            None => None,
        };
        let not_found = config.static_not_found.clone();
        Ok(Some(StaticSite { dir: dir.clone(), prefix: config.static_prefix.clone(), rules, routes, not_found }))
    }

    /// The headers for a request path (relative to the prefix, starting with `/`); when no
    /// rule names the request path, the served file's own path decides (so a client-side
    /// route gets the headers of `index.html`).
    fn headers_for(&self, request_path: &str, file_path: &str) -> Vec<&(HeaderName, HeaderValue)> {
        let matching = |path: &str| -> Vec<&(HeaderName, HeaderValue)> {
            self.rules
                .iter()
                .filter(|rule| matches_pattern(&rule.pattern, path))
                .flat_map(|rule| rule.headers.iter())
                .collect()
        };
        let by_request = matching(request_path);
        if by_request.is_empty() {
            matching(file_path)
        } else {
            by_request
        }
    }
}

/// Reads Netlify's `_headers` format: a line with a path starts a rule, indented
/// `Name: value` lines below it belong to it, `#` starts a comment.
pub fn parse_headers_file(text: &str) -> Result<Vec<HeaderRule>, String> {
    let mut rules: Vec<HeaderRule> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indented = line.starts_with(' ') || line.starts_with('\t');
        if !indented {
            if !trimmed.starts_with('/') {
                return Err(format!("line {}: a rule starts with a path: {}", number + 1, shown(trimmed)));
            }
            rules.push(HeaderRule { pattern: trimmed.to_owned(), headers: Vec::new() });
            continue;
        }
        let rule = rules.last_mut().ok_or_else(|| format!("line {}: a header before any path", number + 1))?;
        let (name, value) = trimmed
            .split_once(':')
            .ok_or_else(|| format!("line {}: not `Name: value`: {}", number + 1, shown(trimmed)))?;
        let name = HeaderName::try_from(name.trim()).map_err(|e| format!("line {}: {e}", number + 1))?;
        let value = HeaderValue::try_from(value.trim()).map_err(|e| format!("line {}: {e}", number + 1))?;
        rule.headers.push((name, value));
    }
    Ok(rules)
}

/// A line as an error message quotes it: the start of it, so a file of one endless line does
/// not become an endless message.
fn shown(line: &str) -> String {
    const SHOWN_CHARS: usize = 80;
    match line.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_owned(),
    }
}

/// Reads Netlify's `_redirects` format: `from to [status]` a line (a trailing `!` on the status,
/// Netlify's "force", is accepted), `#` starts a comment.
pub fn parse_redirects_file(text: &str) -> Result<Vec<RouteRule>, String> {
    let mut rules = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        let (from, to, status) = match parts.as_slice() {
            [from, to] => (*from, *to, "301"),
            [from, to, status] => (*from, *to, *status),
            _ => return Err(format!("line {}: not `from to [status]`: {}", number + 1, shown(line))),
        };
        if !from.starts_with('/') {
            return Err(format!("line {}: a rule starts with a path: {}", number + 1, shown(line)));
        }
        let status = status
            .trim_end_matches('!')
            .parse()
            .map_err(|_| format!("line {}: not a status: {}", number + 1, shown(status)))?;
        rules.push(RouteRule { from: from.to_owned(), to: to.to_owned(), status });
    }
    Ok(rules)
}

/// What a path with no file of its own gets by the rules: the first that applies. Rules to
/// another origin (forwarding the API, which the stand-in serves itself) are skipped.
fn route<'a>(routes: &'a [RouteRule], path: &str) -> Option<&'a RouteRule> {
    routes
        .iter()
        .filter(|rule| !rule.to.starts_with("http://") && !rule.to.starts_with("https://"))
        .find(|rule| matches_pattern(&rule.from, path))
}

/// `*` matches any run of characters (Netlify's splat); everything else literally.
fn matches_pattern(pattern: &str, path: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = path.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

pub async fn serve_or_not_found(State(state): State<AppState>, request: Request) -> Response {
    let path = request.uri().path();
    let servable = matches!(*request.method(), Method::GET | Method::HEAD)
        && !path.starts_with("/rest/")
        && !path.starts_with("/_stand-in/");
    let not_found = || respond::error(StatusCode::NOT_FOUND, format!("Not found: {path}"));
    let Some(site) = state.static_site().filter(|_| servable) else {
        return not_found();
    };
    // Relative asset URLs need the trailing slash, as on any static host.
    if site.prefix != "/" && path == site.prefix.trim_end_matches('/') {
        return redirect(&site.prefix, request.uri().query());
    }
    let Some(relative) = path.strip_prefix(&site.prefix) else {
        return not_found();
    };
    if !relative.is_empty() && !relative.ends_with('/') && is_folder(&site.dir, relative) {
        return redirect(&format!("{path}/"), request.uri().query());
    }
    let routed = match &site.routes {
        Some(routes) if resolve(&site.dir, relative, false).is_none() => route(routes, &format!("/{relative}")),
        _ => None,
    };
    let file = match routed {
        Some(rule) if rule.status == 200 => resolve(&site.dir, &rule.to, false),
        Some(rule) if matches!(rule.status, 301 | 302 | 307 | 308) => {
            return redirect_with(rule.status, &format!("{}{}", site.prefix, rule.to.trim_start_matches('/')), None);
        }
        Some(_) => None,
        None => resolve(&site.dir, relative, site.routes.is_none() && site.not_found.is_none()),
    };
    let (file, status) = match (file, &site.not_found) {
        (Some(file), _) => (file, StatusCode::OK),
        (None, Some(page)) => (page.clone(), StatusCode::NOT_FOUND),
        (None, None) => return not_found(),
    };
    let encoding = accepted_variant(&file, request.headers());
    let body_file = match encoding {
        Some(extension) => with_extension_appended(&file, extension),
        None => file.clone(),
    };
    match tokio::fs::read(&body_file).await {
        Ok(bytes) => {
            let mut response = (status, bytes).into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(&file)));
            if let Some(extension) = encoding {
                let coding = if extension == "br" { "br" } else { "gzip" };
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
            }
            if has_variants(&file) {
                headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
            }
            // Tests rebuild the bundle between runs; a cached old one would test the wrong
            // app. A headers file (content-hashed names) may say otherwise.
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            let file_path = format!("/{}", file.strip_prefix(&site.dir).unwrap_or(&file).to_string_lossy());
            for (name, value) in site.headers_for(&format!("/{relative}"), &file_path) {
                headers.insert(name.clone(), value.clone());
            }
            response
        }
        Err(e) => respond::error(StatusCode::INTERNAL_SERVER_ERROR, format!("Cannot read {path}: {e}")),
    }
}

fn redirect(location: &str, query: Option<&str>) -> Response {
    redirect_with(308, location, query)
}

fn redirect_with(status: u16, location: &str, query: Option<&str>) -> Response {
    let target = match query {
        Some(query) => format!("{location}?{query}"),
        None => location.to_owned(),
    };
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::PERMANENT_REDIRECT);
    let mut response = status.into_response();
    if let Ok(value) = HeaderValue::try_from(target) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// Whether the URL path (relative to the prefix) names a folder of the site.
fn is_folder(dir: &Path, url_path: &str) -> bool {
    let relative = Path::new(url_path);
    relative.components().all(|c| matches!(c, Component::Normal(_))) && dir.join(relative).is_dir()
}

/// `br` or `gz` when that file exists beside `file` and the request accepts its coding.
fn accepted_variant(file: &Path, request_headers: &HeaderMap) -> Option<&'static str> {
    let accepted = request_headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next()?.trim().to_ascii_lowercase();
            let refused = parts.any(|param| param.trim().replace(' ', "") == "q=0");
            (!refused).then_some(name)
        })
        .collect::<Vec<_>>();
    [("br", "br"), ("gzip", "gz")]
        .into_iter()
        .find(|(coding, extension)| {
            accepted.iter().any(|a| a == coding) && with_extension_appended(file, extension).is_file()
        })
        .map(|(_, extension)| extension)
}

fn has_variants(file: &Path) -> bool {
    ["br", "gz"].iter().any(|extension| with_extension_appended(file, extension).is_file())
}

fn with_extension_appended(file: &Path, extension: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

/// The file for a URL path (relative to the prefix), refusing anything that could leave
/// `dir`. With `fallback`, extension-less paths that are not files are taken for client-side
/// routes and get `index.html` (when no redirects file says which paths are routes).
fn resolve(dir: &Path, url_path: &str, fallback: bool) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    if !relative.components().all(|c| matches!(c, Component::Normal(_))) {
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
    (fallback && relative.extension().is_none() && index.is_file()).then_some(index)
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
        assert_eq!(resolve(&dir, "/", false), Some(dir.join("index.html")));
        assert_eq!(resolve(&dir, "/app.wasm", false), Some(dir.join("app.wasm")));
        assert_eq!(resolve(&dir, "/settings", true), Some(dir.join("index.html")));
        assert_eq!(resolve(&dir, "/settings", false), None, "routes come from the redirects file then");
        assert_eq!(resolve(&dir, "/missing.js", true), None);
        assert_eq!(resolve(&dir, "/../etc/passwd", true), None);
        assert_eq!(content_type(Path::new("a.wasm")), "application/wasm");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn reads_netlify_headers_files() {
        let rules = parse_headers_file(
            "# comment\n/\n  Cache-Control: no-cache\n  Content-Security-Policy: default-src 'none'; script-src 'self'\n\n/*.wasm\n  Cache-Control: immutable\n",
        )
        .unwrap();
        assert_eq!(rules.len(), 2);
        assert_eq!(rules[0].pattern, "/");
        assert_eq!(rules[0].headers[1].1, "default-src 'none'; script-src 'self'");
        assert_eq!(rules[1].headers, vec![(header::CACHE_CONTROL, HeaderValue::from_static("immutable"))]);
        assert!(parse_headers_file("  Cache-Control: x\n").is_err(), "a header needs a path above it");
        assert!(parse_headers_file("/\n  no colon\n").is_err());
    }

    #[test]
    fn reads_netlify_redirects_files_and_skips_rules_to_other_origins() {
        let rules = parse_redirects_file(
            "# comment\n/preview  /index.html  200\n/old /new\n/rest/2/*  https://marketplace.atlassian.com/rest/2/:splat  200!\n",
        )
        .unwrap();
        assert_eq!(rules[0], RouteRule { from: "/preview".into(), to: "/index.html".into(), status: 200 });
        assert_eq!(rules[1].status, 301, "a redirect unless it says otherwise");
        assert_eq!(rules[2].status, 200);
        assert_eq!(route(&rules, "/preview").map(|rule| rule.to.as_str()), Some("/index.html"));
        assert_eq!(route(&rules, "/rest/2/addons/x"), None, "the stand-in serves the API itself");
        assert_eq!(route(&rules, "/elsewhere"), None);
        assert!(parse_redirects_file("preview /index.html 200\n").is_err(), "a rule starts with a path");
        assert!(parse_redirects_file("/a /b ok\n").is_err());
        assert!(parse_redirects_file("/a\n").is_err());
    }

    #[test]
    fn splats_match_any_run_of_characters() {
        assert!(matches_pattern("/", "/"));
        assert!(!matches_pattern("/", "/index.html"));
        assert!(matches_pattern("/*", "/index.html"));
        assert!(matches_pattern("/*.wasm", "/app-1_bg.wasm"));
        assert!(!matches_pattern("/*.wasm", "/app.js"));
        assert!(matches_pattern("/a/*/c", "/a/b/c"));
        assert!(!matches_pattern("/a/*/c", "/a/b/d"));
    }
}
