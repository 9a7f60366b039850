//! Memos and effects with their closure boxed. Leptos's `Memo::new` and `Effect::new` are
//! generic over the closure, so each call site gets its own copy of their machinery (about
//! 600 bytes of wasm each); behind a `Box<dyn Fn>` there is one copy per value type. The same
//! idea as Leptos's `erase_components`, for the reactive graph.

use leptos::prelude::*;

/// What a memo computes its value with, given its last one.
type Compute<T> = Box<dyn Fn(Option<&T>) -> T + Send + Sync>;

/// `Memo::new(compute)`, one instantiation per `T`.
pub fn memo<T>(compute: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let compute: Compute<T> = Box::new(compute);
    Memo::new(compute)
}

/// `Effect::new(run)` for an effect that keeps nothing between runs.
pub fn effect(run: impl Fn() + 'static) {
    let run: Box<dyn Fn(Option<()>)> = Box::new(move |_| run());
    Effect::new(run);
}

/// Leptos's `<Show>` (no fallback), one instantiation for the whole app. `Show` is generic over
/// its condition and its children, so each use carried its own memo, children closure and
/// either-view code; here the condition is a `Signal<bool>` and the children Leptos's boxed
/// `ChildrenFn`. As with `Show`, the children are made again only when the condition flips.
#[component]
pub fn Shown(#[prop(into)] when: Signal<bool>, children: ChildrenFn) -> impl IntoView {
    let when = memo(move |_| when.get());
    move || when.get().then(|| children())
}
