use leptos::prelude::*;
use questionnaire::catalogue::View;

use super::listing_value::ListingValueView;
use super::row_model::RowModel;
use crate::toggletip::Glossed;

/// One question as customers read it: its label, then the answer.
#[component]
pub fn ListingRowView(row: RowModel) -> impl IntoView {
    let RowModel { row, statement, was } = row;
    let changed = was.is_some();
    let label = Glossed::new(row.label);
    view! {
        <div
            class="listing-row"
            class:expanded-only=!View::Default.shows(row.question)
            class:changed=changed
            data-question=row.question.id
        >
            <dt class="listing-label">{label.words(|words| words.into_any())}{label.notes()}</dt>
            <dd class="listing-value">
                <ListingValueView value=row.value statement />
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
