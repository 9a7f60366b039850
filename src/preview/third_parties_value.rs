use leptos::prelude::*;
use questionnaire::listing::ListedThirdParty;

use super::safe_link::SafeLink;

/// Each third party End-User Data is shared with: who, where, and why. Blank details are left
/// out rather than shown empty.
#[component]
pub fn ThirdPartiesValue(parties: Vec<ListedThirdParty>) -> impl IntoView {
    let parties = parties.into_iter().map(|party| {
        let domain = (!party.domain.is_empty()).then(|| {
            let link = match party.domain_href {
                Some(href) => view! { <SafeLink href text=party.domain /> }.into_any(),
                None => view! { <span class="text-value">{party.domain}</span> }.into_any(),
            };
            view! { <div><dt>"Domain"</dt><dd>{link}</dd></div> }
        });
        let countries = (!party.countries.is_empty())
            .then(|| view! { <div><dt>"Stores data in"</dt><dd>{party.countries.join(", ")}</dd></div> });
        let purpose =
            (!party.purpose.is_empty()).then(|| view! { <div><dt>"Purpose"</dt><dd>{party.purpose}</dd></div> });
        view! {
            <li class="third-party">
                <span class="third-party-name">{party.name}</span>
                <dl class="third-party-details">{domain}{countries}{purpose}</dl>
            </li>
        }
    });
    view! { <ul class="third-parties-value">{parties.collect_view()}</ul> }
}
