use leptos::prelude::*;
use questionnaire::catalogue;

use super::checks::Checks;
use super::{control_id, error_prefix, error_target_id};
use crate::erased::Shown;
use crate::focus::focus_by_id;

/// "There is a problem": shown after "Save and preview" finds errors, with one link per error
/// that moves focus to the field, as the GOV.UK Design System's error summary does. Each link
/// is the field's address on the form (`#q-…`), so it can be copied and shared too.
#[component]
pub fn ErrorSummary() -> impl IntoView {
    let checks = Checks::expect();
    let visible = move || {
        checks.show_all.get()
            && (checks.errors.with(|errors| !errors.is_empty())
                || checks.findings.with(|findings| !findings.is_empty()))
    };
    view! {
        <Shown when=visible>
            <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">
                    {move || match checks.errors.with(Vec::len) {
                        0 => "Nothing blocks your preview, but some answers are worth checking".to_owned(),
                        1 => "There is a problem with 1 answer".to_owned(),
                        count => format!("There are problems with {count} answers"),
                    }}
                </h2>
                <ul>
                    {move || {
                        checks
                            .errors
                            .get()
                            .into_iter()
                            .map(|error| {
                                let target = error_target_id(&error);
                                let href = format!("#{target}");
                                let section = catalogue::section_of(error.question).map(|s| s.title).unwrap_or_default();
                                view! {
                                    <li>
                                        // A link to the field's own address (`#q-…`): the
                                        // app focuses it, and the click does so at once.
                                        <a href=href on:click=move |_| focus_by_id(&target)>
                                            <span class="summary-section">{section} ": "</span>
                                            {error_prefix(&error)}
                                            {error.message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <Shown when=move || checks.findings.with(|findings| !findings.is_empty())>
                    <h3>"Answers that contradict each other (these do not block saving)"</h3>
                    <ul class="summary-findings">
                        {move || {
                            checks
                                .findings
                                .get()
                                .into_iter()
                                .map(|finding| {
                                    let target = finding.questions.first().copied().map(control_id).unwrap_or_default();
                                    let href = format!("#{target}");
                                    view! {
                                        <li>
                                            <a href=href on:click=move |_| focus_by_id(&target)>{finding.message}</a>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </Shown>
            </div>
        </Shown>
    }
}
