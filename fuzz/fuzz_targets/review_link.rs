//! A review link's fragment, and the payload it inflates to. The checks are
//! `questionnaire::hostile_input::review_link`'s, the property tests' own.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| questionnaire::hostile_input::review_link(data));
