use leptos::prelude::*;
use questionnaire::catalogue::{Question, View};
use questionnaire::completeness::{next_gap, tally, Completeness, ViewSummary};
use questionnaire::listing::NOT_PROVIDED;
use questionnaire::visibility::is_asked_when;

use super::control_id;
use crate::draft::Questionnaire;
use crate::focus::focus_by_id;

/// How much of each view of the listing tab the answers fill, and a way to the next gap.
#[component]
pub fn CompletenessMeter() -> impl IntoView {
    let questionnaire = Questionnaire::expect();
    // From whether each question has its row and it is answered: typing that keeps a row
    // answered re-runs nothing here.
    let fields = questionnaire.fields();
    let completeness = crate::erased::memo(move |_| {
        let listed = || fields.iter().filter_map(|field| field.listed.get().map(|provided| (field.question, provided)));
        Completeness { default: tally(View::Default, listed()), expanded: tally(View::Expanded, listed()) }
    });
    // The next gap's own address (`#q-…`): following it focuses the question.
    let next = crate::erased::memo(move |_| {
        let asked = |question: &Question| is_asked_when(question, questionnaire.field(question.id).visible.get());
        completeness.with(|c| next_gap(&c.expanded.missing, None, asked)).map(|question| control_id(question.id))
    });
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
                {move || next.get().map(|target| {
                    let href = format!("#{target}");
                    view! {
                        <a
                            class="link-button"
                            id="next-unanswered"
                            href=href
                            // The app's router follows the address; the focus is this link's own
                            // job, which the browser's fragment jump would undo (it focuses
                            // nothing when the target, a fieldset, cannot take focus).
                            on:click=move |ev| {
                                ev.prevent_default();
                                focus_by_id(&target)
                            }
                        >
                            "Go to the next unanswered question"
                        </a>
                    }
                })}
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
