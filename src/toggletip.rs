//! Terms explained where they are written: a question's or a tab row's words, each term the
//! glossary explains (`questionnaire::catalogue::glossary`, which also decides which mention
//! of a term that is) a toggletip, after Inclusive Components' and GOV.UK's patterns: a button
//! named by the term, with `aria-expanded`, and a live region that says the definition while
//! it is open. A click, Enter or Space opens and closes it; Escape or a pointer click anywhere
//! else closes it; hovering does nothing. Plain elements and handlers, so markup rendered
//! ahead of time holds the same buttons and (empty) live regions.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use questionnaire::catalogue::glossary::{pieces, Piece, Term, SOURCE_LABEL};
use wasm_bindgen::JsCast;

/// One term of a text: whether its definition is open, its button and its live region.
#[derive(Clone, Copy)]
struct Tip {
    term: &'static Term,
    open: RwSignal<bool>,
    button: NodeRef<html::Button>,
    note: NodeRef<html::Span>,
}

/// A text whose terms are toggletips. `words` renders where the text is read, `notes` where
/// the definitions are said (after the words, outside a label or legend: a definition is no
/// part of a question's name).
#[derive(Clone)]
pub struct Glossed {
    pieces: Vec<Piece<'static>>,
    /// One per [`Piece::Term`], in order.
    tips: Vec<Tip>,
    /// Gives the buttons ids (`{ids}-term-0`, …): links and tests name them.
    ids: Option<String>,
}

impl Glossed {
    pub fn new(text: &'static str) -> Self {
        Self::with_ids(text, None)
    }

    pub fn with_ids(text: &'static str, ids: Option<String>) -> Self {
        let pieces = pieces(text);
        let tips = pieces
            .iter()
            .filter_map(|piece| match *piece {
                Piece::Term { term, .. } => Some(Tip::new(term)),
                Piece::Text(_) => None,
            })
            .collect();
        Glossed { pieces, tips, ids }
    }

    /// The text, its terms as buttons; `words` renders the words between them (a `<label>`
    /// of a text box, or plain text).
    pub fn words(&self, words: impl Fn(&'static str) -> AnyView) -> AnyView {
        let mut tips = self.tips.iter().copied().enumerate();
        self.pieces
            .iter()
            .map(|piece| match *piece {
                Piece::Text(text) => words(text),
                Piece::Term { words, .. } => {
                    let id = |index| self.ids.as_ref().map(|ids| format!("{ids}-term-{index}"));
                    tips.next().map(|(index, tip)| tip.button(words, id(index))).into_any()
                }
            })
            .collect_view()
            .into_any()
    }

    /// The live regions of the terms' definitions, empty until one is opened.
    pub fn notes(&self) -> AnyView {
        self.tips.iter().map(|tip| tip.note()).collect_view().into_any()
    }
}

impl Tip {
    fn new(term: &'static Term) -> Self {
        let tip = Tip { term, open: RwSignal::new(false), button: NodeRef::new(), note: NodeRef::new() };
        // Listening to the whole page only while open: a keystroke elsewhere costs nothing.
        crate::erased::effect(move || {
            if tip.open.get() {
                let escape = window_event_listener(ev::keydown, move |event| {
                    if event.key() == "Escape" {
                        tip.close(true);
                    }
                });
                let click = window_event_listener(ev::click, move |event| {
                    // A keyboard's Enter or Space on another control is no click outside (its
                    // detail is 0): keyboard users close a toggletip with Escape or its button.
                    if event.detail() > 0 && !tip.holds(event.target()) {
                        tip.close(false);
                    }
                });
                on_cleanup(move || {
                    escape.remove();
                    click.remove();
                });
            }
        });
        tip
    }

    fn button(self, words: &'static str, id: Option<String>) -> impl IntoView {
        crate::first_page::presses::apply_early_presses(self.button, move || self.toggle());
        view! {
            <button
                type="button"
                class="term"
                id=id
                node_ref=self.button
                aria-expanded=move || if self.open.get() { "true" } else { "false" }
                on:click=move |_| self.toggle()
            >
                {words}
            </button>
        }
    }

    fn note(self) -> impl IntoView {
        let Tip { term, open, .. } = self;
        view! {
            <span class="term-note" role="status" node_ref=self.note>
                {move || open.get().then(|| view! {
                    <span class="term-definition">
                        {term.definition}
                        {term.source.map(|source| view! {
                            " " {SOURCE_LABEL}
                            <a class="term-source" href=source.href target="_blank" rel="noopener noreferrer">
                                {source.title}
                            </a>
                        })}
                    </span>
                })}
            </span>
        }
    }

    fn toggle(self) {
        self.open.update(|open| *open = !*open);
    }

    /// Whether `target` is this toggletip's button or inside its definition.
    fn holds(self, target: Option<web_sys::EventTarget>) -> bool {
        let Some(node) = target.and_then(|target| target.dyn_into::<web_sys::Node>().ok()) else { return false };
        let button = self.button.get_untracked().is_some_and(|button| button.contains(Some(&node)));
        button || self.note.get_untracked().is_some_and(|note| note.contains(Some(&node)))
    }

    /// Closes it; with `keep_focus`, focus inside the definition (on its link) goes back to
    /// the button rather than to the page.
    fn close(self, keep_focus: bool) {
        let focus_inside = keep_focus && self.holds(document().active_element().map(Into::into));
        self.open.set(false);
        if focus_inside {
            if let Some(button) = self.button.get_untracked() {
                let _ = button.focus();
            }
        }
    }
}
