use leptos::prelude::*;
use questionnaire::embed::{snippet, SnippetData};
use questionnaire::Answers;
use wasm_bindgen_futures::JsFuture;

/// Where the widget's loader sits, relative to the app (the widget is built into `widget/`
/// beside it).
pub const WIDGET_SCRIPT: &str = "widget/privacy-tab-widget_loader.js";

/// The HTML a partner pastes into their own page to show this tab there, for the current app
/// key: reading the live version on each visit, or with these answers written in. Only the v2
/// API reads a live version by app key, so with v3 the answers are always written in.
#[component]
pub fn EmbedSnippet(
    #[prop(into)] app_key: Signal<String>,
    #[prop(into)] api_base: Signal<String>,
    #[prop(into)] answers: Signal<Answers>,
    live_embeddable: bool,
) -> impl IntoView {
    let inline = RwSignal::new(!live_embeddable);
    let copied = RwSignal::new(String::new());
    let text = crate::erased::memo(move |_| {
        let script = absolute(WIDGET_SCRIPT);
        let key = app_key.get();
        if inline.get() {
            answers.with(|answers| snippet(&key, SnippetData::Inline(answers), &script))
        } else {
            snippet(&key, SnippetData::Live { api_base: &absolute(&api_base.get()) }, &script)
        }
    });
    let area = NodeRef::<leptos::html::Textarea>::new();
    let copy = move |_| {
        if let Some(area) = area.get_untracked() {
            area.select();
        }
        let promise = window().navigator().clipboard().write_text(&text.get_untracked());
        leptos::task::spawn_local(async move {
            copied.set(match JsFuture::from(promise).await {
                Ok(_) => "Copied. Paste it into your page where the tab should appear.".to_owned(),
                Err(_) => "Your browser did not allow copying: the snippet is selected, press Ctrl+C (⌘C on a Mac)."
                    .to_owned(),
            });
        });
    };
    view! {
        <section class="embed-snippet" aria-labelledby="embed-snippet-title">
            <h3 id="embed-snippet-title">"Show this tab on your own site"</h3>
            <fieldset class="embed-choice" hidden=!live_embeddable>
                <legend class="visually-hidden">"What the widget shows"</legend>
                <div class="choice">
                    <input type="radio" id="embed-live" name="embed-data" prop:checked=move || !inline.get() on:change=move |_| inline.set(false) />
                    <label for="embed-live">"The live version, read from the Marketplace on every visit"</label>
                </div>
                <div class="choice">
                    <input type="radio" id="embed-inline" name="embed-data" prop:checked=inline on:change=move |_| inline.set(true) />
                    <label for="embed-inline">"These answers, written into the snippet (copy it again after every change)"</label>
                </div>
            </fieldset>
            <label for="embed-code">"Paste this where the tab should appear"</label>
            <textarea id="embed-code" class="embed-code" readonly rows="5" spellcheck="false" node_ref=area prop:value=text></textarea>
            <div class="form-actions">
                <button type="button" id="copy-embed" class="secondary" on:click=copy>"Copy snippet"</button>
            </div>
            <p class="copy-status" role="status">{copied}</p>
        </section>
    }
}

/// The URL resolved against this page, so the snippet works on any other site.
fn absolute(url: &str) -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(url, &base).map(|url| url.href()).unwrap_or_else(|_| url.to_owned())
}
