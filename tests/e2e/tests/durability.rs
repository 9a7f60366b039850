//! A draft that survives the browser being killed (issue 18): every Chromium process of the
//! profile killed at once, as a crash or a power cut would, then started again on that profile.

use std::path::PathBuf;
use std::time::Duration;

use e2e::{poll, Browser, StandIn, PATIENCE};
use questionnaire::catalogue::ids;

fn contact_field() -> String {
    format!("#q-{}", ids::SECURITY_CONTACT)
}

fn fresh_profile(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("privacy-tab-crash-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Types an answer, kills the browser `after` the last keystroke, starts it again on the same
/// profile and says whether the answer is back.
async fn survives_a_crash(after: Duration) -> bool {
    let stand_in = StandIn::start();
    let profile = fresh_profile(&after.as_millis().to_string());
    let answer = format!("crash-{}@example.com", after.as_millis());

    let browser = Browser::start_on_profile(&profile).await;
    browser.open_app(&stand_in.app_url()).await;
    browser.find(&contact_field()).await.send_keys(&answer).await.unwrap();
    tokio::time::sleep(after).await; // the figure measured: time from the last keystroke to the crash
    browser.crash();

    let again = Browser::start_on_profile(&profile).await;
    again.open_app(&stand_in.app_url()).await;
    // The crash-safe copy is read after the page starts: the answer may take a moment to come
    // back. One that never does costs the measurement the whole wait (it is told as lost).
    let field = again.find(&contact_field()).await;
    let back =
        poll(PATIENCE, async || (field.prop("value").await.unwrap().as_deref() == Some(answer.as_str())).then_some(()))
            .await
            .is_some();
    drop(again);
    let _ = std::fs::remove_dir_all(&profile);
    back
}

#[tokio::test]
async fn an_answer_typed_a_second_before_a_crash_is_there_after_it() {
    assert!(survives_a_crash(Duration::from_secs(1)).await, "lost when killed 1 s after typing");
}

#[tokio::test]
async fn an_answer_typed_six_seconds_before_a_crash_is_there_after_it() {
    assert!(survives_a_crash(Duration::from_secs(6)).await, "lost when killed 6 s after typing");
}

#[tokio::test]
async fn without_indexeddb_the_draft_is_saved_as_before_and_the_status_says_it_is_not_crash_safe() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser
        .run_before_page_scripts(
            "Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('refused', 'SecurityError'); } });",
        )
        .await;
    browser.open_app(&stand_in.app_url()).await;
    browser.find(&contact_field()).await.send_keys("security@example.com").await.unwrap();
    let status = browser.wait_for_text(".autosave-status", "Saved locally at").await;
    assert!(status.contains("no crash-safe copy"), "{status}");
    browser.reload_app().await;
    browser.wait_for_text(".autosave-status", "Restored your draft").await;
    let value = browser.find(&contact_field()).await.prop("value").await.unwrap();
    assert_eq!(value.as_deref(), Some("security@example.com"), "local storage still keeps it");
    browser.close().await;
}

/// Which crash delays lose the answer, printed, never asserted (the save delay makes the shortest
/// ones a race): `cargo test -p e2e --test durability -- --ignored --nocapture`. The two tests
/// above are the guarantee; this is a measurement, quoted nowhere.
#[tokio::test]
#[ignore = "a measurement, not a test: prints which crash delays lose the answer"]
async fn measure_which_crashes_lose_the_last_answer() {
    for ms in [200, 600, 1000, 1500, 3000, 6000] {
        let kept = survives_a_crash(Duration::from_millis(ms)).await;
        println!("killed {ms:>5} ms after the last keystroke: {}", if kept { "kept" } else { "LOST" });
    }
}
