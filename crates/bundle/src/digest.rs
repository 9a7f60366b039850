//! The digests the bundle is checked by: Subresource Integrity (what a browser verifies a file
//! against), CSP source hashes (what lets one inline script run) and the loader's name.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

/// `integrity="…"` for `bytes`: sha384, as Trunk writes it.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", STANDARD.encode(Sha384::digest(bytes)))
}

/// A CSP source that allows an inline script or style whose text is `text`.
pub fn csp_source(text: &str) -> String {
    format!("'sha256-{}'", STANDARD.encode(Sha256::digest(text.as_bytes())))
}

/// A content hash for a file name: 16 hex digits, as long as Trunk's.
pub fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)[..8].iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Known values (`openssl dgst -sha384 -binary | base64`): a browser compares these bytes.
    #[test]
    fn digests_are_the_ones_browsers_compute() {
        assert_eq!(integrity(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
        assert_eq!(csp_source("abc"), "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
        assert_eq!(short_hash(b"abc"), "ba7816bf8f01cfea");
    }
}
