use leptos::prelude::*;
use questionnaire::draft::sync::{self, merge, Conflict, Incoming, Lineage};
use questionnaire::draft::{restore, Draft, Restored};
use questionnaire::Answers;
use serde_json::Value;

use super::{durable, lifecycle, position, storage};
use crate::state::Questionnaire;

/// Counted from when the answers settle (typing paused, see `Questionnaire::settled`): about
/// 400 ms after the last keystroke in all. Long enough to stay off the typing path, short enough
/// that a crash loses at most a moment.
const SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(250);

/// What the quiet status line says.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Idle,
    Restored { saved_at: f64 },
    Saved { at: f64 },
    UpdatedFromOtherTab { at: f64 },
    Discarded,
    DiscardUndone,
    Imported { file_name: String },
}

/// Whether the last save reached the disk for sure (see `durable.js`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// Nothing saved yet, or the durable write is under way.
    Unknown,
    OnDisk,
    /// The browser refuses IndexedDB: local storage alone, which a crash may cut short.
    Unavailable,
}

/// What the status line says once a save is on disk.
enum Announce {
    /// Nothing: the save is not the partner's doing (the Marketplace's record kept with it).
    Quietly,
    Saved,
    /// This instead of "Saved" (an import, an undone discard).
    As(SaveStatus),
}

/// Stored text this version could not write back unchanged: kept aside, never thrown away.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptOriginal {
    pub text: String,
    /// Why nothing could be read from it; `None` when it was read, but converted.
    pub unreadable: Option<String>,
    /// Where a copy is kept in this browser. `None`: there was no room, so the draft is not
    /// saved over the original until the partner has downloaded it.
    pub backup_key: Option<String>,
}

/// The draft of the current app key: loaded on start and on a change of app key, saved
/// shortly after every change, shared with other tabs, discarded, imported and replaced.
#[derive(Clone, Copy)]
pub struct DraftStore {
    pub app_key: RwSignal<String>,
    answers: Questionnaire,
    pub status: RwSignal<SaveStatus>,
    /// The browser refused to store the draft: the partner works on in memory.
    pub write_failed: RwSignal<bool>,
    pub durability: RwSignal<Durability>,
    pub kept: RwSignal<Option<KeptOriginal>>,
    /// Nothing is saved: the stored original could not be backed up and is not downloaded yet.
    pub saving_held: RwSignal<bool>,
    /// Questions another tab changed while this one had unsaved changes to them.
    pub conflicts: RwSignal<Vec<Conflict>>,
    /// The last discarded draft, until the page closes: what "Undo" brings back.
    pub discarded: RwSignal<Option<Draft>>,
    /// The question the partner was last at (saved as the draft's `position`).
    pub position: RwSignal<Option<String>>,
    /// How long the last save took (serialise and write), in milliseconds.
    pub last_save_ms: RwSignal<Option<f64>>,
    inner: StoredValue<Inner, LocalStorage>,
}

#[derive(Default)]
struct Inner {
    loaded_key: Option<String>,
    /// What storage holds for `loaded_key`, as far as this tab knows: the base of merges.
    stored: Answers,
    /// The revision of that save (0: unnamed), the parent of this tab's next save.
    stored_revision: u64,
    /// When that save was made (0: there was none).
    stored_saved_at: f64,
    /// Counts durable writes, so that only the newest one's outcome is told.
    durable_writes: u32,
    /// Every save of this draft this tab has seen, to merge another tab's save against the
    /// save it was made over.
    lineage: Lineage,
    /// The position or the API document changed since the last save.
    meta_changed: bool,
    raw_trust_info: Option<Value>,
    pending: Option<TimeoutHandle>,
}

impl DraftStore {
    /// Loads the draft of `app_key` into `answers` and keeps it saved. Provided as context.
    pub fn start(app_key: RwSignal<String>, answers: Questionnaire) -> Self {
        let store = DraftStore {
            app_key,
            answers,
            status: RwSignal::new(SaveStatus::Idle),
            write_failed: RwSignal::new(false),
            durability: RwSignal::new(Durability::Unknown),
            kept: RwSignal::new(None),
            saving_held: RwSignal::new(false),
            conflicts: RwSignal::new(Vec::new()),
            discarded: RwSignal::new(None),
            position: RwSignal::new(None),
            last_save_ms: RwSignal::new(None),
            inner: StoredValue::new_local(Inner::default()),
        };
        provide_context(store);
        // Going back to `position` is the form page's to do (`crate::app`): the app may open on
        // another page, or at a question's address.
        store.load(&app_key.get_untracked());

        Effect::new(move |_| {
            let key = app_key.get();
            if store.inner.with_value(|inner| inner.loaded_key.as_deref() != Some(key.as_str())) {
                store.flush();
                store.load(&key);
            }
        });
        // Saved once typing pauses: the settled answers change then, not on every keystroke
        // (a page left before that is saved by `flush`, which reads every answer).
        Effect::new(move |_| {
            answers.settled().track();
            store.position.track();
            store.schedule();
        });
        position::follow_focus(move |id| {
            if store.position.get_untracked().as_deref() != Some(id.as_str()) {
                store.inner.update_value(|inner| inner.meta_changed = true);
                store.position.set(Some(id));
            }
        });
        lifecycle::on_leave(move || store.flush());
        lifecycle::on_other_tab_save(
            move |key| {
                store
                    .inner
                    .with_value(|inner| inner.loaded_key.as_deref().map(storage::draft_key).as_deref() == Some(key))
            },
            move |text| store.take_theirs(text),
        );
        store
    }

    pub fn expect() -> Self {
        expect_context()
    }

