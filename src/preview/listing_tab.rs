use leptos::prelude::*;
use questionnaire::catalogue::{View, SECTIONS};
use questionnaire::{Answers, Section};

use super::listing_row::ListingRowView;
use super::row_model::{RowModel, Rows};
use super::view_toggle::ViewToggle;
use crate::erased::Shown;

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
    /// Told of the view picked (`true`: expanded), to keep it in the page's address.
    #[prop(optional, into)]
    on_view: Option<Callback<bool>>,
) -> impl IntoView {
    ListingTabRows(ListingTabRowsProps { rows: Rows::of_answers(answers, live), expanded, on_view })
}

/// The same tab from rows kept one question at a time (the app: see [`Rows`]).
#[component]
pub fn ListingTabRows(
    rows: Rows,
    /// Start on the expanded view.
    #[prop(optional)]
    expanded: bool,
    /// Told of the view picked (`true`: expanded), to keep it in the page's address.
    #[prop(optional, into)]
    on_view: Option<Callback<bool>>,
) -> impl IntoView {
    let view_shown = RwSignal::new(if expanded { View::Expanded } else { View::Default });
    if let Some(on_view) = on_view {
        Effect::watch(move || view_shown.get(), move |view, _, _| on_view.run(*view == View::Expanded), false);
    }
    let is_default = move || view_shown.get() == View::Default;

    view! {
        <article class="listing-tab" class:default-view=is_default aria-label="Privacy & Security">
            <header class="listing-tab-header">
                <h2 class="listing-tab-title">"Privacy & Security"</h2>
                <ViewToggle view_shown />
            </header>
            <p class="listing-disclaimer">"Marketplace Partners are responsible for the responses on this tab."</p>
            {SECTIONS.iter().map(|section| view! { <ListingSection section rows /> }).collect_view()}
        </article>
    }
}

/// One section, shown while it has a row; each row re-renders only when what it shows changes.
#[component]
fn ListingSection(section: &'static Section, rows: Rows) -> impl IntoView {
    let shown: Vec<Signal<Option<RowModel>>> = section.questions.iter().map(|question| rows.get(question.id)).collect();
    let any_row = StoredValue::new(shown.clone());
    let any = move |test: fn(&RowModel) -> bool| {
        any_row.with_value(|rows| rows.iter().any(|row| row.with(|row| row.as_ref().is_some_and(test))))
    };
    let has_rows = move || any(|_| true);
    let expanded_only = move || !any(RowModel::in_default_view);
    view! {
        <Shown when=has_rows>
            // Not a <section>: the form's sections already hold these names as landmarks.
            <div class="listing-section" class:expanded-only=expanded_only data-section=section.id>
                <h3 class="listing-section-title">{section.title}</h3>
                <dl class="listing-rows">
                    {shown
                        .iter()
                        .map(|row| {
                            let (row, parties) = (*row, rows.parties());
                            move || row.get().map(|row| view! { <ListingRowView row parties /> })
                        })
                        .collect_view()}
                </dl>
            </div>
        </Shown>
    }
}
