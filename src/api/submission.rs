//! Submitting: a review of what will not be sent, then one PUT (v2) or PUT + publish (v3)
//! that retries itself on 429/5xx and can never be sent twice at once.

use std::rc::Rc;

use leptos::prelude::*;
use questionnaire::wire::to_trust_info_over;

use super::call::RetryingCall;
use super::client::submit;
use super::submitted::{mark_submitted, submitted_at};
use crate::connect::Connection;
use crate::draft::DraftStore;
use crate::state::Questionnaire;

/// Something to fix before anything can be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    AppKey,
    Credentials,
}

#[derive(Clone, Copy)]
pub struct Submission {
    /// The partner is looking at what will and will not be sent.
    pub reviewing: RwSignal<bool>,
    /// Done carries the time the Marketplace accepted the answers.
    pub call: RetryingCall<f64>,
    pub missing: RwSignal<Option<Missing>>,
    /// When this app's answers were last accepted, from the browser's record.
    pub last_submitted: Memo<Option<f64>>,
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
            reviewing: RwSignal::new(false),
            call: RetryingCall::new(),
            missing: RwSignal::new(None),
            last_submitted,
            recorded,
            connection,
            questionnaire,
            drafts,
        }
    }

    /// Opens the review; nothing is sent yet.
    pub fn review(&self) {
        if !self.call.is_busy() {
            self.missing.set(None);
            self.call.reset();
            self.reviewing.set(true);
        }
    }

    pub fn back(&self) {
        self.reviewing.set(false);
        self.missing.set(None);
    }

    /// Sends the answers as they are now. Ignored while a submit is under way, so a double
    /// click (or a click during a retry countdown) sends one request.
    pub fn send(&self) {
        if self.call.is_busy() {
            return;
        }
        let target = self.connection.target();
        if target.key.trim().is_empty() {
            self.missing.set(Some(Missing::AppKey));
            return;
        }
        let Some(credentials) = self.connection.credentials() else {
            self.missing.set(Some(Missing::Credentials));
            return;
        };
        self.missing.set(None);
        self.reviewing.set(false);
        let draft = self.drafts.draft();
        let base = draft.raw_trust_info.filter(|_| draft.app_key == target.key).unwrap_or(serde_json::Value::Null);
        let trust_info = self.questionnaire.answers.with_untracked(|answers| to_trust_info_over(&base, answers));
        let key = target.key.clone();
        let operation = Rc::new(move || {
            let (target, credentials, trust_info) = (target.clone(), credentials.clone(), trust_info.clone());
            Box::pin(async move {
                submit(&target, &credentials, trust_info).await?;
                Ok(js_sys::Date::now())
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
    }

    pub fn cancel(&self) {
        self.call.cancel();
    }
}
