//! The stand-in's `_headers` and `_redirects` readers (`--static-headers`,
//! `--static-redirects`): read, or refused with a short message naming the line, as
//! crates/marketplace-stand-in/tests/stand_in/hostile_files.rs checks.
#![no_main]

use marketplace_stand_in::static_files::{parse_headers_file, parse_redirects_file};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for refusal in [parse_headers_file(&text).err(), parse_redirects_file(&text).err()].into_iter().flatten() {
        assert!(refusal.starts_with("line "), "{refusal}");
        assert!(refusal.chars().count() <= 200, "{} characters", refusal.chars().count());
    }
});
