//! Replacing the answers whole, the partner's doing: a version read from the Marketplace, an
//! imported draft, a discard, and the undo of the last of these; a conflict with another tab
//! settled. Every whole replacement can be undone until the next one.

use leptos::prelude::*;
use questionnaire::draft::sync;
use questionnaire::draft::Draft;
use questionnaire::replacement::replacement;
use questionnaire::session::{undone, Replaced, Source};
use questionnaire::Answers;

use super::save::Announce;
use super::{durable, storage, DraftStore, SaveStatus, UndoEntry};

impl DraftStore {
    /// Puts a version read from the Marketplace in place of the answers (`replacement`: what
    /// the Marketplace cannot hold is kept from the local answers).
    pub fn apply_version(&self, incoming: &Answers) {
        let now = self.answers.snapshot_untracked();
        let replaced = replacement(&now, incoming).answers;
        if replaced != now {
            // Filling an empty form loses nothing: there is nothing to undo then.
            if now.iter().any(|(_, answer)| answer.is_given()) {
                self.remember_for_undo(Replaced::Version, &replaced);
            }
            self.answers.replace_all(replaced);
        }
    }

    /// Applies imported answers in place of the open app's, and saves at once. Answers only:
    /// the record the open app's answers are written over stays its own (a file's record is
    /// another app's, or an old one).
    pub fn apply_import(&self, draft: Draft, source: Source, file_name: String) {
        self.remember_for_undo(Replaced::Import(source), &draft.answers);
        self.inner.update_value(|inner| inner.meta_changed = true);
        self.position.set(draft.position);
        self.answers.replace_all(draft.answers);
        self.conflicts.set(Vec::new());
        let app_key = self.app_key.get_untracked();
        self.write(Announce::As(SaveStatus::Imported { file_name, app_key }));
    }

    /// Removes the local draft and empties the form; [`Self::undo`] brings it back.
    pub fn discard(&self) {
        self.cancel_pending();
        self.remember_for_undo(Replaced::Discard, &Answers::new());
        let key = storage::draft_key(&self.app_key.get_untracked());
        self.inner.update_value(|inner| {
            inner.stored = Answers::new();
            inner.stored_revision = 0;
            inner.stored_ancestors = Vec::new();
            inner.raw_trust_info = None;
            inner.record_read_at = None;
            inner.meta_changed = false;
        });
        storage::remove(&key);
        leptos::task::spawn_local(async move {
            durable::remove(&key).await;
        });
        self.conflicts.set(Vec::new());
        self.position.set(None);
        self.answers.replace_all(Answers::new());
        self.status.set(SaveStatus::Discarded);
    }

    /// Undoes the last whole replacement: its answers come back, except those changed since.
    pub fn undo(&self) {
        let Some(UndoEntry { before, after, .. }) = self.undo.try_update(Option::take).flatten() else { return };
        let restored = undone(&before.answers, &after, &self.answers.snapshot_untracked());
        self.replacements.update(|n| *n += 1);
        self.inner.update_value(|inner| {
            // Answers come back; a record read since is newer than the one they had.
            if inner.raw_trust_info.is_none() {
                inner.raw_trust_info = before.raw_trust_info;
                inner.record_read_at = before.record_read_at;
            }
            inner.meta_changed = true;
        });
        self.position.set(before.position);
        self.answers.replace_all(restored);
        self.write(Announce::As(SaveStatus::Undone));
    }

    fn remember_for_undo(&self, what: Replaced, after: &Answers) {
        let before = self.draft();
        self.undo.set(Some(UndoEntry { what, before, after: after.clone() }));
        self.replacements.update(|n| *n += 1);
    }

    /// Settles a conflict with the other tab's answer (`true`) or this tab's (`false`).
    pub fn settle(&self, id: &str, use_theirs: bool) {
        let settled = self.conflicts.with_untracked(|list| list.iter().find(|c| c.id == id).cloned());
        self.conflicts.update(|list| list.retain(|c| c.id != id));
        if let (Some(conflict), true) = (settled, use_theirs) {
            self.answers.update(|answers| sync::apply(answers, id, conflict.theirs.as_ref()));
        }
        self.save_now();
    }

    /// The partner has downloaded the original: saving over it is safe now.
    pub fn original_downloaded(&self) {
        let held = self.saving_held.get_untracked();
        self.saving_held.set(false);
        if held {
            self.save_now();
        }
    }
}
