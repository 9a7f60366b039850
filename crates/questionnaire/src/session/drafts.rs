//! The drafts' rules: typing, opening an app, whole replacements and their undo, and copies
//! written by other tabs or found on reopening.

use serde_json::Value;

use super::effect::{Effect, Message, Stop};
use super::event::{Saved, Source, StoredCopy};
use super::revisions::Order;
use super::state::{AppDraft, AppKey, Phase, Record, Replaced, State, Undo};
use crate::answers::{Answer, Answers};
use crate::draft::sync::merge;
use crate::replacement::replacement;
use crate::wire::from_trust_info;

pub(super) fn typed(state: &mut State, id: &str, answer: Option<Answer>, effects: &mut Vec<Effect>) {
    let draft = state.open_draft_mut();
    match answer {
        Some(answer) => draft.answers.set(id, answer),
        None => draft.answers.clear(id),
    }
    let app = state.open.clone();
    save(state, &app, effects);
}

/// A call under way keeps running for its own app: it never reads the open app's answers.
pub(super) fn open_app(state: &mut State, app: AppKey) {
    state.drafts.entry(app.clone()).or_default();
    state.open = app;
}

/// Only answers: the open app's record stays its own, whatever the source read.
pub(super) fn imported(state: &mut State, source: Source, answers: Answers, effects: &mut Vec<Effect>) {
    let app = state.open.clone();
    replace_whole(state, &app, answers, Replaced::Import(source), effects);
}

pub(super) fn version_loaded(state: &mut State, raw: Value, now: f64, effects: &mut Vec<Effect>) {
    let app = state.open.clone();
    let current = state.open_draft().answers;
    let replaced = replacement(&current, &from_trust_info(&raw)).answers;
    state.open_draft_mut().record = Some(Record { raw, read_at: now });
    if replaced == current {
        save(state, &app, effects);
    } else if current.iter().all(|(_, answer)| !answer.is_given()) {
        // Filling an empty draft loses nothing: there is nothing to undo (an earlier
        // replacement stays undoable), but a call waiting to send this draft stops all the same.
        let draft = state.open_draft_mut();
        draft.answers = replaced;
        draft.replaced += 1;
        stop_call_of(state, &app, effects);
        save(state, &app, effects);
    } else {
        replace_whole(state, &app, replaced, Replaced::Version, effects);
    }
}

pub(super) fn discard(state: &mut State, effects: &mut Vec<Effect>) {
    let app = state.open.clone();
    replace_whole(state, &app, Answers::new(), Replaced::Discard, effects);
}

/// Brings back the answers before the last whole replacement; what was typed since it stays.
pub(super) fn undo(state: &mut State, effects: &mut Vec<Effect>) {
    let Some(Undo { app, before, after, .. }) = state.undo.take() else { return };
    let draft = state.drafts.entry(app.clone()).or_default();
    let restored = undone(&before, &after, &draft.answers);
    draft.answers = restored;
    draft.replaced += 1;
    stop_call_of(state, &app, effects);
    save(state, &app, effects);
    effects.push(Effect::Say(Message::Undone { app }));
}

/// The answers an undo gives: `before` the replacement, except where the partner changed an
/// answer since (`now` differs from `after`): that stays.
pub fn undone(before: &Answers, after: &Answers, now: &Answers) -> Answers {
    let mut restored = Answers::new();
    for (id, _) in before.iter().chain(after.iter()).chain(now.iter()) {
        let kept = if now.get(id) == after.get(id) { before.get(id) } else { now.get(id) };
        if let Some(answer) = kept {
            restored.set(id, answer.clone());
        }
    }
    restored
}

pub(super) fn tab_wrote(state: &mut State, app: AppKey, copy: StoredCopy, effects: &mut Vec<Effect>) {
    let saved = match copy {
        StoredCopy::Readable(saved) => saved,
        StoredCopy::Damaged(text) => return keep_aside(&app, text, effects),
    };
    let mine = state.drafts.get(&app).cloned().unwrap_or_default();
    match saved.revisions.compare(&mine.revisions) {
        Order::Same | Order::Older => {}
        Order::Newer => {
            state.drafts.insert(app, taken(saved, mine));
        }
        Order::Diverged => merge_in(state, app, saved, mine, effects),
    }
}

