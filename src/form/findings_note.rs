use leptos::prelude::*;
use questionnaire::catalogue::{self, Question};
use questionnaire::consistency::Severity;

use super::checks::Checks;
use crate::draft::Questionnaire;

/// Beside a question: what contradicts it elsewhere in the answers, and which other questions
/// are involved. Saving is never blocked by these.
#[component]
pub fn FindingsNote(question: &'static Question) -> impl IntoView {
    let checks = Checks::expect();
    let questionnaire = Questionnaire::expect();
    let findings = crate::erased::memo(move |_| checks.findings_for(question.id));
    move || {
        findings
            .get()
            .into_iter()
            .map(|finding| {
                let others = finding
                    .questions
                    .iter()
                    .filter(|id| **id != question.id)
                    .map(|&id| catalogue::question(id))
                    .filter(|other| questionnaire.field(other.id).visible.get_untracked())
                    .map(|other| other.listing_label)
                    .collect::<Vec<_>>()
                    .join("; ");
                let class = match finding.severity {
                    Severity::Error => "finding finding-error",
                    Severity::Warning => "finding finding-warning",
                };
                view! {
                    <div class=class data-check=finding.check>
                        <p>
                            <strong>{match finding.severity { Severity::Error => "Check this: ", Severity::Warning => "Worth a look: " }}</strong>
                            {finding.message}
                        </p>
                        {(!others.is_empty()).then(|| view! { <p class="finding-involves">"Also involves: " {others}</p> })}
                    </div>
                }
            })
            .collect_view()
    }
}
