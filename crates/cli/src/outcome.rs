//! How a command ended, as the exit status scripts and CI read.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Done, or the answers are valid.
    Done,
    /// `diff --detailed-exitcode`: done, and publishing would change something.
    Changes,
    /// Answers that are not valid, or an app that could not be read or published.
    Failed,
    /// A file or an option that cannot be used: nothing was checked or sent.
    Unusable,
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        ExitCode::from(match self {
            Outcome::Done => 0,
            Outcome::Changes => 3,
            Outcome::Failed => 1,
            Outcome::Unusable => 2,
        })
    }
}

/// What a command ends with: how it went, or a file or option it cannot use (a sentence
/// saying why and what to do), so that each command reads its inputs with `?`.
pub type Ended = Result<Outcome, String>;

/// The outcome of a command that ended; for one that could not use its inputs, prints why and
/// ends with exit status 2.
pub fn settle(ended: Ended) -> Outcome {
    ended.unwrap_or_else(|problem| {
        eprintln!("privacy-tab: {problem}");
        Outcome::Unusable
    })
}
