//! Other tabs of the same draft: their saves are merged against the save they were made over,
//! and a question both changed is left for the partner to settle.

use leptos::prelude::*;
use questionnaire::draft::sync::Incoming;
use questionnaire::draft::Draft;
use questionnaire::Answers;

use super::{storage, DraftStore, KeptOriginal, SaveStatus};

impl DraftStore {
    /// Storage may hold a save of another tab whose announcement has not reached this one yet:
    /// merge it first, so this save is made over it rather than in ignorance of it.
    pub(super) fn take_in_unseen_save(&self, key: &str) {
        let Some(stored) = storage::read_draft(key).and_then(|text| Draft::parse(&text).ok()) else { return };
        if stored.revision != 0 && self.inner.with_value(|inner| !inner.lineage.knows(stored.revision)) {
            self.merge_theirs(stored);
        }
    }

    /// Another tab saved this draft (`None`: discarded it). Merges: see [`sync::merge`].
    pub(super) fn take_theirs(&self, text: Option<String>) {
        let now = crate::platform::epoch_ms();
        let key = self.inner.with_value(|inner| inner.loaded_key.clone().unwrap_or_default());
        let theirs = match text.as_deref().map(Draft::parse) {
            None => Draft::new(key, Answers::new(), now),
            Some(Ok(draft)) => draft,
            Some(Err(error)) => {
                let text = text.unwrap_or_default();
                let backup_key = storage::back_up(&key, &text, now);
                self.kept.set(Some(KeptOriginal { text, unreadable: Some(error.to_string()), backup_key }));
                return;
            }
        };
        self.merge_theirs(theirs);
    }

    /// Merges another tab's save, already read: see [`sync::Lineage::receive`].
    pub(super) fn merge_theirs(&self, theirs: Draft) {
        let now = crate::platform::epoch_ms();
        let base = self.inner.with_value(|inner| inner.stored.clone());
        let mine = self.answers.snapshot_untracked();
        let incoming = self.inner.try_update_value(|inner| {
            inner.lineage.receive(theirs.revision, theirs.parent, &theirs.answers, &mine, &base)
        });
        let Some(Incoming::Merge(merged)) = incoming else { return };
        self.inner.update_value(|inner| {
            inner.stored = theirs.answers.clone();
            inner.stored_revision = theirs.revision;
            inner.stored_ancestors = theirs.ancestors.clone();
            if theirs.raw_trust_info.is_some() {
                inner.raw_trust_info = theirs.raw_trust_info.clone();
            }
        });
        self.conflicts.update(|list| {
            list.retain(|old| !merged.conflicts.iter().any(|new| new.id == old.id));
            list.extend(merged.conflicts.iter().cloned());
            // A question both now answer alike needs no settling.
            list.retain(|c| merged.answers.get(&c.id) != theirs.answers.get(&c.id));
        });
        let unsaved_here = merged.answers != theirs.answers;
        if mine != merged.answers {
            self.answers.replace_all(merged.answers);
        }
        if unsaved_here {
            self.schedule();
        }
        if base != theirs.answers {
            self.status.set(SaveStatus::UpdatedFromOtherTab { at: now });
        }
    }
}
