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

    // A submit keeps running for its own app when the partner opens another: say which.
    let sending_for = move || {
        let app = submission.sending_for.get().filter(|_| call.busy())?;
        Some(format!("Submitting the answers of {app}. Opening another app does not change what is sent."))
    };
    let stopped = move || {
        submission.stopped.get().map(|app| {
            format!("The submit for {app} was stopped: its draft was replaced (an import, a discard, an undo or a version loaded) while it waited to try again. Nothing more was sent; review it and send again.")
        })
    };
    let no_fresh_record = move || {
        let failed = matches!(call.state.get(), CallState::Failed { .. });
        submission.no_fresh_record.get().filter(|_| failed).map(|read_at| match read_at {
            Some(at) => view! {
                <div class="no-fresh-record" id="no-fresh-record">
                    <p>{format!("The Marketplace's current record could not be read, so nothing was sent. Your answers can be sent over the record read at {} instead: fields this app cannot show go back as they were then.", date_and_time(at))}</p>
                    <button type="button" class="secondary" id="send-over-last-record"
                        on:click=move |_| { submission.send_over_last_record(); }>
                        {format!("Send over the record read at {}", date_and_time(at))}
                    </button>
                </div>
            }.into_any(),
            None => view! {
                <p class="no-fresh-record" id="no-fresh-record">
                    "The Marketplace's current record could not be read, and none was read before: nothing was sent, so nothing it holds is lost. Try again later."
                </p>
            }.into_any(),
        })
    };

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
                {move || sending_for().map(|text| view! { <p class="submit-for" id="submit-for">{text}</p> })}
                <CallStatus call id="submit" working="Submitting…" retry_label on_retry=retry on_cancel=Callback::new(move |()| submission.cancel()) />
                {no_fresh_record}
                {move || stopped().map(|text| view! { <p class="call-failed" id="submit-stopped" role="alert">{text}</p> })}
                {move || done().map(|text| view! { <p class="call-done">{text}</p> })}
            </div>
        </section>
    }
}
