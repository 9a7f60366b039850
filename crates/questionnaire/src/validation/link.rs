//! A small, strict check of web links and domains, by hand: the `url` crate would cost the
//! browser bundle about 61 KB for what a form needs in a hundred lines.

use crate::catalogue::limits::MAX_LINK_CHARS;

/// What is wrong with a link; [`LinkProblem::advice`] says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    Empty,
    TooLong,
    /// Spaces, control characters, or characters a link never needs (`<>"\` and the like).
    Characters,
    /// Looks like `example.com/privacy`: a web address without `https://`.
    NoScheme,
    /// Another kind of link: `javascript:`, `mailto:`, `ftp:`, a file path…
    NotWeb,
    /// `https://user@host`: a classic way to disguise where a link goes.
    UserInfo,
    /// No website name, or not one that can exist (`https://`, `https://intranet`, `https://a..b`).
    Host,
    Port,
}

const EXAMPLE: &str = "https://example.com/privacy";

impl LinkProblem {
    /// What to do about it, in plain English. `typed` is what the partner entered.
    pub fn advice(&self, typed: &str) -> String {
        match self {
            LinkProblem::Empty => format!("Enter the link, like {EXAMPLE}."),
            LinkProblem::TooLong => format!("Shorten the link to at most {MAX_LINK_CHARS} characters."),
            LinkProblem::Characters => {
                "Remove the spaces and characters such as < > \" \\ from the link, or copy it again from your browser's address bar.".into()
            }
            LinkProblem::NoScheme => format!("Start the link with https://, like https://{}.", typed.trim()),
            LinkProblem::NotWeb => format!("Only web links work here: enter a link that starts with https://, like {EXAMPLE}."),
            LinkProblem::UserInfo => format!("Remove the part before the @ from the link, so it reads like {EXAMPLE}."),
            LinkProblem::Host => format!("Enter a complete link with a website name, like {EXAMPLE}."),
            LinkProblem::Port => format!("Check the number after the colon in the link, or leave it out, like {EXAMPLE}."),
        }
    }
}

/// An absolute `https://` or `http://` URL with a real-looking host. Nothing else, so a link
/// shown to customers can never be `javascript:` or a local file.
pub fn check_link(text: &str) -> Result<(), LinkProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(LinkProblem::Empty);
    }
    if text.chars().count() > MAX_LINK_CHARS {
        return Err(LinkProblem::TooLong);
    }
    if text.chars().any(|c| c.is_whitespace() || c.is_control() || never_in_link(c)) {
        return Err(LinkProblem::Characters);
    }
    let Some(rest) = strip_web_scheme(text) else {
        return Err(if looks_like_host(text) { LinkProblem::NoScheme } else { LinkProblem::NotWeb });
    };
    let Some(rest) = rest.strip_prefix("//") else { return Err(LinkProblem::Host) };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if has(authority, b'@') {
        return Err(LinkProblem::UserInfo);
    }
    let (host, port) = split_port(authority).ok_or(LinkProblem::Port)?;
    if let Some(port) = port {
        if port.is_empty()
            || port.len() > 5
            || !port.bytes().all(|b| b.is_ascii_digit())
            || port.parse::<u32>().map_or(true, |number| number > 65535)
        {
            return Err(LinkProblem::Port);
        }
    }
    if is_host(host) {
        Ok(())
    } else {
        Err(LinkProblem::Host)
    }
}

/// Whether the text is a link [`check_link`] accepts: the only kind ever rendered as a link.
pub fn is_web_link(text: &str) -> bool {
    check_link(text).is_ok()
}

/// A website given either as a link or as a bare domain (`aws.amazon.com`, maybe with a path).
pub fn check_domain(text: &str) -> Result<(), LinkProblem> {
    let text = text.trim();
    if text.is_empty() || has(text, b':') || text.chars().any(char::is_whitespace) {
        return check_link(text);
    }
    let host = text.split(['/', '?', '#']).next().unwrap_or_default();
    if text.chars().count() <= MAX_LINK_CHARS
        && is_host(host)
        && !text.chars().any(|c| c.is_control() || c == '@' || never_in_link(c))
    {
        Ok(())
    } else {
        Err(LinkProblem::Host)
    }
}

/// The link to open for a domain typed as [`check_domain`] accepts it.
pub fn domain_href(text: &str) -> Option<String> {
    let text = text.trim();
    if is_web_link(text) {
        Some(text.to_owned())
    } else if check_domain(text).is_ok() {
        Some(["https://", text].concat())
    } else {
        None
    }
}

/// Characters a link never needs, and that could break out of where it is shown.
fn never_in_link(c: char) -> bool {
    matches!(c, '<' | '>' | '"' | '\\' | '^' | '`' | '{' | '|' | '}')
}

/// Whether `text` holds the ASCII character `byte`. `str::contains` would bring the widget a
/// substring search and its panic messages (see `catalogue::rich_text`).
fn has(text: &str, byte: u8) -> bool {
    text.bytes().any(|b| b == byte)
}

