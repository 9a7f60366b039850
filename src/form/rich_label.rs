use leptos::prelude::*;
use questionnaire::catalogue::rich_text::{segments, Segment};

/// A label from the spec, whose Markdown links (one response has one) become real links that
/// open in a new tab.
#[component]
pub fn RichLabel(text: &'static str) -> impl IntoView {
    segments(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => text.into_any(),
            Segment::Link { text, href } => {
                view! { <a href=href target="_blank" rel="noopener noreferrer">{text}</a> }.into_any()
            }
        })
        .collect_view()
}
