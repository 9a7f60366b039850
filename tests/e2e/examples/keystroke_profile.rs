//! Where a keystroke's time goes: types into one field of the release bundle with a complete
//! questionnaire of N third parties planted, under Chromium's sampling profiler (DevTools
//! `Profiler`), and prints the functions that took the most time per keystroke, by their own
//! time and with what they call. A tool for tuning, not a test; `scripts/bench` gives the figures.
//!
//!     scripts/build && cargo build -p marketplace-stand-in && . scripts/lib/env.sh
//!     cargo run -p e2e --example keystroke_profile [rows] [field css] [characters] [segments]
//!     cargo run -p e2e --example keystroke_profile 200 '#q-third_parties-7-name'
//!
//! When profiling it serves a copy of dist/ whose wasm keeps its function names (integrity
//! dropped), so wasm functions show by name; `segments` (4th argument) only times each
//! keystroke's phases in the page (keydown, the browser's edit, the input handlers and the
//! reactive updates after them), on dist/ as built. `KEYSTROKE_SETUP='…'` runs a script in the
//! page before typing (to focus another field first, or try a change to the DOM);
//! `KEYSTROKE_CALLERS=name` prints the stacks through functions whose name contains `name`.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Duration;

use e2e::{workspace_root, Browser, StandIn, DEMO_APP_KEY};
use fantoccini::Locator;
use questionnaire::draft::{storage_key, Draft};
use questionnaire::{sample, Answer};
use serde_json::{json, Value};

const TYPED: &str = "privacy/standard-contractual-clauses-eu1";

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().map_or(200, |n| n.parse().expect("rows: a number"));
    let field = args.next().unwrap_or_else(|| "#q-privacy_policy".to_owned());
    let characters: usize = args.next().map_or(TYPED.len(), |n| n.parse().expect("characters: a number"));
    let typed: String = TYPED.chars().cycle().take(characters).collect();
    let profiling = args.next().as_deref() != Some("segments");

    let root = workspace_root();
    let served = if profiling { named_copy(&root) } else { None }.unwrap_or_else(|| root.join("dist"));
    let stand_in = StandIn::start_with(&[], Some(&served));
    let browser = Browser::start().await;
    browser.run_before_page_scripts(SEGMENTS).await;
    let mut answers = sample::complete(rows);
    answers.set("privacy_policy", Answer::Text("https://example.com/".to_owned()));
    let draft = Draft::new(DEMO_APP_KEY, answers, 1_764_000_000_000.0).to_json();
    browser.client.goto(&format!("{}/_stand-in/health", stand_in.origin)).await.unwrap();
    browser
        .execute(
            "localStorage.clear(); localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(storage_key(DEMO_APP_KEY)), json!(draft)],
        )
        .await;
    browser.forget_durable_drafts().await;
    browser.client.goto(&stand_in.app_url()).await.unwrap();
    browser.find("#q-privacy_policy").await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    // KEYSTROKE_SETUP: a script run in the page before typing (an experiment on the DOM).
    if let Ok(script) = std::env::var("KEYSTROKE_SETUP") {
        println!("setup: {}", browser.execute(&script, vec![]).await);
    }
    let element = browser.find(&field).await;

    if profiling {
        browser.cdp("Profiler.enable", json!({})).await;
        browser.cdp("Profiler.setSamplingInterval", json!({ "interval": 50 })).await;
        browser.cdp("Profiler.start", json!({})).await;
    }
    for character in typed.chars() {
        element.send_keys(&character.to_string()).await.unwrap();
        tokio::time::sleep(Duration::from_millis(80)).await;
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let value = browser.client.find(Locator::Css(&field)).await.unwrap().prop("value").await.unwrap();
    println!("{field} holds {value:?} ({} served)", served.display());
    if profiling {
        let profile = browser.cdp("Profiler.stop", json!({})).await["profile"].clone();
        report(&profile, characters);
    }
    let segments = browser.execute("return window.__segments;", vec![]).await;
    segments_report(&segments);
    browser.close().await;
}

