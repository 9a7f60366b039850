use leptos::html;
use leptos::prelude::*;

use super::store::DraftStore;

/// "Discard changes": asks inline first, then removes the local draft; "Undo" brings it back
/// for as long as the page stays open.
#[component]
pub fn DiscardButton(drafts: DraftStore) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let confirm_box = NodeRef::<html::Div>::new();
    let discard_button = NodeRef::<html::Button>::new();
    let undo_button = NodeRef::<html::Button>::new();

    let ask = move |_| {
        confirming.set(true);
        request_animation_frame(move || drop(confirm_box.get_untracked().map(|el| el.focus())));
    };
    let cancel = move |_| {
        confirming.set(false);
        request_animation_frame(move || drop(discard_button.get_untracked().map(|el| el.focus())));
    };
    let discard = move |_| {
        confirming.set(false);
        drafts.discard();
        request_animation_frame(move || drop(undo_button.get_untracked().map(|el| el.focus())));
    };
    let undo = move |_| {
        drafts.undo_discard();
        request_animation_frame(move || drop(discard_button.get_untracked().map(|el| el.focus())));
    };

    view! {
        <button type="button" class="secondary discard-draft" node_ref=discard_button on:click=ask
            aria-expanded=move || confirming.get().to_string()>
            "Discard changes"
        </button>
        <Show when=move || confirming.get()>
            <div class="draft-notice warning discard-confirm" tabindex="-1" node_ref=confirm_box
                role="group" aria-labelledby="discard-confirm-title">
                <p id="discard-confirm-title">
                    <strong>"Discard your local draft for " {move || drafts.app_key().get()} "?"</strong>
                    " Every answer saved in this browser for this app is removed. You can undo this until you close the page."
                </p>
                <button type="button" class="danger confirm-discard" on:click=discard>"Discard draft"</button>
                <button type="button" class="secondary cancel-discard" on:click=cancel>"Keep my answers"</button>
            </div>
        </Show>
        <Show when=move || drafts.can_undo_discard()>
            <p class="draft-notice info discarded-notice">
                "Your draft was discarded. "
                <button type="button" class="link-button undo-discard" node_ref=undo_button on:click=undo>
                    "Undo"
                </button>
            </p>
        </Show>
    }
}
