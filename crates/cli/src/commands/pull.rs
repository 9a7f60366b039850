//! `privacy-tab pull --app KEY`: the live version (or, with credentials, the Marketplace
//! draft) as a draft export the app imports and `check`, `show` and `push` read.

use std::path::PathBuf;

use questionnaire::answers_file::AsApproved;
use questionnaire::draft::{export_json, Draft};

use crate::answers_toml;
use crate::api::{Client, Version};
use crate::credentials;
use crate::endpoint::EndpointArgs;
use crate::files::{self, now_ms, FileKind};
use crate::outcome::{Ended, Outcome};
use crate::output_file::{check_destination, write_file};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The app key (v2) or product ID (v3)
    #[arg(long, value_name = "KEY")]
    app: String,
    /// The Marketplace draft instead of the live version (needs credentials)
    #[arg(long)]
    draft: bool,
    /// Where to write it (default: standard output); an existing file is kept unless --force
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the file given with -o when it exists
    #[arg(long, requires = "output")]
    force: bool,
    /// export: the browser app's draft export (JSON); answers: the answers file made for hand
    /// editing (TOML) [default: answers when -o ends in .toml, else export]
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<PullFormat>,
    #[command(flatten)]
    endpoint: EndpointArgs,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum PullFormat {
    Export,
    Answers,
}

pub fn run(args: Args) -> Ended {
    let is_toml =
        args.output.as_ref().and_then(|path| path.extension()).is_some_and(|ext| ext.eq_ignore_ascii_case("toml"));
    let format = args.format.unwrap_or(if is_toml { PullFormat::Answers } else { PullFormat::Export });
    let endpoint = args.endpoint.resolve()?;
    endpoint.check_key(&args.app)?;
    if let Some(path) = &args.output {
        // Said before the request, not after it.
        check_destination(path, args.force)?;
    }
    let (version, credentials) =
        if args.draft { (Version::Draft, Some(credentials::obtain()?)) } else { (Version::Live, None) };
    let client = Client::new(endpoint, credentials);
    let json = match client.read(&args.app, version) {
        Ok(json) => json,
        Err(error) => {
            eprintln!("{}", error.advice(&client.endpoint, &args.app));
            return Ok(Outcome::Failed);
        }
    };
    let pulled = Draft::from_api(args.app.as_str(), &json, now_ms());
    let which = if args.draft { "Marketplace draft" } else { "live version" };
    let text = match format {
        PullFormat::Export => export_json(&pulled) + "\n",
        PullFormat::Answers => {
            answers_toml::render(&args.app, &pulled.answers, AsApproved::of(&pulled.answers).as_ref())
        }
    };
    match &args.output {
        None => print!("{text}"),
        Some(path) => {
            if holds_the_same_record(path, &pulled) {
                // Nothing new: the file is left as it is (its time too), so a pull in a
                // repository changes no line.
                eprintln!("{} already holds the {which} of {}: unchanged.", path.display(), args.app);
                return Ok(Outcome::Done);
            }
            write_file(path, &text, args.force)?;
            eprintln!("Wrote the {which} of {} to {}.", args.app, path.display());
        }
    }
    Ok(Outcome::Done)
}

/// Whether the file at `path` already holds this app's record as `pulled` has it (an answers
/// file holds only the answers given, and those its approved problems are about as approved).
fn holds_the_same_record(path: &std::path::Path, pulled: &Draft) -> bool {
    files::load(path).is_ok_and(|earlier| match earlier.kind {
        FileKind::Answers => {
            earlier.draft.app_key == pulled.app_key
                && earlier.draft.answers.iter().eq(pulled.answers.iter().filter(|(_, answer)| answer.is_given()))
                && earlier.as_approved == AsApproved::of(&pulled.answers)
        }
        FileKind::Import(_) => {
            earlier.draft.app_key == pulled.app_key
                && earlier.draft.answers == pulled.answers
                && earlier.draft.raw_trust_info == pulled.raw_trust_info
        }
    })
}
