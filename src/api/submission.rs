//! Submitting: a review of what will not be sent, then one PUT (v2) or PUT + publish (v3).
//!
//! The session decides the submit (`questionnaire::session`, run by `crate::shell`): which app
//! it is for, that each attempt sends that app's draft over that app's record read fresh just
//! before, the retries, the stop when that draft is replaced whole, and the offer to send over
//! the record read last when no fresh one comes. This only checks that there is something to
//! send with, and reads the record for the review to show.

use leptos::prelude::*;
use questionnaire::record::changed_unknown_fields;
use questionnaire::session::Event;
use serde_json::Value;

use super::call::RetryingCall;
use super::client::{read, Version};
use super::error::ApiError;
use super::submitted::submitted_at;
use crate::connect::Connection;
use crate::draft::DraftStore;
use crate::shell::Shell;

/// Something to fix before anything can be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    AppKey,
    Credentials,
}

/// The Marketplace's record read again when the review opens: what the submit is written over.
#[derive(Clone, Debug, PartialEq)]
pub struct FreshRecord {
    pub key: String,
    pub raw: Value,
    /// Fields this app cannot show that changed since the record kept with the draft was read.
    pub changed_unknown: Vec<String>,
}

#[derive(Clone, Copy)]
pub struct Submission {
    /// Done carries the time the Marketplace accepted the answers.
    pub call: RetryingCall<f64>,
    pub missing: RwSignal<Option<Missing>>,
    /// When this app's answers were last accepted, from the browser's record.
    pub last_submitted: Memo<Option<f64>>,
    /// `None` until the review's read arrives (or when it failed).
    pub fresh: RwSignal<Option<FreshRecord>>,
    /// The app the submit under way (or last made) is for.
    pub sending_for: RwSignal<Option<String>>,
    /// No fresh record could be read: `Some(read_at)` of the record read last (`None` inside:
    /// none was ever read).
    pub no_fresh_record: RwSignal<Option<Option<f64>>>,
    /// The review could not read the current record (Send reads it again before sending).
    pub review_read_failed: RwSignal<bool>,
    /// The app whose submit was stopped because its draft was replaced whole meanwhile.
    pub stopped: RwSignal<Option<String>>,
    connection: Connection,
    drafts: DraftStore,
    shell: Shell,
}

impl Submission {
    pub fn new(connection: Connection, drafts: DraftStore, shell: Shell) -> Self {
        let view = shell.submit;
        let accepted = view.accepted;
        let last_submitted = crate::erased::memo(move |_| {
            accepted.track();
            connection.app_key.with(|key| submitted_at(key))
        });
        Submission {
            call: view.call,
            missing: RwSignal::new(None),
            last_submitted,
            fresh: RwSignal::new(None),
            sending_for: view.sending_for,
            no_fresh_record: view.no_fresh_record,
            stopped: view.stopped,
            review_read_failed: RwSignal::new(false),
            connection,
            drafts,
            shell,
        }
    }

    /// The review opens (the page at its address shows it): reads the Marketplace's current
    /// record meanwhile; nothing is sent.
    pub fn review(&self) {
        if !self.call.is_busy() {
            self.missing.set(None);
            self.call.reset();
            self.read_current_record();
        }
    }

    /// A record kept with the draft may be months old: written over as it is, it would put
    /// back values that have changed since in fields this app cannot show.
    fn read_current_record(&self) {
        self.fresh.set(None);
        let target = self.connection.target();
        if target.key.trim().is_empty() {
            return;
        }
        let credentials = self.connection.credentials();
        let (fresh, drafts) = (self.fresh, self.drafts);
        let review_read_failed = self.review_read_failed;
        review_read_failed.set(false);
        leptos::task::spawn_local(async move {
            let raw = match read(&target, Version::Current, credentials.as_ref()).await {
                Ok(raw) => raw,
                Err(ApiError::Status { code: 404, .. }) => Value::Null,
                Err(_) => return review_read_failed.set(true),
            };
            let earlier = drafts.api_document_of(&target.key).unwrap_or(Value::Null);
            let changed_unknown = changed_unknown_fields(&earlier, &raw);
            fresh.set(Some(FreshRecord { key: target.key, raw, changed_unknown }));
        });
    }

    /// The record a submit would be written over, as far as the review knows: the one read for
    /// it, else the one kept with the draft (tracks the read).
    pub fn record_for_review(&self) -> Value {
        let key = self.connection.app_key.get_untracked();
        self.fresh
            .with(|fresh| fresh.as_ref().filter(|fresh| fresh.key == key).map(|fresh| fresh.raw.clone()))
            .or_else(|| self.drafts.api_document_of(&key))
            .unwrap_or(Value::Null)
    }

    pub fn back(&self) {
        self.missing.set(None);
    }

    /// Sends the open app's answers; `false` when nothing was sent (something is missing, said
    /// in `missing`). The session sends nothing more while a submit is under way, so a double
    /// click (or a click during a retry countdown) sends one request.
    pub fn send(&self) -> bool {
        if self.call.is_busy() {
            return false;
        }
        if self.connection.app_key.with_untracked(|key| key.trim().is_empty()) {
            self.missing.set(Some(Missing::AppKey));
            return false;
        }
        if self.connection.credentials().is_none() {
            self.missing.set(Some(Missing::Credentials));
            return false;
        }
        self.missing.set(None);
        self.shell.dispatch(Event::SendPressed);
        true
    }

    /// Offered when no fresh record could be read: sends over the record read last.
    pub fn send_over_last_record(&self) {
        self.shell.dispatch(Event::SendOverLastRecord);
    }

    pub fn cancel(&self) {
        self.shell.dispatch(Event::Cancel);
    }
}
