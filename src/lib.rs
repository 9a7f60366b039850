#![recursion_limit = "256"]
//! The privacy-tab browser app. Components stay thin: every question, rule and wire name comes
//! from the `questionnaire` crate.

pub mod api;
mod app;
pub mod connect;
pub mod draft;
mod erased;
pub mod first_page;
mod focus;
pub mod form;
pub mod latest;
pub mod page_contract;
pub mod platform;
pub mod preview;
pub mod routes;
pub mod shell;
mod toggletip;
pub mod zlib;

pub use api::RuntimeConfig;
pub use app::App;
