//! The Marketplace REST API, at the edge: the payload comes from the questionnaire crate.

mod client;
mod public;
mod submission;

pub use client::ApiError;
pub use public::{get_public, live_answers};
pub use submission::Submission;
