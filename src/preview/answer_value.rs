use leptos::prelude::*;

/// A picked response or typed text; a yes/no answer also says what it means for customers.
#[component]
pub fn AnswerValue(text: String, statement: Option<&'static str>) -> impl IntoView {
    match statement {
        Some(statement) => view! {
            <span class="answer-word">{text}</span>
            " "
            <span class="statement">{statement}</span>
        }
        .into_any(),
        None => view! { <span class="text-value">{text}</span> }.into_any(),
    }
}
