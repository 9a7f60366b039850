//! Opening a draft: what local storage holds for the app key, checked against the crash-safe
//! copy, which is the draft when it descends from it (by revision lineage, never by clocks).
//! Stored text that cannot be kept as it is goes aside first, and a damaged local copy never
//! hides a readable crash-safe one.

use leptos::prelude::*;
use questionnaire::draft::sync::Lineage;
use questionnaire::draft::{restore, Draft, Restored};
use questionnaire::session::revisions::{Order, Revisions};
use questionnaire::Answers;

use super::{durable, storage, DraftStore, Durability, Inner, KeptOriginal, SaveStatus};

impl DraftStore {
    /// Opens the draft stored for `key` (an empty one when there is none) in the form, with
    /// the question the partner was at and what the status line says of it.
    pub(super) fn load(&self, key: &str) {
        let now = crate::platform::epoch_ms();
        let usable = storage::remember_app_key(key);
        storage::adopt_legacy_draft(key);
        let mut kept = None;
        let draft = storage::read_draft(key).and_then(|text| match restore(&text) {
            Ok(Restored { draft, keep_original }) => {
                if keep_original {
                    let backup_key = storage::back_up(key, &text, now);
                    kept = Some(KeptOriginal { text, unreadable: None, backup_key });
                }
                Some(draft)
            }
            Err(error) => {
                let backup_key = storage::back_up(key, &text, now);
                kept = Some(KeptOriginal { text, unreadable: Some(error.to_string()), backup_key });
                None
            }
        });
        let status = draft.as_ref().map_or(SaveStatus::Idle, |draft| SaveStatus::Restored { saved_at: draft.saved_at });
        let unreadable = kept.as_ref().is_some_and(|kept| kept.unreadable.is_some());
        let Draft { answers, position, raw_trust_info, record_read_at, revision, ancestors, saved_at, .. } =
            draft.unwrap_or_else(|| Draft::new(key, Answers::new(), 0.0));
        let mut lineage = Lineage::default();
        lineage.remember(revision, &answers);
        self.inner.update_value(|inner| {
            *inner = Inner {
                loaded_key: Some(key.to_owned()),
                stored: answers.clone(),
                stored_revision: revision,
                stored_ancestors: ancestors,
                stored_saved_at: saved_at,
                durable_writes: inner.durable_writes,
                lineage,
                meta_changed: false,
                raw_trust_info,
                record_read_at,
                pending: inner.pending.take(),
            }
        });
        self.answers.replace_all(answers);
        self.position.set(position);
        self.status.set(status);
        self.saving_held.set(kept.as_ref().is_some_and(|kept| kept.backup_key.is_none()));
        self.kept.set(kept);
        self.write_failed.set(!usable);
        self.conflicts.set(Vec::new());
        // Also when local storage could not be read: the crash-safe copy may be good.
        self.adopt_durable_copy(key.to_owned(), unreadable);
    }

    /// Local storage may have lost the last seconds before a crash, or be unreadable: the
    /// durable copy, when it descends from what local storage held (or that was unreadable),
    /// is the draft (merged with anything typed since opening).
    pub(super) fn adopt_durable_copy(&self, key: String, local_unreadable: bool) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let copy = match durable::read(&storage::draft_key(&key)).await {
                Ok(Some(text)) => text,
                Ok(None) => return,
                Err(()) => return store.durability.set(Durability::Unavailable),
            };
            let still_here = store.inner.try_with_value(|inner| inner.loaded_key.as_deref() == Some(key.as_str()));
            let Ok(draft) = Draft::parse(&copy) else {
                // A damaged copy, or one from a newer version: kept aside (listed for download)
                // before the next save writes over it.
                storage::back_up(&key, &copy, crate::platform::epoch_ms());
                return;
            };
            let newer = local_unreadable
                || store.inner.with_value(|inner| {
                    let local =
                        Revisions { revision: inner.stored_revision, ancestors: inner.stored_ancestors.clone() };
                    let durable = Revisions { revision: draft.revision, ancestors: draft.ancestors.clone() };
                    match durable.compare(&local) {
                        Order::Newer => true,
                        Order::Same | Order::Older => false,
                        // Two saves neither knows: merged below, nothing of either lost.
                        Order::Diverged => !inner.lineage.knows(draft.revision),
                    }
                });
            if still_here != Some(true) || !newer {
                return;
            }
            let now = store.answers.snapshot_untracked();
            let untouched = store.inner.with_value(|inner| now == inner.stored);
            if untouched {
                store.restore_from(draft);
            } else {
                store.merge_theirs(draft);
            }
            store.schedule();
        });
    }

    /// Shows `draft` as the one restored on opening.
    pub(super) fn restore_from(&self, draft: Draft) {
        let saved_at = draft.saved_at;
        self.inner.update_value(|inner| {
            inner.lineage.remember(draft.revision, &draft.answers);
            inner.stored = Answers::new();
            inner.stored_revision = draft.revision;
            inner.stored_ancestors = draft.ancestors;
            inner.stored_saved_at = saved_at;
            if draft.raw_trust_info.is_some() {
                inner.raw_trust_info = draft.raw_trust_info;
                inner.record_read_at = draft.record_read_at;
            }
        });
        self.position.set(draft.position);
        self.answers.replace_all(draft.answers);
        self.status.set(SaveStatus::Restored { saved_at });
    }
}
