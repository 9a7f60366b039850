//! What happens to the session: the partner's actions and what the browser and the Marketplace
//! report back.

use serde_json::Value;

use super::revisions::Revisions;
use super::state::{AppKey, Record};
use crate::answers::{Answer, Answers};

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// An answer of the open app changed (`None`: cleared).
    Typed {
        id: String,
        answer: Option<Answer>,
    },
    OpenApp(AppKey),
    /// Answers from elsewhere replace the open app's: only answers, never a record.
    Imported {
        source: Source,
        answers: Answers,
    },
    /// The partner took the Marketplace's version (live or draft) of the open app.
    VersionLoaded {
        raw: Value,
        now: f64,
    },
    Discard,
    Undo,
    /// The partner settles a conflict of the open app's draft with another copy.
    Settle {
        id: String,
        keep: Side,
    },
    /// Another tab wrote this app's draft (or the browser reports a copy it holds).
    TabWrote {
        app: AppKey,
        copy: StoredCopy,
    },
    /// The app's draft opened again (a reload, after a crash): both stored copies.
    Reopened {
        app: AppKey,
        local: Option<StoredCopy>,
        durable: Option<StoredCopy>,
    },
    SendPressed,
    RecordRead {
        app: AppKey,
        read: Read,
        now: f64,
    },
    /// "Send over the record read at …", offered when no fresh one could be read.
    SendOverLastRecord,
    Response {
        app: AppKey,
        result: Result<(), Failure>,
        now: f64,
    },
    RetryDue {
        app: AppKey,
    },
    Cancel,
}

/// Which answer of a conflict the partner keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// This tab's (on reopening: local storage's).
    Mine,
    /// The other tab's (on reopening: the crash-safe copy's).
    Theirs,
}

/// Where imported answers come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file; `app` is the app key it names, if any.
    File {
        name: String,
        app: Option<AppKey>,
    },
    ReviewLink,
    /// "Start from another app's answers".
    OtherApp(AppKey),
}

/// A stored copy of a draft, as read.
#[derive(Debug, Clone, PartialEq)]
pub enum StoredCopy {
    Readable(Saved),
    /// Text that could not be read: kept aside, never preferred to a readable copy.
    Damaged(String),
}

/// A save of one app's draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub answers: Answers,
    pub revisions: Revisions,
    pub record: Option<Record>,
    /// The writer's clock: told, never used to decide which copy is newer.
    pub saved_at: f64,
}

/// A read of the Marketplace's record.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    Found(Value),
    /// 404: the Marketplace holds none yet.
    None,
    Failed(Failure),
}

/// A call that failed: its HTTP status (0: no answer at all) and `Retry-After`, as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub status: u16,
    pub retry_after: Option<String>,
}
