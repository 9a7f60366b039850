use leptos::prelude::*;

use super::load_panel::version_name;
use crate::api::{Marketplace, Offer};

/// The differences between the local answers and a version read from the Marketplace, and the
/// partner's choice. Nothing changes until "Replace" is pressed.
#[component]
pub fn ReplaceOffer(offer: Offer) -> impl IntoView {
    let loader = Marketplace::expect().loader;
    let which = version_name(offer.version);
    let rows = offer
        .changes
        .iter()
        .map(|change| {
            view! {
                <tr data-question-id=change.question.id.as_str()>
                    <th scope="row">{change.question.listing_label}</th>
                    <td>{change.before.clone()}</td>
                    <td>{change.after.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let count = offer.changes.len();
    let noun = if count == 1 { "answer differs" } else { "answers differ" };

    view! {
        <div class="replace-offer" role="alertdialog" aria-labelledby="replace-heading" aria-describedby="replace-summary">
            <h4 id="replace-heading">{format!("Replace your local answers with the Marketplace's {which}?")}</h4>
            <p id="replace-summary">
                {format!("{count} {noun}. Answers the Marketplace cannot hold, and answers to questions that stay hidden, are kept either way.")}
            </p>
            <table class="changes">
                <thead><tr><th scope="col">"Question"</th><th scope="col">"Yours"</th><th scope="col">{format!("Marketplace {which}")}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <div class="button-row">
                <button type="button" class="primary" id="replace-accept" on:click=move |_| loader.accept()>"Replace"</button>
                <button type="button" class="secondary" id="replace-decline" on:click=move |_| loader.decline()>"Keep mine"</button>
            </div>
        </div>
    }
}
