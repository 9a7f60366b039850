//! The Privacy & Security questionnaire of an Atlassian Marketplace cloud app listing, as pure
//! data and functions: no browser, no I/O. The form, the preview, the widget and the API client
//! all read this crate instead of restating any question, rule or wire name.

pub mod answers;
pub mod catalogue;
pub mod draft;
pub mod replacement;
pub mod response_errors;
pub mod visibility;
pub mod wire;

pub use answers::{Answer, Answers, ThirdParty};
pub use catalogue::{Question, Section};
