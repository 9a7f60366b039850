use leptos::prelude::*;

use super::problem_list::ProblemList;
use questionnaire::retry::GiveUp;

use crate::api::{headline, CallState, Failure, Marketplace, RetryingCall, MAX_ATTEMPTS};

/// How a call is going: working, counting down to a retry (with Cancel), or what failed and
/// what to do next (with a retry button once it can help). Success is the caller's to say.
#[component]
pub fn CallStatus<T: Clone + Send + Sync + 'static>(
    call: RetryingCall<T>,
    /// Prefix of the ids of this block's buttons (`{id}-retry`, `{id}-cancel`).
    id: &'static str,
    working: &'static str,
    #[prop(into)] retry_label: Signal<&'static str>,
    on_retry: Callback<()>,
    /// Replaces the 404 headline (a read can 404 for a missing version, not only a missing app).
    #[prop(optional, into)]
    not_found: Option<Signal<String>>,
    /// What Cancel does instead of stopping `call` (a call the session runs).
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let marketplace = Marketplace::expect();
    let online = marketplace.online;
    let connection = marketplace.connection;
    let key_label = connection.api_version.key_label();
    let title = move |failure: &Failure| match (failure, not_found) {
        (Failure::UnknownApp, Some(text)) => text.get(),
        _ => headline(failure, key_label, &connection.app_key.get()),
    };
    let retry_button = move || {
        view! {
            <button type="button" class="secondary" id=format!("{id}-retry") on:click=move |_| on_retry.run(())>
                {retry_label}
            </button>
        }
    };

    move || match call.state.get() {
        CallState::Idle | CallState::Done(_) => ().into_any(),
        CallState::InFlight { attempt } => {
            let of = (attempt > 1).then(|| format!(" (attempt {attempt} of {MAX_ATTEMPTS})"));
            view! { <p class="call-working">{working}{of}</p> }.into_any()
        }
        CallState::Waiting { attempt, error, .. } => {
            let seconds = move || call.seconds_left().unwrap_or(0);
            view! {
                <div class="call-waiting">
                    <p>
                        {title(&error.failure())}
                        " Trying again in "<span class="countdown">{seconds}</span>" s"
                        {format!(" (attempt {} of {MAX_ATTEMPTS}). Your answers are kept.", attempt + 1)}
                    </p>
                    <button type="button" class="secondary" id=format!("{id}-cancel") on:click=move |_| match on_cancel {
                        Some(on_cancel) => on_cancel.run(()),
                        None => call.cancel(),
                    }>
                        "Cancel"
                    </button>
                </div>
            }
            .into_any()
        }
        CallState::Cancelled => view! {
            <div class="call-failed">
                <p>"Stopped trying. Your answers are kept."</p>
                {retry_button()}
            </div>
        }
        .into_any(),
        CallState::Failed { error, attempts, why } => {
            let failure = error.failure();
            let next_step = next_step(&failure, attempts, why);
            let details = match &failure {
                Failure::Rejected(report) | Failure::Other { report, .. } => {
                    Some(view! { <ProblemList report=report.clone() /> })
                }
                _ => None,
            };
            let needs_network = matches!(failure, Failure::Network | Failure::Offline);
            let was_offline = matches!(failure, Failure::Offline);
            let can_retry = move || !needs_network || online.is_online.get();
            let network_note = move || {
                needs_network.then(|| match (online.is_online.get(), was_offline) {
                    (false, _) => "You are offline. Your answers are kept in this browser; you can try again once your connection is back.",
                    (true, true) => "You are back online: your answers are kept, try again now.",
                    (true, false) => "Your answers are kept. Check your connection, then try again: sending the same answers again is safe.",
                })
            };
            view! {
                <div class="call-failed" role="alert">
                    <p class="call-headline">{title(&failure)}</p>
                    {details}
                    <p>{network_note}{next_step}</p>
                    {move || can_retry().then(retry_button)}
                </div>
            }
            .into_any()
        }
    }
}

fn next_step(failure: &Failure, attempts: u32, why: GiveUp) -> Option<String> {
    let text = match failure {
        Failure::Network | Failure::Offline => return None,
        Failure::Rejected(_) => "Your answers are kept. Correct them, then submit again.".to_owned(),
        Failure::Credentials { .. } => {
            "Your answers are kept. Correct the e-mail or API token above, then try again.".to_owned()
        }
        Failure::UnknownApp | Failure::NotTheApi => "Your answers are kept.".to_owned(),
        Failure::Busy { .. } => match why {
            GiveUp::AskedToWait(ms) => format!(
                "The Marketplace asked us to wait {} before trying again. Your answers are kept: try again then.",
                wait_in_words(ms)
            ),
            _ if attempts == 1 => "Your answers are kept: try again in a few minutes.".to_owned(),
            _ => format!("We tried {attempts} times. Your answers are kept: try again in a few minutes."),
        },
        Failure::Other { .. } => {
            "Your answers are kept. Try again; if it keeps failing, the message above says why.".to_owned()
        }
    };
    Some(text)
}

/// "2 minutes", "1 minute", "45 seconds": a wait as a person says it, rounded up.
fn wait_in_words(ms: u64) -> String {
    let seconds = ms.div_ceil(1000);
    let (count, unit) = if seconds >= 120 { (seconds.div_ceil(60), "minute") } else { (seconds, "second") };
    format!("{count} {unit}{}", if count == 1 { "" } else { "s" })
}
