use leptos::prelude::*;
use questionnaire::catalogue;
use questionnaire::draft::answer_text;
use questionnaire::draft::sync::Conflict;

use super::store::DraftStore;
use crate::form::control_id;

/// Questions changed in another tab while this tab had unsaved changes to them: the partner
/// chooses, nothing is overwritten silently.
#[component]
pub fn ConflictNotice(drafts: DraftStore) -> impl IntoView {
    let rows =
        move || drafts.conflicts().into_iter().map(|conflict| view! { <ConflictRow drafts conflict /> }).collect_view();
    view! {
        <div class="conflicts" role="alert">
            <Show when=move || drafts.has_conflicts()>
                <div class="draft-notice warning">
                    <h2 class="notice-title">"Changed in another tab too"</h2>
                    <p>"You changed these answers here while another tab of this draft changed them differently. Choose which to keep."</p>
                    <ul class="conflict-list">{rows}</ul>
                </div>
            </Show>
        </div>
    }
}

#[component]
fn ConflictRow(drafts: DraftStore, conflict: Conflict) -> impl IntoView {
    let question = catalogue::find(&conflict.id);
    let label = question.map_or_else(|| conflict.id.clone(), |q| q.listing_label.to_owned());
    let (theirs, mine) =
        (answer_text(question, conflict.theirs.as_ref()), answer_text(question, conflict.mine.as_ref()));
    let (use_id, keep_id) = (conflict.id.clone(), conflict.id.clone());
    // An id this build does not know (kept from a newer one) has no control to go to.
    let href = question.map(|question| format!("#{}", control_id(question.id)));
    view! {
        <li class="conflict" data-conflict=conflict.id.clone()>
            <a href=href>{label}</a>
            <dl>
                <dt>"Other tab"</dt>
                <dd class="theirs">{theirs}</dd>
                <dt>"This tab"</dt>
                <dd class="mine">{mine}</dd>
            </dl>
            <button type="button" class="secondary use-theirs" on:click=move |_| drafts.settle(&use_id, true)>
                "Use theirs"
            </button>
            <button type="button" class="secondary keep-mine" on:click=move |_| drafts.settle(&keep_id, false)>
                "Keep mine"
            </button>
        </li>
    }
}
