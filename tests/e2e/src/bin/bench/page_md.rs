//! docs/benchmarks.md: the figures of a whole run as a page, stamped with the commit, the date
//! and the machine (cores, load), beside the peers' figures (peers.md, measured once by hand).

use std::path::Path;

use crate::Report;

const PEERS: &str = include_str!("peers.md");

/// What the page says about the machine: CPU model, cores and the load average now.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name").and_then(|rest| rest.split_once(':')).map(|(_, m)| m.trim()))
        .unwrap_or("unknown CPU");
    let cores = std::thread::available_parallelism().map_or("?".to_owned(), |n| n.get().to_string());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    format!("{model}, {cores} cores, load average {} (1, 5, 15 min)", load.join(" "))
}

pub fn write(path: &Path, report: &Report, commit: &str, date: &str, browser: &str) -> std::io::Result<()> {
    let commit = if commit.is_empty() { "unknown" } else { commit };
    let browser = browser.split(' ').find(|part| part.starts_with("HeadlessChrome/")).unwrap_or(browser);
    let page = format!(
        "# Benchmarks\n\n\
         Written by `scripts/bench` (a whole run; `--only` runs are not written here). Figures, not\n\
         assertions: they move with the machine and its load, so compare runs made under similar\n\
         load. What each figure measures is in [CONTRIBUTING.md](../CONTRIBUTING.md#benchmarks).\n\n\
         - commit: `{commit}`\n\
         - date: {date}\n\
         - machine: {}\n\
         - browser: {browser}, headless, HTTP cache disabled, served by the local stand-in on loopback\n\n\
         ```text\n{}```\n\n{PEERS}",
        machine(),
        report.text.trim_start_matches('\n'),
    );
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, page)
}
