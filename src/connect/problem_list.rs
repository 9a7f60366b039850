use leptos::prelude::*;
use questionnaire::response_errors::ErrorReport;

/// What the Marketplace said was wrong: each problem it tied to a field links to that
/// question (as a GOV.UK error summary does); the rest is shown whole, path included.
#[component]
pub fn ProblemList(report: ErrorReport) -> impl IntoView {
    let message = report.message.clone().map(|message| view! { <p class="api-message">{message}</p> });
    let mapped = report.mapped().cloned().collect::<Vec<_>>().into_iter().map(|problem| {
        let question = problem.question.expect("mapped problems name a question");
        let label = question.listing_label;
        let text = if problem.message.is_empty() { label.to_owned() } else { format!("{label}: {}", problem.message) };
        view! {
            <li data-problem-question=question.id.as_str()>
                <a href=format!("#{}", crate::form::control_id(question.id)) on:click=move |ev| {
                    ev.prevent_default();
                    crate::focus::focus_question(question.id);
                }>{text}</a>
            </li>
        }
    });
    let unmapped = report.unmapped().cloned().collect::<Vec<_>>().into_iter().map(|problem| {
        let text = match (problem.path.is_empty(), problem.message.is_empty()) {
            (true, _) => problem.message,
            (false, true) => problem.path,
            (false, false) => format!("{}: {}", problem.path, problem.message),
        };
        view! { <li class="unplaced">{text}</li> }
    });
    view! {
        {message}
        <ul class="problem-list">{mapped.collect_view()}{unmapped.collect_view()}</ul>
    }
}
