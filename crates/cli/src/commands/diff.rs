//! `privacy-tab diff`: what publishing would change on each app's live tab (or its Marketplace
//! draft), question by question, as the app's change summary says it; the plan `push` shows.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::json;

use crate::api::{Client, Version};
use crate::credentials;
use crate::endpoint::EndpointArgs;
use crate::outcome::{Ended, Outcome};
use crate::parallel;
use crate::plan::{self, plan, Format};
use crate::targets::TargetArgs;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    targets: TargetArgs,
    /// A draft export, draft or API body (not with --manifest)
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Compare with the Marketplace draft instead of the live version (needs credentials)
    #[arg(long)]
    draft: bool,
    /// Compare with an empty tab where the Marketplace has nothing for an app (404) instead of failing
    #[arg(long)]
    allow_missing: bool,
    /// Exit with 3 when publishing would change anything (0 when nothing; 1 and 2 as always)
    #[arg(long)]
    detailed_exitcode: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    endpoint: EndpointArgs,
}

pub fn run(mut args: Args) -> Ended {
    let targets = args.targets.resolve(args.file.as_deref(), &mut args.endpoint)?;
    let endpoint = args.endpoint.resolve()?;
    for target in &targets.list {
        endpoint.check_key(&target.key)?;
    }
    // The live version is public: no credentials, so a pull-request check needs no secret.
    let (tab, credentials) =
        if args.draft { (Version::Draft, Some(credentials::obtain()?)) } else { (Version::Live, None) };
    let client = Client::new(endpoint, credentials);
    let stop = AtomicBool::new(false);
    let plans = parallel::each(&targets.list, args.targets.jobs, &stop, |target| {
        let planned = plan(&client, target, tab, args.allow_missing);
        if planned.as_ref().is_err_and(|failure| failure.credentials_refused) {
            stop.store(true, Ordering::SeqCst);
        }
        planned
    });

    let (mut failed, mut any_change) = (false, false);
    let mut rows = Vec::new();
    let mut out = String::new();
    let mut apps_json = Vec::new();
    if args.format == Format::Markdown {
        out.push_str(&format!("### What publishing would change on {}\n\n", plan::compared_with(tab)));
    }
    for (target, planned) in targets.list.iter().zip(&plans) {
        let result = match planned {
            Some(Ok(planned)) => {
                if planned.nothing_there {
                    let nothing = if args.draft { "There is no Marketplace draft" } else { "Nothing is live" };
                    eprintln!(
                        "{nothing} for {} (404): every answer would be new. If there is, check the {} and --api-base.",
                        target.key,
                        client.endpoint.key_label()
                    );
                }
                any_change |= !planned.changes.is_empty();
                match args.format {
                    Format::Text => out.push_str(&(plan::text(target, planned, tab) + "\n")),
                    Format::Markdown => out.push_str(&(plan::markdown(target, planned, tab) + "\n")),
                    Format::Json => {}
                }
                if planned.changes.is_empty() {
                    "no change".to_owned()
                } else {
                    "would change".to_owned()
                }
            }
            Some(Err(failure)) => {
                eprintln!("{}: {}", target.key, failure.message);
                failed = true;
                "failed".to_owned()
            }
            None => {
                failed = true;
                "not compared (credentials refused)".to_owned()
            }
        };
        let row = plan::row(target, planned.as_ref().and_then(|p| p.as_ref().ok()), result);
        if args.format == Format::Json {
            apps_json.push(plan::app_json(target, planned.as_ref().and_then(|p| p.as_ref().ok()), &row, false));
        }
        rows.push(row);
    }
    let several = targets.list.len() > 1 || targets.from_manifest;
    match args.format {
        Format::Text if several => out.push_str(&plan::summary_text(&rows)),
        Format::Markdown if several => out.push_str(&plan::summary_markdown(&rows)),
        Format::Json => {
            let all = json!({"anyChange": any_change, "apps": apps_json});
            out = serde_json::to_string_pretty(&all).expect("JSON values serialise") + "\n";
        }
        _ => {}
    }
    if !out.is_empty() {
        print!("{}", out.trim_end_matches('\n').to_owned() + "\n");
    }
    Ok(if failed {
        Outcome::Failed
    } else if any_change && args.detailed_exitcode {
        Outcome::Changes
    } else {
        Outcome::Done
    })
}
