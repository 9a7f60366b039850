use leptos::prelude::*;
use questionnaire::catalogue::View;
use questionnaire::completeness::{is_provided, next_unanswered, tally, Completeness, ViewSummary};
use questionnaire::listing::NOT_PROVIDED;

use super::control_id;
use crate::focus::focus_by_id;
use crate::state::Questionnaire;

/// How much of each view of the listing tab the answers fill, and a way to the next gap.
#[component]
pub fn CompletenessMeter() -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    // From each question's row: no answer is read again, and only rows that changed count.
    let fields = questionnaire.fields();
    let completeness = Memo::new(move |_| {
        let listed = || {
            fields.iter().filter_map(|field| field.row.with(|row| row.as_ref().map(|row| (field.question, is_provided(row)))))
        };
        Completeness { default: tally(View::Default, listed()), expanded: tally(View::Expanded, listed()) }
    });
    let go_to_next = move |_| {
        if let Some(question) = next_unanswered(&questionnaire.snapshot_untracked(), None) {
            focus_by_id(&control_id(question.id));
        }
    };
    view! {
        <section class="completeness" aria-labelledby="completeness-title">
            <h2 id="completeness-title" class="visually-hidden">"How complete is your tab"</h2>
            <ViewMeter label="Default view" summary=Signal::derive(move || completeness.get().default) />
            <ViewMeter label="Expanded view" summary=Signal::derive(move || completeness.get().expanded) />
            <p class="completeness-gap">
                {move || match completeness.with(|c| c.default.missing.len()) {
                    0 => "Every question of the default view is answered.".to_owned(),
                    n => format!("The default view still shows {n} × “{NOT_PROVIDED}”."),
                }}
                " "
                <Show when=move || completeness.with(|c| !c.expanded.is_complete())>
                    <button type="button" class="link-button" id="next-unanswered" on:click=go_to_next>
                        "Go to the next unanswered question"
                    </button>
                </Show>
            </p>
        </section>
    }
}

#[component]
fn ViewMeter(label: &'static str, summary: Signal<ViewSummary>) -> impl IntoView {
    let text = move || summary.with(|s| format!("{label}: {} of {} answered", s.answered, s.total));
    view! {
        <div class="meter">
            <span class="meter-label">{text}</span>
            <progress
                max=move || summary.with(|s| s.total.max(1))
                value=move || summary.with(|s| s.answered)
                aria-label=label
            ></progress>
        </div>
    }
}
