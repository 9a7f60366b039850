//! The pure crate decides when to retry ([`questionnaire::retry`]); this reads the failure
//! and lends it the browser's HTTP-date parser.

use questionnaire::retry::{retry_delay_ms, GiveUp};

use super::error::ApiError;

pub use questionnaire::retry::MAX_ATTEMPTS;

/// How long to wait before attempt `attempts_made + 1`, or why not to try again.
pub fn next_retry(error: &ApiError, attempts_made: u32, now_ms: f64) -> Result<u64, GiveUp> {
    let ApiError::Status { code, retry_after, .. } = error else { return Err(GiveUp::NotRetryable) };
    retry_delay_ms(*code, attempts_made, retry_after.as_deref(), browser_date_ms, now_ms)
}

fn browser_date_ms(text: &str) -> Option<f64> {
    let at = js_sys::Date::parse(text);
    (!at.is_nan()).then_some(at)
}
