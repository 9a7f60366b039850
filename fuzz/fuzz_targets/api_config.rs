//! The app's config.json. The checks are `questionnaire::hostile_input::api_config`'s, the property
//! tests' own.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| questionnaire::hostile_input::api_config(data));
