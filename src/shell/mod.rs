//! The shell around the partner's session: it holds the one [`questionnaire::session::State`],
//! feeds it [`Event`]s (`dispatch`), lets [`step`] decide, and runs the [`Effect`]s it returns:
//! reads and PUTs to the Marketplace (`calls.rs`), timers, keeping a record read with its
//! draft, keeping damaged stored text aside, and what the partner is told (`said.rs`). It
//! decides none of the session's rules: not which stored copy of a draft wins on opening
//! (`reopen.rs`), nor what of another tab's save is taken and which questions the partner must
//! settle (`tabs.rs`).
//!
//! What is typed stays in the questionnaire's signals (one per question) and is saved by the
//! draft store, debounced; the shell gives the session the open app's answers, and the record
//! kept with them, just before each event and each save (which the session names), so every
//! decision is made over the answers as they are then.

mod calls;
mod reopen;
mod said;
mod tabs;

use std::rc::Rc;

use leptos::prelude::*;
use questionnaire::draft::sync::Conflict;
use questionnaire::draft::Draft;
use questionnaire::session::revisions::Revisions;
use questionnaire::session::{step, Effect, Event, Phase, Side, State};
use questionnaire::Answers;
use serde_json::Value;

use crate::api::{ApiError, CallState, RetryingCall};
use crate::connect::Connection;
use crate::draft::{DraftStore, Questionnaire};

/// The submit as the partner sees it: set only from what [`step`] says.
#[derive(Clone, Copy)]
pub struct SubmitView {
    /// Done carries the time the Marketplace accepted the answers.
    pub call: RetryingCall<f64>,
    /// The app the submit under way (or last made) is for.
    pub sending_for: RwSignal<Option<String>>,
    /// No fresh record could be read: `Some(read_at)` of the record read last (`None` inside:
    /// none was ever read).
    pub no_fresh_record: RwSignal<Option<Option<f64>>>,
    /// The app whose submit stopped because its draft was replaced whole meanwhile.
    pub stopped: RwSignal<Option<String>>,
    /// Counts submits accepted, so "last submitted" reads its record again.
    pub accepted: RwSignal<u32>,
}

/// A whole replacement as a draft component shows it.
pub use questionnaire::session::{Replaced, Source};

#[derive(Clone, Copy)]
pub struct Shell {
    state: StoredValue<State, LocalStorage>,
    pub submit: SubmitView,
    /// The last whole replacement of the open app's draft, while it can be undone.
    undoable: RwSignal<Option<Replaced>>,
    /// The open app's questions another copy changed differently, for the partner to settle.
    conflicts: RwSignal<Vec<Conflict>>,
    /// Stored text kept aside by the last [`Effect::KeepAside`], until the partner is told.
    kept_aside: StoredValue<Option<(String, crate::draft::KeptOriginal)>, LocalStorage>,
    /// The last failure of a read or PUT, as received: what the status line explains.
    last_error: StoredValue<Option<ApiError>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    drafts: DraftStore,
    questionnaire: Questionnaire,
    connection: Connection,
}

impl Shell {
    pub fn provide(drafts: DraftStore, questionnaire: Questionnaire, connection: Connection) -> Shell {
        // Names this tab's saves apart from every other tab's (no browser: the build's render).
        let seed =
            if crate::platform::IN_BROWSER { (js_sys::Math::random() * 4_503_599_627_370_496.0) as u64 } else { 0 };
        let shell = Shell {
            state: StoredValue::new_local(State::new(drafts.app_key().get_untracked(), seed)),
            submit: SubmitView {
                call: RetryingCall::new(),
                sending_for: RwSignal::new(None),
                no_fresh_record: RwSignal::new(None),
                stopped: RwSignal::new(None),
                accepted: RwSignal::new(0),
            },
            undoable: RwSignal::new(None),
            conflicts: RwSignal::new(Vec::new()),
            kept_aside: StoredValue::new_local(None),
            last_error: StoredValue::new_local(None),
            timer: StoredValue::new_local(None),
            drafts,
            questionnaire,
            connection,
        };
        provide_context(shell);
        drafts.name_saves_with(Rc::new(move |app: &str| shell.name_save(app)));
        drafts.on_other_tab_save(move |text| shell.tab_wrote(text));
        shell.reopen(drafts.app_key().get_untracked());
        shell
    }

