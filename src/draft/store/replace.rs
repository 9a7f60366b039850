//! Replacing the answers whole, the partner's doing: a version read from the Marketplace, an
//! imported draft, a discard and its undo, a conflict with another tab settled.

use leptos::prelude::*;
use questionnaire::draft::sync::{self, merge};
use questionnaire::draft::Draft;
use questionnaire::replacement::replacement;
use questionnaire::Answers;

use super::save::Announce;
use super::{durable, storage, DraftStore, SaveStatus};

impl DraftStore {
    /// Puts a version read from the Marketplace in place of the answers (`replacement`: what
    /// the Marketplace cannot hold is kept from the local answers).
    pub fn apply_version(&self, incoming: &Answers) {
        self.answers.update(|answers| *answers = replacement(answers, incoming).answers);
    }

    /// Applies an imported draft (its answers, position and API document) and saves at once.
    pub fn apply_import(&self, draft: Draft, file_name: String) {
        if draft.raw_trust_info.is_some() {
            self.inner.update_value(|inner| inner.raw_trust_info = draft.raw_trust_info);
        }
        self.inner.update_value(|inner| inner.meta_changed = true);
        self.position.set(draft.position);
        self.answers.replace_all(draft.answers);
        self.conflicts.set(Vec::new());
        self.write(Announce::As(SaveStatus::Imported { file_name }));
    }

    /// Removes the local draft and empties the form; [`Self::undo_discard`] brings it back.
    pub fn discard(&self) {
        self.cancel_pending();
        let draft = self.draft();
        let key = storage::draft_key(&draft.app_key);
        self.discarded.set(Some(draft));
        self.inner.update_value(|inner| {
            inner.stored = Answers::new();
            inner.stored_revision = 0;
            inner.raw_trust_info = None;
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

    /// Brings the discarded draft back. Answers given since the discard win over it.
    pub fn undo_discard(&self) {
        let Some(draft) = self.discarded.try_update(Option::take).flatten() else { return };
        let merged = merge(&Answers::new(), &self.answers.snapshot_untracked(), &draft.answers);
        self.inner.update_value(|inner| {
            inner.raw_trust_info = draft.raw_trust_info;
            inner.meta_changed = true;
        });
        self.position.set(draft.position);
        self.answers.replace_all(merged.answers);
        self.write(Announce::As(SaveStatus::DiscardUndone));
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
