//! The README's picture: the form beside the preview, on a draft partly answered, taken in
//! headless Chromium from the release bundle served by the stand-in, as the tests see it.
//!
//!     scripts/build && cargo build -p marketplace-stand-in
//!     cargo run -p e2e --example screenshot            # writes docs/screenshot.png

use e2e::fixtures::half_answers;
use e2e::{workspace_root, Browser, StandIn};

/// Wide enough for the preview beside the form (from 1100 px), tall enough for a few questions.
const WINDOW: (u32, u32) = (1360, 860);

#[tokio::main]
async fn main() {
    let stand_in = StandIn::start();
    let browser = Browser::start().await;
    browser.client.set_window_size(WINDOW.0, WINDOW.1).await.unwrap();
    browser.open_with_draft(&stand_in, &half_answers()).await;
    browser.find("#preview-pane .listing-tab").await;
    // The questions at the top of the window (the panel for the app and the account is above).
    browser.execute("document.querySelector('form.questionnaire').scrollIntoView();", Vec::new()).await;
    let png = browser.client.screenshot().await.expect("a screenshot");
    let path = workspace_root().join("docs/screenshot.png");
    std::fs::write(&path, png).expect("docs/screenshot.png written");
    println!("{}", path.display());
    browser.close().await;
}
