//! Showing the answers replaced whole: what the session decided for an import, a version read,
//! a discard, a conflict settled or the undo of the last of these (`crate::shell` runs it).

use leptos::prelude::*;
use questionnaire::draft::Draft;
use questionnaire::Answers;

use super::save::Announce;
use super::{durable, storage, DraftStore, SaveStatus};

impl DraftStore {
    /// Puts answers the session decided on in place of the open app's, and saves them at once.
    pub fn replace_answers(&self, answers: Answers) {
        self.replace_and_say(answers, Announce::Quietly);
    }

    fn replace_and_say(&self, answers: Answers, announce: Announce) {
        self.inner.update_value(|inner| inner.meta_changed = true);
        self.answers.replace_all(answers);
        self.write(announce);
    }

    /// Shows an import the session took: its answers, the question it was at, and the status
    /// line naming the draft it replaced. Answers only: the record the open app's answers are
    /// written over stays its own.
    pub fn apply_import(&self, draft: Draft, file_name: String) {
        self.position.set(draft.position);
        let app_key = self.app_key.get_untracked();
        self.replace_and_say(draft.answers, Announce::As(SaveStatus::Imported { file_name, app_key }));
    }

    /// Removes the local draft (the session has emptied the answers; its undo brings them back).
    pub fn discard(&self) {
        self.cancel_pending();
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
        self.position.set(None);
        self.answers.replace_all(Answers::new());
        self.status.set(SaveStatus::Discarded);
    }

    /// "Undone", once the answers the undo brought back are saved.
    pub fn say_undone(&self) {
        self.write(Announce::As(SaveStatus::Undone));
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
