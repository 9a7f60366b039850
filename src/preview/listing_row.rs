use leptos::prelude::*;
use questionnaire::catalogue::View;
use questionnaire::listing::ListingValue;

use super::listing_value::ListingValueView;
use super::row_model::RowModel;
use super::third_parties_value::RowsThirdPartiesValue;
use crate::draft::Parties;
use crate::toggletip::Glossed;

/// One question as customers read it: its label, then the answer.
#[component]
pub fn ListingRowView(
    row: RowModel,
    /// The third parties row by row, when the row lists them apart (see `row_model::Rows`).
    parties: Option<Parties>,
) -> impl IntoView {
    let RowModel { row, statement, was } = row;
    let changed = was.is_some();
    let label = Glossed::new(row.label);
    let value = match (row.value, parties) {
        (ListingValue::ThirdParties(_), Some(parties)) => view! { <RowsThirdPartiesValue parties /> }.into_any(),
        (value, _) => view! { <ListingValueView value statement /> }.into_any(),
    };
    view! {
        <div
            class="listing-row"
            class:expanded-only=!View::Default.shows(row.question)
            class:changed=changed
            data-question=row.question.id.as_str()
        >
            <dt class="listing-label">{label.words(|words| words.into_any())}{label.notes()}</dt>
            <dd class="listing-value">
                {value}
                {was.map(|was| view! {
                    <p class="was">
                        <span class="changed-badge">"Changed"</span>
                        " Customers see now: "
                        <span class="was-value">{was}</span>
                    </p>
                })}
            </dd>
        </div>
    }
}
