//! `privacy-tab push`: plan, then publish, as `terraform apply` does. For each app it reads
//! the record the Marketplace holds now, builds the body over it (fields this tool does not
//! know go back as they are), and shows what would change question by question; apps without
//! a change are skipped; the rest are sent once the partner confirms (`--yes` in CI). A file
//! that `check` rejects, or that was made for another app, is refused unless a flag says so.
//! One failing app never stops the others; refused credentials stop the run.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use questionnaire::api_config::ApiVersion;
use questionnaire::wire::unsent;
use questionnaire::Answers;
use serde_json::json;

use super::check::{blocking_problems, reason_text};
use super::named;
use crate::api::{Client, Version};
use crate::credentials;
use crate::endpoint::EndpointArgs;
use crate::outcome::{Ended, Outcome};
use crate::parallel;
use crate::plan::{self, plan, Failure, Format, Planned};
use crate::targets::{Target, TargetArgs};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    targets: TargetArgs,
    /// A draft export, draft or API body (not with --manifest)
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Show the plan and send nothing
    #[arg(long)]
    dry_run: bool,
    /// Publish without asking (for CI); without it push asks on a terminal, and elsewhere refuses
    #[arg(long, short = 'y')]
    yes: bool,
    /// Send answers that `check` rejects: the valid ones go, and the Marketplace keeps what it holds for the rest
    #[arg(long)]
    allow_invalid: bool,
    /// Send a file that names another app than the one it is sent to (an export names its app)
    #[arg(long)]
    allow_other_app: bool,
    /// Send to an app the Marketplace has nothing for yet (a 404 when it is read) instead of failing
    #[arg(long)]
    allow_missing: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    endpoint: EndpointArgs,
}

/// How one app ended.
enum Ending {
    Sent,
    Unchanged,
    WouldChange,
    Failed,
    NotTried,
}

