//! What the session tells the partner, shown: the submit's status line, and stored text kept
//! aside.

use leptos::prelude::*;
use questionnaire::retry::{retry_delay_ms, GiveUp};
use questionnaire::session::{Message, Phase, Stop};

use super::Shell;
use crate::api::{mark_submitted, ApiError, CallState};

impl Shell {
    pub(super) fn say(&self, message: Message, before: Option<Phase>, after: Option<Phase>) {
        let view = self.submit;
        let error = || self.last_error.get_value().unwrap_or(ApiError::Network);
        match message {
            Message::ReadingRecord { app } => {
                view.sending_for.set(Some(app));
                view.stopped.set(None);
                view.no_fresh_record.set(None);
                view.call.show(CallState::InFlight { attempt: 1 });
            }
            Message::RetryingIn { after_ms, .. } => {
                let attempt = match after {
                    Some(Phase::Waiting { attempt } | Phase::Reading { tries: attempt }) => attempt,
                    _ => 1,
                };
                let retry_at = crate::platform::epoch_ms() + after_ms as f64;
                view.call.show(CallState::Waiting { attempt, retry_at, error: error() });
            }
            Message::NoFreshRecord { last_read_at, .. } => {
                let tries = match before {
                    Some(Phase::Reading { tries }) => tries,
                    _ => 1,
                };
                view.no_fresh_record.set(Some(last_read_at));
                view.call.show(CallState::Failed {
                    error: error(),
                    attempts: tries,
                    why: why_not_again(&error(), tries),
                });
            }
            Message::Sent { app } => {
                let at = crate::platform::epoch_ms();
                mark_submitted(&app, at);
                view.accepted.update(|n| *n += 1);
                view.call.show(CallState::Done(at));
            }
            Message::Failed { why, .. } => {
                let attempts = match before {
                    Some(Phase::Sending { attempt }) => attempt,
                    _ => 1,
                };
                view.call.show(CallState::Failed { error: error(), attempts, why });
            }
            Message::Stopped { app, why } => {
                if why == Stop::DraftReplaced {
                    view.stopped.set(Some(app));
                }
                view.call.show(CallState::Cancelled);
            }
            Message::Undone { .. } => self.drafts.say_undone(),
            Message::DamagedCopyKept { app } => {
                let kept = self.kept_aside.try_update_value(Option::take).flatten();
                let open = self.drafts.app_key().with_untracked(|open| *open == app);
                if let (Some((kept_for, kept)), true) = (kept, open) {
                    if kept_for == app {
                        self.drafts.show_kept(kept);
                    }
                }
            }
            // Said by the draft's own status line (`Shell::undoable` and the store's), and by
            // the submit button being disabled.
            Message::Replaced { .. } | Message::Busy { .. } => {}
        }
    }
}

/// Why the session gave up reading, in the words the status line uses (`retry`'s own answer).
fn why_not_again(error: &ApiError, tries: u32) -> GiveUp {
    match error {
        ApiError::Status { code, retry_after, .. } => {
            retry_delay_ms(*code, tries, retry_after.as_deref(), |_| None, 0.0).err().unwrap_or(GiveUp::TriedEnough)
        }
        _ => GiveUp::NotRetryable,
    }
}
