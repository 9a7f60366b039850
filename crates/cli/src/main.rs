//! `privacy-tab`: the browser app's checks, preview, diff and submit for the Privacy & Security
//! tab of Marketplace apps, on the command line, for answers kept in a repository and
//! published from CI. Every rule comes from the `questionnaire` crate.

mod api;
mod commands;
mod credentials;
mod endpoint;
mod files;
mod outcome;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use commands::{check, diff, pull, push, show};
use outcome::{settle, Outcome};

#[derive(Parser)]
#[command(
    name = "privacy-tab",
    version,
    about = "Check, preview, compare and publish the Privacy & Security tab of Atlassian Marketplace cloud apps.",
    after_help = "Credentials come from ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN, or are asked for on a terminal.\n\
                  Exit status: 0 done (or valid), 1 invalid answers or a failed app, 2 a file or option that cannot be used."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Field errors, consistency findings and completeness of draft files or API bodies.
    Check(check::Args),
    /// The tab as customers will read it.
    Show(show::Args),
    /// What publishing a file would change on the live tab, question by question.
    Diff(diff::Args),
    /// Writes the live version (or the Marketplace draft) as a draft file the app can import.
    Pull(pull::Args),
    /// Sends a file's valid answers to one app or many.
    Push(push::Args),
    /// Prints a completion script for a shell (e.g. `privacy-tab completions bash > /etc/bash_completion.d/privacy-tab`).
    Completions { shell: clap_complete::Shell },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Show(args) => settle(show::run(args)),
        Command::Diff(args) => settle(diff::run(args)),
        Command::Pull(args) => settle(pull::run(args)),
        Command::Push(args) => settle(push::run(args)),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "privacy-tab", &mut std::io::stdout());
            Outcome::Done
        }
    };
    outcome.exit_code()
}
