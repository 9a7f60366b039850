//! `privacy-tab pull --app KEY`: the live version (or, with credentials, the Marketplace
//! draft) as a draft export the app imports and `check`, `show` and `push` read.

use std::path::PathBuf;

use questionnaire::draft::{export_json, Draft};

use crate::api::{Client, Version};
use crate::credentials;
use crate::endpoint::EndpointArgs;
use crate::files::now_ms;
use crate::outcome::{Ended, Outcome};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The app key (v2) or product ID (v3)
    #[arg(long, value_name = "KEY")]
    app: String,
    /// The Marketplace draft instead of the live version (needs credentials)
    #[arg(long)]
    draft: bool,
    /// Where to write it (default: standard output)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    endpoint: EndpointArgs,
}

pub fn run(args: Args) -> Ended {
    let endpoint = args.endpoint.resolve()?;
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
    let export = export_json(&Draft::from_api(args.app.as_str(), &json, now_ms())) + "\n";
    match &args.output {
        None => print!("{export}"),
        Some(path) => {
            std::fs::write(path, export).map_err(|e| format!("{}: cannot be written ({e}).", path.display()))?;
            let which = if args.draft { "Marketplace draft" } else { "live version" };
            eprintln!("Wrote the {which} of {} to {}.", args.app, path.display());
        }
    }
    Ok(Outcome::Done)
}
