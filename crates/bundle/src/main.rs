//! Turns Trunk's release output into a bundle any static host can serve (scripts/build runs it
//! after Trunk and crates/prerender):
//!
//!     bundle --stage DIR --dist DIR --hosting DIR [--base-path /x/]
//!            [--connect-src "https://api.example.com ..."] [--prerendered DIR] FOLDER...
//!
//! Each FOLDER is where a page goes in DIST (`.` for the app, `widget` for the widget), as its
//! index.html; or NAME.html, a page of its own in DIST's root beside the app's (`review.html`,
//! which the app's `./review` serves, so its relative URLs resolve as the app's do). Trunk built
//! it into STAGE/<folder or NAME.html, `.` as `root`> (one page per run, as index.html).
//!
//! For each page ([`page::finish`]) it minifies the JS Trunk wrote and brings the page's
//! integrity attributes up to date; replaces the inline loader Trunk writes from Trunk.toml's
//! `pattern_script` with a content-hashed module ([`loader`]); fills a prerendered page's
//! holder with DIR/first-page.html and its inline script with the page contract's
//! (`src/page_contract.rs`); and computes its Content-Security-Policy, with the hash of each
//! inline script left. Then it merges the pages into DIST, writes DIST/404.html
//! ([`not_found`]), the .gz and .br copies ([`compress`]), DIST/_headers and HOSTING/nginx.conf
//! ([`hosting`]; routes from DIST/_redirects, [`routes`]), HOSTING/csp.txt and
//! HOSTING/bundle.json (what a browser downloads for each page: the size budget and the
//! benchmark read it).

mod assets;
mod compress;
mod csp;
mod digest;
mod hosting;
mod loader;
mod minify;
mod not_found;
mod page;
mod routes;

/// The names the build, the loader and the app share.
#[path = "../../../src/page_contract.rs"]
#[allow(dead_code)]
mod page_contract;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use hosting::{HostedPage, NOT_FOUND_PAGE};
use page::{Page, Prerendered, Target};
use routes::RouteKind;

#[derive(Debug)]
struct Options {
    stage: PathBuf,
    dist: PathBuf,
    hosting: PathBuf,
    base_path: String,
    connect_src: Vec<String>,
    prerendered: Option<PathBuf>,
    pages: Vec<String>,
}

const USAGE: &str = "usage: bundle --stage DIR --dist DIR --hosting DIR [--base-path /x/] [--connect-src ORIGINS] [--prerendered DIR] FOLDER...";

impl Options {
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
        let (mut stage, mut dist, mut hosting, mut prerendered) = (None, None, None, None);
        let mut base_path = "/".to_owned();
        let mut connect_src = Vec::new();
        let mut pages = Vec::new();
        while let Some(arg) = args.next() {
            let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
            match arg.as_str() {
                "--stage" => stage = Some(PathBuf::from(value()?)),
                "--dist" => dist = Some(PathBuf::from(value()?)),
                "--hosting" => hosting = Some(PathBuf::from(value()?)),
                "--base-path" => base_path = value()?,
                // Origins every page may call besides its own (an API base on another origin).
                "--connect-src" => connect_src.extend(value()?.split_whitespace().map(String::from)),
                "--prerendered" => prerendered = Some(PathBuf::from(value()?)),
                option if option.starts_with("--") => return Err(format!("unknown option {option}\n{USAGE}")),
                _ => pages.push(arg),
            }
        }
        let (Some(stage), Some(dist), Some(hosting)) = (stage, dist, hosting) else { return Err(USAGE.to_owned()) };
        if pages.is_empty() {
            return Err(USAGE.to_owned());
        }
        if !base_path.starts_with('/') || !base_path.ends_with('/') {
            return Err(format!("--base-path must start and end with \"/\": {base_path}"));
        }
        Ok(Options { stage, dist, hosting, base_path, connect_src, prerendered, pages })
    }
}

fn main() {
    if let Err(message) = Options::parse(std::env::args().skip(1)).and_then(|options| run(&options)) {
        eprintln!("bundle: {message}");
        std::process::exit(1);
    }
}

