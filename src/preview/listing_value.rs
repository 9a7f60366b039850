use leptos::prelude::*;
use questionnaire::listing::ListingValue;

use super::answer_value::AnswerValue;
use super::atlassian_value::AtlassianValue;
use super::list_value::ListValue;
use super::not_provided::NotProvided;
use super::safe_link::SafeLink;
use super::third_parties_value::ThirdPartiesValue;

/// An answer, with the view its kind calls for. Everything the partner typed becomes text
/// nodes, never markup.
#[component]
pub fn ListingValueView(value: ListingValue, statement: Option<&'static str>) -> impl IntoView {
    match value {
        ListingValue::NotProvided => view! { <NotProvided /> }.into_any(),
        ListingValue::ProvidedByAtlassian => view! { <AtlassianValue /> }.into_any(),
        ListingValue::Text(text) => view! { <AnswerValue text statement /> }.into_any(),
        ListingValue::Email(address) => view! { <span class="email-value">{address}</span> }.into_any(),
        ListingValue::Link { href, text } => view! { <SafeLink href text /> }.into_any(),
        ListingValue::List(items) if items.is_empty() => view! { <NotProvided /> }.into_any(),
        ListingValue::List(items) => view! { <ListValue items /> }.into_any(),
        ListingValue::ThirdParties(parties) if parties.is_empty() => view! { <NotProvided /> }.into_any(),
        ListingValue::ThirdParties(parties) => view! { <ThirdPartiesValue parties /> }.into_any(),
    }
}
