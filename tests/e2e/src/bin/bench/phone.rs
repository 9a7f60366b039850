//! A returning partner after a release, on a phone: their draft in local storage, nothing of
//! the new build cached (the benchmark's cache is off), under Lighthouse's mobile throttling
//! as DevTools applies it (Chromium's network conditions and CPU throttling). Where the time
//! until the draft shows goes: the page, its loader and JS glue, the wasm's download, its
//! compiling and start, config.json, and the app rendering and restoring the draft.

use serde_json::{json, Map, Value};

use super::page::{Bench, Ready};
use super::stats::{ms, Summary};
use super::Report;

use e2e::page_contract::REVISION_FIELD;
use e2e::phone::{CPU_SLOWDOWN, DOWN_BYTES_PER_S, LATENCY_MS};

/// Loads per draft size (each takes several seconds here).
const LOADS: usize = 3;
const DRAFT_ROWS: [usize; 2] = [5, 200];

/// The moments of one load, in ms from navigation start, read from the page's own timings.
const MOMENTS: &str = r#"
const entries = performance.getEntriesByType('resource');
const find = (pattern) => entries.find((e) => pattern.test(e.name));
const end = (pattern) => find(pattern)?.responseEnd;
const nav = performance.getEntriesByType('navigation')[0];
const wasm = find(/\.wasm$/);
const config = find(/config\.json$/);
return {
  page: nav.responseEnd,
  stylesheets: Math.max(...entries.filter((e) => /\.css$/.test(e.name)).map((e) => e.responseEnd)),
  loader: end(/-loader-[0-9a-f]+\.js$/),
  glue: end(/privacy-tab(-app)?-[0-9a-f]+\.js$/),
  wasmRequested: wasm?.startTime,
  wasmDownloaded: wasm?.responseEnd,
  started: __bench.marks.started,
  configRequested: config?.startTime,
  configArrived: config?.responseEnd,
  snapshotShown: __bench.marks.snapshotShown,
  takenOver: __bench.marks.takenOver,
  draftShown: Math.min(__bench.marks.snapshotShown ?? Infinity, __bench.marks.takenOver ?? Infinity),
};
"#;

/// The phases, as (label, from, to) between [`MOMENTS`].
const PHASES: [(&str, &str, &str); 6] = [
    ("page (HTML with the form rendered ahead)", "", "page"),
    ("loader and JS glue, after the page", "page", "glue"),
    ("wasm download, from its request", "wasmRequested", "wasmDownloaded"),
    ("wasm compiled, started (main run), after download", "wasmDownloaded", "started"),
    ("config.json, requested to arrived", "configRequested", "configArrived"),
    ("app rendered, draft restored, after config.json", "configArrived", "takenOver"),
];

pub async fn returning_partner(
    report: &mut Report,
    bench: &mut Bench,
    draft_of: impl Fn(usize) -> Vec<(String, String)>,
) {
    report.line("");
    report.line(format!(
        "A returning partner after a release, phone profile ({LATENCY_MS} ms round trip, {} kbit/s down, CPU {CPU_SLOWDOWN}x slower; nothing cached): median of {LOADS}",
        DOWN_BYTES_PER_S * 8.0 / 1024.0
    ));
    throttle(bench, true).await;
    let mut json = Map::new();
    for rows in DRAFT_ROWS {
        let mut loads: Vec<Value> = Vec::new();
        for _ in 0..LOADS {
            match left_and_back(bench, named(draft_of(rows))).await {
                Ok(_) => loads.push(bench.eval(MOMENTS).await),
                Err(why) => report.failed(&format!("phone profile, draft of {rows} rows"), why),
            }
        }
        let median = |name: &str| -> Option<f64> {
            let samples: Vec<f64> = loads.iter().filter_map(|load| load[name].as_f64()).collect();
            Summary::of(&samples).map(|s| s.median)
        };
        let phase = |from: &str, to: &str| -> Option<f64> {
            let samples: Vec<f64> = loads
                .iter()
                .filter_map(|load| {
                    let start = if from.is_empty() { 0.0 } else { load[from].as_f64()? };
                    Some(load[to].as_f64()? - start)
                })
                .collect();
            Summary::of(&samples).map(|s| s.median)
        };
        let shown = median("draftShown");
        let taken_over = median("takenOver");
        let as_ms = |figure: Option<f64>| figure.map_or("n/a".to_owned(), ms);
        report.line(format!(
            "  draft of {rows} third-party rows: shown at {} (the form as left: {}), the app in charge at {}",
            as_ms(shown),
            as_ms(median("snapshotShown")),
            as_ms(taken_over)
        ));
        let mut phases = Map::new();
        for (label, from, to) in PHASES {
            let took = phase(from, to);
            report.line(format!("    {label:<52} {:>9}", took.map_or("n/a".to_owned(), ms)));
            phases.insert(format!("{from}..{to}"), json!(took));
        }
        json.insert(
            rows.to_string(),
            json!({ "draftShown": shown, "takenOver": taken_over, "phases": phases, "loads": loads }),
        );
    }
    throttle(bench, false).await;
    report.line("  The phases overlap where the browser overlaps them (the wasm compiles while it downloads);");
    report.line(
        "  'shown at' is the first of: the page showing the form as the partner left it (inert; the app keeps it",
    );
    report.line("  when the page is hidden or closed), and the app in charge with the draft restored, editable.");
    report.json.insert("phoneReturningPartner".into(), Value::Object(json));
}

/// A partner's visit with their draft, unthrottled (the app keeps the form as they leave it),
/// then leaving and coming back after a release, throttled (`throttle` on at the end).
async fn left_and_back(bench: &Bench, storage: Vec<(String, String)>) -> Result<(), String> {
    throttle(bench, false).await;
    bench.load("/", &storage).await?;
    bench.leave().await?;
    throttle(bench, true).await;
    bench.open("/").await.map(drop)
}

/// The draft as the app saves it, under a named save (the app keeps the form only of a draft
/// whose save is named; a draft planted as written by `Draft::new` is not).
fn named(storage: Vec<(String, String)>) -> Vec<(String, String)> {
    storage
        .into_iter()
        .map(|(key, text)| match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(mut draft)) => {
                draft.insert(REVISION_FIELD.into(), json!(1_234_567));
                (key, Value::Object(draft).to_string())
            }
            _ => (key, text),
        })
        .collect()
}

/// A review link opened cold on the same phone: when its tab shows (`review_link`: a path
/// like `/review#v1.…`).
pub async fn review_link_cold(report: &mut Report, bench: &mut Bench, review_link: &str) {
    bench.instrument(&Ready::All(vec!["#review-page .listing-tab".into()]), "privacy-tab", "").await;
    throttle(bench, true).await;
    let mut shown = Vec::new();
    for _ in 0..LOADS {
        match bench.load(review_link, &[]).await {
            Ok(load) => shown.push(load.rendered),
            Err(why) => report.failed("phone profile, review link", why),
        }
    }
    throttle(bench, false).await;
    if let Some(summary) = Summary::of(&shown) {
        report
            .line(format!("  a review link opened cold: its tab shown at {} (median of {LOADS})", ms(summary.median)));
        report.json.insert("phoneReviewLink".into(), summary.to_json(&shown));
    }
}

/// Lighthouse's mobile throttling on, or off again (`e2e::phone`).
async fn throttle(bench: &Bench, on: bool) {
    bench.browser.throttle_like_a_phone(on).await;
}
