use leptos::prelude::*;
use questionnaire::validation::link::is_web_link;

/// A link only for an `https://` or `http://` URL, opened in a new tab that cannot reach back
/// to this page nor lend it ranking; anything else is shown as plain text.
#[component]
pub fn SafeLink(href: String, text: String) -> impl IntoView {
    if is_web_link(&href) {
        view! {
            <a class="safe-link" href=href target="_blank" rel="noopener noreferrer nofollow">{text}</a>
        }
        .into_any()
    } else {
        view! { <span class="text-value">{text}</span> }.into_any()
    }
}
