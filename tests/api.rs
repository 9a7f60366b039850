//! The API layer's pure decisions, in the browser they run in (they use the JS Date parser):
//! what config.json may say, when a failed call is tried again, and that Cancel stops it.
//! Run with `cargo test -p privacy-tab --target wasm32-unknown-unknown` (scripts/test does).

#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use privacy_tab::api::{
    next_retry, ApiError, ApiVersion, CallState, Operation, RetryingCall, RuntimeConfig, MAX_ATTEMPTS,
};
use questionnaire::retry::GiveUp;
use wasm_bindgen::JsCast;
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

/// Resolves after `ms` of the browser's clock.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `holds` does, looking again every few milliseconds; gives up after a generous
/// limit (a busy machine), naming `what`. A wait for a condition, never a measured time.
async fn until(what: &str, holds: impl Fn() -> bool) {
    let started = js_sys::Date::now();
    while !holds() {
        assert!(js_sys::Date::now() - started < 20_000.0, "never happened within 20 s: {what}");
        sleep(10).await;
    }
}

/// A call to a Marketplace that answers 503 (retried after `questionnaire::retry::FIRST_BACKOFF_MS`),
/// and how many
/// requests it has sent.
fn unavailable_call() -> (RetryingCall<u32>, Rc<Cell<u32>>) {
    let call = RetryingCall::new();
    let sent = Rc::new(Cell::new(0));
    let counted = sent.clone();
    let operation: Operation<u32> = Rc::new(move || {
        counted.set(counted.get() + 1);
        Box::pin(async { Err(status(503, None)) })
    });
    assert!(call.start(operation, Rc::new(|_| {})));
    (call, sent)
}

/// Cancel stops the retry that was waiting: its timer never fires, so nothing more is sent.
/// Two calls fail alike and wait alike; the first is cancelled. The browser runs timers of the
/// same delay in the order they were set, and the cancelled call set its timer first: so once
/// the call left alone has sent its retry, the cancelled one's would have gone out before it.
#[wasm_bindgen_test]
async fn cancel_stops_the_waiting_retry() {
    // Made as the app makes them: under a mounted view's owner, with its task executor.
    let (tx, rx) = std::sync::mpsc::channel();
    let container = web_sys::window().unwrap().document().unwrap().create_element("div").unwrap();
    let mounted = leptos::mount::mount_to(container.unchecked_into(), move || {
        tx.send((unavailable_call(), unavailable_call())).unwrap()
    });
    let ((cancelled, sent_after_cancel), (left_alone, sent_when_left)) = rx.recv().unwrap();
    let waiting = |call: RetryingCall<u32>| matches!(call.state.get_untracked(), CallState::Waiting { attempt: 1, .. });
    until("both calls wait to retry after their first 503", || waiting(cancelled) && waiting(left_alone)).await;
    cancelled.cancel();

    until("the call left alone sends its retry", || sent_when_left.get() == 2).await;
    assert!(left_alone.is_busy());
    assert_eq!(sent_after_cancel.get(), 1, "nothing was sent after Cancel");
    assert_eq!(cancelled.state.get_untracked(), CallState::Cancelled);
    drop(mounted);
}

/// The latest answer of a read made again when what it reads changes (`privacy_tab::latest`,
/// behind the live version and the review page): an answer to a read that a newer one
/// replaced is dropped, even when it arrives last, and the last answer stays while a newer
/// read runs.
#[wasm_bindgen_test]
async fn a_read_replaced_by_a_newer_one_never_overwrites_its_answer() {
    let slow_done = Rc::new(Cell::new(false));
    let done = slow_done.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let container = web_sys::window().unwrap().document().unwrap().create_element("div").unwrap();
    let mounted = leptos::mount::mount_to(container.unchecked_into(), move || {
        let asked = RwSignal::new(1_u32);
        let answer = privacy_tab::latest::latest(move || {
            let asked = asked.get();
            let done = done.clone();
            async move {
                // The first read is slow: it answers after the second.
                if asked == 1 {
                    sleep(50).await;
                    done.set(true);
                }
                asked
            }
        });
        tx.send((asked, answer)).unwrap()
    });
    let (asked, answer) = rx.recv().unwrap();
    leptos::task::tick().await;
    asked.set(2);
    until("the second read answers", || answer.get_untracked() == Some(2)).await;
    until("the first, slower read ends too", || slow_done.get()).await;
    leptos::task::tick().await;
    assert_eq!(answer.get_untracked(), Some(2), "the replaced read's late answer is dropped");
    asked.set(3);
    leptos::task::tick().await;
    assert!(matches!(answer.get_untracked(), Some(2 | 3)), "never back to nothing while reading again");
    until("the third read answers", || answer.get_untracked() == Some(3)).await;
    drop(mounted);
}
