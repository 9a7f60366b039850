//! The review link: the answers the tab shows, compressed into a URL's fragment, so a colleague
//! can read the tab (and import it) with no account and no server holding the answers. The
//! fragment never leaves the browser: browsers do not send it with the request.
//!
//! `…/review#v1.<data>`: `v1` is this format's version; `<data>` is the [`payload`] (the
//! answers section the inline snippet carries, `{"version": 1, "answers": {…}}`, hidden answers
//! left out) compressed in the zlib format (RFC 1950: DEFLATE with an Adler-32 checksum, so a
//! changed character is caught rather than read as other answers) and written in unpadded
//! base64url. The browser compresses (`CompressionStream("deflate")`), which costs the app's
//! download nothing; everything else is here. Only answers go in: no app key, no e-mail, no
//! token, nothing kept from the Marketplace's record.
//!
//! Writing a link: [`payload`], compress, [`fragment`]. Reading one: [`compressed_of`],
//! decompress (at most [`MAX_PAYLOAD_BYTES`]), [`answers_of`].

use std::fmt;

use serde_json::Value;

use crate::answers::Answers;
use crate::embed::own_answers::{self, SECTION_VERSION};

/// The link format this build writes, and the newest it reads.
pub const VERSION: u64 = 1;

/// Above this many characters a link is too long for common browsers and the tools links
/// travel through (mail, chat, ticket systems cut or refuse longer ones): the app says so.
pub const SAFE_LINK_CHARS: usize = 8 * 1024;

/// A fragment longer than this is refused without being decoded. The app writes about 1 K
/// characters for a complete questionnaire and 1.5 K with fifty third parties, so this leaves
/// a forty-fold margin; a longer one is no link of ours, and its data could inflate to
/// hundreds of megabytes (at most ~1000 times its 48 KB here, and reading stops at
/// [`MAX_PAYLOAD_BYTES`]).
pub const MAX_FRAGMENT_CHARS: usize = 64 * 1024;

/// The most the data may decompress to: no questionnaire comes near it, and a link made to
/// inflate without end is cut off here (and refused as damaged).
pub const MAX_PAYLOAD_BYTES: usize = 4 * 1024 * 1024;

/// Why a link could not be opened; [`fmt::Display`] says it to the person holding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The address has no answers in it (no fragment, or not one of ours).
    NoAnswers,
    /// Part of it is missing or changed: it does not decode.
    Damaged,
    /// Longer than any link this app writes.
    TooLong { chars: usize },
    /// Written by a newer version of privacy-tab.
    NewerVersion(u64),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NoAnswers => write!(
                f,
                "This address holds no answers to review. A review link ends with “#v1.” and a long run of letters and digits: ask for the link again."
            ),
            LinkError::Damaged => write!(
                f,
                "This review link is damaged: part of it is missing or was changed, so its answers cannot be read. Links are often cut short by mail and chat tools; ask for the link again, or for an exported draft file."
            ),
            LinkError::TooLong { chars } => write!(
                f,
                "This review link is {} KB long, longer than any link privacy-tab writes, so it was not opened. Ask for an exported draft file instead.",
                chars.div_ceil(1024)
            ),
            LinkError::NewerVersion(version) => write!(
                f,
                "This review link was made by a newer version of privacy-tab (link format {version}; this one reads up to {VERSION}). Open it where that version runs, or ask for an exported draft file."
            ),
        }
    }
}

impl std::error::Error for LinkError {}

/// What a link carries, before compression: what the tab shows, nothing else.
pub fn payload(answers: &Answers) -> Vec<u8> {
    own_answers::section(answers).to_string().into_bytes()
}

/// The fragment (without `#`) for a compressed payload.
pub fn fragment(compressed: &[u8]) -> String {
    format!("v{VERSION}.{}", base64url::encode(compressed))
}

/// The compressed payload a fragment (with or without its `#`) carries, or why it carries
/// none this build can read. Never panics, whatever the text.
pub fn compressed_of(fragment: &str) -> Result<Vec<u8>, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    let Some((version, data)) = fragment.strip_prefix('v').and_then(|rest| rest.split_once('.')) else {
        return Err(LinkError::NoAnswers);
    };
    let version: u64 = version.parse().map_err(|_| LinkError::NoAnswers)?;
    if version > VERSION {
        return Err(LinkError::NewerVersion(version));
    }
    if version != VERSION {
        return Err(LinkError::Damaged);
    }
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLong { chars: fragment.len() });
    }
    base64url::decode(data).ok_or(LinkError::Damaged)
}

