//! The `_headers` and `_redirects` readers (`--static-headers`, `--static-redirects`) given
//! random, mutated and extreme files: each is read or refused with a message that names the
//! line and stays short, never a panic.

use marketplace_stand_in::static_files::{parse_headers_file, parse_redirects_file};
use proptest::prelude::*;

/// The longest refusal: it quotes the start of the line, not all of it.
const MAX_MESSAGE_CHARS: usize = 200;

const HEADERS: &str = "# written by scripts/build\n/*\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: default-src 'none'; script-src 'self' 'wasm-unsafe-eval'\n/*.wasm\n  Cache-Control: public, max-age=31536000, immutable\n";
const REDIRECTS: &str =
    "/preview /index.html 200\n/old /new\n/rest/2/* https://marketplace.atlassian.com/rest/2/:splat 200!\n";

fn read_or_refuse_plainly(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for refusal in [parse_headers_file(&text).err(), parse_redirects_file(&text).err()].into_iter().flatten() {
        assert!(refusal.starts_with("line "), "names the line: {}", refusal.chars().take(100).collect::<String>());
        assert!(refusal.chars().count() <= MAX_MESSAGE_CHARS, "{} characters", refusal.chars().count());
    }
}

fn mutated(valid: &'static str) -> impl Strategy<Value = Vec<u8>> {
    (prop::collection::vec((any::<u8>(), any::<prop::sample::Index>(), 0u8..4), 1..8)).prop_map(move |edits| {
        let mut bytes = valid.as_bytes().to_vec();
        for (byte, at, edit) in edits {
            let at = at.index(bytes.len() + 1);
            match edit {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                2 => {
                    bytes.drain(at..(at + usize::from(byte)).min(bytes.len()));
                }
                _ => bytes.truncate(at),
            }
        }
        bytes
    })
}

#[test]
fn extreme_files_are_refused_with_a_short_message() {
    let endless = "x".repeat(1 << 20);
    for text in [
        format!("/{endless}\n  A: b\n"),
        format!("/\n  {endless}\n"),
        format!("/\n  Name: {endless}\u{7}\n"),
        format!("{endless}\n"),
        format!("/a /b {endless}\n"),
        format!("/a /b 301 {endless}\n"),
        "/\n  A: b\n".repeat(100_000),
        "\u{feff}/\n  A: b\n".to_owned(),
        "\n".repeat(1 << 20),
    ] {
        read_or_refuse_plainly(text.as_bytes());
    }
    read_or_refuse_plainly(&[0xff, 0xfe, b'/', b'\n', b' ', b'A', b':', 0xc3, 0x28]);
    let refusal = parse_headers_file(&format!("{endless}\n")).unwrap_err();
    assert!(refusal.starts_with("line 1: a rule starts with a path: xxx"), "{}", &refusal[..60]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_headers_or_redirects_file_is_read_or_refused_plainly(
        data in prop_oneof![
            mutated(HEADERS),
            mutated(REDIRECTS),
            prop::collection::vec(any::<u8>(), 0..512),
            "([/ \\t#:!*a-z0-9]{0,20}\n){0,20}".prop_map(String::into_bytes),
        ]
    ) {
        read_or_refuse_plainly(&data);
    }
}
