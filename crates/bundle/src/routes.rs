//! The bundle's routing rules, from `_redirects` (Netlify's format, `from to [status]`, which
//! Trunk copies from public/): the app's addresses its pages serve, and the API paths proxied.

/// One rule of `_redirects`.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub from: String,
    pub to: String,
    pub kind: RouteKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RouteKind {
    /// Status 200 to a page of the bundle: served there, the address kept. The page's index.
    Page(usize),
    /// Status 200 to another origin: a proxy.
    Proxy,
    /// Any other status: a redirect, which hosts do themselves.
    Redirect,
}

/// The rules of `text`; `pages` are the bundle's pages, relative to it (`index.html`…).
pub fn parse(text: &str, pages: &[&str]) -> Result<Vec<Route>, String> {
    let mut routes = Vec::new();
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')) {
        let mut fields = line.split_whitespace();
        let (Some(from), Some(to)) = (fields.next(), fields.next()) else {
            return Err(format!("_redirects: not \"from to [status]\": {line}"));
        };
        if !from.starts_with('/') {
            return Err(format!("_redirects: not \"from to [status]\": {line}"));
        }
        let status = fields.next().unwrap_or("301");
        let kind = if status != "200" {
            RouteKind::Redirect
        } else if let Some(page) = pages.iter().position(|page| format!("/{page}") == to) {
            RouteKind::Page(page)
        } else if to.starts_with("http://") || to.starts_with("https://") {
            RouteKind::Proxy
        } else {
            return Err(format!("_redirects: {to} is no page of the bundle: {line}"));
        };
        routes.push(Route { from: from.to_owned(), to: to.to_owned(), kind });
    }
    Ok(routes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_name_pages_proxies_and_redirects() {
        let text = "# comment\n/preview  /index.html  200\n\n/review /review.html 200\n/rest/2/*  https://mp.example/rest/2/:splat  200\n/old /new\n";
        let routes = parse(text, &["index.html", "review.html"]).unwrap();
        let kinds: Vec<_> = routes.iter().map(|route| (route.from.as_str(), route.kind.clone())).collect();
        assert_eq!(
            kinds,
            [
                ("/preview", RouteKind::Page(0)),
                ("/review", RouteKind::Page(1)),
                ("/rest/2/*", RouteKind::Proxy),
                ("/old", RouteKind::Redirect)
            ]
        );
    }

    #[test]
    fn a_rule_to_no_page_is_refused() {
        assert!(parse("/x /missing.html 200", &["index.html"]).unwrap_err().contains("no page of the bundle"));
        assert!(parse("x /index.html 200", &["index.html"]).is_err());
        assert!(parse("/x", &["index.html"]).is_err());
    }
}
