//! The form's repeated rows (third parties, chips), kept by position.

use std::sync::Arc;

use leptos::prelude::*;

/// What makes the row at a position.
pub type Row = Arc<dyn Fn(usize) -> AnyView + Send + Sync>;

/// `count` rows, each made once by `row` from its position: a new row is added at the end and
/// a removed one takes the last away, while each row's own signals show what moved up into its
/// place (its nodes stay, so focus and a caret stay where they were). Leptos's `For` is generic
/// over its closures, and each use carried its own copy of the keyed list's diffing (2.4 KB
/// brotli); every list of rows goes through this one.
pub fn by_position(count: Signal<usize>, row: Row) -> impl IntoView {
    view! { <For each=move || 0..count.get() key=|index| *index children=move |index| row(index) /> }
}
