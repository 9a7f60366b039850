//! The Privacy & Security questionnaire of an Atlassian Marketplace cloud app listing, as pure
//! data and functions: no browser, no I/O. The form, the preview, the widget and the API client
//! all read this crate instead of restating any question, rule or wire name.
//!
//! - [`catalogue`]: every question of the spec, worded as it words them, with help, view,
//!   follow-up conditions and wire names (the one table of them, with how sure we are of each).
//! - [`answers`]: what the partner typed, kept as typed, hidden answers included.
//! - [`visibility`]: which questions are asked now, and the effective answers (hidden ones set
//!   aside, "same data processed and stored" mirrored).
//! - [`validation`], [`consistency`], [`completeness`]: field errors, findings across answers,
//!   and what the tab would still show as "Response not provided by the partner".
//! - [`listing`], [`diff`]: the tab as customers see it, and what a submit would change.
//! - [`wire`]: answers ↔ the v2 `TrustInfo` JSON; [`draft`]: the saved and exported draft;
//!   [`review_link`]: the answers in a link's fragment, for a colleague to read.
//! - [`session`]: the partner's session (open app, drafts, the call under way, undo) as one
//!   pure state machine the app feeds events and whose effects it runs.

pub mod answers;
pub mod answers_file;
pub mod api_config;
pub mod app_keys;
pub mod catalogue;
pub mod completeness;
pub mod consistency;
pub mod countries;
pub mod diff;
pub mod draft;
pub mod eea;
pub mod embed;
pub mod endpoints;
pub mod held;
#[cfg(any(test, feature = "fuzzing"))]
pub mod hostile_input;
pub mod inputs;
pub mod listing;
#[cfg(test)]
mod property_tests;
pub mod record;
pub mod replacement;
pub mod response_errors;
pub mod retry;
pub mod review_link;
pub mod sample;
pub mod session;
pub mod statements;
pub mod unsorted;
pub mod validation;
pub mod visibility;
pub mod wire;

pub use answers::{Answer, Answers, ThirdParty};
pub use catalogue::{Question, Section};