pub fn run(mut args: Args) -> Ended {
    let targets = args.targets.resolve(args.file.as_deref(), &mut args.endpoint)?;
    let endpoint = args.endpoint.resolve()?;
    for target in &targets.list {
        endpoint.check_key(&target.key)?;
    }
    if !args.allow_other_app {
        if let Some(target) = targets.list.iter().find(|target| target.made_for.is_some()) {
            return Err(format!(
                "{} was made for {}, not for {}: sent there, it would replace that app's own answers. Nothing was \
                 sent. Pull {} into a file of its own, or pass --allow-other-app if the same answers are meant.",
                target.source,
                target.made_for.as_deref().unwrap_or_default(),
                target.key,
                target.key
            ));
        }
    }
    if !args.allow_invalid && refuse_invalid(&targets.list) {
        return Ok(Outcome::Failed);
    }
    if !targets.from_manifest {
        if let Some(first) = targets.list.first() {
            report_unsent(&first.answers);
        }
    }
    // A dry run reads with credentials when the environment gives them, and never asks.
    let credentials = if args.dry_run { credentials::from_environment() } else { Some(credentials::obtain()?) };
    // Without credentials only the live version can be read; a draft waiting for approval is
    // not seen.
    let tab = if credentials.is_some() { Version::Current } else { Version::Live };
    if credentials.is_none() {
        eprintln!("No credentials: compared with the live version (a Marketplace draft, if any, is not seen).");
    }
    let client = Client::new(endpoint, credentials);

    let stop = AtomicBool::new(false);
    let stop_on_refused = |failure: Option<&Failure>| {
        if failure.is_some_and(|failure| failure.credentials_refused) {
            stop.store(true, Ordering::SeqCst);
        }
    };
    let plans = parallel::each(&targets.list, args.targets.jobs, &stop, |target| {
        let planned = plan(&client, target, tab, args.allow_missing);
        stop_on_refused(planned.as_ref().err());
        planned
    });
    let mut out = String::new();
    if args.format == Format::Markdown {
        out.push_str(&format!("### What publishing would change on {}\n\n", plan::compared_with(tab)));
    }
    for (target, planned) in targets.list.iter().zip(&plans) {
        match planned {
            Some(Ok(planned)) => {
                say_what_the_plan_rests_on(target, planned);
                match args.format {
                    Format::Text => out.push_str(&(plan::text(target, planned, tab) + "\n")),
                    Format::Markdown => out.push_str(&(plan::markdown(target, planned, tab) + "\n")),
                    Format::Json => {}
                }
            }
            Some(Err(failure)) => eprintln!("{}: {}", target.key, failure.message),
            None => {}
        }
    }
    print!("{out}");
    std::io::stdout().flush().ok();

    let planned_of = |index: usize| plans[index].as_ref().and_then(|planned| planned.as_ref().ok());
    let to_send: Vec<usize> = (0..plans.len())
        .filter(|&index| planned_of(index).is_some_and(|planned| !planned.changes.is_empty()))
        .collect();
    let mut sent: Vec<Option<Result<(), Failure>>> = Vec::new();
    if !args.dry_run && !to_send.is_empty() && !stop.load(Ordering::SeqCst) {
        if !args.yes {
            confirm(to_send.len())?;
        }
        sent = parallel::each(&to_send, args.targets.jobs, &stop, |&index| {
            let (target, planned) = (&targets.list[index], planned_of(index).expect("only planned apps are sent"));
            let result =
                client.submit(&target.key, &planned.body).map_err(|error| Failure::of(&error, &client, &target.key));
            if let Err(failure) = &result {
                eprintln!("{}: {}", target.key, failure.message);
            }
            stop_on_refused(result.as_ref().err());
            result
        });
    }

    let endings: Vec<Ending> = (0..plans.len())
        .map(|index| match &plans[index] {
            None => Ending::NotTried,
            Some(Err(_)) => Ending::Failed,
            Some(Ok(planned)) if planned.changes.is_empty() => Ending::Unchanged,
            Some(Ok(_)) if args.dry_run => Ending::WouldChange,
            Some(Ok(_)) => match to_send.iter().position(|&sent_index| sent_index == index).and_then(|at| sent.get(at))
            {
                Some(Some(Ok(()))) => Ending::Sent,
                Some(Some(Err(_))) => Ending::Failed,
                _ => Ending::NotTried,
            },
        })
        .collect();
    if stop.load(Ordering::SeqCst) {
        eprintln!("The credentials were refused, so no further app was tried.");
    }
    print_summary(&args, &client, &targets.list, &plans, &endings);
    let failed = endings.iter().any(|ending| matches!(ending, Ending::Failed | Ending::NotTried));
    Ok(if failed { Outcome::Failed } else { Outcome::Done })
}

/// Lists why each file `check` rejects cannot be sent; true when there is one.
fn refuse_invalid(targets: &[Target]) -> bool {
    let mut refused = false;
    let mut said = Vec::new();
    for target in targets {
        if said.contains(&target.source) {
            continue;
        }
        let problems = blocking_problems(&target.answers, target.held.as_ref());
        if problems.is_empty() {
            continue;
        }
        refused = true;
        said.push(target.source.clone());
        eprintln!("{} does not pass `privacy-tab check` ({} problems):", target.source, problems.len());
        for problem in problems {
            eprintln!("  - {problem}");
        }
    }
    if refused {
        eprintln!(
            "Nothing was sent. Correct the answers, or pass --allow-invalid to send only the valid ones \
             (for the others the Marketplace keeps what it holds)."
        );
    }
    refused
}

/// Asks on the terminal; anywhere else (CI, a pipe) only `--yes` publishes.
fn confirm(apps: usize) -> Result<(), String> {
    if !std::io::stdin().is_terminal() {
        return Err(
            "Nothing was sent: publishing needs a confirmation, and there is no terminal to ask on. Read the plan \
             above, then run again with --yes (as CI does)."
                .into(),
        );
    }
    let apps = if apps == 1 { "1 app".to_owned() } else { format!("{apps} apps") };
    eprint!("Publish these changes to {apps}? Only “yes” goes on: ");
    std::io::stderr().flush().ok();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(|e| format!("Could not read the answer: {e}"))?;
    if line.trim() == "yes" {
        Ok(())
    } else {
        Err("Nothing was sent.".into())
    }
}

