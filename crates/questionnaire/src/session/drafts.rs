//! The drafts' rules: typing, opening an app, whole replacements and their undo, and copies
//! written by other tabs or found on reopening.

use serde_json::Value;

use super::effect::{Effect, Message, Stop};
use super::event::{Saved, Side, Source, StoredCopy};
use super::revisions::Order;
use super::state::{AppKey, Phase, Record, Replaced, State, Undo};
use crate::answers::{Answer, Answers};
use crate::draft::sync::{apply, merge_over};
use crate::replacement::replacement;
use crate::unsorted::sort_short_by;
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
    let Some(Undo { app, before, after, settled, .. }) = state.undo.take() else { return };
    let draft = state.drafts.entry(app.clone()).or_default();
    let restored = undone(&before, &after, &draft.answers);
    // Settled again by the partner's typing since: nothing to choose any more.
    if let Some(conflict) = settled.filter(|conflict| draft.answers.get(&conflict.id) == after.get(&conflict.id)) {
        draft.conflicts.push(conflict);
        sort_short_by(&mut draft.conflicts, |a, b| a.id.cmp(&b.id));
    }
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
    if let Some(saved) = readable(&app, copy, effects) {
        receive(state, &app, saved, effects);
    }
}

/// Opening a draft again, or the second of its copies read: each readable copy is taken in as
/// another tab's would be, so the newest wins by lineage and what was typed since opening stays;
/// damaged ones are kept aside. What the crash-safe copy brings is written to local storage.
pub(super) fn reopened(
    state: &mut State,
    app: AppKey,
    local: Option<StoredCopy>,
    durable: Option<StoredCopy>,
    effects: &mut Vec<Effect>,
) {
    state.open = app.clone();
    state.drafts.entry(app.clone()).or_default();
    let local = local.and_then(|copy| readable(&app, copy, effects));
    let durable = durable.and_then(|copy| readable(&app, copy, effects));
    if let Some(local) = local {
        receive(state, &app, local, effects);
    }
    if let Some(durable) = durable {
        if receive(state, &app, durable, effects) == Order::Newer {
            save(state, &app, effects);
        }
    }
}

fn readable(app: &str, copy: StoredCopy, effects: &mut Vec<Effect>) -> Option<Saved> {
    match copy {
        StoredCopy::Readable(saved) => Some(saved),
        StoredCopy::Damaged(text) => {
            keep_aside(app, text, effects);
            None
        }
    }
}

/// Takes in another copy of `app`'s draft: whole when it descends from this one (or this one
/// was never saved), merged when neither descends from the other, not at all when it is older.
/// Says how it stood to this one.
fn receive(state: &mut State, app: &str, theirs: Saved, effects: &mut Vec<Effect>) -> Order {
    let mine = state.drafts.entry(app.to_owned()).or_default();
    let order = if mine.revisions.revision == 0 { Order::Newer } else { theirs.revisions.compare(&mine.revisions) };
    match order {
        Order::Same | Order::Older => {}
        Order::Newer => {
            mine.remember(&theirs.revisions, &theirs.answers);
            // Made over this copy: it holds what this one had, conflicts settled or not.
            mine.conflicts.clear();
            mine.answers = theirs.answers;
            mine.revisions = theirs.revisions;
            if theirs.record.is_some() {
                mine.record = theirs.record;
            }
        }
        Order::Diverged => merge_in(state, app, theirs, effects),
    }
    order
}

/// Two saves neither of which descends from the other, merged against the saves both descend
/// from: what only one changed is taken, and a question both changed differently is a
/// conflict, this copy's answer kept until the partner settles it.
fn merge_in(state: &mut State, app: &str, theirs: Saved, effects: &mut Vec<Effect>) {
    let revision = state.new_revision();
    let draft = state.drafts.entry(app.to_owned()).or_default();
    let bases = draft.common_bases(&theirs.revisions);
    let merged = merge_over(&bases, &draft.answers, &theirs.answers);
    draft.remember(&theirs.revisions, &theirs.answers);
    draft.conflicts.retain(|old| !merged.conflicts.iter().any(|new| new.id == old.id));
    draft.conflicts.extend(merged.conflicts);
    // A question both now answer alike needs no settling.
    draft.conflicts.retain(|conflict| merged.answers.get(&conflict.id) != theirs.answers.get(&conflict.id));
    sort_short_by(&mut draft.conflicts, |a, b| a.id.cmp(&b.id));
    draft.answers = merged.answers;
    draft.revisions = draft.revisions.joined(&theirs.revisions, revision);
    if draft.record.is_none() {
        draft.record = theirs.record;
    }
    draft.remember(&draft.revisions.clone(), &draft.answers.clone());
    push_save(state, app, effects);
}

/// The partner chose an answer of a conflict: a whole replacement, undoable like the others
/// (its undo lists the conflict again).
pub(super) fn settle(state: &mut State, id: &str, keep: Side, effects: &mut Vec<Effect>) {
    let app = state.open.clone();
    let draft = state.open_draft_mut();
    let Some(at) = draft.conflicts.iter().position(|conflict| conflict.id == id) else { return };
    let conflict = draft.conflicts.remove(at);
    let mut answers = draft.answers.clone();
    if keep == Side::Theirs {
        apply(&mut answers, id, conflict.theirs.as_ref());
    }
    replace_whole(state, &app, answers, Replaced::Settled(id.to_owned()), effects);
    if let Some(undo) = &mut state.undo {
        undo.settled = Some(conflict);
    }
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
    if !matches!(what, Replaced::Settled(_)) {
        // The answers of both copies are gone from the draft: there is nothing left to choose.
        draft.conflicts.clear();
    }
    state.undo = Some(Undo { app: app.to_owned(), what: what.clone(), before, after: answers, settled: None });
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
    draft.remember(&draft.revisions.clone(), &draft.answers.clone());
    push_save(state, app, effects);
}

fn push_save(state: &State, app: &str, effects: &mut Vec<Effect>) {
    let draft = state.drafts.get(app).expect("a save follows the entry made for its app");
    let saved = Saved {
        answers: draft.answers.clone(),
        revisions: draft.revisions.clone(),
        record: draft.record.clone(),
        saved_at: 0.0,
    };
    effects.push(Effect::Save { app: app.to_owned(), saved });
}
