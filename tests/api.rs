//! The API layer's pure decisions, in the browser they run in (they use the JS Date parser):
//! what config.json may say, and when a failed call is tried again.
//! Run with `cargo test -p privacy-tab --target wasm32-unknown-unknown` (scripts/test does).

#![cfg(target_arch = "wasm32")]

use privacy_tab::api::{next_retry, ApiError, ApiVersion, RuntimeConfig, MAX_ATTEMPTS};
use questionnaire::retry::GiveUp;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn status(code: u16, retry_after: Option<&str>) -> ApiError {
    ApiError::Status { code, body: String::new(), retry_after: retry_after.map(str::to_owned) }
}

#[wasm_bindgen_test]
fn config_json_sets_the_version_and_base_and_defaults_the_rest() {
    assert_eq!(RuntimeConfig::parse("{}").unwrap(), RuntimeConfig::default());
    assert_eq!(RuntimeConfig::default().api_base, "/rest/2");
    let v3 = RuntimeConfig::parse(r#"{"apiVersion": 3}"#).unwrap();
    assert_eq!((v3.api_version, v3.api_base.as_str()), (ApiVersion::V3, "/rest/3"));
    let proxied = RuntimeConfig::parse(
        r#"{"apiBase": "https://proxy.example.com/mp/rest/2/", "apiVersion": "v2", "later": true}"#,
    )
    .unwrap();
    assert_eq!(
        proxied.api_base, "https://proxy.example.com/mp/rest/2",
        "a trailing slash is dropped; unknown keys ignored"
    );
}

#[wasm_bindgen_test]
fn config_json_that_is_wrong_says_what_is_wrong() {
    assert!(RuntimeConfig::parse("not json").unwrap_err().contains("not JSON"));
    assert!(RuntimeConfig::parse("[]").unwrap_err().contains("object"));
    assert!(RuntimeConfig::parse(r#"{"apiVersion": 4}"#).unwrap_err().contains("apiVersion must be 2 or 3"));
    assert!(RuntimeConfig::parse(r#"{"apiBase": ""}"#).unwrap_err().contains("apiBase"));
}

#[wasm_bindgen_test]
fn busy_and_failing_answers_are_retried_with_backoff_a_few_times() {
    let now = 1_700_000_000_000.0;
    assert_eq!(next_retry(&status(500, None), 1, now), Ok(1000));
    assert_eq!(next_retry(&status(503, None), 2, now), Ok(2000));
    assert_eq!(next_retry(&status(502, None), 3, now), Ok(4000));
    assert_eq!(
        next_retry(&status(500, None), MAX_ATTEMPTS, now),
        Err(GiveUp::TriedEnough),
        "at most {MAX_ATTEMPTS} attempts"
    );
    for code in [400, 401, 403, 404, 409] {
        assert_eq!(next_retry(&status(code, None), 1, now), Err(GiveUp::NotRetryable), "{code} is not retried");
    }
    assert_eq!(
        next_retry(&ApiError::Network, 1, now),
        Err(GiveUp::NotRetryable),
        "a dropped connection waits for the partner"
    );
}

#[wasm_bindgen_test]
fn retry_after_is_honoured_in_seconds_or_as_a_date_unless_it_is_too_long() {
    let now = js_sys::Date::parse("Wed, 21 Oct 2026 07:28:00 GMT");
    assert_eq!(next_retry(&status(429, Some("7")), 1, now), Ok(7000));
    assert_eq!(next_retry(&status(429, Some("Wed, 21 Oct 2026 07:28:05 GMT")), 1, now), Ok(5000));
    assert_eq!(
        next_retry(&status(429, Some("Wed, 21 Oct 2026 07:27:00 GMT")), 1, now),
        Ok(1000),
        "a date in the past: the shortest pause"
    );
    assert_eq!(next_retry(&status(429, Some("soon")), 2, now), Ok(2000), "an unreadable header falls back to backoff");
    assert_eq!(
        next_retry(&status(429, Some("3600")), 1, now),
        Err(GiveUp::AskedToWait(3_600_000)),
        "an hour is not a countdown: the partner is told instead"
    );
}

/// Chromium's `Date.parse` reads "1.5" and "-5" as dates in 2001 and 2005: read as dates,
/// they were waits of zero (the retry came at once, hammering a busy Marketplace).
#[wasm_bindgen_test]
fn a_fractional_or_negative_retry_after_is_never_a_zero_wait() {
    let now = js_sys::Date::parse("Wed, 21 Oct 2026 07:28:00 GMT");
    assert!(!js_sys::Date::parse("1.5").is_nan(), "the browser's parser takes it for a date");
    assert_eq!(next_retry(&status(429, Some("1.5")), 1, now), Ok(1500));
    assert_eq!(next_retry(&status(503, Some("-5")), 2, now), Ok(2000), "falls back to backoff");
}
