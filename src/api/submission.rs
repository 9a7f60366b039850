//! Submitting: a review of what will not be sent, then one PUT (v2) or PUT + publish (v3)
//! that retries itself on 429/5xx and can never be sent twice at once.
//!
//! The rules are `questionnaire::session`'s: a submit is for the app it was started for, and
//! every attempt sends that app's draft, as it is then, over that app's record read fresh just
//! before (opening another app meanwhile changes nothing of it). A whole replacement of that
//! draft (an import, a discard, an undo, a version loaded) stops a waiting retry, and says so.
//! When the fresh read fails, nothing is sent over an old record unasked: the partner is
//! offered to send over the record read last, told when it was read.

use std::rc::Rc;

use leptos::prelude::*;
use questionnaire::draft::Draft;
use questionnaire::record::changed_unknown_fields;
use questionnaire::wire::to_trust_info_over;
use questionnaire::Answers;
use serde_json::Value;

use super::call::{CallState, RetryingCall};
use super::client::{read, submit, Version};
use super::error::ApiError;
use super::submitted::{mark_submitted, submitted_at};
use crate::connect::Connection;
use crate::draft::DraftStore;

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
    /// The app the submit under way (or last made) is for, and the draft's replacement count
    /// when it was started.
    pub sending_for: RwSignal<Option<(String, u32)>>,
    /// The last attempt could not read the current record: `Some(read_at)` of the record kept
    /// with the draft (`None` inside: none was ever read).
    pub no_fresh_record: RwSignal<Option<Option<f64>>>,
    /// The review could not read the current record (Send reads it again before sending).
    pub review_read_failed: RwSignal<bool>,
    /// The app whose submit was stopped because its draft was replaced whole meanwhile.
    pub stopped: RwSignal<Option<String>>,
    /// The open draft was replaced whole since the submit under way started.
    replaced_meanwhile: RwSignal<bool>,
    recorded: RwSignal<u32>,
    connection: Connection,
    drafts: DraftStore,
}

impl Submission {
    pub fn new(connection: Connection, drafts: DraftStore) -> Self {
        let recorded = RwSignal::new(0);
        let last_submitted = Memo::new(move |_| {
            recorded.track();
            connection.app_key.with(|key| submitted_at(key))
        });
        let submission = Submission {
            call: RetryingCall::new(),
            missing: RwSignal::new(None),
            last_submitted,
            fresh: RwSignal::new(None),
            sending_for: RwSignal::new(None),
            no_fresh_record: RwSignal::new(None),
            stopped: RwSignal::new(None),
            review_read_failed: RwSignal::new(false),
            replaced_meanwhile: RwSignal::new(false),
            recorded,
            connection,
            drafts,
        };
        submission.stop_when_replaced();
        submission
    }

    /// What the partner reviewed is not what a retry would send once the draft it is for has
    /// been replaced whole: the retry is stopped, and the partner told.
    fn stop_when_replaced(&self) {
        let Submission { drafts, sending_for, replaced_meanwhile, call, stopped, .. } = *self;
        Effect::new(move |_| {
            let count = drafts.replacements();
            let open = drafts.app_key().get_untracked();
            let replaced =
                sending_for.with_untracked(|s| s.as_ref().is_some_and(|(app, at)| *app == open && *at != count));
            if replaced && call.is_busy() {
                replaced_meanwhile.set(true);
            }
        });
        Effect::new(move |_| {
            let waiting = call.state.with(|state| matches!(state, CallState::Waiting { .. }));
            if waiting && replaced_meanwhile.get() {
                call.cancel();
                stopped.set(sending_for.get_untracked().map(|(app, _)| app));
            }
        });
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

    /// Sends the answers as they are now; `false` when nothing was sent (something is missing,
    /// said in `missing`). Ignored while a submit is under way, so a double click (or a click
    /// during a retry countdown) sends one request.
    pub fn send(&self) -> bool {
        self.start(false)
    }

    /// Offered when no fresh record could be read: sends over the record kept with the draft.
    pub fn send_over_last_record(&self) -> bool {
        self.start(true)
    }

    fn start(&self, over_kept_record: bool) -> bool {
        if self.call.is_busy() {
            return false;
        }
        let target = self.connection.target();
        if target.key.trim().is_empty() {
            self.missing.set(Some(Missing::AppKey));
            return false;
        }
        let Some(credentials) = self.connection.credentials() else {
            self.missing.set(Some(Missing::Credentials));
            return false;
        };
        self.missing.set(None);
        self.no_fresh_record.set(None);
        self.stopped.set(None);
        self.replaced_meanwhile.set(false);
        let key = target.key.clone();
        self.sending_for.set(Some((key.clone(), self.drafts.replacements_untracked())));
        let (drafts, no_fresh_record) = (self.drafts, self.no_fresh_record);
        let operation = Rc::new(move || {
            // Every attempt: this app's draft as it is now, wherever the partner is.
            let draft =
                drafts.draft_of(&target.key).unwrap_or_else(|| Draft::new(target.key.clone(), Answers::new(), 0.0));
            let (target, credentials) = (target.clone(), credentials.clone());
            Box::pin(async move {
                let record = if over_kept_record {
                    draft.raw_trust_info.clone().unwrap_or(Value::Null)
                } else {
                    match read(&target, Version::Current, Some(&credentials)).await {
                        Ok(raw) => raw,
                        Err(ApiError::Status { code: 404, .. }) => Value::Null,
                        Err(error) => {
                            no_fresh_record.set(Some(draft.record_read_at.filter(|_| draft.raw_trust_info.is_some())));
                            return Err(error);
                        }
                    }
                };
                no_fresh_record.set(None);
                submit(&target, &credentials, to_trust_info_over(&record, &draft.answers)).await?;
                Ok(crate::platform::epoch_ms())
            }) as _
        });
        let recorded = self.recorded;
        self.call.start(
            operation,
            Rc::new(move |at| {
                mark_submitted(&key, at);
                recorded.update(|n| *n += 1);
            }),
        );
        true
    }

    pub fn cancel(&self) {
        self.call.cancel();
    }
}
