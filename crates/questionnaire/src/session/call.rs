//! The submit: Send reads the record first, each attempt sends the call's own app's draft over
//! that app's record as they are then, and retries follow [`crate::retry`].

use super::effect::{Effect, Message, Stop};
use super::event::{Failure, Read};
use super::state::{Call, Phase, Record, State};
use crate::retry::retry_delay_ms;

pub(super) fn send_pressed(state: &mut State, effects: &mut Vec<Effect>) {
    // With no fresh record, Send again is another try at reading it.
    if let Some(call) = state.call.take_if(|call| call.phase != Phase::NoFreshRecord) {
        effects.push(Effect::Say(Message::Busy { app: call.app.clone() }));
        state.call = Some(call);
        return;
    }
    let app = state.open.clone();
    let replaced = state.open_draft_mut().replaced;
    state.call = Some(Call { app: app.clone(), phase: Phase::Reading { tries: 1 }, replaced });
    effects.push(Effect::Read { app: app.clone() });
    effects.push(Effect::Say(Message::ReadingRecord { app }));
}

/// A read of `app`'s record: it becomes the record its draft is written over.
pub(super) fn record_read(state: &mut State, app: &str, read: Read, now: f64, effects: &mut Vec<Effect>) {
    let raw = match read {
        Read::Found(raw) => raw,
        Read::None => serde_json::Value::Null,
        Read::Failed(failure) => return read_failed(state, app, failure, now, effects),
    };
    state.drafts.entry(app.to_owned()).or_default().record = Some(Record { raw, read_at: now });
    // Kept with the draft: after a reload it is still the record the answers are written over.
    super::drafts::save(state, app, effects);
    if matches!(phase_of(state, app), Some(Phase::Reading { .. })) {
        attempt(state, 1, effects);
    }
}

fn read_failed(state: &mut State, app: &str, failure: Failure, now: f64, effects: &mut Vec<Effect>) {
    let Some(Phase::Reading { tries }) = phase_of(state, app) else { return };
    match retry_delay_ms(failure.status, tries, failure.retry_after.as_deref(), |_| None, now) {
        Ok(after_ms) => {
            effects.push(Effect::Timer { app: app.to_owned(), after_ms });
            effects.push(Effect::Say(Message::RetryingIn { app: app.to_owned(), after_ms }));
        }
        Err(_) => {
            set_phase(state, Phase::NoFreshRecord);
            let last_read_at =
                state.drafts.get(app).and_then(|draft| draft.record.as_ref()).map(|record| record.read_at);
            effects.push(Effect::Say(Message::NoFreshRecord { app: app.to_owned(), last_read_at }));
        }
    }
}

pub(super) fn send_over_last_record(state: &mut State, effects: &mut Vec<Effect>) {
    if state.call.as_ref().is_some_and(|call| call.phase == Phase::NoFreshRecord) {
        attempt(state, 1, effects);
    }
}

pub(super) fn response(state: &mut State, app: &str, result: Result<(), Failure>, now: f64, effects: &mut Vec<Effect>) {
    let Some(Phase::Sending { attempt: made }) = phase_of(state, app) else { return };
    let call = state.call.take().expect("phase_of found it");
    let failure = match result {
        Ok(()) => return effects.push(Effect::Say(Message::Sent { app: call.app })),
        Err(failure) => failure,
    };
    if replaced_since(state, &call) {
        return effects.push(Effect::Say(Message::Stopped { app: call.app, why: Stop::DraftReplaced }));
    }
    match retry_delay_ms(failure.status, made, failure.retry_after.as_deref(), |_| None, now) {
        Ok(after_ms) => {
            effects.push(Effect::Timer { app: call.app.clone(), after_ms });
            effects.push(Effect::Say(Message::RetryingIn { app: call.app.clone(), after_ms }));
            state.call = Some(Call { phase: Phase::Waiting { attempt: made }, ..call });
        }
        Err(why) => effects.push(Effect::Say(Message::Failed { app: call.app, status: failure.status, why })),
    }
}

pub(super) fn retry_due(state: &mut State, app: &str, effects: &mut Vec<Effect>) {
    match phase_of(state, app) {
        Some(Phase::Waiting { attempt: made }) => {
            let call = state.call.as_ref().expect("phase_of found it");
            if replaced_since(state, call) {
                let app = state.call.take().expect("checked").app;
                effects.push(Effect::Say(Message::Stopped { app, why: Stop::DraftReplaced }));
            } else {
                attempt(state, made + 1, effects);
            }
        }
        Some(Phase::Reading { tries }) => {
            set_phase(state, Phase::Reading { tries: tries + 1 });
            effects.push(Effect::Read { app: app.to_owned() });
        }
        _ => {}
    }
}

/// A request already on its way is not recalled: its answer says where things stand.
pub(super) fn cancel(state: &mut State, effects: &mut Vec<Effect>) {
    if state.call.as_ref().is_some_and(|call| !matches!(call.phase, Phase::Sending { .. })) {
        let app = state.call.take().expect("checked").app;
        effects.push(Effect::Say(Message::Stopped { app, why: Stop::Cancelled }));
    }
}

/// Sends attempt `number`: the call's app's draft over that app's record, as they are now.
fn attempt(state: &mut State, number: u32, effects: &mut Vec<Effect>) {
    set_phase(state, Phase::Sending { attempt: number });
    let app = state.call.as_ref().expect("a call is under way").app.clone();
    let trust_info = state.drafts.entry(app.clone()).or_default().trust_info();
    effects.push(Effect::Put { app, trust_info });
}

fn phase_of(state: &State, app: &str) -> Option<Phase> {
    state.call.as_ref().filter(|call| call.app == app).map(|call| call.phase)
}

fn set_phase(state: &mut State, phase: Phase) {
    if let Some(call) = &mut state.call {
        call.phase = phase;
    }
}

fn replaced_since(state: &State, call: &Call) -> bool {
    state.drafts.get(&call.app).map_or(0, |draft| draft.replaced) != call.replaced
}
