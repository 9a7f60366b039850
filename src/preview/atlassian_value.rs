use leptos::prelude::*;
use questionnaire::catalogue::PROVIDED_BY_ATLASSIAN;

/// A row Atlassian fills in itself (bug bounty participation, integration permissions): the
/// partner does not answer it, and the live tab shows Atlassian's own information.
#[component]
pub fn AtlassianValue() -> impl IntoView {
    view! {
        <span class="atlassian-value">
            <span class="source-badge">"From Atlassian"</span>
            " "
            {PROVIDED_BY_ATLASSIAN}
        </span>
    }
}
