//! What the session holds. Only [`super::step`] changes it.

use litemap::LiteMap;
use serde_json::Value;

use super::event::Source;
use super::revisions::Revisions;
use crate::answers::Answers;
use crate::draft::sync::Conflict;

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
    /// Questions this copy and another (another tab's save, the other stored copy on
    /// reopening) changed differently: this copy's answer stays until the partner settles it
    /// ([`super::Event::Settle`]).
    pub conflicts: Vec<Conflict>,
    /// The answers of the saves of this draft seen lately (its own and those taken in), newest
    /// last: a copy from elsewhere is merged against the newest of them it descends from.
    pub seen: Vec<(Revisions, Answers)>,
}

/// How many saves' answers a draft keeps to merge against: more than the saves of any copy
/// another tab or the crash-safe store holds back.
const SEEN_KEPT: usize = 64;

impl AppDraft {
    pub(super) fn remember(&mut self, revisions: &Revisions, answers: &Answers) {
        if revisions.revision == 0 || self.seen.iter().any(|(seen, _)| seen.revision == revisions.revision) {
            return;
        }
        if self.seen.len() == SEEN_KEPT {
            self.seen.remove(0);
        }
        self.seen.push((revisions.clone(), answers.clone()));
    }

    /// The answers of the saves both this draft and `theirs` descend from, that this draft has
    /// seen, none of them an ancestor of another (the empty draft every one starts from when
    /// none is known).
    pub(super) fn common_bases(&self, theirs: &Revisions) -> Vec<Answers> {
        let in_both = |revision: u64| {
            (revision == theirs.revision || theirs.ancestors.contains(&revision))
                && (revision == self.revisions.revision || self.revisions.ancestors.contains(&revision))
        };
        let common: Vec<&(Revisions, Answers)> = self.seen.iter().filter(|(seen, _)| in_both(seen.revision)).collect();
        let lowest: Vec<Answers> = common
            .iter()
            .filter(|(seen, _)| !common.iter().any(|(other, _)| other.ancestors.contains(&seen.revision)))
            .map(|(_, answers)| answers.clone())
            .collect();
        if lowest.is_empty() {
            vec![Answers::new()]
        } else {
            lowest
        }
    }

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
    /// A conflict with another copy settled, for the question named.
    Settled(String),
}

/// The last whole replacement, until the next one: what "Undo" brings back.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub app: AppKey,
    pub what: Replaced,
    /// The answers before it, and just after it (what was typed since is kept by an undo).
    pub before: Answers,
    pub after: Answers,
    /// The conflict a settling took away: listed again by the undo.
    pub settled: Option<Conflict>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub open: AppKey,
    pub drafts: LiteMap<AppKey, AppDraft>,
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
