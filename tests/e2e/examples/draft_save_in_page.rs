//! How long the app takes to save a fully filled questionnaire with 100 third parties in
//! Chromium: the release bundle's own save (build the draft, serialise it in wasm, write it to
//! local storage), as the app reports it in `data-last-save-ms`. A benchmark, not a test.
//!
//!     trunk build --release --offline && cargo build -p marketplace-stand-in
//!     cargo run -p e2e --example draft_save_in_page [third_parties] [rounds]

use e2e::{Browser, StandIn};
use questionnaire::draft::{storage_key, Draft};
use questionnaire::sample::complete;
use serde_json::json;

use e2e::DEMO_APP_KEY as APP_KEY;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1).map(|arg| arg.parse::<usize>().expect("numbers"));
    let third_parties = args.next().unwrap_or(100);
    let rounds = args.next().unwrap_or(30);
    let draft = Draft::new(APP_KEY, complete(third_parties), 1_700_000_000_000.0);
    let json = draft.to_json();

    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.open_app(&stand_in.app_url()).await;
    browser.find("#q-security_contact").await;
    browser
        .client
        .execute("localStorage.setItem(arguments[0], arguments[1]);", vec![json!(storage_key(APP_KEY)), json!(json)])
        .await
        .unwrap();
    browser.client.refresh().await.unwrap();
    browser.wait_for_text(".autosave-status", "Restored your draft").await;

    // Each round changes one answer and leaves the page (which saves at once), then reads the
    // time the app measured around its save, and times a bare setItem of the same size.
    let round = r#"
        const [round, key] = arguments;
        const input = document.getElementById('q-security_contact');
        input.value = `security${round}@example.com`;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        window.dispatchEvent(new Event('pagehide'));
        const text = localStorage.getItem(key);
        const started = performance.now();
        localStorage.setItem(key, text);
        return [performance.now() - started, text.length];
    "#;
    // The attribute follows the save a moment later, once Leptos has rendered.
    let reported = r#"
        const done = arguments[arguments.length - 1];
        setTimeout(() => done(Number(document.querySelector('.autosave-status').dataset.lastSaveMs)), 20);
    "#;
    let (mut app, mut bare, mut size) = (Vec::new(), Vec::new(), 0);
    for index in 0..rounds {
        let got = browser.client.execute(round, vec![json!(index), json!(storage_key(APP_KEY))]).await.unwrap();
        bare.push(got[0].as_f64().unwrap());
        size = got[1].as_u64().unwrap();
        let ms = browser.client.execute_async(reported, vec![]).await.unwrap();
        app.push(ms.as_f64().expect("the app reports its save time"));
    }
    println!("complete questionnaire (questionnaire::sample::complete), {third_parties} third parties, {size} characters stored, {rounds} saves in headless Chromium:");
    println!("app save (draft + wasm serialise + setItem): {}", summary(&mut app));
    println!("bare localStorage.setItem of the same text: {}", summary(&mut bare));
    browser.close().await;
}

fn summary(times: &mut [f64]) -> String {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    format!("median {:.2} ms, p90 {:.2} ms, max {:.2} ms", at(0.5), at(0.9), at(1.0))
}
