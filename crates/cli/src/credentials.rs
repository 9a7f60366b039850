//! The account e-mail and API token: from the environment, or asked for on a terminal (the
//! token without echo). Never from an argument, where it would end up in shell history and
//! process lists; never printed, logged or written.

use std::io::{BufRead, IsTerminal, Write};

use base64::Engine;

pub const EMAIL_VARIABLE: &str = "ATLASSIAN_EMAIL";
pub const TOKEN_VARIABLE: &str = "ATLASSIAN_API_TOKEN";

/// No `Debug` or `Display`: the token must never reach output.
pub struct Credentials {
    email: String,
    token: String,
}

impl Credentials {
    /// `Authorization: Basic …`.
    pub fn header(&self) -> String {
        let pair = format!("{}:{}", self.email, self.token);
        format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(pair))
    }
}

/// From the environment only: for reads that work without credentials too.
pub fn from_environment() -> Option<Credentials> {
    let read = |name| std::env::var(name).ok().map(|value| value.trim().to_owned()).filter(|value| !value.is_empty());
    Some(Credentials { email: read(EMAIL_VARIABLE)?, token: read(TOKEN_VARIABLE)? })
}

/// From the environment, else asked for when a person is at the terminal.
pub fn obtain() -> Result<Credentials, String> {
    if let Some(credentials) = from_environment() {
        return Ok(credentials);
    }
    if !std::io::stdin().is_terminal() {
        return Err(format!(
            "This needs your Atlassian account e-mail and an API token: set {EMAIL_VARIABLE} and {TOKEN_VARIABLE} \
             (in CI, from the repository's secrets)."
        ));
    }
    let email = match std::env::var(EMAIL_VARIABLE).ok().filter(|email| !email.trim().is_empty()) {
        Some(email) => email.trim().to_owned(),
        None => {
            eprint!("Atlassian account e-mail: ");
            std::io::stderr().flush().ok();
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line).map_err(|e| format!("Could not read the e-mail: {e}"))?;
            line.trim().to_owned()
        }
    };
    let token = rpassword::prompt_password("Atlassian API token (not shown): ")
        .map_err(|e| format!("Could not read the API token: {e}"))?
        .trim()
        .to_owned();
    if email.is_empty() || token.is_empty() {
        return Err(format!(
            "Both an e-mail and an API token are needed (or set {EMAIL_VARIABLE} and {TOKEN_VARIABLE})."
        ));
    }
    Ok(Credentials { email, token })
}
