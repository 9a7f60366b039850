use marketplace_stand_in::Config;

use crate::common::*;

#[tokio::test]
async fn serves_the_app_beside_the_api() {
    let dir = scratch("dist");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<html>app</html>").unwrap();
    std::fs::write(dir.join("app_bg.wasm"), [0u8, 97, 115, 109]).unwrap();
    let h = Harness::with(Config { static_dir: Some(dir.clone()), ..Config::default() });

    let index = h.get("/", Auth::None).await;
    assert_eq!((index.status, index.text.as_str()), (200, "<html>app</html>"));
    assert!(index.header("content-type").unwrap().starts_with("text/html"));
    assert_eq!(h.get("/app_bg.wasm", Auth::None).await.header("content-type"), Some("application/wasm"));
    assert_eq!(h.get("/missing.js", Auth::None).await.status, 404);
    assert_eq!(h.get("/rest/2/nothing", Auth::None).await.status, 404, "API paths never fall back to the app");
    assert_eq!(Harness::new().get("/", Auth::None).await.status, 404, "no static dir, no app");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn serves_a_host_s_view_under_a_prefix_with_headers_and_precompressed_files() {
    let dir = scratch("dist-hosted");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<html>app</html>").unwrap();
    std::fs::write(dir.join("app-0123456789abcdef.js"), "plain js").unwrap();
    std::fs::write(dir.join("app-0123456789abcdef.js.br"), "brotli bytes").unwrap();
    std::fs::write(dir.join("app-0123456789abcdef.js.gz"), "gzip bytes").unwrap();
    let headers_file = dir.join("_headers");
    std::fs::write(
        &headers_file,
        "/\n  Cache-Control: no-cache\n  Content-Security-Policy: default-src 'none'\n/index.html\n  Cache-Control: no-cache\n/app-*.js\n  Cache-Control: immutable\n",
    )
    .unwrap();
    let h = Harness::with(Config {
        static_dir: Some(dir.clone()),
        static_prefix: "/some/path/".into(),
        static_headers: Some(headers_file),
        ..Config::default()
    });

    let (status, headers, body) = h.get_bytes("/some/path/", &[]).await;
    assert_eq!((status, body.as_slice()), (200, b"<html>app</html>".as_slice()));
    assert_eq!(headers["cache-control"], "no-cache");
    assert_eq!(headers["content-security-policy"], "default-src 'none'");

    let (status, headers, _) = h.get_bytes("/some/path", &[]).await;
    assert_eq!(
        (status, headers.get("location").map(|v| v.to_str().unwrap())),
        (308, Some("/some/path/")),
        "the page needs its trailing slash"
    );
    assert_eq!(h.get_bytes("/index.html", &[]).await.0, 404, "nothing outside the prefix");

    let asset = "/some/path/app-0123456789abcdef.js";
    let (_, headers, body) = h.get_bytes(asset, &[("accept-encoding", "gzip, deflate, br")]).await;
    assert_eq!((headers["content-encoding"].to_str().unwrap(), body.as_slice()), ("br", b"brotli bytes".as_slice()));
    assert_eq!(headers["content-type"], "text/javascript; charset=utf-8", "the type of what it decodes to");
    assert_eq!(headers["vary"], "Accept-Encoding");
    assert_eq!(headers["cache-control"], "immutable");
    let (_, headers, body) = h.get_bytes(asset, &[("accept-encoding", "gzip, br;q=0")]).await;
    assert_eq!((headers["content-encoding"].to_str().unwrap(), body.as_slice()), ("gzip", b"gzip bytes".as_slice()));
    let (_, headers, body) = h.get_bytes(asset, &[]).await;
    assert_eq!((headers.get("content-encoding"), body.as_slice()), (None, b"plain js".as_slice()));

    std::fs::create_dir_all(dir.join("widget")).unwrap();
    std::fs::write(dir.join("widget/index.html"), "<html>widget</html>").unwrap();
    let (status, headers, _) = h.get_bytes("/some/path/widget", &[]).await;
    assert_eq!(
        (status, headers.get("location").map(|v| v.to_str().unwrap())),
        (308, Some("/some/path/widget/")),
        "a folder too"
    );
    assert_eq!(h.get_bytes("/some/path/widget/", &[]).await.2, b"<html>widget</html>");

    let (_, headers, _) = h.get_bytes("/some/path/a/client/route", &[]).await;
    assert_eq!(headers["cache-control"], "no-cache", "a client-side route gets index.html's headers");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_redirects_file_decides_which_paths_are_the_app_s_routes() {
    let dir = scratch("dist-routed");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<html>app</html>").unwrap();
    std::fs::write(dir.join("robots.txt"), "User-agent: *").unwrap();
    std::fs::write(
        dir.join("_redirects"),
        "/preview /index.html 200\n/old-preview /preview 301\n/rest/2/* https://marketplace.atlassian.com/rest/2/:splat 200\n",
    )
    .unwrap();
    std::fs::write(dir.join("_headers"), "/index.html\n  Cache-Control: no-cache\n/preview\n  X-Route: preview\n")
        .unwrap();
    let h = Harness::with(Config {
        static_dir: Some(dir.clone()),
        static_prefix: "/some/path/".into(),
        static_headers: Some(dir.join("_headers")),
        static_redirects: Some(dir.join("_redirects")),
        ..Config::default()
    });

    let (status, headers, body) = h.get_bytes("/some/path/preview", &[]).await;
    assert_eq!((status, body.as_slice()), (200, b"<html>app</html>".as_slice()), "a route is served its page");
    assert_eq!(headers["x-route"], "preview", "with the headers the route's own path is given");
    let (status, headers, _) = h.get_bytes("/some/path/old-preview", &[]).await;
    assert_eq!((status, headers.get("location").map(|v| v.to_str().unwrap())), (301, Some("/some/path/preview")));
    assert_eq!(h.get_bytes("/some/path/robots.txt", &[]).await.2, b"User-agent: *", "files come first");
    assert_eq!(h.get_bytes("/some/path/no-such-page", &[]).await.0, 404, "no rule, no page: as on the host");
    assert_eq!(h.get_bytes("/rest/2/addons/x/privacy-and-security", &[]).await.0, 404, "the API is the stand-in's own");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// As GitHub Pages: no routing, but a `404.html` for every path that is no file, with status
/// 404 (its page loads, the address stays).
#[tokio::test]
async fn paths_that_are_no_file_get_the_404_page_when_there_is_one() {
    let dir = scratch("dist-pages");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<html>app</html>").unwrap();
    std::fs::write(dir.join("404.html"), "<html>app, elsewhere</html>").unwrap();
    let h = Harness::with(Config {
        static_dir: Some(dir.clone()),
        static_prefix: "/repo/".into(),
        static_not_found: Some(dir.join("404.html")),
        ..Config::default()
    });

    assert_eq!(h.get_bytes("/repo/", &[]).await.2, b"<html>app</html>", "the folder is its index");
    let (status, headers, body) = h.get_bytes("/repo/preview", &[]).await;
    assert_eq!((status, body.as_slice()), (404, b"<html>app, elsewhere</html>".as_slice()));
    assert!(headers["content-type"].to_str().unwrap().starts_with("text/html"));
    assert_eq!(h.get_bytes("/repo/missing.js", &[]).await.2, b"<html>app, elsewhere</html>", "any path");
    assert_eq!(h.get_bytes("/rest/2/addons/x/privacy-and-security", &[]).await.0, 404, "the API is the stand-in's own");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_broken_headers_file_stops_the_start() {
    let dir = scratch("dist-bad-headers");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("_headers"), "  Cache-Control: no-cache\n").unwrap();
    let config =
        Config { static_dir: Some(dir.clone()), static_headers: Some(dir.join("_headers")), ..Config::default() };
    assert!(marketplace_stand_in::AppState::new(&config).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}
