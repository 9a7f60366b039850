//! A draft file chosen for import, and the draft kept in local storage. The checks are
//! `questionnaire::hostile_input::draft_file`'s, the property tests' own.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| questionnaire::hostile_input::draft_file(data));
