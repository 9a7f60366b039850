//! When to send a request again by itself: only for 429 and 5xx, a few times, waiting as long
//! as the Marketplace asks (`Retry-After`) or else a little longer each time.

use super::error::{is_retryable, ApiError};

/// The first try and up to three retries.
pub const MAX_ATTEMPTS: u32 = 4;
/// Beyond this a visible countdown is more annoying than useful: the partner is told to try
/// again later instead.
pub const LONGEST_WAIT_MS: f64 = 60_000.0;
const FIRST_BACKOFF_MS: f64 = 1_000.0;

/// How long to wait before attempt `attempts_made + 1`, or `None` to stop and tell the partner.
pub fn retry_delay_ms(error: &ApiError, attempts_made: u32, now_ms: f64) -> Option<f64> {
    let ApiError::Status { code, retry_after, .. } = error else { return None };
    if !is_retryable(*code) || attempts_made >= MAX_ATTEMPTS {
        return None;
    }
    let backoff = FIRST_BACKOFF_MS * f64::from(2u32.pow(attempts_made.saturating_sub(1)));
    let delay = retry_after.as_deref().and_then(|header| retry_after_ms(header, now_ms)).unwrap_or(backoff);
    (delay <= LONGEST_WAIT_MS).then_some(delay)
}

/// `Retry-After` as milliseconds from now: a number of seconds or an HTTP date.
pub fn retry_after_ms(header: &str, now_ms: f64) -> Option<f64> {
    let header = header.trim();
    if let Ok(seconds) = header.parse::<u32>() {
        return Some(f64::from(seconds) * 1000.0);
    }
    let at = js_sys::Date::parse(header);
    (!at.is_nan()).then(|| (at - now_ms).max(0.0))
}