/// The answers of a decompressed payload, or why it holds none this build can read.
pub fn answers_of(payload: &[u8]) -> Result<Answers, LinkError> {
    // from_str, not from_slice: the app parses all its other JSON from text, and each reader
    // type is a parser of its own in the wasm.
    let text = std::str::from_utf8(payload).map_err(|_| LinkError::Damaged)?;
    let section: Value = serde_json::from_str(text).map_err(|_| LinkError::Damaged)?;
    match section.get("version").and_then(Value::as_u64) {
        Some(newer) if newer > SECTION_VERSION => return Err(LinkError::NewerVersion(newer)),
        _ => {}
    }
    let document = serde_json::json!({ own_answers::SECTION_KEY: section });
    own_answers::read(&document).ok_or(LinkError::Damaged)
}

/// Whether a link of this many characters is longer than common browsers and the tools links
/// pass through are sure to keep whole.
pub fn too_long_for_common_browsers(link_chars: usize) -> bool {
    link_chars > SAFE_LINK_CHARS
}

/// Unpadded base64url (RFC 4648 §5): the alphabet that needs no escaping in a URL.
mod base64url {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, byte)| n | u32::from(*byte) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            }
        }
        out
    }

    /// `None` for a character outside the alphabet or a length no encoding has.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        if text.len() % 4 == 1 {
            return None;
        }
        let mut out = Vec::with_capacity(text.len() * 3 / 4);
        for chunk in text.as_bytes().chunks(4) {
            let mut n = 0u32;
            for (i, c) in chunk.iter().enumerate() {
                let value = ALPHABET.iter().position(|a| a == c)? as u32;
                n |= value << (18 - 6 * i);
            }
            for i in 0..chunk.len() - 1 {
                out.push((n >> (16 - 8 * i)) as u8);
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::answers::Answer;

    /// What the app does, with miniz_oxide in the browser's place (both write and read zlib).
    fn encode(answers: &Answers) -> String {
        fragment(&miniz_oxide::deflate::compress_to_vec_zlib(&payload(answers), 6))
    }

    fn decode(fragment: &str) -> Result<Answers, LinkError> {
        let compressed = compressed_of(fragment)?;
        let payload = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&compressed, MAX_PAYLOAD_BYTES)
            .map_err(|_| LinkError::Damaged)?;
        answers_of(&payload)
    }
    use crate::catalogue::ids::{self, choice};
    use crate::sample::complete;
    use crate::visibility::effective;

    #[test]
    fn base64url_round_trips_every_length_and_refuses_what_it_never_writes() {
        for length in 0..64 {
            let bytes: Vec<u8> = (0..length).map(|i| (i * 37 % 256) as u8).collect();
            let text = base64url::encode(&bytes);
            assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{text}");
            assert_eq!(base64url::decode(&text), Some(bytes), "{length} bytes");
        }
        assert_eq!(base64url::encode(b"\xfb\xff"), "-_8");
        assert_eq!(base64url::decode("a+b/"), None, "standard base64's own characters");
        assert_eq!(base64url::decode("abcde"), None, "no encoding is 1 character past a group");
    }

    #[test]
    fn a_link_carries_what_the_tab_shows_and_nothing_hidden() {
        let mut answers = complete(2);
        answers.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
        answers.set(ids::STORED_DATA_TYPES, Answer::List(vec!["Kept from before, never shown".into()]));
        let fragment = encode(&answers);
        assert!(fragment.starts_with("v1."), "{fragment}");
        assert_eq!(decode(&fragment), Ok(effective(&answers)));
        assert_eq!(decode(&format!("#{fragment}")), Ok(effective(&answers)), "with its '#'");
        let json = inflate(&fragment);
        assert!(!json.contains("Kept from before"), "a hidden answer stays private: {json}");
    }

    /// The data of a fragment, inflated: what anyone holding the link can read.
    fn inflate(fragment: &str) -> String {
        let data = base64url::decode(fragment.split_once('.').unwrap().1).unwrap();
        String::from_utf8(miniz_oxide::inflate::decompress_to_vec_zlib(&data).unwrap()).unwrap()
    }

    #[test]
    fn damaged_cut_short_foreign_and_newer_links_say_why() {
        let fragment = encode(&complete(3));
        assert_eq!(decode(""), Err(LinkError::NoAnswers));
        assert_eq!(decode("#q-stores_eud"), Err(LinkError::NoAnswers), "a question's anchor is not a link");
        assert_eq!(decode(&fragment[..fragment.len() * 2 / 3]), Err(LinkError::Damaged), "cut short");
        let mut changed = fragment.clone().into_bytes();
        let middle = changed.len() / 2;
        changed[middle] = if changed[middle] == b'A' { b'B' } else { b'A' };
        assert_eq!(decode(std::str::from_utf8(&changed).unwrap()), Err(LinkError::Damaged), "one character changed");
        assert_eq!(decode("v1.%%%"), Err(LinkError::Damaged));
        assert_eq!(decode("v0.abcd"), Err(LinkError::Damaged));
        assert_eq!(decode(&fragment.replacen("v1.", "v2.", 1)), Err(LinkError::NewerVersion(2)));

        // A link of this format whose answers section is newer.
        let newer = r#"{"version": 2, "answers": {}}"#;
        let newer =
            format!("v1.{}", base64url::encode(&miniz_oxide::deflate::compress_to_vec_zlib(newer.as_bytes(), 6)));
        assert_eq!(decode(&newer), Err(LinkError::NewerVersion(2)));
        // Valid JSON that is not an answers section.
        let foreign = format!("v1.{}", base64url::encode(&miniz_oxide::deflate::compress_to_vec_zlib(b"[1, 2]", 6)));
        assert_eq!(decode(&foreign), Err(LinkError::Damaged));

        for error in [LinkError::NoAnswers, LinkError::Damaged, LinkError::NewerVersion(2)] {
            assert!(error.to_string().contains("ask for"), "{error} tells what to do");
        }
    }

    #[test]
    fn over_long_links_and_inflation_bombs_are_refused_unread() {
        let long = format!("v1.{}", "A".repeat(MAX_FRAGMENT_CHARS));
        assert_eq!(decode(&long), Err(LinkError::TooLong { chars: MAX_FRAGMENT_CHARS + 3 }));
        assert!(LinkError::TooLong { chars: 600_000 }.to_string().contains("586 KB"));
        // Ten megabytes of spaces deflate to a few kilobytes.
        let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; 10 * 1024 * 1024], 10);
        assert!(bomb.len() < 64 * 1024, "{}", bomb.len());
        assert_eq!(decode(&format!("v1.{}", base64url::encode(&bomb))), Err(LinkError::Damaged));
    }

    #[test]
    fn the_length_cap_leaves_a_wide_margin_over_what_the_app_writes_and_refuses_a_bomb_unread() {
        let longest_written = encode(&complete(50)).len();
        assert!(MAX_FRAGMENT_CHARS >= 32 * longest_written, "{longest_written} characters written");
        // The issue's bomb: half a megabyte of link that inflates to 380 MB is refused for
        // its length, before anything is decoded or decompressed.
        let bomb_sized = format!("v1.{}", "A".repeat(500_000));
        assert_eq!(decode(&bomb_sized), Err(LinkError::TooLong { chars: 500_003 }));
    }

    #[test]
    fn the_sample_fits_common_browsers_even_with_fifty_third_parties() {
        for rows in [2, 50] {
            let fragment = encode(&complete(rows));
            let link = format!("https://partner.example.com/privacy-tab/review#{fragment}");
            println!("review link, sample with {rows} third parties: {} characters", link.len());
            assert!(!too_long_for_common_browsers(link.len()), "{rows} rows: {} characters", link.len());
        }
        assert!(too_long_for_common_browsers(SAFE_LINK_CHARS + 1));
        assert!(!too_long_for_common_browsers(SAFE_LINK_CHARS));
    }

    #[test]
    fn hostile_text_travels_as_text() {
        let mut answers = Answers::new();
        answers.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
        let markup = r#"</script><img src=x onerror="alert(1)">"#;
        answers.set(ids::STORED_DATA_TYPES, Answer::List(vec![markup.into()]));
        answers.set(ids::PRIVACY_POLICY, Answer::Text("javascript:alert(1)".into()));
        let read = decode(&encode(&answers)).unwrap();
        assert_eq!(read.list(ids::STORED_DATA_TYPES), [markup]);
        assert_eq!(read.text(ids::PRIVACY_POLICY), "javascript:alert(1)");
    }

    proptest! {
        /// Any answers come back as the tab shows them.
        #[test]
        fn every_link_reads_back_as_the_answers_the_tab_shows(answers in crate::property_tests::answers()) {
            prop_assert_eq!(decode(&encode(&answers)), Ok(effective(&answers)));
        }

        /// No text at all makes the reader panic.
        #[test]
        fn any_fragment_is_read_or_refused(text in "v1\\.[A-Za-z0-9_-]{0,200}|.{0,80}") {
            let _ = decode(&text);
        }

        /// Any damage to a link's data is caught or reads as some answers, never a panic.
        #[test]
        fn damaged_data_is_refused_or_read(answers in crate::property_tests::answers(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
            let fragment = encode(&answers);
            let mut data = base64url::decode(&fragment[3..]).unwrap();
            let at = at.index(data.len().max(1));
            if let Some(slot) = data.get_mut(at) {
                *slot ^= byte | 1;
            }
            let _ = decode(&format!("v1.{}", base64url::encode(&data)));
        }
    }
}
