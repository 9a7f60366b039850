use leptos::html;
use leptos::prelude::*;

use super::store::DraftStore;
use crate::erased::Shown;
use crate::shell::{Replaced, Shell, Source};

/// "Discard changes": asks inline first, then removes the local draft. "Undo" brings back the
/// answers before the last whole replacement (this discard, an import, a version loaded) until
/// the next one.
#[component]
pub fn DiscardButton(drafts: DraftStore) -> impl IntoView {
    let shell = Shell::expect();
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
        shell.discard();
        request_animation_frame(move || drop(undo_button.get_untracked().map(|el| el.focus())));
    };
    let undo = move |_| {
        shell.undo();
        request_animation_frame(move || drop(discard_button.get_untracked().map(|el| el.focus())));
    };

    view! {
        <button type="button" class="secondary discard-draft" node_ref=discard_button on:click=ask
            aria-expanded=move || confirming.get().to_string()>
            "Discard changes"
        </button>
        <Shown when=move || confirming.get()>
            <div class="draft-notice warning discard-confirm" tabindex="-1" node_ref=confirm_box
                role="group" aria-labelledby="discard-confirm-title">
                <p id="discard-confirm-title">
                    <strong>"Discard your local draft for " {move || drafts.app_key().get()} "?"</strong>
                    " Every answer saved in this browser for this app is removed. You can undo this until the next import, discard or version loaded."
                </p>
                <button type="button" class="danger confirm-discard" on:click=discard>"Discard draft"</button>
                <button type="button" class="secondary cancel-discard" on:click=cancel>"Keep my answers"</button>
            </div>
        </Shown>
        {move || shell.undoable().map(|what| {
            let app = drafts.app_key().get_untracked();
            let (class, text) = match what {
                Replaced::Discard => ("discarded-notice", "Your draft was discarded. ".to_owned()),
                Replaced::Import(Source::OtherApp(other)) => {
                    ("imported-notice", format!("Your draft of {app} was replaced by the answers of {other}. "))
                }
                Replaced::Import(_) => ("imported-notice", format!("Your draft of {app} was replaced by an import. ")),
                Replaced::Version => ("version-notice", "Your answers were replaced by the Marketplace's version. ".to_owned()),
                Replaced::Settled(_) => ("settled-notice", "Your choice between the two tabs' answers is saved. ".to_owned()),
            };
            view! {
                <p class=format!("draft-notice info undo-notice {class}")>
                    {text}
                    <button type="button" class="link-button undo-discard" node_ref=undo_button on:click=undo>
                        "Undo"
                    </button>
                </p>
            }
        })}
    }
}
