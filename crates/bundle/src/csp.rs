//! A page's Content-Security-Policy: only its own files, plus the inline script or style whose
//! hash it names, and the origins it may call.

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};

/// What a page's policy allows besides its own origin.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Policy {
    /// CSP sources (`'sha256-…'`) of the page's inline scripts.
    pub scripts: Vec<String>,
    /// CSP sources of its inline styles.
    pub styles: Vec<String>,
    /// Origins it may call besides its own (an API on another origin).
    pub connect: Vec<String>,
}

impl Policy {
    /// The policy as a header's value.
    pub fn header(&self) -> String {
        let with = |directive: &str, extra: &[String]| {
            std::iter::once(directive.to_owned()).chain(extra.iter().cloned()).collect::<Vec<_>>().join(" ")
        };
        [
            "default-src 'none'".to_owned(),
            with("script-src 'self' 'wasm-unsafe-eval'", &self.scripts),
            with("style-src 'self'", &self.styles),
            "img-src 'self' data:".to_owned(),
            "font-src 'self'".to_owned(),
            // The app calls the Marketplace API on its own origin (/rest/2, behind a proxy).
            with("connect-src 'self'", &self.connect),
            "manifest-src 'self'".to_owned(),
            "base-uri 'none'".to_owned(),
            "form-action 'none'".to_owned(),
            "frame-ancestors 'none'".to_owned(),
            "object-src 'none'".to_owned(),
        ]
        .join("; ")
    }
}

/// `html` with `policy` (a header's value) in a `<meta>` element first thing in `<head>`, then
/// `after` (HTML), for hosts that send no headers of ours. `frame-ancestors` is ignored there
/// (and Chromium says so): left out.
pub fn with_policy_meta(html: &str, policy: &str, after: &str) -> Result<String, String> {
    let policy = policy.split("; ").filter(|directive| !directive.starts_with("frame-ancestors")).collect::<Vec<_>>();
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">{after}", policy.join("; "));
    let mut found = false;
    let html = rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("head", |head| {
                found = true;
                head.prepend(&meta, ContentType::Html);
                Ok(())
            })],
            ..RewriteStrSettings::default()
        },
    )
    .map_err(|error| error.to_string())?;
    if found {
        Ok(html)
    } else {
        Err("has no <head> to put its policy in".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest;

    #[test]
    fn the_policy_allows_the_inline_script_by_its_hash_and_nothing_else_inline() {
        let script = "document.documentElement.setAttribute('data-restoring','')";
        let policy = Policy { scripts: vec![digest::csp_source(script)], ..Policy::default() }.header();
        assert!(
            policy.contains(&format!("script-src 'self' 'wasm-unsafe-eval' {};", digest::csp_source(script))),
            "{policy}"
        );
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert!(policy.contains("style-src 'self';"), "{policy}");
        assert!(policy.starts_with("default-src 'none'; "), "{policy}");
        assert!(policy.ends_with("frame-ancestors 'none'; object-src 'none'"), "{policy}");
    }

    #[test]
    fn origins_a_page_calls_are_added_to_connect_src() {
        let policy = Policy { connect: vec!["https://api.example.com".to_owned()], ..Policy::default() }.header();
        assert!(policy.contains("; connect-src 'self' https://api.example.com; "), "{policy}");
    }

    #[test]
    fn a_meta_policy_comes_first_in_head_without_frame_ancestors() {
        let policy = Policy::default().header();
        let html =
            with_policy_meta("<html><head><title>x</title></head></html>", &policy, "<script>x</script>").unwrap();
        let head = html.split("<head>").nth(1).unwrap();
        assert!(
            head.starts_with("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "),
            "{html}"
        );
        assert!(head.contains("object-src 'none'\"><script>x</script><title>"), "{html}");
        assert!(!html.contains("frame-ancestors"), "{html}");
        assert!(with_policy_meta("<p>no head</p>", &policy, "").is_err());
    }
}
