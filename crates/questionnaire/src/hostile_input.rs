//! Every reader of input from outside (a link, a file, a server, a page), as one entry point
//! each that takes any bytes and checks what must hold whatever they are: the reader returns
//! (no panic, no endless loop), what it makes of the input is in proportion to it (memory), and
//! a refusal says why in a sentence of bounded length.
//!
//! The property tests below feed them random and mutated inputs in `cargo test -p
//! questionnaire` (so in scripts/test); the cargo-fuzz targets in `fuzz/` feed them the same way
//! for as long as one likes. Compiled only for those (`cfg(test)`, feature `fuzzing`): the app
//! never calls them.

use serde_json::Value;

use crate::answers::Answer;
use crate::api_config::ApiConfig;
use crate::draft::{self, Draft};
use crate::{embed, response_errors, retry, review_link, wire};

/// The longest a refusal may be: it is shown to a person, so it never echoes a megabyte back.
pub const MAX_MESSAGE_CHARS: usize = 1000;

/// The app key an imported API document is given (it carries none).
const APP_KEY: &str = "com.example.fuzzed";

fn said_clearly(reader: &str, message: &str) {
    assert!(!message.trim().is_empty(), "{reader}: a refusal with no words");
    let chars = message.chars().count();
    assert!(chars <= MAX_MESSAGE_CHARS, "{reader}: a refusal of {chars} characters: {}…", prefix(message));
}

/// What a reader writes back from what it read (a PUT body, an export, a payload) is at most
/// this many times the input, plus [`MAX_OVERHEAD_BYTES`] (the catalogue's own names, the
/// export's indentation).
const MAX_GROWTH: usize = 8;
const MAX_OVERHEAD_BYTES: usize = 256 * 1024;

fn in_proportion(reader: &str, written: usize, read: usize) {
    assert!(written <= MAX_GROWTH * read + MAX_OVERHEAD_BYTES, "{reader}: {read} bytes read, {written} written");
}

fn prefix(text: &str) -> String {
    text.chars().take(200).collect()
}

/// Text as the browser reads a file or a response: invalid UTF-8 becomes U+FFFD.
fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// A review link's fragment (`compressed_of`), and `data` as the payload it inflated to
/// (`answers_of`). What is read writes a payload that reads back.
pub fn review_link(data: &[u8]) {
    let fragment = text(data);
    match review_link::compressed_of(&fragment) {
        Ok(compressed) => assert!(compressed.len() <= fragment.len(), "decoding never grows"),
        Err(error) => said_clearly("review link", &error.to_string()),
    }
    match review_link::answers_of(data) {
        Ok(answers) => {
            let payload = review_link::payload(&answers);
            in_proportion("review link payload", payload.len(), data.len());
            assert!(review_link::answers_of(&payload).is_ok(), "what was read writes back");
        }
        Err(error) => said_clearly("review link payload", &error.to_string()),
    }
}

/// A draft file chosen for import, and the draft kept in local storage. What is read exports
/// and stores as a draft that reads back.
pub fn draft_file(data: &[u8]) {
    let file = text(data);
    match draft::import(&file, APP_KEY, 0.0) {
        Ok(imported) => {
            let exported = draft::export_json(&imported.draft);
            in_proportion("draft import", exported.len(), file.len());
            assert!(draft::import(&exported, APP_KEY, 0.0).is_ok(), "an imported draft exports readably");
        }
        Err(error) => said_clearly("draft import", &error.to_string()),
    }
    match draft::restore(&file) {
        Ok(restored) => {
            let stored = restored.draft.to_json();
            in_proportion("stored draft", stored.len(), file.len());
            assert!(Draft::parse(&stored).is_ok(), "a restored draft stores readably");
        }
        Err(error) => said_clearly("stored draft", &error.to_string()),
    }
}

/// A Marketplace API response body, v2 (`appTrustInformation`), v3 (`commonCloud`) or bare,
/// as the app reads a GET and writes its PUT over it (changing no answer it read, inventing
/// none); and as an error body.
pub fn api_body(data: &[u8]) {
    let body = text(data);
    let _ = response_errors::read_error_body(&body);
    let Ok(json) = serde_json::from_str::<Value>(&body) else { return };
    let answers = wire::from_trust_info(&json);
    let _ = wire::is_trust_info(&json);
    let _ = wire::unknown_fields(&json);
    // Answers the app will not send (an invalid link, say) are listed before a submit and left
    // out; every answer the PUT does carry is one that was read.
    for put in [wire::to_put_body_over(&json, &answers), wire::to_v3_put_body_over(&json, &answers)] {
        in_proportion("PUT body", put.to_string().len(), body.len());
        for (id, sent) in wire::from_trust_info(&put).iter() {
            // A box never ticked is sent as not ticked.
            let read = answers.get(id).unwrap_or(&Answer::Flag(false));
            assert_eq!(read, sent, "{id} changed in the PUT written over {}", prefix(&body));
        }
    }
}

