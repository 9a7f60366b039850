//! One API call that retries itself after 429/5xx with a visible countdown, can be cancelled
//! while it waits, and cannot be started twice at once.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use super::error::ApiError;
use super::retry::next_retry;
use questionnaire::retry::GiveUp;

pub type Operation<T> = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<T, ApiError>>>>>;

#[derive(Clone, Debug, PartialEq)]
pub enum CallState<T> {
    Idle,
    InFlight {
        attempt: u32,
    },
    /// Attempt `attempt` failed with `error`; the next one starts at `retry_at` (epoch ms).
    Waiting {
        attempt: u32,
        retry_at: f64,
        error: ApiError,
    },
    Done(T),
    /// The last of `attempts` attempts failed with `error`, and no retry follows, for `why`.
    Failed {
        error: ApiError,
        attempts: u32,
        why: GiveUp,
    },
    /// The partner stopped the retries.
    Cancelled,
}

pub struct RetryingCall<T: Send + Sync + 'static> {
    pub state: RwSignal<CallState<T>>,
    /// The clock the countdown reads, ticking only while waiting.
    now: RwSignal<f64>,
    /// Bumped by every start and cancel: a result or timer of an older run is ignored.
    run: StoredValue<u32>,
    /// The next retry's timer and the countdown's ticker.
    timers: StoredValue<(Option<TimeoutHandle>, Option<IntervalHandle>)>,
}

// By hand: a derive would demand `T: Copy`, but the fields are handles, copyable whatever `T`.
impl<T: Send + Sync + 'static> Clone for RetryingCall<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for RetryingCall<T> {}

const TICK: Duration = Duration::from_millis(250);

impl<T: Clone + Send + Sync + 'static> RetryingCall<T> {
    pub fn new() -> Self {
        RetryingCall {
            state: RwSignal::new(CallState::Idle),
            now: RwSignal::new(crate::platform::epoch_ms()),
            run: StoredValue::new(0),
            timers: StoredValue::new((None, None)),
        }
    }

    /// In flight or waiting to retry.
    pub fn is_busy(&self) -> bool {
        self.state.with_untracked(|state| matches!(state, CallState::InFlight { .. } | CallState::Waiting { .. }))
    }

    /// Tracked version of [`Self::is_busy`], for views.
    pub fn busy(&self) -> bool {
        self.state.with(|state| matches!(state, CallState::InFlight { .. } | CallState::Waiting { .. }))
    }

    /// Starts the call unless one is under way (a double click sends once). `on_done` runs
    /// once, with the result, when an attempt succeeds.
    pub fn start(&self, operation: Operation<T>, on_done: Rc<dyn Fn(T)>) -> bool {
        if self.is_busy() {
            return false;
        }
        self.run.update_value(|run| *run += 1);
        self.attempt(operation, on_done, 1, self.run.get_value());
        true
    }

    fn attempt(self, operation: Operation<T>, on_done: Rc<dyn Fn(T)>, attempt: u32, run: u32) {
        self.state.set(CallState::InFlight { attempt });
        let pending = operation();
        leptos::task::spawn_local(async move {
            let result = pending.await;
            if self.run.try_get_value() != Some(run) {
                return;
            }
            match result {
                Ok(value) => {
                    self.state.set(CallState::Done(value.clone()));
                    on_done(value);
                }
                Err(error) => match next_retry(&error, attempt, crate::platform::epoch_ms()) {
                    Ok(delay) => self.wait_then_retry(operation, on_done, attempt, run, error, delay),
                    Err(why) => self.state.set(CallState::Failed { error, attempts: attempt, why }),
                },
            }
        });
    }

    fn wait_then_retry(
        self,
        operation: Operation<T>,
        on_done: Rc<dyn Fn(T)>,
        attempt: u32,
        run: u32,
        error: ApiError,
        delay: u64,
    ) {
        let now = crate::platform::epoch_ms();
        self.now.set(now);
        self.state.set(CallState::Waiting { attempt, retry_at: now + delay as f64, error });
        let retry = move || {
            self.stop_timers();
            if self.run.try_get_value() == Some(run) {
                self.attempt(operation, on_done, attempt + 1, run);
            }
        };
        let timeout = set_timeout_with_handle(retry, Duration::from_millis(delay)).ok();
        self.timers.set_value((timeout, self.tick()));
    }

    /// Keeps the countdown's clock going while waiting.
    fn tick(self) -> Option<IntervalHandle> {
        set_interval_with_handle(move || self.now.set(crate::platform::epoch_ms()), TICK).ok()
    }

    fn stop_timers(&self) {
        if let Some((timeout, ticker)) = self.timers.try_update_value(std::mem::take) {
            timeout.inspect(|timeout| timeout.clear());
            ticker.inspect(|ticker| ticker.clear());
        }
    }

    /// Shows where a call that is run elsewhere stands (the session's submit, `crate::shell`):
    /// nothing is attempted from here, only the countdown ticks.
    pub fn show(&self, state: CallState<T>) {
        self.run.update_value(|run| *run += 1);
        self.stop_timers();
        if matches!(state, CallState::Waiting { .. }) {
            self.now.set(crate::platform::epoch_ms());
            self.timers.set_value((None, self.tick()));
        }
        self.state.set(state);
    }

    /// Stops waiting for the next retry. A request already in flight is not cancelled (its
    /// answer is what tells the partner where things stand).
    pub fn cancel(&self) {
        if matches!(self.state.get_untracked(), CallState::Waiting { .. }) {
            self.run.update_value(|run| *run += 1);
            self.stop_timers();
            self.state.set(CallState::Cancelled);
        }
    }

    /// Whole seconds until the next retry, while waiting.
    pub fn seconds_left(&self) -> Option<u32> {
        match self.state.get() {
            CallState::Waiting { retry_at, .. } => Some(((retry_at - self.now.get()) / 1000.0).ceil().max(0.0) as u32),
            _ => None,
        }
    }

    pub fn reset(&self) {
        if !self.is_busy() {
            self.state.set(CallState::Idle);
        }
    }
}

impl<T: Clone + Send + Sync + 'static> Default for RetryingCall<T> {
    fn default() -> Self {
        Self::new()
    }
}
