use leptos::prelude::*;
use questionnaire::diff::{changes, Change};
use questionnaire::Answers;

#[derive(Clone, Debug, PartialEq)]
enum Outlook {
    /// The live version could not be read (or is still loading).
    Unknown,
    /// Nothing is live: every answer would be new, so listing them all says nothing.
    FirstPublish,
    Changes(Vec<String>),
}

/// What submitting would change for customers, one line per answer ("Data residency: No → Yes…").
/// Only answers that will be submitted count.
#[component]
pub fn ChangeSummary(
    #[prop(into)] answers: Signal<Answers>,
    #[prop(into)] live: Signal<Option<Answers>>,
) -> impl IntoView {
    let outlook = crate::erased::memo(move |_| {
        live.with(|live| match live {
            None => Outlook::Unknown,
            Some(live) if live.is_empty() => Outlook::FirstPublish,
            Some(live) => {
                Outlook::Changes(answers.with(|answers| changes(live, answers).iter().map(Change::summary).collect()))
            }
        })
    });
    let body = move || {
        match outlook.get() {
        Outlook::Unknown => view! {
            <p class="change-note">"What customers see today is not known (the live version is still being read, or could not be), so changes cannot be listed."</p>
        }
        .into_any(),
        Outlook::FirstPublish => view! {
            <p class="change-note">"Nothing is live for this app yet: customers will see these answers for the first time."</p>
        }
        .into_any(),
        Outlook::Changes(list) if list.is_empty() => {
            view! { <p class="change-note">"Nothing changes: these answers match what customers see today."</p> }.into_any()
        }
        Outlook::Changes(list) => {
            let count = match list.len() {
                1 => "1 answer changes what customers see:".to_owned(),
                n => format!("{n} answers change what customers see:"),
            };
            view! {
                <p class="change-note">{count}</p>
                <ul class="change-list">{list.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            }
            .into_any()
        }
    }
    };
    view! {
        <section class="change-summary" aria-label="What submitting changes">
            <h3 class="change-summary-title">"What submitting changes"</h3>
            {body}
        </section>
    }
}