/// What the partner should know about the record a plan was made over.
fn say_what_the_plan_rests_on(target: &Target, planned: &Planned) {
    if planned.nothing_there {
        eprintln!(
            "{}: the Marketplace holds nothing yet (404): the first version is written over nothing.",
            target.key
        );
    }
    if !planned.changed_unknown.is_empty() {
        eprintln!(
            "{}: fields this tool cannot show changed on the Marketplace since the file was read: {}. \
             Their current values are kept.",
            target.key,
            planned.changed_unknown.join(", ")
        );
    }
}

/// Lists the answers that stay out of every body, and why, before anything is sent.
fn report_unsent(answers: &Answers) {
    let left_out = unsent(answers);
    if left_out.is_empty() {
        return;
    }
    eprintln!("Not sent ({}); they stay in the file:", left_out.len());
    for unsent in left_out {
        eprintln!("  - {}: {}", named(unsent.question), reason_text(&unsent));
    }
}

fn print_summary(
    args: &Args,
    client: &Client,
    targets: &[Target],
    plans: &[Option<Result<Planned, Failure>>],
    endings: &[Ending],
) {
    let done = match (args.dry_run, client.endpoint.version) {
        (true, _) => "Would send (nothing sent)",
        (false, ApiVersion::V2) => "Sent (a new version on the Marketplace)",
        (false, ApiVersion::V3) => "Sent and published",
    };
    let result = |ending: &Ending| match ending {
        Ending::Sent if client.endpoint.version == ApiVersion::V3 => "published",
        Ending::Sent => "sent",
        Ending::Unchanged => "unchanged, not sent",
        Ending::WouldChange => "would change",
        Ending::Failed => "failed",
        Ending::NotTried => "not tried",
    };
    let rows: Vec<plan::Row> = targets
        .iter()
        .zip(plans)
        .zip(endings)
        .map(|((target, planned), ending)| {
            plan::row(target, planned.as_ref().and_then(|p| p.as_ref().ok()), result(ending).to_owned())
        })
        .collect();
    let keys = |wanted: fn(&Ending) -> bool| -> Vec<&str> {
        targets
            .iter()
            .zip(endings)
            .filter(|(_, ending)| wanted(ending))
            .map(|(target, _)| target.key.as_str())
            .collect()
    };
    let succeeded = keys(|ending| matches!(ending, Ending::Sent | Ending::WouldChange));
    let failed = keys(|ending| matches!(ending, Ending::Failed | Ending::NotTried));
    let unchanged = keys(|ending| matches!(ending, Ending::Unchanged));
    let mut sentence = if succeeded.is_empty() && failed.is_empty() {
        "Nothing to send: every app already holds these answers.".to_owned()
    } else {
        format!(
            "{done}: {} of {}: {}.",
            succeeded.len(),
            succeeded.len() + failed.len(),
            if succeeded.is_empty() { "none".to_owned() } else { succeeded.join(", ") }
        )
    };
    if !failed.is_empty() {
        sentence.push_str(&format!(" Failed: {}. See above for what to do.", failed.join(", ")));
    }
    if !unchanged.is_empty() {
        sentence.push_str(&format!(" Unchanged, not sent: {}.", unchanged.join(", ")));
    }
    match args.format {
        Format::Text => {
            if targets.len() > 1 {
                print!("{}", plan::summary_text(&rows));
            }
            println!("{sentence}");
        }
        Format::Markdown => println!("{}\n{sentence}", plan::summary_markdown(&rows)),
        Format::Json => {
            let apps: Vec<serde_json::Value> = targets
                .iter()
                .zip(plans)
                .zip(&rows)
                .map(|((target, planned), row)| {
                    plan::app_json(target, planned.as_ref().and_then(|p| p.as_ref().ok()), row, true)
                })
                .collect();
            let all = json!({"dryRun": args.dry_run, "apps": apps});
            println!("{}", serde_json::to_string_pretty(&all).expect("JSON values serialise"));
            eprintln!("{sentence}");
        }
    }
}
