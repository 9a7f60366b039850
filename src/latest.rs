//! The latest answer of an async read that is made again whenever what it reads changes: what
//! `LocalResource` gives, without its machinery (async-derived signals, transitions, suspense),
//! which cost the wasm about 5 KB brotli for the two reads that used it. An answer to a read
//! that a newer one has replaced is dropped; until the newer one answers, the last answer stays.

use std::future::Future;

use leptos::prelude::*;

/// Runs `read` now and again whenever a signal it reads (outside its future) changes; the
/// signal holds its latest answer (`None` until the first).
pub fn latest<T, Fut>(read: impl Fn() -> Fut + 'static) -> ReadSignal<Option<T>>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = T> + 'static,
{
    let (answer, set_answer) = signal(None);
    let runs = StoredValue::new(0_u64);
    crate::erased::effect(move || {
        let future = read();
        runs.update_value(|runs| *runs += 1);
        let run = runs.get_value();
        leptos::task::spawn_local(async move {
            let value = future.await;
            if runs.try_get_value() == Some(run) {
                set_answer.try_set(Some(value));
            }
        });
    });
    answer
}
