use leptos::prelude::*;
use questionnaire::catalogue::View;
use questionnaire::Answers;

use super::listing_row::ListingRowView;
use super::row_model::{sections, SectionModel};
use super::view_toggle::ViewToggle;

/// The Privacy & Security tab for these answers, read-only: the default view or the expanded
/// one, sections in the spec's order. With `live`, rows that differ from what customers see
/// today are marked. crates/widget renders the same markup (keep the two in step).
#[component]
pub fn ListingTab(
    #[prop(into)] answers: Signal<Answers>,
    #[prop(optional, into)] live: Option<Signal<Option<Answers>>>,
    /// Start on the expanded view.
    #[prop(optional)]
    expanded: bool,
) -> impl IntoView {
    let view_shown = RwSignal::new(if expanded { View::Expanded } else { View::Default });
    let model = Memo::new(move |_| {
        let live = live.and_then(|live| live.get());
        answers.with(|answers| sections(answers, live.as_ref()))
    });
    let is_default = move || view_shown.get() == View::Default;

    view! {
        <article class="listing-tab" class:default-view=is_default aria-label="Privacy & Security">
            <header class="listing-tab-header">
                <h2 class="listing-tab-title">"Privacy & Security"</h2>
                <ViewToggle view_shown />
            </header>
            <p class="listing-disclaimer">"Marketplace Partners are responsible for the responses on this tab."</p>
            <For each=move || model.get() key=|section| section.id let:section>
                <ListingSection section=section.id title=section.title model />
            </For>
        </article>
    }
}

/// One section; its rows re-render only when what they show changes.
#[component]
fn ListingSection(section: &'static str, title: &'static str, model: Memo<Vec<SectionModel>>) -> impl IntoView {
    let this = Memo::new(move |_| model.with(|all| all.iter().find(|s| s.id == section).cloned()));
    let expanded_only = move || this.with(|s| s.as_ref().is_some_and(|s| !s.in_default_view()));
    let rows = move || this.with(|s| s.as_ref().map(|s| s.rows.clone()).unwrap_or_default());
    view! {
        // Not a <section>: the form's sections already hold these names as landmarks.
        <div class="listing-section" class:expanded-only=expanded_only data-section=section>
            <h3 class="listing-section-title">{title}</h3>
            <dl class="listing-rows">
                <For each=rows key=|row| row.key() let:row>
                    <ListingRowView row />
                </For>
            </dl>
        </div>
    }
}
