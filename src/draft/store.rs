//! The draft store: its state, and the commands the rest of the app calls. It reads and writes
//! storage and shows what the session (`crate::shell`) decided; it decides nothing about which
//! copy of a draft wins. How the stored copies are read on opening (`open`), saved (`save`),
//! read when another tab writes them (`tabs`) and shown replaced whole (`replace`) is in the
//! files beside.

mod open;
mod replace;
mod save;
mod tabs;

use std::rc::Rc;

use leptos::prelude::*;
use questionnaire::draft::Draft;
use questionnaire::session::revisions::Revisions;
use questionnaire::Answers;
use serde_json::Value;

use super::{durable, lifecycle, position, storage, Questionnaire};
use save::Announce;

/// Names a save of an app's draft: the session's revisions for it (`crate::shell`), so every
/// copy written carries the lineage the session decides by.
pub type NameSave = Rc<dyn Fn(&str) -> Option<Revisions>>;

/// The app key a newcomer starts with: the stand-in knows it, so the app works with no account.
pub const DEMO_APP_KEY: &str = "com.example.privacy-tab-demo";

/// What the quiet status line says.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Idle,
    Restored {
        saved_at: f64,
    },
    Saved {
        at: f64,
    },
    UpdatedFromOtherTab {
        at: f64,
    },
    Discarded,
    /// The last whole replacement was undone.
    Undone,
    /// An import replaced the draft of `app_key`.
    Imported {
        file_name: String,
        app_key: String,
    },
}

/// Whether the last save reached the disk for sure (see `durable.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// Nothing saved yet, or the durable write is under way.
    Unknown,
    OnDisk,
    /// The browser refuses IndexedDB: local storage alone, which a crash may cut short.
    Unavailable,
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
/// Its commands are the only writers of its state; the draft's own components read it through
/// the getters below.
#[derive(Clone, Copy)]
pub struct DraftStore {
    app_key: RwSignal<String>,
    answers: Questionnaire,
    status: RwSignal<SaveStatus>,
    /// The browser refused to store the draft: the partner works on in memory.
    write_failed: RwSignal<bool>,
    durability: RwSignal<Durability>,
    kept: RwSignal<Option<KeptOriginal>>,
    /// Nothing is saved: the stored original could not be backed up and is not downloaded yet.
    saving_held: RwSignal<bool>,
    /// The question the partner was last at (saved as the draft's `position`).
    position: RwSignal<Option<String>>,
    /// How long the last save took (serialise and write), in milliseconds.
    last_save_ms: RwSignal<Option<f64>>,
    inner: StoredValue<Inner, LocalStorage>,
}

/// What the draft's own components show, read tracked (only the commands write it).
impl DraftStore {
    pub(super) fn status(&self) -> SaveStatus {
        self.status.get()
    }

    pub(super) fn write_failed(&self) -> bool {
        self.write_failed.get()
    }

    pub(super) fn durability(&self) -> Durability {
        self.durability.get()
    }

    pub(super) fn kept(&self) -> Option<KeptOriginal> {
        self.kept.get()
    }

    /// Tracks what is kept aside, without reading it.
    pub(super) fn track_kept(&self) {
        self.kept.track();
    }

    pub(super) fn saving_held(&self) -> bool {
        self.saving_held.get()
    }

    pub(super) fn last_save_ms(&self) -> Option<f64> {
        self.last_save_ms.get()
    }
}

#[derive(Default)]
struct Inner {
    loaded_key: Option<String>,
    /// What storage holds for `loaded_key`, as far as this tab knows: only a change is written.
    stored: Answers,
    /// The revision of that save (0: unnamed), and the saves it descends from: the lineage of
    /// a save made while the session has not named one.
    stored_revision: u64,
    stored_ancestors: Vec<u64>,
    /// Counts durable writes, so that only the newest one's outcome is told.
    durable_writes: u32,
    name_save: Option<NameSave>,
    /// The position or the API document changed since the last save.
    meta_changed: bool,
    raw_trust_info: Option<Value>,
    /// When `raw_trust_info` was read.
    record_read_at: Option<f64>,
    pending: Option<TimeoutHandle>,
    after_leaving: Option<Rc<dyn Fn(bool)>>,
}

