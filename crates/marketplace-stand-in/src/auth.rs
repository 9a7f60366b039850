//! HTTP Basic auth against the one configured partner account.

use axum::http::{header, HeaderMap};
use axum::response::Response;

use crate::respond;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caller {
    Anonymous,
    Partner,
    /// Credentials were sent but are wrong: always 401, even where anonymous would do, because
    /// a client with a bad token should find out on its first request.
    Rejected,
}

#[derive(Clone, Debug)]
pub struct Credentials {
    /// Compared against the header as sent, so the token itself is never decoded or kept in
    /// a second form that could end up in a log.
    expected: String,
}

impl Credentials {
    pub fn new(email: &str, token: &str) -> Self {
        Credentials { expected: encode_base64(format!("{email}:{token}").as_bytes()) }
    }

    pub fn caller(&self, headers: &HeaderMap) -> Caller {
        let Some(value) = headers.get(header::AUTHORIZATION) else {
            return Caller::Anonymous;
        };
        let accepted =
            value.to_str().ok().and_then(|value| value.trim().split_once(' ')).is_some_and(|(scheme, encoded)| {
                scheme.eq_ignore_ascii_case("basic") && encoded.trim() == self.expected
            });
        if accepted {
            Caller::Partner
        } else {
            Caller::Rejected
        }
    }

    /// The 401 for anyone but the partner, for endpoints that always need auth.
    pub fn refusal(&self, headers: &HeaderMap) -> Option<Response> {
        match self.caller(headers) {
            Caller::Partner => None,
            Caller::Anonymous => Some(respond::unauthorized("Authentication required")),
            Caller::Rejected => Some(respond::unauthorized("Invalid credentials")),
        }
    }
}

/// `Authorization` header value for these credentials; public so tests and tools can build it.
pub fn basic_header(email: &str, token: &str) -> String {
    format!("Basic {}", encode_base64(format!("{email}:{token}").as_bytes()))
}

/// Standard padded base64: a dozen lines instead of another dependency.
pub fn encode_base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn base64_matches_known_vectors() {
        assert_eq!(encode_base64(b""), "");
        assert_eq!(encode_base64(b"f"), "Zg==");
        assert_eq!(encode_base64(b"fo"), "Zm8=");
        assert_eq!(encode_base64(b"foo"), "Zm9v");
        assert_eq!(encode_base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(
            encode_base64(b"partner@example.com:stand-in-token"),
            "cGFydG5lckBleGFtcGxlLmNvbTpzdGFuZC1pbi10b2tlbg=="
        );
    }

    #[test]
    fn classifies_callers() {
        let credentials = Credentials::new("a@b.c", "t");
        let mut headers = HeaderMap::new();
        assert_eq!(credentials.caller(&headers), Caller::Anonymous);
        headers.insert(header::AUTHORIZATION, HeaderValue::from_str(&basic_header("a@b.c", "t")).unwrap());
        assert_eq!(credentials.caller(&headers), Caller::Partner);
        headers.insert(header::AUTHORIZATION, HeaderValue::from_str(&basic_header("a@b.c", "x")).unwrap());
        assert_eq!(credentials.caller(&headers), Caller::Rejected);
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer abc"));
        assert_eq!(credentials.caller(&headers), Caller::Rejected);
    }
}
