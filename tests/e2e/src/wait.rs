//! Waiting for what the page does in its own time: every wait in the tests goes through here,
//! asks for the condition itself, and gives up only after a generous limit (the machine may be
//! busy). No test sleeps for a fixed time instead of a condition.

use std::time::{Duration, Instant};

/// How long a condition may take to hold before a test gives up on it.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// Asks `found` every 50 ms until it gives something, for up to `within`: what it gave, or
/// `None` when time ran out (the caller says what it last saw).
pub async fn poll<T>(within: Duration, mut found: impl AsyncFnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + within;
    loop {
        if let Some(value) = found().await {
            return Some(value);
        }
        if Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until `holds` does, for up to [`PATIENCE`]; panics naming `what` otherwise.
pub async fn eventually(what: &str, mut holds: impl AsyncFnMut() -> bool) {
    if poll(PATIENCE, async || holds().await.then_some(())).await.is_none() {
        panic!("never happened within {PATIENCE:?}: {what}");
    }
}

/// Waits until `read` gives `expected`, for up to [`PATIENCE`]; panics with what it last gave
/// otherwise (`what` names what is read).
pub async fn wait_for_eq<T: PartialEq + std::fmt::Debug>(what: &str, expected: T, mut read: impl AsyncFnMut() -> T) {
    let mut last = None;
    let reached = poll(PATIENCE, async || {
        let now = read().await;
        let reached = now == expected;
        last = Some(now);
        reached.then_some(())
    })
    .await;
    assert!(reached.is_some(), "{what} did not become {expected:?} within {PATIENCE:?}; last: {last:?}");
}
