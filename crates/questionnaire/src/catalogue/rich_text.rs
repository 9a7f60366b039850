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
        let href = if href.starts_with('/') { format!("{SPEC_SITE}{href}") } else { href.to_owned() };
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

fn next_link(s: &str) -> Option<(&str, &str, &str, &str)> {
    let open = s.find('[')?;
    let close = open + s[open..].find("](")?;
    let end = close + 2 + s[close + 2..].find(')')?;
    let text = &s[open + 1..close];
    if text.contains('[') {
        return None;
    }
    Some((&s[..open], text, &s[close + 2..end], &s[end + 1..]))
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
