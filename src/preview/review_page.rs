use leptos::prelude::*;
use questionnaire::draft::{changes, Draft, ImportKind};
use questionnaire::review_link::LinkError;
use questionnaire::session::Source;
use questionnaire::Answers;

use super::review_link::read_fragment;
use super::ListingTab;
use crate::draft::{DraftStore, ImportPreview, PendingImport};
use crate::routes::{Nav, Page};

/// A review link opened: the tab of the answers in the address's fragment, read-only, in the
/// default or expanded view, to print, or to import into one's own draft (after seeing what it
/// would change). A link that cannot be read says why; whatever it holds is shown as text, by
/// the same components as the preview. With `import_at_once` (the review page's hand-over to
/// the app, `./import`), the import opens as soon as the link is read.
#[component]
pub fn ReviewPage(drafts: DraftStore, #[prop(optional)] import_at_once: bool) -> impl IntoView {
    let nav = Nav::expect();
    let opened = crate::latest::latest(move || {
        let fragment = nav.hash.get();
        async move { read_fragment(&fragment).await }
    });
    // `None` while the link is being read (a moment: the browser decompresses it).
    let read = crate::erased::memo(move |_| opened.get());
    let importing = RwSignal::new(None::<PendingImport>);
    let heading = NodeRef::<leptos::html::H2>::new();
    heading.on_load(|heading| {
        request_animation_frame(move || {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            let _ = heading.focus();
        })
    });
    let import = move || {
        let Some(Ok(answers)) = read.get_untracked() else { return };
        let current = drafts.draft();
        importing.set(Some(PendingImport {
            file_name: "review link".to_owned(),
            kind: ImportKind::ReviewLink,
            source: Source::ReviewLink,
            other_app: None,
            changes: changes(&current.answers, &answers),
            draft: Draft::new(current.app_key, answers, js_sys::Date::now()),
        }));
    };
    if import_at_once {
        Effect::new(move |opened: Option<bool>| {
            let read_now = matches!(read.get(), Some(Ok(_)));
            if read_now && opened != Some(true) {
                import();
            }
            read_now || opened == Some(true)
        });
    }
    let tab = move || {
        read.get().and_then(Result::ok).map(|answers: Answers| {
            view! {
                <ListingTab
                    answers=Signal::stored(answers)
                    expanded=nav.expanded.get_untracked()
                    on_view=Callback::new(move |expanded| nav.show_view(expanded))
                />
            }
        })
    };
    let bar = move || {
        match read.get() {
        None => view! { <p class="hint" aria-busy="true">"Reading the link…"</p> }.into_any(),
        Some(Ok(_)) => view! {
            <p class="hint">
                "Someone shared this tab with you to check before it is published. Its answers travel in the link itself: no server holds them, and nothing you do here changes them."
            </p>
            <div class="preview-actions">
                <button type="button" id="print-review" class="secondary" on:click=move |_| { let _ = window().print(); }>
                    "Print"
                </button>
                <button type="button" id="import-review" class="secondary" on:click=move |_| import()>
                    "Import into my draft"
                </button>
                <a class="button-like secondary" href=move || nav.href(Page::Form, false, "")>"Open my own draft"</a>
            </div>
            <p class="print-only print-title">"Privacy & Security information, for review"</p>
        }
        .into_any(),
        Some(Err(problem)) => view! {
            <div class="call-failed" role="alert" id="review-link-problem">
                <p>{LinkError::to_string(&problem)}</p>
            </div>
            <p><a href=move || nav.href(Page::Form, false, "")>"Open the form"</a></p>
        }
        .into_any(),
    }
    };
    view! {
        <section id="review-page" class="preview-page" aria-labelledby="review-page-title">
            <div class="preview-page-bar">
                <h2 id="review-page-title" tabindex="-1" node_ref=heading>"Review of a Privacy & Security tab"</h2>
                {bar}
            </div>
            {move || importing.get().map(|pending| view! {
                <ImportPreview
                    drafts
                    pending
                    on_done=Callback::new(move |()| importing.set(None))
                    on_applied=Callback::new(move |()| nav.go(Page::Form))
                />
            })}
            {tab}
        </section>
    }
}
