//! When two entries of a list are the same: items of a list answer, a third party's countries,
//! third parties' names. One rule for the form, which does not add an entry already listed,
//! and for validation, which says which entry is listed twice: trimmed, in lower case.

/// An entry as repeats are found: trimmed and in lower case; `None` when blank.
pub fn entry_key(entry: &str) -> Option<String> {
    let entry = entry.trim();
    (!entry.is_empty()).then(|| entry.to_lowercase())
}

/// Whether two entries are the same [`entry_key`], neither blank, without making the keys
/// (entries of ASCII letters, most of them, are compared as they are).
pub fn same_entry(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    match (a.is_empty() || b.is_empty(), a.is_ascii() && b.is_ascii()) {
        (true, _) => false,
        (false, true) => a.eq_ignore_ascii_case(b),
        (false, false) => a.to_lowercase() == b.to_lowercase(),
    }
}

/// Whether `entry` is in `list` already.
pub fn already_listed(list: &[impl AsRef<str>], entry: &str) -> bool {
    list.iter().any(|listed| same_entry(listed.as_ref(), entry))
}
