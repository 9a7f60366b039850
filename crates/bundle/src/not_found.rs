//! `404.html`: the app's page again, for hosts that cannot route but serve a site's 404.html for
//! every path that is no file (GitHub Pages). Such hosts send no headers of ours, so it carries
//! its policy in a `<meta>` element; an address another page serves (`./review`) is sent on to
//! that page's file (`./review.html`), with its query and fragment.

use crate::csp::with_policy_meta;
use crate::digest;

/// The app's `html` and policy `csp` as 404.html; `elsewhere` maps the last segment of an
/// address (`review`) to the file of the page that serves it (`review.html`).
pub fn page(html: &str, csp: &str, elsewhere: &[(String, String)]) -> Result<String, String> {
    if elsewhere.is_empty() {
        return with_policy_meta(html, csp, "");
    }
    let map = elsewhere
        .iter()
        .map(|(address, file)| format!("{}:{}", json(address), json(file)))
        .collect::<Vec<_>>()
        .join(",");
    let script = format!(
        "var p={{{map}}}[location.pathname.slice(location.pathname.lastIndexOf(\"/\")+1)];if(p)location.replace(p+location.search+location.hash)"
    );
    let directive = "script-src 'self' 'wasm-unsafe-eval'";
    let policy = csp.replacen(directive, &format!("{directive} {}", digest::csp_source(&script)), 1);
    with_policy_meta(html, &policy, &format!("<script>{script}</script>"))
}

fn json(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csp::Policy;

    const APP: &str = "<!doctype html><html><head><title>App</title></head><body></body></html>";

    #[test]
    fn another_page_s_address_is_sent_on_to_its_file_allowed_by_its_hash() {
        let csp = Policy::default().header();
        let page = page(APP, &csp, &[("review".to_owned(), "review.html".to_owned())]).unwrap();
        let script = page.split("<script>").nth(1).unwrap().split("</script>").next().unwrap();
        assert!(script.starts_with("var p={\"review\":\"review.html\"}[location.pathname"), "{script}");
        assert!(
            page.contains(&format!("script-src 'self' 'wasm-unsafe-eval' {}; ", digest::csp_source(script))),
            "the forwarding script is allowed by its hash: {page}"
        );
        let meta_at = page.find("<meta http-equiv=\"Content-Security-Policy\"").unwrap();
        assert!(
            meta_at < page.find("<script>").unwrap() && page.find("<script>").unwrap() < page.find("<title>").unwrap()
        );
        assert!(page.starts_with("<!doctype html><html><head><meta http-equiv"), "the policy comes first: {page}");
        assert!(!page.contains("frame-ancestors"), "ignored in a <meta> policy: {page}");
    }

    #[test]
    fn without_other_pages_it_is_the_app_s_page_with_its_policy() {
        let csp = Policy::default().header();
        let page = page(APP, &csp, &[]).unwrap();
        assert!(!page.contains("<script>"));
        assert!(page.contains("<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "));
    }
}
