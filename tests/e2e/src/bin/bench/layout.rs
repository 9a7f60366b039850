//! One keystroke with the preview beside the form, and with it hidden (a narrow screen): the
//! form and the preview re-rendered and laid out, for a complete questionnaire with a few third
//! parties. Input events are dispatched straight from the page, 60 in a row, so the figure is
//! the app's work and the layout, not WebDriver's.

use serde_json::{json, Map, Value};

use crate::page::Bench;
use crate::stats::ms;
use crate::{draft_storage, typing_draft, typing_question, Report};

const ROWS: usize = 10;
const KEYSTROKES: usize = 60;
/// (label, window width): the preview is beside the form from 1100 px on.
const LAYOUTS: [(&str, u32); 2] = [("preview beside the form", 1280), ("preview hidden (narrow screen)", 760)];
/// The harness's window (tests/e2e/src/browser.rs), restored afterwards.
const WINDOW: (u32, u32) = (1280, 900);

const MEASURE: &str = "const [done, css, preview, count] = [arguments[3], arguments[0], arguments[1], arguments[2]];
    const input = document.querySelector(css);
    const nextTask = () => new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(0);
    });
    (async () => {
        const times = [];
        for (let i = 0; i < count; i++) {
            const start = performance.now();
            input.value = 'https://example.com/privacy/' + i;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await nextTask();
            document.body.offsetHeight;
            times.push(performance.now() - start);
        }
        const shown = document.querySelector(preview);
        done({ times, shown: shown ? shown.textContent : null });
    })();";

pub async fn keystroke_by_layout(report: &mut Report, bench: &mut Bench) {
    report.line("");
    report.line(format!(
        "One keystroke by layout ({KEYSTROKES} input events from the page into a link, complete questionnaire, \
         {ROWS} third parties; ms)"
    ));
    let question = typing_question().id;
    let field = format!("#q-{question}");
    let preview = format!("#preview-pane [data-question={question}] .listing-value");
    let mut json = Map::new();
    if let Err(why) = bench.load("/", &draft_storage(typing_draft(ROWS))).await {
        report.failed("keystroke by layout", why);
        return;
    }
    for (label, width) in LAYOUTS {
        let client = &bench.browser.client;
        if let Err(why) = client.set_window_size(width, WINDOW.1).await {
            report.failed(&format!("keystroke, {label}"), format!("cannot resize the window: {why}"));
            continue;
        }
        let result = client
            .execute_async(MEASURE, vec![json!(field), json!(preview), json!(KEYSTROKES)])
            .await
            .map_err(|e| e.to_string());
        let outcome = result.and_then(|value| {
            let times: Vec<f64> =
                value["times"].as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default();
            let last = format!("https://example.com/privacy/{}", KEYSTROKES - 1);
            // The preview must have followed every keystroke, or the figure would leave its
            // work out.
            if value["shown"].as_str() != Some(last.as_str()) {
                return Err(format!("the preview shows {} instead of {last}", value["shown"]));
            }
            crate::stats::Summary::of(&times).map(|s| (s, times)).ok_or_else(|| "no keystroke timed".to_owned())
        });
        match outcome {
            Ok((summary, times)) => {
                report.line(format!("  {label:<40} median {:>9}   p95 {:>9}", ms(summary.median), ms(summary.p95)));
                json.insert(label.into(), summary.to_json(&times));
            }
            Err(why) => report.failed(&format!("keystroke, {label}"), why),
        }
    }
    let _ = bench.browser.client.set_window_size(WINDOW.0, WINDOW.1).await;
    report.json.insert("keystrokeByLayout".into(), Value::Object(json));
}
