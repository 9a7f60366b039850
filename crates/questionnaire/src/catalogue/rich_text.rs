//! The spec keeps one link inside a response as Markdown, `[Atlassian Forge platform](/platform/…)`.
//! Labels stay verbatim; these helpers turn them into text and links for display.

/// Relative links in the spec point into Atlassian's developer documentation.
const SPEC_SITE: &str = "https://developer.atlassian.com";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Link { text: String, href: String },
}

/// Splits `[text](href)` links out of a label.
pub fn segments(label: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = label;
    while let Some((before, text, href, after)) = next_link(rest) {
        if !before.is_empty() {
            out.push(Segment::Text(before.to_owned()));
        }
        let href = if href.starts_with('/') { [SPEC_SITE, href].concat() } else { href.to_owned() };
        out.push(Segment::Link { text: text.to_owned(), href });
        rest = after;
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest.to_owned()));
    }
    out
}

/// The label as plain text: links keep their text only.
pub fn plain(label: &str) -> String {
    segments(label)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) | Segment::Link { text, .. } => text,
        })
        .collect()
}

/// Searched byte by byte and cut with `get`: `str::find` with a `&str` and slicing by index
/// would bring the widget their panic messages, and with them a character printer (2 KB).
fn next_link(s: &str) -> Option<(&str, &str, &str, &str)> {
    let bytes = s.as_bytes();
    let after = |from: usize, byte: u8| bytes.get(from..)?.iter().position(|&b| b == byte).map(|at| from + at);
    let open = after(0, b'[')?;
    let close = bytes.get(open..)?.windows(2).position(|pair| pair == b"](")? + open;
    let end = after(close + 2, b')')?;
    let text = s.get(open + 1..close)?;
    if text.bytes().any(|b| b == b'[') {
        return None;
    }
    Some((s.get(..open)?, text, s.get(close + 2..end)?, s.get(end + 1..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_relative_markdown_link_and_resolves_it() {
        let parts = segments("within [Atlassian Forge platform](/platform/forge/data-residency/).");
        assert_eq!(
            parts,
            vec![
                Segment::Text("within ".into()),
                Segment::Link {
                    text: "Atlassian Forge platform".into(),
                    href: "https://developer.atlassian.com/platform/forge/data-residency/".into()
                },
                Segment::Text(".".into()),
            ]
        );
        assert_eq!(plain("within [Atlassian Forge platform](/x/)."), "within Atlassian Forge platform.");
    }

    #[test]
    fn text_without_links_or_with_stray_brackets_is_left_alone() {
        assert_eq!(
            plain("No. App does not support data residency options."),
            "No. App does not support data residency options."
        );
        assert_eq!(plain("a [b] c (d)"), "a [b] c (d)");
        assert_eq!(plain("a ]( [b"), "a ]( [b");
    }
}
