//! A `Retry-After` header. The first 16 bytes, when there are that many, are the date the
//! browser's parser would read (or none, when not a number) and the time now; the rest is the
//! header. The checks are `questionnaire::hostile_input::retry_after`'s, the property tests' own.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (date_ms, now_ms, header) = match data.split_first_chunk::<16>() {
        Some((clock, header)) => {
            let date = f64::from_le_bytes(clock[..8].try_into().unwrap());
            let now = f64::from_le_bytes(clock[8..].try_into().unwrap());
            (Some(date).filter(|date| !date.is_nan()), now, header)
        }
        None => (None, 0.0, data),
    };
    questionnaire::hostile_input::retry_after(header, date_ms, now_ms);
});
