//! Writes the app's first page as HTML, rendered natively from the same components the wasm
//! mounts: a first visit paints and takes input from this HTML and the CSS alone, and the
//! wasm takes over once it arrives (`src/handover.rs`). `scripts/build` puts it in the page.
//!
//! Rendered as a first visit finds the app: no storage, no draft, nothing live read yet.

use leptos::prelude::*;
use leptos::reactive::diagnostics::SpecialNonReactiveZone;

/// Effects never run in a page rendered ahead of time: every task spawned is dropped.
struct NoEffects;

impl any_spawner::CustomExecutor for NoEffects {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

fn main() {
    any_spawner::Executor::init_custom_executor(NoEffects).expect("the only executor");
    let owner = Owner::new();
    let html = owner.with(|| {
        // Reading signals once, untracked, is the point here: no warning for each.
        let _untracked = SpecialNonReactiveZone::enter();
        view! { <privacy_tab::App /> }.to_html()
    });
    print!("{}", without_hydration_markers(&html));
}

/// The page is taken over, not hydrated: what Leptos writes only for hydration goes. That is
/// its comments, and the space it writes for an empty text (`<p> </p>`), which would
/// keep such an element from matching `:empty` (the CSS hides empty notices that way).
fn without_hydration_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!") {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end =
            if tail.starts_with("<!--") { tail.find("-->").map(|at| at + 3) } else { tail.find('>').map(|at| at + 1) };
        rest = &tail[end.unwrap_or(tail.len())..];
    }
    out.push_str(rest);
    out.replace("> </", "></")
}

#[cfg(test)]
mod tests {
    #[test]
    fn markers_go_and_text_stays() {
        let html = "<p>a<!>b<!--<() />-->c &lt;!-- d</p><p role=\"status\"> <!></p><b>x</b> <i>y</i>";
        assert_eq!(
            super::without_hydration_markers(html),
            "<p>abc &lt;!-- d</p><p role=\"status\"></p><b>x</b> <i>y</i>"
        );
    }
}