impl DraftStore {
    /// Opens the draft of the app `named` (in the address), else of the app last used, else of
    /// the demo app, in `answers`, and keeps it saved.
    pub fn start(named: Option<String>, answers: Questionnaire) -> Self {
        let first = named.or_else(storage::last_app_key).unwrap_or_else(|| DEMO_APP_KEY.to_owned());
        let store = DraftStore {
            app_key: RwSignal::new(first.clone()),
            answers,
            status: RwSignal::new(SaveStatus::Idle),
            write_failed: RwSignal::new(false),
            durability: RwSignal::new(Durability::Unknown),
            kept: RwSignal::new(None),
            saving_held: RwSignal::new(false),
            position: RwSignal::new(None),
            last_save_ms: RwSignal::new(None),
            inner: StoredValue::new_local(Inner::default()),
        };
        // Its stored copies are read, and shown, by the session's shell (`crate::shell`), which
        // decides between them. Going back to `position` is the form page's to do (`crate::app`):
        // the app may open on another page, or at a question's address.
        store.inner.update_value(|inner| inner.loaded_key = Some(first));
        // Saved once typing pauses: the settled answers change then, not on every keystroke
        // (a page left before that is saved by `flush`, which reads every answer).
        crate::erased::effect(move || {
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
        lifecycle::on_leave(move |leaving| {
            if leaving {
                store.flush();
            }
            if let Some(after) = store.inner.try_with_value(|inner| inner.after_leaving.clone()).flatten() {
                after(leaving);
            }
        });
        store
    }

    /// Runs `after(true)` when the page is hidden or closed, once the draft is saved, and
    /// `after(false)` when it is shown again.
    pub fn after_leaving(&self, after: Rc<dyn Fn(bool)>) {
        self.inner.update_value(|inner| inner.after_leaving = Some(after));
    }

    /// Saves are named by `name_save` from now on.
    pub fn name_saves_with(&self, name_save: NameSave) {
        self.inner.update_value(|inner| inner.name_save = Some(name_save));
    }

    /// Runs `changed` with the text another tab wrote for the open draft (`None`: removed).
    pub fn on_other_tab_save(&self, changed: impl Fn(Option<String>) + 'static) {
        let store = *self;
        lifecycle::on_other_tab_save(
            move |key| {
                store
                    .inner
                    .with_value(|inner| inner.loaded_key.as_deref().map(storage::draft_key).as_deref() == Some(key))
            },
            changed,
        );
    }

    /// The app whose draft is open. It changes only through [`Self::open_app`].
    pub fn app_key(&self) -> Signal<String> {
        self.app_key.into()
    }

    /// Saves the open draft, then names `key` the open app (the partner named another app, or
    /// went Back or Forward to one); its copies are read next ([`Self::open_local`]).
    pub fn open_app(&self, key: String) {
        self.flush();
        self.app_key.set(key);
    }

    /// The question the partner was last at, to take them back there when the form opens.
    pub fn position(&self) -> Option<String> {
        self.position.get_untracked()
    }

    /// The draft as it stands, for an export or a submit (`put_body` keeps unknown API fields).
    pub fn draft(&self) -> Draft {
        let (key, raw_trust_info, record_read_at) = self.inner.with_value(|inner| {
            (inner.loaded_key.clone().unwrap_or_default(), inner.raw_trust_info.clone(), inner.record_read_at)
        });
        Draft {
            position: self.position.get_untracked(),
            raw_trust_info,
            record_read_at,
            ..Draft::new(key, self.answers.snapshot_untracked(), crate::platform::epoch_ms())
        }
    }

    /// The draft of `app_key` as it is now: the one open, or the one saved for it. What a
    /// submit for that app sends, whichever app the partner has opened since.
    pub fn draft_of(&self, app_key: &str) -> Option<Draft> {
        if self.inner.with_value(|inner| inner.loaded_key.as_deref() == Some(app_key)) {
            return Some(self.draft());
        }
        storage::read_draft(app_key).and_then(|text| Draft::parse(&text).ok())
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
        let read_at = trust_info.as_ref().map(|_| crate::platform::epoch_ms());
        self.inner.update_value(|inner| {
            inner.raw_trust_info = trust_info;
            inner.record_read_at = read_at;
            inner.meta_changed = true;
        });
        self.write(Announce::Quietly);
    }

    /// The record kept with the open draft of `app_key`, and when it was read (0: not known).
    pub fn record_of(&self, app_key: &str) -> Option<(Value, f64)> {
        self.inner.with_value(|inner| {
            let raw = inner.raw_trust_info.clone().filter(|_| inner.loaded_key.as_deref() == Some(app_key))?;
            Some((raw, inner.record_read_at.unwrap_or(0.0)))
        })
    }

    /// Keeps a record read for `app_key` with its draft, the open one or the one stored (the
    /// session reads it for a submit, which may be for an app no longer open). `Null`: the
    /// Marketplace holds none.
    pub fn keep_record(&self, app_key: &str, raw: Value, read_at: f64) {
        let (raw, read_at) = if raw.is_null() { (None, None) } else { (Some(raw), Some(read_at)) };
        let open = self.inner.with_value(|inner| inner.loaded_key.as_deref() == Some(app_key));
        if !open {
            let Some(mut draft) = storage::read_draft(app_key).and_then(|text| Draft::parse(&text).ok()) else {
                return;
            };
            (draft.raw_trust_info, draft.record_read_at) = (raw, read_at);
            storage::write(&storage::draft_key(app_key), &draft.to_json());
            return;
        }
        if self.inner.with_value(|inner| inner.raw_trust_info == raw && inner.record_read_at == read_at) {
            return;
        }
        self.inner.update_value(|inner| {
            (inner.raw_trust_info, inner.record_read_at) = (raw, read_at);
            inner.meta_changed = true;
        });
        self.write(Announce::Quietly);
    }
}