/// A document the widget reads: inline JSON in a page, or a `.json` source. A document
/// nested deeper than the widget reads is refused before it is parsed.
pub fn widget_document(data: &[u8]) {
    let document = text(data);
    let read = embed::read_document(&document);
    if let Err(error) = embed::refuse_deep_nesting(&document) {
        said_clearly("widget nesting", &error);
        assert!(read.is_err(), "what is too deep for the widget is too deep everywhere");
    }
    if let Err(error) = read {
        said_clearly("widget document", &error);
    }
}

/// The app's `config.json`.
pub fn api_config(data: &[u8]) {
    if let Err(error) = ApiConfig::parse(&text(data)) {
        said_clearly("config.json", &error);
    }
}

/// A `Retry-After` header, with the browser's date parser standing in as `date_ms`.
pub fn retry_after(data: &[u8], date_ms: Option<f64>, now_ms: f64) {
    let header = text(data);
    let wait = retry::asked_wait_ms(&header, |_| date_ms, now_ms);
    if header.trim().starts_with(|c: char| c.is_ascii_digit()) {
        // At most 999 999 999 seconds and a fraction: a wait, not an overflow.
        assert!(wait.is_none_or(|ms| ms < 1_000_000_000_000), "{wait:?} for {}", prefix(&header));
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::sample::complete;

    /// Deep nesting, huge strings and invalid UTF-8: the inputs a random generator is unlikely
    /// to reach.
    fn extremes() -> Vec<Vec<u8>> {
        let huge = "é\\\"\\u0000a<".repeat(100_000);
        vec![
            "[".repeat(100_000).into_bytes(),
            "{\"a\":".repeat(50_000).into_bytes(),
            format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
            format!("{{\"dataAccessAndStorage\": {}", "[".repeat(100_000)).into_bytes(),
            format!("{{\"apiVersion\": \"{huge}\", \"apiBase\": \"{huge}\"}}").into_bytes(),
            format!("{{\"apiBase\": [\"{huge}\"]}}").into_bytes(),
            format!("{{\"format\": \"privacy-tab-draft\", \"version\": 1, \"appKey\": \"{huge}\"}}").into_bytes(),
            format!("{{\"message\": \"{huge}\", \"errors\": [\"{huge}\"]}}").into_bytes(),
            format!("v1.{}", "A".repeat(1 << 20)).into_bytes(),
            "9".repeat(1 << 20).into_bytes(),
            vec![0xff; 1 << 16],
            vec![0; 1 << 16],
        ]
    }

    /// `valid` with invalid UTF-8 in its middle, and with 100 000 `[` after its first colon.
    fn extremes_inside(valid: &[u8]) -> Vec<Vec<u8>> {
        let mut invalid_utf8 = valid.to_vec();
        invalid_utf8.splice(valid.len() / 2..valid.len() / 2, [0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]);
        let mut deep_inside = valid.to_vec();
        let at = valid.iter().position(|&b| b == b':').map_or(0, |colon| colon + 1);
        deep_inside.splice(at..at, "[".repeat(100_000).into_bytes());
        vec![invalid_utf8, deep_inside]
    }

    /// Random bytes, random text, and `valid` mutated: bytes flipped, inserted, cut out,
    /// repeated, or the rest cut off.
    fn hostile(valid: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
        let mutated =
            (Just(valid.clone()), prop::collection::vec((any::<u8>(), any::<prop::sample::Index>(), 0u8..5), 1..8))
                .prop_map(|(mut bytes, edits)| {
                    for (byte, at, edit) in edits {
                        let at = at.index(bytes.len() + 1);
                        match edit {
                            0 if at < bytes.len() => bytes[at] ^= byte | 1,
                            1 => bytes.insert(at, byte),
                            2 => {
                                bytes.drain(at..(at + usize::from(byte)).min(bytes.len()));
                            }
                            3 => {
                                let run = bytes[at..(at + usize::from(byte)).min(bytes.len())].to_vec();
                                for _ in 0..(usize::from(byte) % 16) {
                                    bytes.splice(at..at, run.iter().copied());
                                }
                            }
                            _ => bytes.truncate(at),
                        }
                    }
                    bytes
                });
        prop_oneof![
            2 => prop::collection::vec(any::<u8>(), 0..512),
            2 => any::<String>().prop_map(String::into_bytes),
            1 => "[\\[\\]{}\":,0-9a-z \\\\]{0,300}".prop_map(String::into_bytes),
            5 => mutated,
        ]
    }

    /// 128 random inputs a reader in scripts/test (about two seconds in all);
    /// `PROPTEST_CASES=100000` for a longer run, and fuzz/ for longer still.
    fn config() -> ProptestConfig {
        let cases = if std::env::var_os("PROPTEST_CASES").is_some() { ProptestConfig::default().cases } else { 128 };
        ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
    }

    fn link_fragment() -> Vec<u8> {
        let payload = review_link::payload(&complete(3));
        review_link::fragment(&miniz_oxide::deflate::compress_to_vec_zlib(&payload, 6)).into_bytes()
    }

    fn export() -> Vec<u8> {
        draft::export_json(&Draft::new(APP_KEY, complete(3), 1.0)).into_bytes()
    }

    fn put_body(v3: bool) -> Vec<u8> {
        let body = if v3 {
            wire::to_v3_put_body_over(&Value::Null, &complete(3))
        } else {
            wire::to_put_body_over(&Value::Null, &complete(3))
        };
        body.to_string().into_bytes()
    }

    /// The JSON inside the `<script type="application/json">` of an inline snippet.
    fn snippet_data() -> Vec<u8> {
        let snippet = embed::snippet(APP_KEY, embed::SnippetData::Inline(&complete(2)), "widget.js");
        let (_, data) = snippet.split_once(r#"<script type="application/json">"#).unwrap();
        data.split_once("</script>").unwrap().0.as_bytes().to_vec()
    }

    const CONFIG: &str = r#"{"apiBase": "https://x.example/rest/3/", "apiVersion": "3"}"#;

    #[test]
    fn the_extremes_are_refused_plainly_by_every_reader() {
        let samples = [
            link_fragment(),
            review_link::payload(&complete(3)),
            export(),
            put_body(false),
            put_body(true),
            snippet_data(),
            CONFIG.as_bytes().to_vec(),
        ];
        let inputs = extremes().into_iter().chain(samples.iter().flat_map(|valid| extremes_inside(valid)));
        for input in inputs {
            review_link(&input);
            draft_file(&input);
            api_body(&input);
            widget_document(&input);
            api_config(&input);
            retry_after(&input, None, 0.0);
        }
    }

    #[test]
    fn the_samples_themselves_are_read() {
        assert!(review_link::compressed_of(std::str::from_utf8(&link_fragment()).unwrap()).is_ok());
        assert!(draft::import(std::str::from_utf8(&export()).unwrap(), APP_KEY, 0.0).is_ok());
        assert!(embed::read_document(std::str::from_utf8(&put_body(true)).unwrap()).is_ok());
        assert!(embed::read_document(std::str::from_utf8(&snippet_data()).unwrap()).is_ok());
        assert!(ApiConfig::parse(CONFIG).is_ok());
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn any_review_link_is_read_or_refused_plainly(data in hostile(link_fragment())) {
            review_link(&data);
        }

        #[test]
        fn any_review_link_payload_is_read_or_refused_plainly(data in hostile(review_link::payload(&complete(3)))) {
            review_link(&data);
        }

        #[test]
        fn any_draft_file_is_read_or_refused_plainly(data in hostile(export())) {
            draft_file(&data);
        }

        #[test]
        fn any_api_body_is_read_and_written_over_faithfully(v3 in any::<bool>(), data in hostile(put_body(false))) {
            // Both wrappers from one strategy: a v3 body is the mutated v2 body with its key changed.
            let data = if v3 {
                String::from_utf8_lossy(&data).replacen(wire::PUT_BODY_KEY, wire::V3_BODY_KEY, 1).into_bytes()
            } else {
                data
            };
            api_body(&data);
            draft_file(&data);
        }

        #[test]
        fn any_widget_document_is_shown_or_refused_plainly(data in hostile(snippet_data())) {
            widget_document(&data);
        }

        #[test]
        fn any_config_json_is_read_or_refused_plainly(data in hostile(CONFIG.as_bytes().to_vec())) {
            api_config(&data);
        }

        #[test]
        fn any_retry_after_is_a_bounded_wait_or_none(
            data in prop_oneof![
                hostile(b"120".to_vec()),
                hostile(b"Wed, 21 Oct 2015 07:28:00 GMT".to_vec()),
                "[0-9]{0,30}(\\.[0-9]{0,30})?".prop_map(String::into_bytes),
            ],
            date in prop_oneof![Just(None), any::<f64>().prop_map(Some)],
            now in prop_oneof![Just(0.0), any::<f64>()],
        ) {
            retry_after(&data, date, now);
        }
    }
}