    pub fn expect() -> Shell {
        expect_context()
    }

    /// Feeds one event to the session, then runs what it decided.
    pub fn dispatch(&self, event: Event) {
        self.dispatch_fed(event, true);
    }

    /// `fed`: the open app's answers are given to the session first (not when the form still
    /// shows another app's).
    fn dispatch_fed(&self, event: Event, fed: bool) {
        let Some((effects, before)) = self.state.try_update_value(|state| {
            if fed {
                self.feed_open_draft(state);
            }
            let before = state.call.as_ref().map(|call| call.phase);
            (step(state, event), before)
        }) else {
            return;
        };
        let after = self.state.with_value(|state| state.call.as_ref().map(|call| call.phase));
        // A timer outlives nothing it was started for: a call ended, sending or offering.
        if !matches!(after, Some(Phase::Waiting { .. } | Phase::Reading { .. })) {
            self.clear_timer();
        }
        for effect in effects {
            self.run(effect, before, after);
        }
        self.show_state();
    }

    /// What the status line and the conflict notice show of the open app.
    fn show_state(&self) {
        let open = self.drafts.app_key().get_untracked();
        let (undoable, conflicts) = self.state.with_value(|state| {
            let undoable = state.undo.as_ref().filter(|undo| undo.app == open).map(|undo| undo.what.clone());
            (undoable, state.draft(&open).map(|draft| draft.conflicts.clone()).unwrap_or_default())
        });
        if self.undoable.with_untracked(|now| *now != undoable) {
            self.undoable.set(undoable);
        }
        if self.conflicts.with_untracked(|now| *now != conflicts) {
            self.conflicts.set(conflicts);
        }
    }

    /// The open app's questions changed differently in another copy (tracked).
    pub fn conflicts(&self) -> Vec<Conflict> {
        self.conflicts.get()
    }

    pub fn has_conflicts(&self) -> bool {
        self.conflicts.with(|list| !list.is_empty())
    }

    /// The partner keeps one answer of a conflict: undoable, like every whole replacement.
    pub fn settle(&self, id: String, keep: Side) {
        self.dispatch(Event::Settle { id, keep });
    }

    /// Names a save of `app`'s draft: the session's revisions, once told what was typed.
    fn name_save(&self, app: &str) -> Option<Revisions> {
        let open = self.drafts.app_key().with_untracked(|open| open == app);
        self.state
            .try_update_value(|state| {
                if open && state.open == app {
                    self.feed_open_draft(state);
                }
                state.draft(app).map(|draft| draft.revisions.clone()).filter(|revisions| revisions.revision != 0)
            })
            .flatten()
    }

    /// What "Undo" would undo for the open app, if anything (tracked).
    pub fn undoable(&self) -> Option<Replaced> {
        self.undoable.get()
    }

    /// Imported answers replace the open app's (its record stays its own); `file_name` is what
    /// the status line calls the import.
    pub fn import(&self, draft: Draft, source: Source, file_name: String) {
        self.dispatch(Event::Imported { source, answers: draft.answers.clone() });
        self.drafts.apply_import(draft, file_name);
    }

    /// The Marketplace's version (live or draft) of the open app, taken by the partner.
    pub fn load_version(&self, raw: Value) {
        self.dispatch(Event::VersionLoaded { raw, now: crate::platform::epoch_ms() });
    }

    pub fn discard(&self) {
        self.dispatch(Event::Discard);
        self.drafts.discard();
    }

    pub fn undo(&self) {
        self.dispatch(Event::Undo);
    }

