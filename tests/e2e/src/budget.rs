//! The download-size budget (`size-budget.toml` at the workspace root): each figure a visitor
//! pays for, in brotli bytes as a host serves `dist/`, against its limit. Sizes are the same for
//! the same build, so going over is a test failure (`tests/size_budget.rs`), unlike timings,
//! which only `scripts/bench` prints.

use std::path::Path;

use crate::sizes::{kb, PageSizes};

/// What the budget limits, in the order the file and the messages name them.
pub const FIGURES: [Figure; 4] = [Figure::FirstLoad, Figure::AppTotal, Figure::Review, Figure::Widget];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// What a first visit downloads before it can answer (the app's page and its stylesheets).
    FirstLoad,
    /// Everything the app's page downloads, its wasm included.
    AppTotal,
    /// Everything a review link opened cold downloads.
    Review,
    /// What a host page downloads for the widget: its loader, glue and wasm, not the demo page.
    Widget,
}

impl Figure {
    /// Its table in `size-budget.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Figure::FirstLoad => "first_load",
            Figure::AppTotal => "app_total",
            Figure::Review => "review",
            Figure::Widget => "widget",
        }
    }

    /// Its size in the bundle `scripts/build` wrote, or why it cannot be measured.
    pub fn measure(self, pages: &[PageSizes]) -> Result<u64, String> {
        let page = |name: &str| pages.iter().find(|page| page.name == name);
        let app = || page("app").ok_or_else(|| "dist-hosting/bundle.json lists no `app` page".to_owned());
        match self {
            Figure::FirstLoad => Ok(app()?.first_load().brotli),
            Figure::AppTotal => Ok(app()?.total().brotli),
            // `./review` is served the app's own page until the bundle lists a page of its own.
            Figure::Review => Ok(page("review").map_or_else(app, Ok)?.total().brotli),
            Figure::Widget => {
                let widget = page("widget").ok_or("dist-hosting/bundle.json lists no `widget` page")?;
                Ok(widget.files.iter().filter(|file| !file.file.ends_with(".html")).map(|file| file.brotli).sum())
            }
        }
    }
}

/// The limits, read from `size-budget.toml`: every figure must have one.
#[derive(Debug)]
pub struct Budget {
    limits: Vec<(Figure, u64)>,
}

impl Budget {
    pub fn read(path: &Path) -> Result<Budget, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Budget::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Budget, String> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.message().to_owned())?;
        if let Some(unknown) = table.keys().find(|key| !FIGURES.iter().any(|figure| figure.key() == key.as_str())) {
            let known: Vec<&str> = FIGURES.iter().map(|figure| figure.key()).collect();
            return Err(format!("unknown figure `{unknown}` (the budget limits {})", known.join(", ")));
        }
        let limit = |figure: Figure| {
            table
                .get(figure.key())
                .and_then(|entry| entry.get("limit"))
                .and_then(toml::Value::as_integer)
                .and_then(|limit| u64::try_from(limit).ok())
                .map(|limit| (figure, limit))
                .ok_or_else(|| format!("[{}] needs `limit = <bytes>`", figure.key()))
        };
        Ok(Budget { limits: FIGURES.iter().map(|&figure| limit(figure)).collect::<Result<_, _>>()? })
    }

    /// One line for each figure over its limit or not measurable; empty when the bundle keeps
    /// to the budget.
    pub fn problems(&self, pages: &[PageSizes]) -> Vec<String> {
        self.report(pages).into_iter().filter_map(|(_, line)| line.err()).collect()
    }

    /// Each figure with its limit: `Ok` within it, `Err` over it (or not measurable).
    pub fn report(&self, pages: &[PageSizes]) -> Vec<(Figure, Result<String, String>)> {
        let line = |&(figure, limit): &(Figure, u64)| {
            let line = match figure.measure(pages) {
                Err(why) => Err(format!("{}: cannot be measured: {why}", figure.key())),
                Ok(bytes) if bytes > limit => Err(format!(
                    "{}: {bytes} B brotli ({}) is over its limit of {limit} B ({}) by {} B; see size-budget.toml",
                    figure.key(),
                    kb(bytes),
                    kb(limit),
                    bytes - limit
                )),
                Ok(bytes) => Ok(format!("{}: {bytes} B brotli, limit {limit} B", figure.key())),
            };
            (figure, line)
        };
        self.limits.iter().map(line).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sizes::FileSize;

    fn file(file: &str, brotli: u64, before_input: bool) -> FileSize {
        FileSize { file: file.into(), raw: brotli * 3, gzip: brotli + 1, brotli, before_input: Some(before_input) }
    }

    fn bundle() -> Vec<PageSizes> {
        vec![
            PageSizes {
                name: "app".into(),
                html: "index.html".into(),
                files: vec![
                    file("index.html", 7_000, true),
                    file("main.css", 5_000, true),
                    file("app.wasm", 300_000, false),
                ],
            },
            PageSizes {
                name: "widget".into(),
                html: "widget/index.html".into(),
                files: vec![file("widget/index.html", 900, false), file("widget/w.wasm", 35_000, false)],
            },
        ]
    }

    const WITHIN: &str = "[first_load]\nlimit = 12_000\n[app_total]\nlimit = 312_000\n\
                          [review]\nlimit = 312_000\n[widget]\nlimit = 35_000\n";

    #[test]
    fn figures_are_read_from_the_pages_the_build_listed() {
        let pages = bundle();
        let figures: Vec<u64> = FIGURES.iter().map(|figure| figure.measure(&pages).unwrap()).collect();
        // The review link is the app's page until it has its own; the widget's demo page is not counted.
        assert_eq!(figures, [12_000, 312_000, 312_000, 35_000]);
    }

    #[test]
    fn a_bundle_at_its_limits_keeps_to_the_budget() {
        assert_eq!(Budget::parse(WITHIN).unwrap().problems(&bundle()), Vec::<String>::new());
    }

    #[test]
    fn a_figure_over_its_limit_is_named_with_the_figure_and_the_limit() {
        let budget = Budget::parse(&WITHIN.replace("limit = 35_000", "limit = 34_999")).unwrap();
        assert_eq!(
            budget.problems(&bundle()),
            ["widget: 35000 B brotli (35.0 KB) is over its limit of 34999 B (35.0 KB) by 1 B; see size-budget.toml"]
        );
    }

    #[test]
    fn a_page_missing_from_the_bundle_fails_rather_than_passing() {
        let pages: Vec<PageSizes> = bundle().into_iter().filter(|page| page.name == "app").collect();
        let problems = Budget::parse(WITHIN).unwrap().problems(&pages);
        assert_eq!(problems, ["widget: cannot be measured: dist-hosting/bundle.json lists no `widget` page"]);
    }

    #[test]
    fn every_figure_needs_a_limit_and_unknown_ones_are_refused() {
        let without_widget = WITHIN.replace("[widget]\nlimit = 35_000\n", "");
        assert_eq!(Budget::parse(&without_widget).unwrap_err(), "[widget] needs `limit = <bytes>`");
        let misspelt = format!("{WITHIN}[widgets]\nlimit = 1\n");
        assert!(Budget::parse(&misspelt).unwrap_err().starts_with("unknown figure `widgets`"));
    }
}
