//! The end-to-end harness: the built `dist/` served by the Marketplace stand-in (so the app
//! and the API share one origin, as behind the production proxy), and headless Chromium
//! driven through chromedriver. Each test gets its own stand-in, browser profile and driver.

mod axe;
mod browser;
pub mod budget;
mod chromium;
mod downloads;
mod drafts;
pub mod fixtures;
mod keys;
/// The names the page, its loader and the app share (the app's own module, as it is).
#[path = "../../../src/page_contract.rs"]
pub mod page_contract;
pub mod phone;
mod screenshots;
mod session;
pub mod sizes;
pub mod stand_in;
mod wait;

pub use browser::Browser;
pub use drafts::DEMO_APP_KEY;
pub use stand_in::StandIn;
pub use wait::{eventually, poll, wait_for_eq, PATIENCE};

use std::path::PathBuf;

/// The workspace root, where `dist/` and `target/` live.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}
