//! The privacy-tab browser app. Components stay thin: every question, rule and wire name comes
//! from the `questionnaire` crate.

mod api;
mod app;
mod connect;
mod draft;
pub mod form;
pub mod preview;
pub mod state;
pub mod widget;

pub use app::App;
