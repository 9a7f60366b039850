use std::process::ExitCode;

use marketplace_stand_in::config::{parse_args, ArgsError, USAGE};

#[tokio::main]
async fn main() -> ExitCode {
    let config = match parse_args(std::env::args().skip(1), |name| std::env::var(name).ok()) {
        Ok(config) => config,
        Err(ArgsError::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(ArgsError::Invalid(message)) => {
            eprintln!("marketplace-stand-in: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match marketplace_stand_in::serve(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("marketplace-stand-in: {error}");
            ExitCode::FAILURE
        }
    }
}
