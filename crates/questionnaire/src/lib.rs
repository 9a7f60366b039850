//! The Privacy & Security questionnaire of an Atlassian Marketplace cloud app listing, as pure
//! data and functions: no browser, no I/O. The form, the preview, the widget and the API client
//! all read this crate instead of restating any question, rule or wire name.

pub mod answers;
pub mod catalogue;
pub mod completeness;
pub mod consistency;
pub mod countries;
pub mod diff;
pub mod draft;
mod eea;
pub mod embed;
pub mod listing;
#[cfg(test)]
mod property_tests;
pub mod statements;
pub mod validation;
pub mod visibility;
pub mod wire;

pub use answers::{Answer, Answers, ThirdParty};
pub use catalogue::{Question, Section};