    /// The draft as it stands, for an export or a submit (`put_body` keeps unknown API fields).
    pub fn draft(&self) -> Draft {
        let (key, raw_trust_info) =
            self.inner.with_value(|inner| (inner.loaded_key.clone().unwrap_or_default(), inner.raw_trust_info.clone()));
        Draft {
            position: self.position.get_untracked(),
            raw_trust_info,
            ..Draft::new(key, self.answers.snapshot_untracked(), crate::platform::epoch_ms())
        }
    }

    /// The document last read from the API for `app_key`, kept with its draft (`None` when
    /// another app's draft is open, or nothing was read).
    pub fn api_document_of(&self, app_key: &str) -> Option<Value> {
        self.inner.with_value(|inner| {
            inner.raw_trust_info.clone().filter(|_| inner.loaded_key.as_deref().unwrap_or_default() == app_key)
        })
    }

    /// Keeps the document last read from the API, so a submit sends its unknown fields back.
    /// Saved quietly: the status line speaks of the partner's answers, not of this.
    pub fn set_api_document(&self, trust_info: Option<Value>) {
        if self.inner.with_value(|inner| inner.raw_trust_info == trust_info) {
            return;
        }
        self.inner.update_value(|inner| {
            inner.raw_trust_info = trust_info;
            inner.meta_changed = true;
        });
        self.write(Announce::Quietly);
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

    fn load(&self, key: &str) {
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
        let Draft { answers, position, raw_trust_info, revision, saved_at, .. } =
            draft.unwrap_or_else(|| Draft::new(key, Answers::new(), 0.0));
        let mut lineage = Lineage::default();
        lineage.remember(revision, &answers);
        self.inner.update_value(|inner| {
            *inner = Inner {
                loaded_key: Some(key.to_owned()),
                stored: answers.clone(),
                stored_revision: revision,
                stored_saved_at: saved_at,
                durable_writes: inner.durable_writes,
                lineage,
                meta_changed: false,
                raw_trust_info,
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
        self.discarded.set(None);
        if !unreadable {
            self.adopt_durable_copy(key.to_owned());
        }
    }

    /// Local storage may have lost the last seconds before a crash: the durable copy, when it
    /// is newer, is the draft (merged with anything typed since opening).
    fn adopt_durable_copy(&self, key: String) {
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
            let newer = store.inner.with_value(|inner| {
                draft.saved_at > inner.stored_saved_at && !(draft.revision != 0 && inner.lineage.knows(draft.revision))
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
    fn restore_from(&self, draft: Draft) {
        let saved_at = draft.saved_at;
        self.inner.update_value(|inner| {
            inner.lineage.remember(draft.revision, &draft.answers);
            inner.stored = Answers::new();
            inner.stored_revision = draft.revision;
            inner.stored_saved_at = saved_at;
            if draft.raw_trust_info.is_some() {
                inner.raw_trust_info = draft.raw_trust_info;
            }
        });
        self.position.set(draft.position);
        self.answers.replace_all(draft.answers);
        self.status.set(SaveStatus::Restored { saved_at });
    }

    fn schedule(&self) {
        self.cancel_pending();
        let store = *self;
        let handle = set_timeout_with_handle(move || store.save_now(), SAVE_DELAY).ok();
        self.inner.update_value(|inner| inner.pending = handle);
    }

    fn cancel_pending(&self) {
        if let Some(handle) = self.inner.try_update_value(|inner| inner.pending.take()).flatten() {
            handle.clear();
        }
    }

    /// Saves now whatever is not saved yet (the page is closing or hidden). Not only what
    /// waits for its delay: a change made just before may not have scheduled its save yet.
    pub fn flush(&self) {
        self.save_now();
    }

    /// Writes the draft if it differs from what storage holds, and says so.
    fn save_now(&self) {
        self.write(Announce::Saved);
    }

    fn write(&self, announce: Announce) {
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
        self.take_in_unseen_save(&key);
        let mut draft = self.draft();
        draft.parent = self.inner.with_value(|inner| inner.stored_revision);
        draft.revision = new_revision();
        let text = draft.to_json();
        let written = storage::write(&storage::draft_key(&key), &text);
        self.last_save_ms.set(Some(now_ms() - started));
        if written {
            self.inner.update_value(|inner| {
                inner.lineage.remember(draft.revision, &draft.answers);
                inner.stored_revision = draft.revision;
                inner.stored_saved_at = draft.saved_at;
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

    /// Writes the durable copy; "Saved" is said once it is on disk (or, where the browser
    /// refuses IndexedDB, once local storage has it, and the status says it is not crash-safe).
    fn write_durable_copy(&self, key: String, text: String, said_once_on_disk: Option<SaveStatus>) {
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

    /// Storage may hold a save of another tab whose announcement has not reached this one yet:
    /// merge it first, so this save is made over it rather than in ignorance of it.
    fn take_in_unseen_save(&self, key: &str) {
        let Some(stored) = storage::read_draft(key).and_then(|text| Draft::parse(&text).ok()) else { return };
        if stored.revision != 0 && self.inner.with_value(|inner| !inner.lineage.knows(stored.revision)) {
            self.merge_theirs(stored);
        }
    }

    /// Another tab saved this draft (`None`: discarded it). Merges: see [`sync::merge`].
    fn take_theirs(&self, text: Option<String>) {
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
    fn merge_theirs(&self, theirs: Draft) {
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

/// A name for a save that no other tab will pick: 52 random bits, never 0 ("unnamed").
fn new_revision() -> u64 {
    (js_sys::Math::random() * 4_503_599_627_370_496.0) as u64 + 1
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|window| window.performance()).map_or_else(crate::platform::epoch_ms, |p| p.now())
}
