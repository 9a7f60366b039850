//! A document the widget reads (inline JSON or a .json source). The checks are
//! `questionnaire::hostile_input::widget_document`'s, the property tests' own.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| questionnaire::hostile_input::widget_document(data));