    /// Opens another app's draft: the session first, so a call under way stays with its app;
    /// the draft open until now saved first, named by the session.
    pub fn open_app(&self, key: String) {
        if self.drafts.app_key().with_untracked(|open| *open == key) {
            return;
        }
        self.drafts.flush();
        self.dispatch(Event::OpenApp(key.clone()));
        self.drafts.open_app(key.clone());
        self.reopen(key);
    }

    /// The app whose draft is open.
    pub fn app_key(&self) -> Signal<String> {
        self.drafts.app_key()
    }

    fn run(&self, effect: Effect, before: Option<Phase>, after: Option<Phase>) {
        match effect {
            Effect::Read { app } => {
                if let Some(Phase::Reading { tries }) = after {
                    self.submit.call.show(CallState::InFlight { attempt: tries });
                }
                self.read(app);
            }
            Effect::Put { app, trust_info } => {
                let attempt = match after {
                    Some(Phase::Sending { attempt }) => attempt,
                    _ => 1,
                };
                self.submit.no_fresh_record.set(None);
                self.submit.call.show(CallState::InFlight { attempt });
                self.put(app, trust_info);
            }
            Effect::Timer { app, after_ms } => self.start_timer(app, after_ms),
            // What is typed the draft store saves itself, debounced; answers the session
            // replaced whole it shows and saves at once; the record read is kept with them, so
            // a reload still writes over it.
            Effect::Save { app, saved } => {
                let open = self.drafts.app_key().with_untracked(|open| *open == app);
                if open && self.questionnaire.snapshot_untracked() != saved.answers {
                    self.drafts.replace_answers(saved.answers);
                }
                if let Some(record) = saved.record {
                    self.drafts.keep_record(&app, record.raw, record.read_at);
                }
            }
            Effect::KeepAside { app, text } => {
                let kept = self.drafts.keep_aside(&app, text);
                self.kept_aside.set_value(Some((app, kept)));
            }
            Effect::Say(message) => self.say(message, before, after),
        }
    }

    /// The open app's answers and record as the questionnaire and the draft store hold them,
    /// given to the session as the events they are: what was typed, a record read before.
    fn feed_open_draft(&self, state: &mut State) {
        let open = self.drafts.app_key().get_untracked();
        if state.open != open {
            step(state, Event::OpenApp(open.clone()));
        }
        let now = self.questionnaire.snapshot_untracked();
        for (id, answer) in changes(&state.open_draft().answers, &now) {
            step(state, Event::Typed { id, answer });
        }
        // Never while Send waits for a fresh read: a record kept from before is not one.
        let reading =
            state.call.as_ref().is_some_and(|call| call.app == open && matches!(call.phase, Phase::Reading { .. }));
        let known = state.draft(&open).and_then(|draft| draft.record.as_ref()).map(|record| record.read_at);
        if let (Some((raw, read_at)), false) = (self.drafts.record_of(&open), reading) {
            if known.is_none_or(|known| known < read_at) {
                step(
                    state,
                    Event::RecordRead { app: open, read: questionnaire::session::Read::Found(raw), now: read_at },
                );
            }
        }
    }

    fn start_timer(&self, app: String, after_ms: u64) {
        self.clear_timer();
        let shell = *self;
        let handle = set_timeout_with_handle(
            move || {
                shell.timer.set_value(None);
                shell.dispatch(Event::RetryDue { app: app.clone() });
            },
            std::time::Duration::from_millis(after_ms),
        );
        self.timer.set_value(handle.ok());
    }

    fn clear_timer(&self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}

/// The answers `now` holds differently from `known`, as typing would have set them.
fn changes(known: &Answers, now: &Answers) -> Vec<(String, Option<questionnaire::Answer>)> {
    let mut changed = Vec::new();
    for (id, answer) in now.iter() {
        if known.get(id) != Some(answer) {
            changed.push((id.to_owned(), Some(answer.clone())));
        }
    }
    for (id, _) in known.iter() {
        if now.get(id).is_none() {
            changed.push((id.to_owned(), None));
        }
    }
    changed
}
