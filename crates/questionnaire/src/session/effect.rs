//! What the app does about a step: the only I/O the session asks for.

use serde_json::Value;

use super::event::Saved;
use super::state::{AppKey, Replaced};
use crate::retry::GiveUp;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write this save to local storage and to the crash-safe IndexedDB copy.
    Save {
        app: AppKey,
        saved: Saved,
    },
    /// Keep stored text that could not be read aside (a backup to download) before any save.
    KeepAside {
        app: AppKey,
        text: String,
    },
    /// Read the app's current record from the Marketplace.
    Read {
        app: AppKey,
    },
    /// PUT this `TrustInfo` for this app.
    Put {
        app: AppKey,
        trust_info: Value,
    },
    /// Report [`super::Event::RetryDue`] for the app after this long.
    Timer {
        app: AppKey,
        after_ms: u64,
    },
    Say(Message),
}

/// What the partner is told. Each names the app it is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A whole replacement, undoable from the status line until the next one.
    Replaced {
        app: AppKey,
        what: Replaced,
    },
    Undone {
        app: AppKey,
    },
    /// A stored copy could not be read; it is kept aside.
    DamagedCopyKept {
        app: AppKey,
    },
    /// Send is waiting for the current record.
    ReadingRecord {
        app: AppKey,
    },
    /// No fresh record: send over the one read at `last_read_at` (`None`: none was ever read,
    /// so the answers alone would be sent), or cancel.
    NoFreshRecord {
        app: AppKey,
        last_read_at: Option<f64>,
    },
    RetryingIn {
        app: AppKey,
        after_ms: u64,
    },
    Sent {
        app: AppKey,
    },
    Failed {
        app: AppKey,
        status: u16,
        why: GiveUp,
    },
    Stopped {
        app: AppKey,
        why: Stop,
    },
    /// Send pressed while a call for `app` is under way: nothing more is sent.
    Busy {
        app: AppKey,
    },
}

/// Why a call stopped before its end.
#[derive(Debug, Clone, PartialEq)]
pub enum Stop {
    Cancelled,
    /// The app's draft was replaced whole (an import, a version, a discard, an undo) during the
    /// call: what the partner reviewed is not what a retry would send.
    DraftReplaced,
}
