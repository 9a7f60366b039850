//! Starting from the Marketplace's live version or its draft, without ever overwriting the
//! local answers unasked: when they differ, the partner sees what would change and chooses.

use std::rc::Rc;

use leptos::prelude::*;
use questionnaire::diff::Change;
use questionnaire::replacement::{arrival, Arrival};
use questionnaire::wire::from_trust_info;
use serde_json::Value;

use super::call::RetryingCall;
use super::client::{read, Version};
use crate::connect::Connection;
use crate::draft::{DraftStore, Questionnaire};
use crate::shell::Shell;

/// A version read from the Marketplace that differs from the local answers, waiting for the
/// partner's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    pub version: Version,
    pub key: String,
    pub raw: Value,
    pub changes: Vec<Change>,
}

/// What happened to the last version read, in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The local answers were empty: nothing to lose, so it was applied at once.
    Applied(Version),
    Replaced(Version),
    Kept(Version),
    AlreadySame(Version),
    NeedsCredentials,
}

#[derive(Clone, Copy)]
pub struct Loader {
    pub call: RetryingCall<Value>,
    /// The version being read (or last read), for messages.
    pub version: RwSignal<Version>,
    pub offer: RwSignal<Option<Offer>>,
    pub outcome: RwSignal<Option<Outcome>>,
    connection: Connection,
    drafts: DraftStore,
    /// The app key whose live version was already compared on opening: once per app.
    compared_on_open: StoredValue<Option<String>>,
    questionnaire: Questionnaire,
    shell: Shell,
}

impl Loader {
    pub fn new(connection: Connection, questionnaire: Questionnaire, drafts: DraftStore, shell: Shell) -> Self {
        Loader {
            call: RetryingCall::new(),
            version: RwSignal::new(Version::Live),
            offer: RwSignal::new(None),
            outcome: RwSignal::new(None),
            connection,
            drafts,
            compared_on_open: StoredValue::new(None),
            questionnaire,
            shell,
        }
    }

    pub fn load(&self, version: Version) {
        if self.call.is_busy() {
            return;
        }
        let credentials = self.connection.credentials();
        if version == Version::Draft && credentials.is_none() {
            self.call.reset();
            self.outcome.set(Some(Outcome::NeedsCredentials));
            return;
        }
        self.version.set(version);
        self.offer.set(None);
        self.outcome.set(None);
        let target = self.connection.target();
        let loader = *self;
        let key = target.key.clone();
        let operation = Rc::new(move || {
            let (target, credentials) = (target.clone(), credentials.clone());
            Box::pin(async move { read(&target, version, credentials.as_ref()).await }) as _
        });
        self.call.start(operation, Rc::new(move |raw| loader.received(version, key.clone(), raw, false)));
    }

    /// The first live version read for an app after it is opened: fills an empty form (as
    /// the Marketplace's own form shows answers sent through the API) or, when it differs
    /// from the local draft, asks which to keep. Silent when they already agree.
    pub fn compare_on_open(&self, key: String, raw: Value) {
        if self.compared_on_open.with_value(|compared| compared.as_deref() == Some(key.as_str())) {
            return;
        }
        self.compared_on_open.set_value(Some(key.clone()));
        if self.call.is_busy() || self.offer.with_untracked(Option::is_some) {
            return; // The partner asked for a version themselves: theirs wins.
        }
        self.received(Version::Live, key, raw, true);
    }

    fn received(&self, version: Version, key: String, raw: Value, quiet: bool) {
        if key != self.connection.app_key.get_untracked() {
            return; // The partner moved to another app meanwhile.
        }
        // Kept with the draft whatever the partner decides (replace, keep theirs, or nothing to
        // decide): a submit writes the answers over it, so fields this app does not know (and
        // so cannot show) go back untouched, even after a reload.
        self.drafts.set_api_document(Some(raw.clone()));
        let incoming = from_trust_info(&raw);
        match arrival(&self.questionnaire.snapshot_untracked(), &incoming) {
            Arrival::Same if !quiet => self.outcome.set(Some(Outcome::AlreadySame(version))),
            Arrival::Same => {}
            Arrival::Fill => {
                self.shell.load_version(raw);
                self.outcome.set(Some(Outcome::Applied(version)));
            }
            Arrival::Ask(changes) => self.offer.set(Some(Offer { version, key, raw, changes })),
        }
    }

    /// Replaces the local answers with the offered version. Recomputed from the answers as
    /// they are now, so nothing typed since the offer appeared is lost beyond what it listed.
    pub fn accept(&self) {
        let Some(offer) = self.offer.get_untracked() else { return };
        self.offer.set(None);
        if offer.key != self.connection.app_key.get_untracked() {
            return;
        }
        self.drafts.set_api_document(Some(offer.raw.clone()));
        self.shell.load_version(offer.raw);
        self.outcome.set(Some(Outcome::Replaced(offer.version)));
    }

    pub fn decline(&self) {
        if let Some(offer) = self.offer.get_untracked() {
            self.offer.set(None);
            self.outcome.set(Some(Outcome::Kept(offer.version)));
        }
    }
}
