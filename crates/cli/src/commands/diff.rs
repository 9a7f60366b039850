//! `privacy-tab diff --app KEY FILE`: what publishing FILE would change on the live tab,
//! question by question, as the app's change summary says it.

use std::path::PathBuf;

use questionnaire::diff::changes;
use questionnaire::wire::from_trust_info;
use questionnaire::Answers;

use super::named;
use crate::api::{Client, Version};
use crate::endpoint::EndpointArgs;
use crate::files;
use crate::outcome::{Ended, Outcome};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The app key (v2) or product ID (v3)
    #[arg(long, value_name = "KEY")]
    app: String,
    /// A draft export, draft or API body
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[command(flatten)]
    endpoint: EndpointArgs,
}

pub fn run(args: Args) -> Ended {
    let loaded = files::load(&args.file)?;
    // The live version is public: no credentials, so a pull-request check needs no secret.
    let client = Client::new(args.endpoint.resolve()?, None);
    let live = match client.read(&args.app, Version::Live) {
        Ok(json) => from_trust_info(&json),
        Err(error) if error.is_not_found() => {
            eprintln!(
                "Nothing is live for {} (404): every answer below would be new. If the tab is live, check the {}.",
                args.app,
                client.endpoint.key_label()
            );
            Answers::new()
        }
        Err(error) => {
            eprintln!("{}", error.advice(&client.endpoint, &args.app));
            return Ok(Outcome::Failed);
        }
    };
    let found = changes(&live, &loaded.draft.answers);
    if found.is_empty() {
        println!("Publishing {} would change nothing on the live tab of {}.", args.file.display(), args.app);
        return Ok(Outcome::Done);
    }
    println!(
        "Publishing {} would change {} on the live tab of {}:",
        args.file.display(),
        if found.len() == 1 { "1 answer".to_owned() } else { format!("{} answers", found.len()) },
        args.app
    );
    for change in found {
        println!("\n{}", named(change.question));
        println!("  now:   {}", change.before);
        println!("  after: {}", change.after);
    }
    Ok(Outcome::Done)
}
