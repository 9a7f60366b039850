//! What the session holds. Only [`super::step`] changes it.

use std::collections::BTreeMap;

use serde_json::Value;

use super::event::Source;
use super::revisions::Revisions;
use crate::answers::Answers;

/// An app's key, as the partner typed it.
pub type AppKey = String;

/// The Marketplace's record a draft is written over, and when it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// `Null`: the Marketplace holds none yet (a first submission).
    pub raw: Value,
    /// Milliseconds since the epoch.
    pub read_at: f64,
}

/// One app's draft.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AppDraft {
    pub answers: Answers,
    pub revisions: Revisions,
    /// The record of this app last read; never another app's.
    pub record: Option<Record>,
    /// Counts whole replacements: a call started before one is not retried after it.
    pub replaced: u32,
}

impl AppDraft {
    /// What a PUT for this app sends now: its answers over its own record.
    pub fn trust_info(&self) -> Value {
        crate::wire::to_trust_info_over(self.record.as_ref().map_or(&Value::Null, |record| &record.raw), &self.answers)
    }
}

/// Where a call stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Phase {
    /// Send pressed: reading the current record first (`tries` reads so far).
    Reading { tries: u32 },
    /// No fresh record could be read: the partner may send over the last one read, or cancel.
    NoFreshRecord,
    /// Attempt `attempt` is on its way.
    Sending { attempt: u32 },
    /// Attempt `attempt` failed; the next one is due after a timer.
    Waiting { attempt: u32 },
}

/// A submit, for one app from Send to its end.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub app: AppKey,
    pub phase: Phase,
    /// The app's [`AppDraft::replaced`] at Send.
    pub replaced: u32,
}

/// What a whole replacement was.
#[derive(Debug, Clone, PartialEq)]
pub enum Replaced {
    Import(Source),
    Version,
    Discard,
}

/// The last whole replacement, until the next one: what "Undo" brings back.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub app: AppKey,
    pub what: Replaced,
    /// The answers before it, and just after it (what was typed since is kept by an undo).
    pub before: Answers,
    pub after: Answers,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub open: AppKey,
    pub drafts: BTreeMap<AppKey, AppDraft>,
    pub call: Option<Call>,
    pub undo: Option<Undo>,
    /// Where the names of this tab's saves come from: seeded at random by the app, so no two
    /// tabs name a save alike; fixed in tests.
    next_revision: u64,
}

impl State {
    pub fn new(open: impl Into<AppKey>, revision_seed: u64) -> Self {
        State { open: open.into(), next_revision: revision_seed, ..State::default() }
    }

    pub fn draft(&self, app: &str) -> Option<&AppDraft> {
        self.drafts.get(app)
    }

    /// The open app's draft (empty when it has none yet).
    pub fn open_draft(&self) -> AppDraft {
        self.drafts.get(&self.open).cloned().unwrap_or_default()
    }

    pub(super) fn open_draft_mut(&mut self) -> &mut AppDraft {
        self.drafts.entry(self.open.clone()).or_default()
    }

    /// A name for a new save: never 0, never one this tab gave before.
    pub(super) fn new_revision(&mut self) -> u64 {
        // splitmix64: every seed gives a long sequence without repeats.
        self.next_revision = self.next_revision.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.next_revision;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 12) | 1
    }
}
