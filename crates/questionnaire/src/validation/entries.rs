//! When two entries of a list are the same: items of a list answer, a third party's countries,
//! third parties' names. One rule for the form, which does not add an entry already listed,
//! and for validation, which says which entry is listed twice: trimmed, in lower case.

/// An entry as repeats are found: trimmed and in lower case ([`lower_case`]); `None` when blank.
pub fn entry_key(entry: &str) -> Option<String> {
    let entry = entry.trim();
    (!entry.is_empty()).then(|| lower_case(entry))
}

/// Whether two entries are the same [`entry_key`], neither blank, without making the keys
/// (entries of ASCII letters, most of them, are compared as they are).
pub fn same_entry(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    match (a.is_empty() || b.is_empty(), a.is_ascii() && b.is_ascii()) {
        (true, _) => false,
        (false, true) => a.eq_ignore_ascii_case(b),
        (false, false) => lower_case(a) == lower_case(b),
    }
}

/// Whether `entry` is in `list` already.
pub fn already_listed(list: &[impl AsRef<str>], entry: &str) -> bool {
    list.iter().any(|listed| same_entry(listed.as_ref(), entry))
}

/// `text` in lower case, letter by letter, in the alphabets names are written in here: Latin
/// (ASCII, Latin-1, Latin Extended-A), Greek and Cyrillic. Letters of other scripts, and those
/// whose lower case is more than one letter (`İ`), stay as they are. Not `str::to_lowercase`:
/// its table of all of Unicode cost the app 7.4 KB of brotli'd wasm, for a comparison of names.
pub fn lower_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(lower).collect()
}

fn lower(letter: char) -> char {
    let code = u32::from(letter);
    let lowered = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => code + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => code + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => code + 0x3F,
        0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => code + 0x20,
        0x400..=0x40F => code + 0x50,
        _ => code,
    };
    char::from_u32(lowered).unwrap_or(letter)
}

#[cfg(test)]
mod tests {
    use super::lower_case;

    #[test]
    fn names_in_latin_greek_and_cyrillic_letters_are_put_in_lower_case() {
        assert_eq!(lower_case("ÄRZTE GmbH"), "ärzte gmbh");
        assert_eq!(lower_case("ŁÓDŹ ŽIŽKOV ŸVES"), "łódź žižkov ÿves");
        assert_eq!(lower_case("ΑΘΉΝΑ"), "αθήνα");
        assert_eq!(lower_case("ЯНДЕКС ЁЛКА"), "яндекс ёлка");
        assert_eq!(lower_case("İstanbul 東京"), "İstanbul 東京");
    }

    /// Each letter of those alphabets as the standard library puts it in lower case, where
    /// that is one letter; every other letter as it is.
    #[test]
    fn the_alphabets_covered_agree_with_unicode() {
        let covered = |c: char| matches!(u32::from(c), 0..=0x17F | 0x386..=0x3AB | 0x400..=0x42F);
        for letter in (0..=0x4FF).filter_map(char::from_u32) {
            let mut unicode = letter.to_lowercase();
            let expected = match (unicode.next(), unicode.next()) {
                (Some(one), None) if covered(letter) => one,
                _ => letter,
            };
            assert_eq!(lower_case(&letter.to_string()), expected.to_string(), "{letter:?} U+{:04X}", u32::from(letter));
        }
    }
}
