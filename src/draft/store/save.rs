//! Saving: shortly after the answers settle, at once when the page is left, always over what
//! storage holds now, and "Saved" said only once the crash-safe copy is on disk.

use leptos::prelude::*;
use questionnaire::session::revisions::Revisions;

use super::{durable, storage, DraftStore, Durability, SaveStatus};

/// Counted from when the answers settle (typing paused, see `Questionnaire::settled`): about
/// 400 ms after the last keystroke in all. Long enough to stay off the typing path, short enough
/// that a crash loses at most a moment.
const SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(250);

/// What the status line says once a save is on disk.
pub(super) enum Announce {
    /// Nothing: the save is not the partner's doing (the Marketplace's record kept with it).
    Quietly,
    Saved,
    /// This instead of "Saved" (an import, an undone discard).
    As(SaveStatus),
}

impl DraftStore {
    pub(super) fn schedule(&self) {
        self.cancel_pending();
        let store = *self;
        let handle = set_timeout_with_handle(move || store.save_now(), SAVE_DELAY).ok();
        self.inner.update_value(|inner| inner.pending = handle);
    }

    pub(super) fn cancel_pending(&self) {
        if let Some(handle) = self.inner.try_update_value(|inner| inner.pending.take()).flatten() {
            handle.clear();
        }
    }

    /// Saves now whatever is not saved yet (the page is closing or hidden). Not only what
    /// waits for its delay: a change made just before may not have scheduled its save yet.
    pub fn flush(&self) {
        self.save_now();
    }

    /// The revision of the stored draft as this tab last wrote or read it, when that save holds
    /// every answer shown (nothing waits to be saved, saving is not held); `None` otherwise, or
    /// when the save is unnamed (0).
    pub fn saved_revision(&self) -> Option<u64> {
        let answers = self.answers.snapshot_untracked();
        let (revision, saved) = self.inner.with_value(|inner| (inner.stored_revision, answers == inner.stored));
        (saved && revision != 0 && !self.saving_held.get_untracked()).then_some(revision)
    }

    /// Writes the draft if it differs from what storage holds, and says so.
    pub(super) fn save_now(&self) {
        self.write(Announce::Saved);
    }

    pub(super) fn write(&self, announce: Announce) {
        self.cancel_pending();
        let hold = self.saving_held.get_untracked();
        let (key, moved) = self.inner.with_value(|inner| (inner.loaded_key.clone(), inner.meta_changed));
        let Some(key) = key else { return };
        let changed = moved || {
            let answers = self.answers.snapshot_untracked();
            self.inner.with_value(|inner| answers != inner.stored)
        };
        if hold || !changed {
            if let Announce::As(status) = announce {
                self.status.set(status); // Nothing to write: nothing to wait for.
            }
            return;
        }
        let started = now_ms();
        let lineage = self.name_save(&key);
        let mut draft = self.draft();
        draft.parent = lineage.ancestors.last().copied().unwrap_or(0);
        draft.revision = lineage.revision;
        draft.ancestors = lineage.ancestors;
        let text = draft.to_json();
        let written = storage::write(&storage::draft_key(&key), &text);
        self.last_save_ms.set(Some(now_ms() - started));
        if written {
            self.inner.update_value(|inner| {
                inner.stored_revision = draft.revision;
                inner.stored_ancestors = draft.ancestors;
                inner.stored = draft.answers;
                inner.meta_changed = false;
            });
        }
        let said_once_on_disk = match announce {
            Announce::Saved if written => Some(SaveStatus::Saved { at: draft.saved_at }),
            Announce::As(status) => Some(status),
            Announce::Saved | Announce::Quietly => None,
        };
        self.write_durable_copy(key, text, said_once_on_disk);
        if self.write_failed.get_untracked() == written {
            self.write_failed.set(!written);
        }
    }

    /// The session's revisions of the draft, which names every save (the session is told what
    /// was typed first); a name of its own only where there is no session (a component test).
    fn name_save(&self, key: &str) -> Revisions {
        let name_save = self.inner.with_value(|inner| inner.name_save.clone());
        name_save.and_then(|name_save| name_save(key)).unwrap_or_else(|| {
            let (revision, ancestors) =
                self.inner.with_value(|inner| (inner.stored_revision, inner.stored_ancestors.clone()));
            Revisions { revision, ancestors }.next(new_revision())
        })
    }

    /// Writes the durable copy; "Saved" is said once it is on disk (or, where the browser
    /// refuses IndexedDB, once local storage has it, and the status says it is not crash-safe).
    pub(super) fn write_durable_copy(&self, key: String, text: String, said_once_on_disk: Option<SaveStatus>) {
        let store = *self;
        let Some(sequence) = self.inner.try_update_value(|inner| {
            inner.durable_writes += 1;
            inner.durable_writes
        }) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let on_disk = durable::write(&storage::draft_key(&key), &text).await;
            if store.inner.try_with_value(|inner| inner.durable_writes) != Some(sequence) {
                return; // A newer save speaks for itself.
            }
            store.durability.set(if on_disk { Durability::OnDisk } else { Durability::Unavailable });
            if let Some(status) = said_once_on_disk {
                store.status.set(status);
            }
        });
    }
}

/// A name for a save that no other tab will pick: 52 random bits, never 0 ("unnamed").
fn new_revision() -> u64 {
    (js_sys::Math::random() * 4_503_599_627_370_496.0) as u64 + 1
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|window| window.performance()).map_or_else(crate::platform::epoch_ms, |p| p.now())
}
