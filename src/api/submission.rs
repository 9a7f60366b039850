//! Submitting: a review of what will not be sent, then one PUT (v2) or PUT + publish (v3)
//! that retries itself on 429/5xx and can never be sent twice at once.

use std::rc::Rc;

use leptos::prelude::*;
use questionnaire::record::changed_unknown_fields;
use questionnaire::wire::to_trust_info_over;
use serde_json::Value;

use super::call::RetryingCall;
use super::client::{read, submit, Version};
use super::submitted::{mark_submitted, submitted_at};
use crate::connect::Connection;
use crate::draft::{DraftStore, Questionnaire};

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
    /// `None` until the review's read arrives (or when it failed: the kept record is used).
    pub fresh: RwSignal<Option<FreshRecord>>,
    recorded: RwSignal<u32>,
    connection: Connection,
    questionnaire: Questionnaire,
    drafts: DraftStore,
}

impl Submission {
    pub fn new(connection: Connection, questionnaire: Questionnaire, drafts: DraftStore) -> Self {
        let recorded = RwSignal::new(0);
        let last_submitted = Memo::new(move |_| {
            recorded.track();
            connection.app_key.with(|key| submitted_at(key))
        });
        Submission {
            call: RetryingCall::new(),
            missing: RwSignal::new(None),
            last_submitted,
            fresh: RwSignal::new(None),
            recorded,
            connection,
            questionnaire,
            drafts,
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
        leptos::task::spawn_local(async move {
            let Ok(raw) = read(&target, Version::Current, credentials.as_ref()).await else { return };
            let earlier = drafts.api_document_of(&target.key).unwrap_or(Value::Null);
            let changed_unknown = changed_unknown_fields(&earlier, &raw);
            fresh.set(Some(FreshRecord { key: target.key, raw, changed_unknown }));
        });
    }

    /// What the answers are written over: the record read for the review, else the one kept
    /// with the draft, else nothing (the first submit of this app).
    fn base_for(&self, key: &str) -> Value {
        if let Some(fresh) = self.fresh.with_untracked(|fresh| fresh.clone().filter(|fresh| fresh.key == key)) {
            return fresh.raw;
        }
        self.drafts.api_document_of(key).unwrap_or(Value::Null)
    }

    pub fn back(&self) {
        self.missing.set(None);
    }

    /// Sends the answers as they are now; `false` when nothing was sent (something is missing,
    /// said in `missing`). Ignored while a submit is under way, so a double click (or a click
    /// during a retry countdown) sends one request.
    pub fn send(&self) -> bool {
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
        let key = target.key.clone();
        let (submission, questionnaire) = (*self, self.questionnaire);
        let operation = Rc::new(move || {
            // Built again for every attempt: what the partner changes during a retry's
            // countdown is what the retry sends.
            let base = submission.base_for(&target.key);
            let trust_info = to_trust_info_over(&base, &questionnaire.snapshot_untracked());
            let (target, credentials) = (target.clone(), credentials.clone());
            Box::pin(async move {
                submit(&target, &credentials, trust_info).await?;
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
