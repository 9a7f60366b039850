//! `privacy-tab`: the browser app's checks, preview, diff and submit for the Privacy & Security
//! tab of Marketplace apps, on the command line, for answers kept in a repository and
//! published from CI. Every rule comes from the `questionnaire` crate.

mod answers_toml;
mod api;
mod commands;
mod credentials;
mod endpoint;
mod files;
mod outcome;
mod output_file;
mod parallel;
mod plan;
mod targets;

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
                  Exit status: 0 done (or valid), 1 invalid answers or a failed app, 2 a file or option that cannot be used\n\
                  (nothing sent); 3 only for diff --detailed-exitcode: publishing would change something."
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
    /// What publishing would change on each app's live tab (or draft), question by question.
    Diff(diff::Args),
    /// Writes the live version (or the Marketplace draft) as a draft export, or as an answers file for hand editing.
    Pull(pull::Args),
    /// Plans, then publishes: shows what would change per app, skips unchanged apps, sends the rest once confirmed.
    Push(push::Args),
    /// Prints a completion script for a shell (e.g. `privacy-tab completions bash > /etc/bash_completion.d/privacy-tab`).
    Completions { shell: clap_complete::Shell },
}

fn main() -> ExitCode {
    end_quietly_on_a_closed_pipe();
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Show(args) => settle(show::run(args)),
        Command::Diff(args) => settle(diff::run(args)),
        Command::Pull(args) => settle(pull::run(args)),
        Command::Push(args) => settle(push::run(args)),
        Command::Completions { shell } => {
            print!("{}", completion_script(shell));
            Outcome::Done
        }
    };
    outcome.exit_code()
}

/// The shell's completion script. clap_complete (4.6.12, the newest) spells the bash states of
/// a hyphenated binary's subcommands two ways (clap-rs/clap#6421): the loop sets
/// `privacy__tab__subcmd__push`, the case arm waits for `privacy__subcmd__tab__subcmd__push`,
/// so no option of any command completed. The arms are respelled as the loop spells them; once
/// fixed upstream, there is nothing left to respell.
fn completion_script(shell: clap_complete::Shell) -> String {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "privacy-tab", &mut script);
    let script = String::from_utf8(script).expect("clap_complete writes UTF-8");
    match shell {
        clap_complete::Shell::Bash => script.replace("privacy__subcmd__tab__", "privacy__tab__"),
        _ => script,
    }
}

/// `privacy-tab check … | head -2`: Rust ignores SIGPIPE, so a write to the closed pipe would
/// panic in `println!`; with the default action the process ends quietly, as `cat` does.
fn end_quietly_on_a_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called first in `main`, before any other thread exists; SIG_DFL is a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
