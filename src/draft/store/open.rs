//! Opening a draft: what local storage and the crash-safe copy hold, each read as a
//! [`StoredCopy`] for the session to decide between (by revision lineage, never by clocks:
//! `crate::shell` feeds it `Event::Reopened`). Stored text that cannot be kept as it is goes
//! aside, in this browser, before anything is written over it.

use leptos::prelude::*;
use questionnaire::draft::{restore, Draft, Restored};
use questionnaire::session::revisions::Revisions;
use questionnaire::session::{Record, Saved, StoredCopy};
use questionnaire::Answers;

use super::{durable, storage, DraftStore, Durability, Inner, KeptOriginal, SaveStatus};

impl DraftStore {
    /// Reads local storage's copy of the draft of `key`, which is the open draft from now on,
    /// and shows what stands around it (the question the partner was at, "Restored"). Text from
    /// an earlier version is read converted, its original kept aside.
    pub fn open_local(&self, key: &str) -> Option<StoredCopy> {
        let now = crate::platform::epoch_ms();
        let usable = storage::remember_app_key(key);
        storage::adopt_legacy_draft(key);
        let mut kept = None;
        let mut draft = None;
        let copy = storage::read_draft(key).map(|text| match restore(&text) {
            Ok(Restored { draft: read, keep_original }) => {
                if keep_original {
                    let backup_key = storage::back_up(key, &text, now);
                    kept = Some(KeptOriginal { text, unreadable: None, backup_key });
                }
                let copy = StoredCopy::Readable(saved_of(&read));
                draft = Some(read);
                copy
            }
            Err(_) => StoredCopy::Damaged(text),
        });
        let status = draft.as_ref().map_or(SaveStatus::Idle, |draft| SaveStatus::Restored { saved_at: draft.saved_at });
        let Draft { answers, position, raw_trust_info, record_read_at, revision, ancestors, .. } =
            draft.unwrap_or_else(|| Draft::new(key, Answers::new(), 0.0));
        self.inner.update_value(|inner| {
            *inner = Inner {
                loaded_key: Some(key.to_owned()),
                stored: answers,
                stored_revision: revision,
                stored_ancestors: ancestors,
                durable_writes: inner.durable_writes,
                name_save: inner.name_save.take(),
                meta_changed: false,
                raw_trust_info,
                record_read_at,
                pending: inner.pending.take(),
                after_leaving: inner.after_leaving.take(),
            }
        });
        self.position.set(position);
        self.status.set(status);
        self.saving_held.set(kept.as_ref().is_some_and(|kept| kept.backup_key.is_none()));
        self.kept.set(kept);
        self.write_failed.set(!usable);
        copy
    }

    /// Reads the crash-safe copy of the draft of `key` (local storage may have lost the last
    /// seconds before a crash, or be unreadable) and runs `then` with it, and the draft it holds
    /// when readable, if that draft is still the open one.
    pub fn read_durable_copy(&self, key: String, then: impl FnOnce(StoredCopy, Option<Draft>) + 'static) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let text = match durable::read(&storage::draft_key(&key)).await {
                Ok(Some(text)) => text,
                Ok(None) => return,
                Err(()) => return store.durability.set(Durability::Unavailable),
            };
            if store.inner.try_with_value(|inner| inner.loaded_key.as_deref() == Some(key.as_str())) != Some(true) {
                return;
            }
            let (copy, draft) = copy_of(text);
            then(copy, draft);
        });
    }

    /// Keeps stored text that could not be read aside, listed for download, before anything is
    /// saved over it.
    pub fn keep_aside(&self, app_key: &str, text: String) -> KeptOriginal {
        let backup_key = storage::back_up(app_key, &text, crate::platform::epoch_ms());
        let unreadable = Some(restore(&text).err().map_or_else(String::new, |error| error.to_string()));
        KeptOriginal { text, unreadable, backup_key }
    }

    /// Tells the partner of text kept aside; nothing is saved while it could not be backed up.
    pub fn show_kept(&self, kept: KeptOriginal) {
        self.saving_held.set(kept.backup_key.is_none());
        self.kept.set(Some(kept));
    }

    /// The crash-safe copy changed the draft on opening: "Restored", and its question.
    pub fn say_restored(&self, draft: Draft) {
        if draft.position.is_some() {
            self.position.set(draft.position);
        }
        self.status.set(SaveStatus::Restored { saved_at: draft.saved_at });
    }
}

/// Stored text as a copy for the session, and the draft it holds when readable.
pub(super) fn copy_of(text: String) -> (StoredCopy, Option<Draft>) {
    match Draft::parse(&text) {
        Ok(draft) => (StoredCopy::Readable(saved_of(&draft)), Some(draft)),
        Err(_) => (StoredCopy::Damaged(text), None),
    }
}

/// A stored draft as the session reads it. Its parent is one of its ancestors even when a
/// writer named it only as `parent`.
fn saved_of(draft: &Draft) -> Saved {
    let mut ancestors = draft.ancestors.clone();
    if draft.parent != 0 && !ancestors.contains(&draft.parent) {
        ancestors.push(draft.parent);
    }
    Saved {
        answers: draft.answers.clone(),
        revisions: Revisions { revision: draft.revision, ancestors },
        record: draft.raw_trust_info.clone().map(|raw| Record { raw, read_at: draft.record_read_at.unwrap_or(0.0) }),
        saved_at: draft.saved_at,
    }
}
