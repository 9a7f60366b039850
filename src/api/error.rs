//! Why a call did not succeed, sorted by what the partner can do about it.

use questionnaire::response_errors::{read_error_body, ErrorReport};
use questionnaire::retry::is_retryable;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No answer, and the browser says it is offline.
    Offline,
    /// No answer while online: refused, or the connection dropped.
    Network,
    /// An answer that is not the Marketplace's JSON (say, the app's own page from a
    /// misconfigured proxy).
    NotTheApi,
    Status {
        code: u16,
        body: String,
        retry_after: Option<String>,
    },
}

/// What the partner is asked to do, one case per kind of failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    Offline,
    Network,
    NotTheApi,
    /// 400: the answers were refused; the report names the fields when the API did.
    Rejected(ErrorReport),
    Credentials {
        code: u16,
    },
    UnknownApp,
    /// 429 or 5xx after the last retry (or one that asked for too long a wait).
    Busy {
        code: u16,
    },
    Other {
        code: u16,
        report: ErrorReport,
    },
}

impl ApiError {
    pub fn failure(&self) -> Failure {
        match self {
            ApiError::Offline => Failure::Offline,
            ApiError::Network => Failure::Network,
            ApiError::NotTheApi => Failure::NotTheApi,
            ApiError::Status { code, body, .. } => match *code {
                400 | 422 => Failure::Rejected(read_error_body(body)),
                401 | 403 => Failure::Credentials { code: *code },
                404 => Failure::UnknownApp,
                code if is_retryable(code) => Failure::Busy { code },
                code => Failure::Other { code, report: read_error_body(body) },
            },
        }
    }

    pub fn code(&self) -> Option<u16> {
        match self {
            ApiError::Status { code, .. } => Some(*code),
            _ => None,
        }
    }
}

/// The first sentence of what went wrong; components add the details and the next step.
pub fn headline(failure: &Failure, key_label: &str, key: &str) -> String {
    match failure {
        Failure::Offline => "This browser was offline, so the Marketplace could not be reached.".to_owned(),
        Failure::Network => "The Marketplace could not be reached: the connection failed or dropped before it answered.".to_owned(),
        Failure::NotTheApi => "The API address did not answer like the Marketplace. Check the API address under \u{201c}Advanced\u{201d} (or the deployment's config.json).".to_owned(),
        Failure::Rejected(_) => "The Marketplace did not accept these answers.".to_owned(),
        Failure::Credentials { code: 403 } => "The Marketplace refused access (403). Check your Atlassian account e-mail and API token, and that this account can manage the app.".to_owned(),
        Failure::Credentials { .. } => "The Marketplace did not accept your e-mail and API token. Check both and try again.".to_owned(),
        Failure::UnknownApp => format!("The Marketplace does not know the {} \u{201c}{key}\u{201d}. Check it and try again.", key_label.to_ascii_lowercase()),
        Failure::Busy { code: 429 } => "The Marketplace is receiving too many requests right now (429).".to_owned(),
        Failure::Busy { code } => format!("The Marketplace had a problem on its side ({code})."),
        Failure::Other { code, .. } => format!("The Marketplace answered with an error ({code})."),
    }
}