fn run(options: &Options) -> Result<(), String> {
    let prerendered = match &options.prerendered {
        Some(dir) => {
            let file = dir.join("first-page.html");
            let first_page =
                std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            Some(Prerendered { first_page })
        }
        None => None,
    };
    let mut pages = Vec::new();
    for folder in &options.pages {
        let target = Target::new(&options.stage, folder);
        minify::scripts_in(&target.stage_dir)?;
        pages.push(page::finish(target, &options.connect_src, prerendered.as_ref())?);
    }

    let dist = &options.dist;
    recreate(dist)?;
    for page in &pages {
        let folder = dist.join(&page.target.prefix);
        for file in page::files_under(&page.target.stage_dir)?.into_iter().filter(|file| file != "index.html") {
            let to = folder.join(&file);
            std::fs::create_dir_all(to.parent().expect("a file has a folder")).map_err(|e| e.to_string())?;
            std::fs::copy(page.target.stage_dir.join(&file), &to).map_err(|e| format!("cannot copy {file}: {e}"))?;
        }
        for (name, contents) in &page.extra_files {
            write(&folder.join(name), contents)?;
        }
        write(&dist.join(&page.target.page), &page.html)?;
    }
    let page_names: Vec<&str> = pages.iter().map(|page| page.target.page.as_str()).collect();
    let redirects = dist.join("_redirects");
    let routes = match std::fs::read_to_string(&redirects) {
        Ok(text) => routes::parse(&text, &page_names)?,
        Err(_) => Vec::new(),
    };
    if let Some(app) = pages.iter().find(|page| page.target.page == "index.html") {
        let elsewhere: Vec<(String, String)> = routes
            .iter()
            .filter_map(|route| match route.kind {
                RouteKind::Page(index) if pages[index].target.page != "index.html" => {
                    Some((route.from[1..].to_owned(), pages[index].target.page.clone()))
                }
                _ => None,
            })
            .collect();
        let html = not_found::page(&app.html, &app.csp, &elsewhere).map_err(|e| format!("the app's page {e}"))?;
        write(&dist.join(NOT_FOUND_PAGE), &html)?;
    }

    let all_files = page::files_under(dist)?;
    let mut sizes = BTreeMap::new();
    for file in &all_files {
        let path = dist.join(file);
        let size = if compress::is_compressible(file) {
            compress::write_copies(&path).map_err(|e| format!("cannot compress {file}: {e}"))?
        } else {
            let raw = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
            compress::Sizes { raw, gzip: raw, brotli: raw }
        };
        sizes.insert(file.clone(), size);
    }

    let hosted: Vec<HostedPage> = pages
        .iter()
        .map(|page| HostedPage {
            page: page.target.page.clone(),
            prefix: page.target.prefix.clone(),
            csp: page.csp.clone(),
        })
        .collect();
    write(&dist.join("_headers"), &hosting::netlify_headers(&hosting::header_rules(&hosted, &all_files, &routes)))?;
    recreate(&options.hosting)?;
    write(&options.hosting.join("nginx.conf"), &hosting::nginx_conf(&hosted, &options.base_path, &routes))?;
    let csp_txt =
        pages.iter().map(|page| format!("{}\n{}\n", page.target.page, page.csp)).collect::<Vec<_>>().join("\n");
    write(&options.hosting.join("csp.txt"), &csp_txt)?;
    let report = report(&pages, &sizes);
    let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n";
    write(&options.hosting.join("bundle.json"), &json)?;
    for page in &report.pages {
        let total = |size: fn(&FileReport) -> u64| page.files.iter().map(size).sum::<u64>();
        println!(
            "bundle: {}: {} files, {} B raw, {} B gzip, {} B brotli",
            page.name,
            page.files.len(),
            total(|file| file.sizes.raw),
            total(|file| file.sizes.gzip),
            total(|file| file.sizes.brotli)
        );
    }
    Ok(())
}

/// bundle.json: what a browser downloads for each page.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Report {
    generated_by: &'static str,
    pages: Vec<PageReport>,
}

#[derive(serde::Serialize)]
struct PageReport {
    name: String,
    html: String,
    csp: String,
    files: Vec<FileReport>,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct FileReport {
    file: String,
    #[serde(flatten)]
    sizes: compress::Sizes,
    #[serde(skip_serializing_if = "Option::is_none")]
    before_input: Option<bool>,
}

fn report(pages: &[Page], sizes: &BTreeMap<String, compress::Sizes>) -> Report {
    let pages = pages
        .iter()
        .map(|page| PageReport {
            name: page.target.name.clone(),
            html: page.target.page.clone(),
            csp: page.csp.clone(),
            files: page
                .files
                .iter()
                .map(|file| {
                    let path = format!("{}{file}", page.target.prefix);
                    let sizes = sizes.get(&path).copied().unwrap_or(compress::Sizes { raw: 0, gzip: 0, brotli: 0 });
                    FileReport {
                        file: path,
                        sizes,
                        before_input: page.before_input.as_ref().map(|files| files.contains(file)),
                    }
                })
                .collect(),
        })
        .collect();
    Report { generated_by: "scripts/build", pages }
}

fn recreate(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("cannot empty {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> impl Iterator<Item = String> + '_ {
        line.split(' ').map(String::from)
    }

    #[test]
    fn options_read_as_scripts_build_passes_them() {
        let options = Options::parse(args("--stage s --dist d --hosting h --connect-src a.example --base-path /x/ --prerendered p . widget review.html")).unwrap();
        assert_eq!(options.pages, [".", "widget", "review.html"]);
        assert_eq!(
            (options.base_path.as_str(), options.connect_src.as_slice()),
            ("/x/", &["a.example".to_owned()][..])
        );
        assert!(Options::parse(args("--stage s --dist d --hosting h --base-path x ."))
            .unwrap_err()
            .contains("--base-path"));
        assert!(Options::parse(args("--stage s --dist d --hosting h --nope .")).unwrap_err().contains("--nope"));
        assert!(Options::parse(args("--stage s --dist d .")).is_err(), "--hosting is needed");
    }
}
