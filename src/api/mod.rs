//! The Marketplace REST API, at the edge: payloads, paths and error reading come from the
//! questionnaire crate; this module sends them and tracks how each call is going.

mod call;
mod client;
mod config;
mod error;
mod loader;
mod online;
mod public;
mod retry;
mod submission;
mod submitted;

pub use call::{CallState, Operation, RetryingCall};
pub use client::{read as read_version, submit, Credentials, Target, Version};
pub use config::{ApiVersion, RuntimeConfig};
pub use error::{headline, ApiError, Failure};
pub use loader::{Loader, Offer, Outcome};
pub use online::Online;
pub use public::{get_public, live_answers};
pub use retry::{next_retry, MAX_ATTEMPTS};
pub use submission::{FreshRecord, Missing, Submission};
pub use submitted::mark_submitted;

use leptos::prelude::*;

use crate::connect::Connection;
use crate::draft::{DraftStore, Questionnaire};
use crate::shell::Shell;

/// Everything the connect, load and submit components share, provided as context.
#[derive(Clone, Copy)]
pub struct Marketplace {
    pub connection: Connection,
    pub online: Online,
    pub loader: Loader,
    pub submission: Submission,
}

impl Marketplace {
    pub fn provide(connection: Connection, questionnaire: Questionnaire, drafts: DraftStore, shell: Shell) -> Self {
        let loader = Loader::new(connection, questionnaire, drafts, shell);
        let submission = Submission::new(connection, drafts, shell);
        let marketplace = Marketplace { connection, online: Online::watch(), loader, submission };
        provide_context(marketplace);
        marketplace
    }

    pub fn expect() -> Self {
        expect_context()
    }
}