fn strip_web_scheme(text: &str) -> Option<&str> {
    let (scheme, rest) = text.split_once(':')?;
    (scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")).then_some(rest)
}

/// `example.com/privacy` or `localhost:8080`: a link missing only its `https://`.
fn looks_like_host(text: &str) -> bool {
    let authority = text.split(['/', '?', '#']).next().unwrap_or_default();
    split_port(authority)
        .is_some_and(|(host, port)| is_host(host) && port.is_none_or(|p| p.bytes().all(|b| b.is_ascii_digit())))
}

/// Host and optional port; IPv6 hosts come in brackets.
fn split_port(authority: &str) -> Option<(&str, Option<&str>)> {
    if let Some(bracketed) = authority.strip_prefix('[') {
        let (inside, after) = bracketed.split_once(']')?;
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':')?),
        };
        return Some((authority.get(..inside.len() + 2)?, port));
    }
    Some(match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    })
}

/// `localhost`, an IPv4 or bracketed IPv6 address, or a domain of two or more labels.
pub(super) fn is_host(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    if let Some(inside) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return has(inside, b':') && inside.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
    }
    let labels: Vec<&str> = host.split('.').collect();
    if labels.iter().all(|label| !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit())) {
        return labels.len() == 4 && labels.iter().all(|label| label.parse::<u8>().is_ok());
    }
    is_domain(host)
}

/// Two or more labels of letters, digits and inner hyphens; a last label that is not a number.
pub(super) fn is_domain(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |label: &&str| {
        (1..=63).contains(&label.chars().count())
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    labels.len() >= 2
        && labels.iter().all(label_ok)
        && labels.last().is_some_and(|tld| !tld.chars().all(|c| c.is_ascii_digit()))
        && host.len() <= 253
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_absolute_web_links() {
        for link in [
            "https://example.com",
            "https://example.com/privacy?lang=en#data",
            "HTTP://Example.COM/",
            "http://localhost:8080/x",
            "https://sub.domain.co.uk/a/b",
            "https://192.168.1.10/policy",
            "https://[2001:db8::1]:443/",
            "https://bücher.de/datenschutz",
            "  https://example.com/trimmed  ",
            "https://example.com:65535",
        ] {
            assert_eq!(check_link(link), Ok(()), "{link}");
        }
    }

    #[test]
    fn rejects_everything_else_with_a_reason() {
        for (link, problem) in [
            ("", LinkProblem::Empty),
            ("   ", LinkProblem::Empty),
            ("javascript:alert(1)", LinkProblem::NotWeb),
            ("JavaScript://example.com/%0Aalert(1)", LinkProblem::NotWeb),
            ("data:text/html,<b>x</b>", LinkProblem::Characters),
            ("mailto:security@example.com", LinkProblem::NotWeb),
            ("ftp://example.com/file", LinkProblem::NotWeb),
            ("file:///etc/passwd", LinkProblem::NotWeb),
            ("/privacy", LinkProblem::NotWeb),
            ("example.com/privacy", LinkProblem::NoScheme),
            ("www.example.com", LinkProblem::NoScheme),
            ("localhost:3000", LinkProblem::NoScheme),
            ("https:example.com", LinkProblem::Host),
            ("https://", LinkProblem::Host),
            ("https://intranet/policy", LinkProblem::Host),
            ("https://exa mple.com", LinkProblem::Characters),
            ("https://example..com", LinkProblem::Host),
            ("https://-example.com", LinkProblem::Host),
            ("https://1.2.3", LinkProblem::Host),
            ("https://999.1.1.1", LinkProblem::Host),
            ("https://user:pass@example.com", LinkProblem::UserInfo),
            ("https://example.com@evil.com", LinkProblem::UserInfo),
            ("https://example.com:99999/", LinkProblem::Port),
            ("https://example.com:/", LinkProblem::Port),
            ("https://example.com:80x/", LinkProblem::Port),
            ("https://example.com\\@evil.com", LinkProblem::Characters),
        ] {
            assert_eq!(check_link(link), Err(problem), "{link}");
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_LINK_CHARS));
        assert_eq!(check_link(&long), Err(LinkProblem::TooLong));
    }

    #[test]
    fn advice_says_how_to_fix_it() {
        assert_eq!(
            LinkProblem::NoScheme.advice(" example.com/privacy "),
            "Start the link with https://, like https://example.com/privacy."
        );
        assert!(LinkProblem::NotWeb.advice("javascript:x").contains("https://"));
    }

    #[test]
    fn domains_may_be_bare_or_links() {
        for domain in ["aws.amazon.com", "stripe.com/privacy", "https://aws.amazon.com"] {
            assert_eq!(check_domain(domain), Ok(()), "{domain}");
        }
        for domain in ["aws", "javascript:alert(1)", "amazon .com", "a@b.com", "<b>.com"] {
            assert!(check_domain(domain).is_err(), "{domain}");
        }
        assert_eq!(domain_href("aws.amazon.com").as_deref(), Some("https://aws.amazon.com"));
        assert_eq!(domain_href("http://x.io/").as_deref(), Some("http://x.io/"));
        assert_eq!(domain_href("javascript:alert(1)"), None);
    }
}
