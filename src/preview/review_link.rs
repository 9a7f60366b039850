use leptos::prelude::*;
use questionnaire::review_link::{
    answers_of, compressed_of, fragment, payload, too_long_for_common_browsers, LinkError, MAX_PAYLOAD_BYTES,
    SAFE_LINK_CHARS,
};
use questionnaire::Answers;
use wasm_bindgen_futures::JsFuture;

use crate::routes::Nav;

/// A review link's fragment for these answers (`questionnaire::review_link`, compressed by the
/// browser); `None` where the browser cannot compress.
pub async fn write_fragment(answers: &Answers) -> Option<String> {
    crate::zlib::deflate(&payload(answers)).await.map(|compressed| fragment(&compressed))
}

/// The answers a review link's fragment carries, or why it cannot be read.
pub async fn read_fragment(text: &str) -> Result<Answers, LinkError> {
    let compressed = compressed_of(text)?;
    let payload = crate::zlib::inflate(&compressed, MAX_PAYLOAD_BYTES).await.ok_or(LinkError::Damaged)?;
    answers_of(&payload)
}

/// "Copy review link": these answers, compressed into a link's fragment, for a colleague to
/// read the tab (no account, no server holding the answers) and import it if they use the app.
#[component]
pub fn CopyReviewLink(
    #[prop(into)] answers: Signal<Answers>,
    /// The view the link opens on.
    #[prop(into)]
    expanded: Signal<bool>,
) -> impl IntoView {
    let nav = Nav::expect();
    let link = RwSignal::new(None::<String>);
    let copied = RwSignal::new(String::new());
    let field = NodeRef::<leptos::html::Input>::new();
    let copy = move |_| {
        let answers = answers.get_untracked();
        let expanded = expanded.get_untracked();
        copied.set(String::new());
        leptos::task::spawn_local(async move {
            let Some(fragment) = write_fragment(&answers).await else {
                link.set(None);
                copied.set(
                    "This browser cannot write review links (it has no CompressionStream): send your exported draft (Export draft, on the form) instead."
                        .to_owned(),
                );
                return;
            };
            let url = nav.review_link(expanded, &fragment);
            link.set(Some(url.clone()));
            request_animation_frame(move || {
                if let Some(field) = field.get_untracked() {
                    field.select();
                }
            });
            let promise = window().navigator().clipboard().write_text(&url);
            copied.set(match JsFuture::from(promise).await {
                Ok(_) => {
                    "Copied. Anyone you send it to can read this tab, print it, or import it into their own draft."
                        .to_owned()
                }
                Err(_) => {
                    "Your browser did not allow copying: the link is selected, press Ctrl+C (⌘C on a Mac).".to_owned()
                }
            });
        });
    };
    let too_long = move || {
        link.with(|link| link.as_ref().map(String::len).filter(|&chars| too_long_for_common_browsers(chars))).map(
            |chars| {
                format!(
                    "This link is {} KB long. Some browsers, mail and chat tools cut links longer than {} KB, and a cut link cannot be opened: check that it arrives whole, or send your exported draft (Export draft, on the form) instead.",
                    chars.div_ceil(1024),
                    SAFE_LINK_CHARS / 1024
                )
            },
        )
    };
    view! {
        <div class="review-link">
            <button type="button" id="copy-review-link" class="secondary" on:click=copy>"Copy review link"</button>
            <p class="hint">
                "For a colleague to check this tab before you publish, with no Atlassian account: the link carries these answers after its “#”, which browsers never send to any server. No app key, e-mail or token goes in it."
            </p>
            {move || link.get().map(|url| view! {
                <label for="review-link-url">"Review link"</label>
                <input id="review-link-url" class="text-input review-link-url" type="text" readonly spellcheck="false" node_ref=field prop:value=url.clone() />
                <a href=url target="_blank" rel="noopener noreferrer">"Open it in a new tab"</a>
            })}
            <p class="copy-status" role="status">{copied}</p>
            {move || too_long().map(|text| view! { <p class="error-message review-link-too-long" role="alert">{text}</p> })}
        </div>
    }
}
