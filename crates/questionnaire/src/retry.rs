//! When a failed call to the Marketplace is sent again by itself: only for 429 and 5xx, a
//! few times, waiting as long as the Marketplace asks (`Retry-After`) or a little longer each
//! time. Pure, so the app and any other client decide alike.

/// The first try and up to three retries.
pub const MAX_ATTEMPTS: u32 = 4;
/// Beyond this a visible countdown is more annoying than useful: the partner is told to try
/// again later instead.
pub const LONGEST_WAIT_MS: u64 = 60_000;
/// The first pause, doubled after each further failure. Also the shortest pause ever taken:
/// a `Retry-After` of zero, or a date already past, must not make us hammer a busy server.
pub const FIRST_BACKOFF_MS: u64 = 1_000;

/// Worth sending again unchanged after a pause.
pub fn is_retryable(code: u16) -> bool {
    code == 429 || (500..=599).contains(&code)
}

/// Why no further attempt is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GiveUp {
    /// The status is not one that a pause can cure.
    NotRetryable,
    /// Every attempt was used.
    TriedEnough,
    /// The Marketplace asked for a pause longer than [`LONGEST_WAIT_MS`] (milliseconds).
    AskedToWait(u64),
}

/// How long to wait before attempt `attempts_made + 1`, in milliseconds, or why not to.
///
/// `retry_after` is the header as received; `http_date_ms` reads an HTTP date into
/// milliseconds since the epoch (the browser's `Date.parse`, or a native parser), and is only
/// asked about values that look like dates.
pub fn retry_delay_ms(
    code: u16,
    attempts_made: u32,
    retry_after: Option<&str>,
    http_date_ms: impl Fn(&str) -> Option<f64>,
    now_ms: f64,
) -> Result<u64, GiveUp> {
    if !is_retryable(code) {
        return Err(GiveUp::NotRetryable);
    }
    if attempts_made >= MAX_ATTEMPTS {
        return Err(GiveUp::TriedEnough);
    }
    let backoff = FIRST_BACKOFF_MS << attempts_made.saturating_sub(1).min(16);
    let asked = retry_after.and_then(|header| asked_wait_ms(header, http_date_ms, now_ms));
    let delay = asked.unwrap_or(backoff).max(FIRST_BACKOFF_MS);
    if delay > LONGEST_WAIT_MS {
        return Err(GiveUp::AskedToWait(delay));
    }
    Ok(delay)
}

/// `Retry-After` as milliseconds from now: delay-seconds (a decimal fraction is rounded up, as
/// some servers send one) or an HTTP date. `None` for anything else, a negative number
/// included, so the caller falls back to its own back-off rather than to no wait at all.
pub fn asked_wait_ms(header: &str, http_date_ms: impl Fn(&str) -> Option<f64>, now_ms: f64) -> Option<u64> {
    let header = header.trim();
    if header.starts_with(|c: char| c.is_ascii_digit()) {
        return seconds_as_ms(header);
    }
    // An HTTP date names its day and month in letters ("Wed, 21 Oct 2015 07:28:00 GMT").
    if !header.contains(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let at = http_date_ms(header).filter(|at| at.is_finite())?;
    Some(if at > now_ms { (at - now_ms).ceil() as u64 } else { 0 })
}

/// "3" → 3000, "1.5" → 1500, "0.0004" → 1; anything but digits with at most one point: `None`.
fn seconds_as_ms(text: &str) -> Option<u64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) || whole.len() > 9 {
        return None;
    }
    let seconds: u64 = whole.parse().ok()?;
    let mut millis = 0u64;
    let mut rest_nonzero = false;
    for (place, digit) in fraction.bytes().enumerate() {
        let digit = u64::from(digit - b'0');
        match place {
            0 => millis += digit * 100,
            1 => millis += digit * 10,
            2 => millis += digit,
            _ => rest_nonzero |= digit != 0,
        }
    }
    Some(seconds * 1000 + millis + u64::from(rest_nonzero))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_dates(_: &str) -> Option<f64> {
        None
    }

    #[test]
    fn only_busy_and_server_errors_are_retried_and_only_so_often() {
        assert_eq!(retry_delay_ms(400, 1, None, no_dates, 0.0), Err(GiveUp::NotRetryable));
        assert_eq!(retry_delay_ms(404, 1, None, no_dates, 0.0), Err(GiveUp::NotRetryable));
        assert_eq!(retry_delay_ms(503, 1, None, no_dates, 0.0), Ok(1_000));
        assert_eq!(retry_delay_ms(503, 2, None, no_dates, 0.0), Ok(2_000));
        assert_eq!(retry_delay_ms(503, 3, None, no_dates, 0.0), Ok(4_000));
        assert_eq!(retry_delay_ms(503, MAX_ATTEMPTS, None, no_dates, 0.0), Err(GiveUp::TriedEnough));
    }

    #[test]
    fn retry_after_is_honoured_in_seconds_or_as_a_date() {
        assert_eq!(retry_delay_ms(429, 1, Some("3"), no_dates, 0.0), Ok(3_000));
        assert_eq!(retry_delay_ms(429, 1, Some(" 30 "), no_dates, 0.0), Ok(30_000));
        let date = |text: &str| (text == "Wed, 21 Oct 2015 07:28:00 GMT").then_some(10_000.0);
        assert_eq!(retry_delay_ms(429, 1, Some("Wed, 21 Oct 2015 07:28:00 GMT"), date, 2_500.0), Ok(7_500));
        assert_eq!(retry_delay_ms(429, 1, Some("120"), no_dates, 0.0), Err(GiveUp::AskedToWait(120_000)));
    }

    #[test]
    fn a_fractional_negative_or_garbled_retry_after_never_becomes_a_zero_wait() {
        // "1.5" was read by the browser's Date.parse as a date in 2001: a wait of zero.
        let lenient_date_parser = |_: &str| Some(978_307_200_000.0);
        let now = 1_790_000_000_000.0;
        assert_eq!(retry_delay_ms(429, 1, Some("1.5"), lenient_date_parser, now), Ok(1_500));
        assert_eq!(retry_delay_ms(429, 1, Some("2.25"), lenient_date_parser, now), Ok(2_250));
        assert_eq!(retry_delay_ms(429, 2, Some("-5"), lenient_date_parser, now), Ok(2_000));
        assert_eq!(retry_delay_ms(429, 2, Some("soon"), |_| None, now), Ok(2_000));
        assert_eq!(retry_delay_ms(429, 1, Some("0"), lenient_date_parser, now), Ok(FIRST_BACKOFF_MS));
        // A date already past: the shortest pause, not none.
        assert_eq!(retry_delay_ms(429, 1, Some("Mon, 01 Jan 2001 00:00:00 GMT"), lenient_date_parser, now), Ok(1_000));
    }

    #[test]
    fn seconds_are_read_exactly() {
        assert_eq!(seconds_as_ms("0.0004"), Some(1));
        assert_eq!(seconds_as_ms("7."), Some(7_000));
        assert_eq!(seconds_as_ms(".5"), None);
        assert_eq!(seconds_as_ms("1.2.3"), None);
        assert_eq!(seconds_as_ms("1e3"), None);
        assert_eq!(seconds_as_ms("99999999999"), None);
    }
}
