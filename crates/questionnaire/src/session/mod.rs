//! The partner's session as one pure state machine: which app is open, each app's draft with
//! its revision lineage and the Marketplace record it was read over, the call under way and the
//! app it is for, and the one whole replacement that can be undone. The app feeds it
//! [`Event`]s (from components and browser callbacks) and runs the [`Effect`]s [`step`] returns
//! (storage, IndexedDB, reads, PUTs, timers, messages); it decides none of these rules itself.
//!
//! The rules, each tested by the sequence that broke it (see `tests.rs`) and by random
//! sequences against a reference model (`model_tests.rs`):
//! - a call is for one app: every attempt sends that app's draft over that app's record as they
//!   are at that attempt; opening another app never redirects it (it keeps running for its own
//!   app, and says which); a whole replacement of its draft stops it, and says so;
//! - an answer not sent leaves the record's value as the Marketplace holds it
//!   ([`crate::wire::to_trust_info_over`]);
//! - an import brings answers only, never a record, and names the draft it replaces;
//! - every whole replacement (import, version loaded, discard, conflict settled) can be undone
//!   until the next;
//! - the newer of two copies is decided by revision lineage ([`revisions`]), never by clocks,
//!   and a damaged copy is kept aside, never preferred to a readable one;
//! - two copies neither of which descends from the other (two tabs, or local storage and the
//!   crash-safe copy after a crash) are merged against the save both were made over: what one
//!   changed is taken, and a question both changed differently is a conflict, this copy's
//!   answer kept until the partner settles it;
//! - Send waits for a fresh read of the record; if none comes, it says so and offers to send
//!   over the last record read, naming when.

mod call;
mod drafts;
mod effect;
mod event;
#[cfg(test)]
mod model_tests;
pub mod revisions;
mod state;
#[cfg(test)]
mod tests;

pub use drafts::undone;
pub use effect::{Effect, Message, Stop};
pub use event::{Event, Failure, Read, Saved, Side, Source, StoredCopy};
pub use state::{AppDraft, AppKey, Call, Phase, Record, Replaced, State, Undo};

/// Takes in one event: the new state is in `state`, what to do about it is returned, in order.
pub fn step(state: &mut State, event: Event) -> Vec<Effect> {
    let mut effects = Vec::new();
    match event {
        Event::Typed { id, answer } => drafts::typed(state, &id, answer, &mut effects),
        Event::OpenApp(app) => drafts::open_app(state, app),
        Event::Imported { source, answers } => drafts::imported(state, source, answers, &mut effects),
        Event::VersionLoaded { raw, now } => drafts::version_loaded(state, raw, now, &mut effects),
        Event::Discard => drafts::discard(state, &mut effects),
        Event::Undo => drafts::undo(state, &mut effects),
        Event::Settle { id, keep } => drafts::settle(state, &id, keep, &mut effects),
        Event::TabWrote { app, copy } => drafts::tab_wrote(state, app, copy, &mut effects),
        Event::Reopened { app, local, durable } => drafts::reopened(state, app, local, durable, &mut effects),
        Event::SendPressed => call::send_pressed(state, &mut effects),
        Event::RecordRead { app, read, now } => call::record_read(state, &app, read, now, &mut effects),
        Event::SendOverLastRecord => call::send_over_last_record(state, &mut effects),
        Event::Response { app, result, now } => call::response(state, &app, result, now, &mut effects),
        Event::RetryDue { app } => call::retry_due(state, &app, &mut effects),
        Event::Cancel => call::cancel(state, &mut effects),
    }
    effects
}
