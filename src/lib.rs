//! The privacy-tab browser app. Components stay thin: every question, rule and wire name comes
//! from the `questionnaire` crate.

mod api;
mod app;
mod connect;
pub mod draft;
pub mod form;
pub mod state;

pub use app::App;
