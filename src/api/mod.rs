//! The Marketplace REST API, at the edge: the payload comes from the questionnaire crate.

mod client;
mod submission;

pub use submission::Submission;
