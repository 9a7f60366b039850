//! A Marketplace API response body (v2, v3 or bare TrustInfo), and an error body. The checks are
//! `questionnaire::hostile_input::api_body`'s, the property tests' own.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| questionnaire::hostile_input::api_body(data));
