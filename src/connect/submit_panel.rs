use leptos::prelude::*;

use super::call_status::CallStatus;
use super::clock::date_and_time;
use super::submit_review::SubmitReview;
use crate::api::{ApiVersion, CallState, Failure, Marketplace};
use crate::routes::{Nav, Page};

/// Submitting the answers to the Marketplace: review (at its own address, `./submit`), send,
/// and how it went.
#[component]
pub fn SubmitPanel() -> impl IntoView {
    let marketplace = Marketplace::expect();
    let submission = marketplace.submission;
    let nav = Nav::expect();
    let reviewing = move || nav.page.get() == Page::Submit;
    // Arriving at the review's address opens it (see `crate::app`); already there, it starts over.
    let open_review = move || match nav.page.get_untracked() {
        Page::Submit => submission.review(),
        _ => nav.go(Page::Submit),
    };
    let call = submission.call;
    let publishes = marketplace.connection.api_version == ApiVersion::V3;

    let done = move || match call.state.get() {
        CallState::Done(at) => Some(if publishes {
            format!("Submitted and published at {}.", date_and_time(at))
        } else {
            format!("Submitted at {}: the Marketplace now holds these answers.", date_and_time(at))
        }),
        _ => None,
    };
    let last = move || {
        let fresh = matches!(call.state.get(), CallState::Done(_));
        submission
            .last_submitted
            .get()
            .filter(|_| !fresh)
            .map(|at| format!("Last submitted from this browser on {}.", date_and_time(at)))
    };
    let retry = Callback::new(move |()| match call.state.get_untracked() {
        CallState::Failed { error, .. } if matches!(error.failure(), Failure::Rejected(_)) => open_review(),
        _ => drop(submission.send()),
    });
    let retry_label = Signal::derive(move || match call.state.get() {
        CallState::Failed { error, .. } if matches!(error.failure(), Failure::Rejected(_)) => "Submit again",
        _ => "Try again",
    });

    view! {
        <section class="submit" aria-labelledby="submit-heading">
            <h2 id="submit-heading">"Submit to the Marketplace"</h2>
            <p class="hint last-submitted">{last}</p>
            {move || (!reviewing()).then(|| view! {
                <button
                    type="button"
                    id="submit"
                    class="primary"
                    disabled=move || call.busy()
                    on:click=move |_| open_review()
                >
                    "Submit to the Marketplace"
                </button>
            })}
            {move || reviewing().then(|| view! { <SubmitReview /> })}
            <div class="submit-status" id="submit-status" role="status" aria-live="polite">
                <CallStatus call id="submit" working="Submitting…" retry_label on_retry=retry />
                {move || done().map(|text| view! { <p class="call-done">{text}</p> })}
            </div>
        </section>
    }
}
