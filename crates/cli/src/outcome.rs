//! How a command ended, as the exit status scripts and CI read.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Done, or the answers are valid.
    Done,
    /// Answers that are not valid, or an app that could not be read or published.
    Failed,
    /// A file or an option that cannot be used: nothing was checked or sent.
    Unusable,
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        ExitCode::from(match self {
            Outcome::Done => 0,
            Outcome::Failed => 1,
            Outcome::Unusable => 2,
        })
    }
}

/// Prints what cannot be used and ends the command with exit status 2.
pub fn unusable(message: impl std::fmt::Display) -> Outcome {
    eprintln!("privacy-tab: {message}");
    Outcome::Unusable
}