/// Opening a draft again: the newer readable copy by lineage; damaged ones kept aside.
pub(super) fn reopened(
    state: &mut State,
    app: AppKey,
    local: Option<StoredCopy>,
    durable: Option<StoredCopy>,
    effects: &mut Vec<Effect>,
) {
    state.open = app.clone();
    let mut read = |copy: Option<StoredCopy>| match copy? {
        StoredCopy::Readable(saved) => Some(saved),
        StoredCopy::Damaged(text) => {
            keep_aside(&app, text, effects);
            None
        }
    };
    let (local, durable) = (read(local), read(durable));
    let mine = state.drafts.get(&app).cloned().unwrap_or_default();
    match (local, durable) {
        (None, None) => {
            state.drafts.insert(app, mine);
        }
        (Some(local), None) => {
            state.drafts.insert(app, taken(local, mine));
        }
        (None, Some(durable)) => {
            state.drafts.insert(app.clone(), taken(durable, mine));
            save(state, &app, effects);
        }
        (Some(local), Some(durable)) => match durable.revisions.compare(&local.revisions) {
            Order::Same | Order::Older => {
                state.drafts.insert(app, taken(local, mine));
            }
            Order::Newer => {
                state.drafts.insert(app.clone(), taken(durable, mine));
                save(state, &app, effects);
            }
            Order::Diverged => {
                let local_draft = taken(local, mine);
                state.drafts.insert(app.clone(), local_draft.clone());
                merge_in(state, app, durable, local_draft, effects);
            }
        },
    }
}

fn taken(saved: Saved, mine: AppDraft) -> AppDraft {
    AppDraft {
        answers: saved.answers,
        revisions: saved.revisions,
        record: saved.record.or(mine.record),
        replaced: mine.replaced,
    }
}

/// Two saves neither of which descends from the other: every answer of both is kept, mine
/// where they differ (the partner settles it by typing).
fn merge_in(state: &mut State, app: AppKey, theirs: Saved, mine: AppDraft, effects: &mut Vec<Effect>) {
    let merged = merge(&Answers::new(), &mine.answers, &theirs.answers).answers;
    let revision = state.new_revision();
    let draft = AppDraft {
        answers: merged,
        revisions: mine.revisions.joined(&theirs.revisions, revision),
        record: mine.record.or(theirs.record),
        replaced: mine.replaced,
    };
    state.drafts.insert(app.clone(), draft);
    push_save(state, &app, effects);
}

fn keep_aside(app: &str, text: String, effects: &mut Vec<Effect>) {
    effects.push(Effect::KeepAside { app: app.to_owned(), text });
    effects.push(Effect::Say(Message::DamagedCopyKept { app: app.to_owned() }));
}

/// Replaces an app's answers whole: undoable until the next, and the end of any call for it
/// that has not sent its PUT yet.
fn replace_whole(state: &mut State, app: &str, answers: Answers, what: Replaced, effects: &mut Vec<Effect>) {
    let draft = state.drafts.entry(app.to_owned()).or_default();
    let before = std::mem::replace(&mut draft.answers, answers.clone());
    draft.replaced += 1;
    state.undo = Some(Undo { app: app.to_owned(), what: what.clone(), before, after: answers });
    stop_call_of(state, app, effects);
    save(state, app, effects);
    effects.push(Effect::Say(Message::Replaced { app: app.to_owned(), what }));
}

/// A call for `app` that has not sent yet stops; one in flight is stopped when it answers.
fn stop_call_of(state: &mut State, app: &str, effects: &mut Vec<Effect>) {
    let waiting =
        state.call.as_ref().is_some_and(|call| call.app == app && !matches!(call.phase, Phase::Sending { .. }));
    if waiting {
        state.call = None;
        effects.push(Effect::Say(Message::Stopped { app: app.to_owned(), why: Stop::DraftReplaced }));
    }
}

/// Names a new save of the app's draft and writes it.
pub(super) fn save(state: &mut State, app: &str, effects: &mut Vec<Effect>) {
    let revision = state.new_revision();
    let draft = state.drafts.entry(app.to_owned()).or_default();
    draft.revisions = draft.revisions.next(revision);
    push_save(state, app, effects);
}

fn push_save(state: &State, app: &str, effects: &mut Vec<Effect>) {
    let draft = &state.drafts[app];
    let saved = Saved {
        answers: draft.answers.clone(),
        revisions: draft.revisions.clone(),
        record: draft.record.clone(),
        saved_at: 0.0,
    };
    effects.push(Effect::Save { app: app.to_owned(), saved });
}
