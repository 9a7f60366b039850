//! Which files a page and its modules load, as paths relative to the page's folder.

use std::fmt;

/// A URL in a page that a static host could not serve from any path.
#[derive(Debug, PartialEq)]
pub struct NotRelative {
    pub url: String,
}

impl fmt::Display for NotRelative {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "refers to {}: assets must be relative; is public_url = \"./\" gone from Trunk.toml?", self.url)
    }
}

/// `url` (from a page's `href` or `src`) as a path relative to the page's folder; `None` for a
/// `data:` URL, which loads nothing.
pub fn relative_asset(url: &str) -> Result<Option<String>, NotRelative> {
    if url.starts_with("data:") {
        return Ok(None);
    }
    if url.starts_with('/') || has_scheme(url) {
        return Err(NotRelative { url: url.to_owned() });
    }
    Ok(Some(url.strip_prefix("./").unwrap_or(url).to_owned()))
}

/// `https:`, `blob:`…: a scheme is a letter, then letters, digits, `+`, `-` or `.`, then `:`.
fn has_scheme(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else { return false };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Of `candidates` (the files beside a page, relative to its folder), those the module at
/// `module` (relative to the same folder) names in a string literal, relative to its own
/// folder: its imports, dynamic imports and `new URL(…, import.meta.url)`. In the order they
/// first appear. Naming only files that exist keeps a default path the loader overrides
/// (wasm-bindgen's glue names one) from counting.
pub fn referenced_by(module: &str, source: &str, candidates: &[String]) -> Vec<String> {
    let folder = module.rfind('/').map_or("", |slash| &module[..=slash]);
    let mut found: Vec<(usize, String)> = candidates
        .iter()
        .filter(|candidate| candidate.as_str() != module)
        .filter_map(|candidate| {
            let from_module = candidate.strip_prefix(folder)?;
            let first = ['\'', '"', '`']
                .iter()
                .flat_map(|quote| [format!("{quote}./{from_module}{quote}"), format!("{quote}{from_module}{quote}")])
                .filter_map(|literal| source.find(&literal))
                .min()?;
            Some((first, candidate.clone()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, file)| file).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_urls_resolve_against_the_page_s_folder() {
        assert_eq!(relative_asset("./app-1.js"), Ok(Some("app-1.js".to_owned())));
        assert_eq!(relative_asset("loader.js"), Ok(Some("loader.js".to_owned())));
        assert_eq!(relative_asset("data:image/svg+xml,x"), Ok(None));
        for absolute in ["/app-1.js", "https://cdn.example.com/app.js", "blob:x"] {
            assert!(relative_asset(absolute).is_err(), "{absolute} depends on where the bundle is hosted");
        }
    }

    #[test]
    fn a_module_s_files_are_the_existing_ones_it_names_in_order() {
        let files = ["index.html", "app.js", "app_bg.wasm", "other.js", "snippets/x/inline0.js"].map(String::from);
        let loader =
            "const p = ['./app.js', './app_bg.wasm']; import('./app.js'); new URL(\"./gone.wasm\", import.meta.url)";
        assert_eq!(referenced_by("loader.js", loader, &files), ["app.js", "app_bg.wasm"]);
        let glue = "import * as s from './snippets/x/inline0.js'; new URL('app_bg.wasm', import.meta.url)";
        assert_eq!(referenced_by("app.js", glue, &files), ["snippets/x/inline0.js", "app_bg.wasm"]);
        // A file's name inside a longer name is no reference.
        assert_eq!(referenced_by("a.js", "'./my-app.js'", &files), Vec::<String>::new());
    }

    #[test]
    fn a_module_in_a_folder_names_files_relative_to_it() {
        let files = ["widget/loader.js", "widget/widget.js", "widget.js"].map(String::from);
        assert_eq!(referenced_by("widget/loader.js", "import init from './widget.js'", &files), ["widget/widget.js"]);
    }
}
