use leptos::prelude::*;
use questionnaire::catalogue::Question;

use super::checks::Checks;
use super::{error_id, error_prefix};

/// The messages under a question, each saying what is wrong and how to fix it.
#[component]
pub fn FieldErrors(question: &'static Question) -> impl IntoView {
    let checks = Checks::expect();
    let errors = crate::erased::memo(move |_| checks.shown_for(question.id));
    view! {
        <div class="error-messages" id=error_id(question.id)>
            {move || {
                errors
                    .get()
                    .into_iter()
                    .map(|error| {
                        view! {
                            <p class="error-message">
                                <span class="visually-hidden">"Error: "</span>
                                {error_prefix(&error)}
                                {error.message}
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
