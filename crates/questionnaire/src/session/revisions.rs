//! Which of two copies of a draft is newer, by revision lineage: each save names itself (a
//! random revision) and the saves it descends from. A clock stepped back, or a tab closed before
//! its crash-safe write, cannot make an older copy win: only descent decides.

use serde::{Deserialize, Serialize};

/// How many ancestors a save keeps: enough for any gap between local storage and IndexedDB.
pub const KEPT_ANCESTORS: usize = 32;

/// A save's name and its ancestry. Revision 0 is a save from before saves were named: an
/// ancestor of every named one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revisions {
    pub revision: u64,
    /// Oldest first; the parent last.
    pub ancestors: Vec<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Same,
    /// The first descends from the second.
    Newer,
    Older,
    /// Neither descends from the other (two tabs saved over the same save): merge them.
    Diverged,
}

impl Revisions {
    /// The save made over this one, named `revision`.
    pub fn next(&self, revision: u64) -> Revisions {
        let mut ancestors = self.ancestors.clone();
        if self.revision != 0 {
            ancestors.push(self.revision);
        }
        let surplus = ancestors.len().saturating_sub(KEPT_ANCESTORS);
        ancestors.drain(..surplus);
        Revisions { revision, ancestors }
    }

    /// The save that merges this one and `other`: it descends from both.
    pub fn joined(&self, other: &Revisions, revision: u64) -> Revisions {
        let mut next = self.next(revision);
        for earlier in other.ancestors.iter().chain([&other.revision]) {
            if *earlier != 0 && !next.ancestors.contains(earlier) {
                next.ancestors.push(*earlier);
            }
        }
        let surplus = next.ancestors.len().saturating_sub(KEPT_ANCESTORS);
        next.ancestors.drain(..surplus);
        next
    }

    pub fn descends_from(&self, other: &Revisions) -> bool {
        other.revision == 0 || self.ancestors.contains(&other.revision)
    }

    pub fn compare(&self, other: &Revisions) -> Order {
        if self.revision == other.revision {
            Order::Same
        } else if self.descends_from(other) {
            Order::Newer
        } else if other.descends_from(self) {
            Order::Older
        } else {
            Order::Diverged
        }
    }
}