/// dist/ with the app's wasm optimised as shipped but keeping its names (`wasm-opt -Oz -g`, on
/// the PATH after `. scripts/lib/env.sh`); `None` (serve dist/ as it is) without wasm-opt.
fn named_copy(root: &Path) -> Option<std::path::PathBuf> {
    let copy = root.join("target/profile-dist");
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).ok()?;
    for entry in std::fs::read_dir(root.join("dist")).ok()? {
        let entry = entry.ok()?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() || name.ends_with(".br") || name.ends_with(".gz") || name == "_headers" {
            continue;
        }
        if name.ends_with("_bg.wasm") {
            let built = root.join("target/wasm-bindgen/release/privacy-tab-app_bg.wasm");
            let named = std::process::Command::new("wasm-opt")
                .arg("-Oz")
                .arg("-g")
                .arg(&built)
                .arg("-o")
                .arg(copy.join(&name))
                .status();
            if !named.is_ok_and(|status| status.success()) {
                eprintln!("no wasm-opt: serving dist/ without function names");
                return None;
            }
        } else if name.ends_with(".html") || name.ends_with(".js") {
            let text = std::fs::read_to_string(entry.path()).ok()?;
            std::fs::write(copy.join(&name), without_integrity(&text)).ok()?;
        } else {
            std::fs::copy(entry.path(), copy.join(&name)).ok()?;
        }
    }
    Some(copy)
}

/// Drops every `integrity="…"` and `integrity: '…'` (the named wasm has another hash).
fn without_integrity(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("integrity=\"").or_else(|| rest.find("integrity: '")) {
        out.push_str(&rest[..at]);
        let after = &rest[at + "integrity".len()..];
        let quote_at = after.find(['"', '\'']).unwrap();
        let quote = after.as_bytes()[quote_at] as char;
        let end = after[quote_at + 1..].find(quote).unwrap();
        out.push_str(if quote == '\'' { "integrity: ''" } else { "data-no-integrity=\"\"" });
        rest = &after[quote_at + 1 + end + 1..];
    }
    out.push_str(rest);
    out
}

/// Times of each keystroke's phases, from the page (performance.now()).
const SEGMENTS: &str = r#"(() => {
  const all = (window.__segments = []);
  const now = () => performance.now();
  let key = null;
  addEventListener('keydown', () => { key = { keydown: now() }; }, true);
  addEventListener('keydown', () => { if (key) key.keydownDone = now(); });
  addEventListener('beforeinput', () => { if (key) key.beforeinput = now(); }, true);
  addEventListener('input', () => {
    const k = key;
    key = null;
    if (!k) return;
    k.input = now();
    addEventListener('input', () => {
      k.handled = now();
      // Each microtask queued from the last runs after those queued before it: one more round
      // of reactive work (effects that woke other effects) per level.
      const level = (n) => () => { k['microtasks' + n] = now(); if (n < 6) queueMicrotask(level(n + 1)); };
      queueMicrotask(() => { k.microtasks = now(); queueMicrotask(level(2)); });
      requestAnimationFrame(() => { k.frame = now(); });
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { k.task = now(); all.push(k); };
      channel.port2.postMessage(null);
    }, { once: true });
  }, true);
})();"#;

fn segments_report(segments: &Value) {
    let phases = [
        ("keydown handlers", "keydown", "keydownDone"),
        ("keydown done to beforeinput", "keydownDone", "beforeinput"),
        ("beforeinput to input (the edit)", "beforeinput", "input"),
        ("input handlers (the app's, synchronous)", "input", "handled"),
        ("first microtasks (effects)", "handled", "microtasks"),
        ("second round of microtasks", "microtasks", "microtasks2"),
        ("third round", "microtasks2", "microtasks3"),
        ("rounds 4 to 6", "microtasks3", "microtasks6"),
        ("to the next animation frame callback", "microtasks6", "frame"),
        ("to the next task", "microtasks6", "task"),
        ("keydown to first microtasks (what the bench counts)", "keydown", "microtasks"),
        ("keydown to the sixth round of microtasks", "keydown", "microtasks6"),
    ];
    let keys = segments.as_array().cloned().unwrap_or_default();
    println!("\nphases of {} keystrokes, ms: median, p95", keys.len());
    for (label, from, to) in phases {
        let mut ms: Vec<f64> = keys.iter().filter_map(|k| Some(k[to].as_f64()? - k[from].as_f64()?)).collect();
        ms.sort_by(f64::total_cmp);
        if ms.is_empty() {
            continue;
        }
        let at = |q: f64| ms[((ms.len() as f64 - 1.0) * q).round() as usize];
        println!("  {:<55} {:>7.3} {:>7.3}", label, at(0.5), at(0.95));
    }
}

