use marketplace_stand_in::Config;

use crate::common::*;

#[tokio::test]
async fn serves_the_app_beside_the_api() {
    let dir = scratch("dist");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<html>app</html>").unwrap();
    std::fs::write(dir.join("app_bg.wasm"), [0u8, 97, 115, 109]).unwrap();
    let h = Harness::with(Config {
        static_dir: Some(dir.clone()),
        ..Config::default()
    });

    let index = h.get("/", Auth::None).await;
    assert_eq!(
        (index.status, index.text.as_str()),
        (200, "<html>app</html>")
    );
    assert!(index
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(
        h.get("/app_bg.wasm", Auth::None)
            .await
            .header("content-type"),
        Some("application/wasm")
    );
    assert_eq!(h.get("/missing.js", Auth::None).await.status, 404);
    assert_eq!(
        h.get("/rest/2/nothing", Auth::None).await.status,
        404,
        "API paths never fall back to the app"
    );
    assert_eq!(
        Harness::new().get("/", Auth::None).await.status,
        404,
        "no static dir, no app"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
