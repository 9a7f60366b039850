use leptos::prelude::*;
use questionnaire::listing::ListedThirdParty;

use super::safe_link::SafeLink;
use crate::draft::Parties;

/// Each third party End-User Data is shared with: who, where, and why. Blank details are left
/// out rather than shown empty.
#[component]
pub fn ThirdPartiesValue(parties: Vec<ListedThirdParty>) -> impl IntoView {
    view! {
        <ul class="third-parties-value">
            {parties.into_iter().map(|party| view! { <ThirdPartyItem party /> }).collect_view()}
        </ul>
    }
}

/// The same list from the rows being edited: each item follows its own row
/// (`draft::Party::listed`), so typing in a row re-renders that item alone.
#[component]
pub fn RowsThirdPartiesValue(parties: Parties) -> impl IntoView {
    view! {
        <ul class="third-parties-value">
            {move || {
                (0..parties.count())
                    .map(|index| {
                        let row = parties.row(index);
                        move || row.listed().map(|party| view! { <ThirdPartyItem party /> })
                    })
                    .collect_view()
            }}
        </ul>
    }
}

#[component]
fn ThirdPartyItem(party: ListedThirdParty) -> impl IntoView {
    let domain = (!party.domain.is_empty()).then(|| {
        let link = match party.domain_href {
            Some(href) => view! { <SafeLink href text=party.domain /> }.into_any(),
            None => view! { <span class="text-value">{party.domain}</span> }.into_any(),
        };
        view! { <div><dt>"Domain"</dt><dd>{link}</dd></div> }
    });
    let countries = (!party.countries.is_empty())
        .then(|| view! { <div><dt>"Stores data in"</dt><dd>{party.countries.join(", ")}</dd></div> });
    let purpose = (!party.purpose.is_empty()).then(|| view! { <div><dt>"Purpose"</dt><dd>{party.purpose}</dd></div> });
    view! {
        <li class="third-party">
            <span class="third-party-name">{party.name}</span>
            <dl class="third-party-details">{domain}{countries}{purpose}</dl>
        </li>
    }
}