fn report(profile: &Value, keys: usize) {
    let nodes = profile["nodes"].as_array().unwrap();
    let by_id: HashMap<u64, &Value> = nodes.iter().map(|n| (n["id"].as_u64().unwrap(), n)).collect();
    let mut parent: HashMap<u64, u64> = HashMap::new();
    for node in nodes {
        for child in node["children"].as_array().into_iter().flatten() {
            parent.insert(child.as_u64().unwrap(), node["id"].as_u64().unwrap());
        }
    }
    let name = |id: u64| -> String {
        let frame = &by_id[&id]["callFrame"];
        let function = frame["functionName"].as_str().unwrap_or("");
        let function = if function.is_empty() { "(anonymous)" } else { function };
        let url = frame["url"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("").to_owned();
        if url.is_empty() || url.ends_with(".wasm") {
            function.to_owned()
        } else {
            format!("{function} [{url}]")
        }
    };
    let samples = profile["samples"].as_array().unwrap();
    let deltas = profile["timeDeltas"].as_array().unwrap();
    let (mut own, mut total): (HashMap<String, f64>, HashMap<String, f64>) = Default::default();
    let mut busy = 0.0;
    // Each sample lasts until the next one.
    for (i, sample) in samples.iter().enumerate() {
        let us = deltas.get(i + 1).and_then(Value::as_f64).unwrap_or(0.0);
        let id = sample.as_u64().unwrap();
        let leaf = name(id);
        if leaf == "(idle)" || leaf == "(root)" {
            continue;
        }
        busy += us;
        *own.entry(leaf).or_default() += us;
        let mut seen = HashSet::new();
        let mut at = Some(id);
        while let Some(node) = at {
            let n = name(node);
            if seen.insert(n.clone()) {
                *total.entry(n).or_default() += us;
            }
            at = parent.get(&node).copied();
        }
    }
    let per_key = |us: f64| us / 1000.0 / keys as f64;
    // KEYSTROKE_CALLERS: the stacks (innermost first, up to 10 frames) through a function whose
    // name contains this text.
    if let Ok(wanted) = std::env::var("KEYSTROKE_CALLERS") {
        let mut stacks: HashMap<String, f64> = HashMap::new();
        for (i, sample) in samples.iter().enumerate() {
            let us = deltas.get(i + 1).and_then(Value::as_f64).unwrap_or(0.0);
            let mut chain = Vec::new();
            let mut at = sample.as_u64();
            while let Some(node) = at {
                chain.push(name(node));
                at = parent.get(&node).copied();
            }
            if let Some(from) = chain.iter().position(|n| n.contains(&wanted)) {
                let stack: Vec<String> = chain[from..].iter().take(10).map(|n| n.chars().take(90).collect()).collect();
                *stacks.entry(stack.join("\n      < ")).or_default() += us;
            }
        }
        let mut stacks: Vec<_> = stacks.into_iter().collect();
        stacks.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (stack, us) in stacks.into_iter().take(6) {
            println!("{:>7.3}  {stack}\n", per_key(us));
        }
    }
    println!("busy: {:.2} ms per keystroke ({} keystrokes, every sample not idle)", per_key(busy), keys);
    for (title, table) in [("own time", &own), ("with callees", &total)] {
        let mut rows: Vec<_> = table.iter().collect();
        rows.sort_by(|a, b| b.1.total_cmp(a.1));
        println!("\n{title}, ms per keystroke:");
        for (name, us) in rows.into_iter().take(45) {
            let name: String = name.chars().take(150).collect();
            println!("  {:>7.3}  {}", per_key(*us), name);
        }
    }
}
