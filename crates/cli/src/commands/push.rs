//! `privacy-tab push`: sends a file's answers to one app or many, through the app's rules: only
//! valid answers go (`wire::to_put_body_over` leaves the rest out, and they are listed), written
//! over a fresh read of each app's current record, so fields this tool does not know are sent
//! back as the Marketplace has them now. One failing app never stops the others.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use questionnaire::api_config::ApiVersion;
use questionnaire::record::changed_unknown_fields;
use questionnaire::wire::{to_put_body_over, to_v3_put_body_over, unsent};
use questionnaire::Answers;
use serde_json::Value;

use super::check::reason_text;
use super::named;
use crate::api::{Client, Version};
use crate::credentials;
use crate::endpoint::EndpointArgs;
use crate::files;
use crate::outcome::{Ended, Outcome};

#[derive(clap::Args, Debug)]
#[command(group = clap::ArgGroup::new("targets").required(true).multiple(true))]
pub struct Args {
    /// An app key (v2) or product ID (v3); may be given more than once
    #[arg(long, value_name = "KEY", group = "targets")]
    app: Vec<String>,
    /// A file of app keys or product IDs, one a line (blank lines and # comments are skipped)
    #[arg(long, value_name = "FILE", group = "targets")]
    apps: Option<PathBuf>,
    /// A draft export, draft or API body
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Print each body that would be sent, and send nothing
    #[arg(long)]
    dry_run: bool,
    #[command(flatten)]
    endpoint: EndpointArgs,
}

pub fn run(args: Args) -> Ended {
    let loaded = files::load(&args.file)?;
    let mut keys = args.app.clone();
    if let Some(path) = &args.apps {
        keys.extend(read_app_list(path)?);
    }
    if keys.is_empty() {
        return Err("No app to push to: give --app KEY, or --apps with a file that lists app keys.".into());
    }
    let endpoint = args.endpoint.resolve()?;
    // A dry run reads the current records when the environment gives credentials, and never asks.
    let credentials = if args.dry_run { credentials::from_environment() } else { Some(credentials::obtain()?) };
    let client = Client::new(endpoint, credentials);
    let answers = &loaded.draft.answers;
    report_unsent(answers);

    let show_progress = keys.len() > 1 && std::io::stderr().is_terminal();
    let (mut succeeded, mut failed) = (Vec::new(), Vec::new());
    for (index, key) in keys.iter().enumerate() {
        if show_progress {
            eprintln!("[{}/{}] {key}", index + 1, keys.len());
        }
        // The record the file was read from belongs to one app: it says nothing about another.
        let file_base = loaded.draft.raw_trust_info.as_ref().filter(|_| loaded.draft.app_key == *key);
        match push_one(&client, key, file_base, answers, args.dry_run) {
            Ok(()) => succeeded.push(key.clone()),
            Err(problem) => {
                eprintln!("{key}: {problem}");
                failed.push((key.clone(), problem));
            }
        }
    }
    print_summary(&client, args.dry_run, &succeeded, &failed);
    Ok(if failed.is_empty() { Outcome::Done } else { Outcome::Failed })
}

/// Reads the base, builds the body over it, and sends it (or prints it, in a dry run).
fn push_one(
    client: &Client,
    key: &str,
    file_base: Option<&Value>,
    answers: &Answers,
    dry_run: bool,
) -> Result<(), String> {
    let base = if client.has_credentials() {
        match client.read(key, Version::Current) {
            Ok(current) => {
                let changed = file_base.map(|earlier| changed_unknown_fields(earlier, &current)).unwrap_or_default();
                if !changed.is_empty() {
                    eprintln!(
                        "{key}: fields this tool cannot show changed on the Marketplace since the file was read: {}. \
                         Their current values are kept.",
                        changed.join(", ")
                    );
                }
                current
            }
            // Nothing stored yet: the first version is written over nothing.
            Err(error) if error.is_not_found() => Value::Null,
            Err(error) => return Err(error.advice(&client.endpoint, key)),
        }
    } else {
        eprintln!(
            "{key}: no credentials, so the current record was not read: fields this tool does not know are taken \
             from the file where it was read from this app, and may be out of date."
        );
        file_base.cloned().unwrap_or(Value::Null)
    };
    let body = match client.endpoint.version {
        ApiVersion::V2 => to_put_body_over(&base, answers),
        ApiVersion::V3 => to_v3_put_body_over(&base, answers),
    };
    if dry_run {
        println!("{}", serde_json::to_string_pretty(&body).expect("JSON values serialise"));
        return Ok(());
    }
    client.submit(key, &body).map_err(|error| error.advice(&client.endpoint, key))
}

/// Lists the answers that stay out of every body, and why, before anything is sent.
fn report_unsent(answers: &Answers) {
    let left_out = unsent(answers);
    if left_out.is_empty() {
        return;
    }
    eprintln!("Not sent ({}); they stay in the file:", left_out.len());
    for unsent in left_out {
        eprintln!("  - {}: {}", named(unsent.question), reason_text(unsent.reason));
    }
}

fn print_summary(client: &Client, dry_run: bool, succeeded: &[String], failed: &[(String, String)]) {
    let done = match (dry_run, client.endpoint.version) {
        (true, _) => "Prepared (nothing sent)",
        (false, ApiVersion::V2) => "Sent (a new version on the Marketplace)",
        (false, ApiVersion::V3) => "Sent and published",
    };
    // On stderr in a dry run: standard output is the bodies.
    let summary = if failed.is_empty() {
        format!("{done}: {} of {}: {}.", succeeded.len(), succeeded.len(), succeeded.join(", "))
    } else {
        let failed_keys: Vec<&str> = failed.iter().map(|(key, _)| key.as_str()).collect();
        let done_keys = if succeeded.is_empty() { "none".to_owned() } else { succeeded.join(", ") };
        format!(
            "{done}: {} of {}: {done_keys}. Failed: {}. See above for what to do.",
            succeeded.len(),
            succeeded.len() + failed.len(),
            failed_keys.join(", ")
        )
    };
    if dry_run {
        eprintln!("{summary}");
    } else {
        println!("{summary}");
    }
}

fn read_app_list(path: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot be read ({e}).", path.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect())
}
