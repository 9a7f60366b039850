//! The page a first visit paints is HTML rendered at build time from these same components
//! (`crates/prerender`), so a partner can read and start answering before the wasm arrives.
//! Once it has, the app is mounted in that page's place: what was typed or ticked there is
//! replayed on the app's own controls, through the events a browser fires for it (so every
//! answer goes through the same handlers as a keystroke), and focus and caret stay put. A
//! button pressed there (the loader marks it, see [`PRESSED`]) is pressed again in the app.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// The element `scripts/build` fills with the prerendered page.
const PRERENDERED_ID: &str = "prerendered";

/// The attribute the loader (`scripts/lib/finish-bundle.mjs`) puts on the button last pressed
/// in the prerendered page: that page has no handlers, so the press did nothing yet.
const PRESSED: &str = "data-pressed";

/// Mounts the app in place of the prerendered page and gives it what was done there. The
/// page's root element then carries `data-started`: the app answers from here on.
pub fn take_over<N: IntoView + 'static>(app: impl FnOnce() -> N + 'static) {
    let handover = Handover::take();
    leptos::mount::mount_to_body(app);
    // Found before anything is replayed: the app's page is the prerendered one until then.
    let pressed = handover.as_ref().and_then(|handover| handover.pressed.as_ref()).and_then(Pressed::in_app);
    leptos::task::spawn_local(async move {
        if let Some(handover) = handover {
            handover.give_back().await;
        }
        if let Some(button) = pressed.filter(|button| button.is_connected()) {
            button.click();
        }
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-started", "");
        }
    });
}

/// What the partner did to the prerendered page.
struct Handover {
    /// What was typed outside the questionnaire (the connection: app key, e-mail, token):
    /// replayed first and given time to act (a new app key opens that app's draft), so the
    /// answers then land in the right draft.
    connection: Vec<Typed>,
    answers: Vec<Typed>,
    focus: Option<Focus>,
    pressed: Option<Pressed>,
}

/// A button pressed in the prerendered page: its id, or else its place among the page's
/// buttons and its text (checked, so a page that differs presses nothing).
struct Pressed {
    id: String,
    index: usize,
    text: Option<String>,
}

impl Pressed {
    fn of(page: &Element) -> Option<Pressed> {
        let buttons = elements(page, "button");
        let index = buttons.iter().position(|button| button.has_attribute(PRESSED))?;
        let button = &buttons[index];
        Some(Pressed { id: button.id(), index, text: button.text_content() })
    }

    /// The app's button that is the one pressed.
    fn in_app(&self) -> Option<HtmlElement> {
        let button = match self.id.as_str() {
            "" => elements(&document().body()?.into(), "button")
                .into_iter()
                .nth(self.index)
                .filter(|button| button.text_content() == self.text)?,
            id => document().get_element_by_id(id)?,
        };
        button.dyn_into().ok()
    }
}

enum Typed {
    Text { id: String, value: String },
    Ticked { id: String, checked: bool },
}

impl Typed {
    /// Replays it on the app's control of the same id.
    fn replay(self) {
        match self {
            Typed::Text { id, value } => {
                let Some(control) = document().get_element_by_id(&id) else { return };
                if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
                    input.set_value(&value);
                } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
                    area.set_value(&value);
                }
                // `input` as each keystroke fires, `change` as leaving the field would: some
                // fields take their value only then (the app key).
                let init = EventInit::new();
                init.set_bubbles(true);
                for name in ["input", "change"] {
                    if let Ok(event) = Event::new_with_event_init_dict(name, &init) {
                        let _ = control.dispatch_event(&event);
                    }
                }
            }
            Typed::Ticked { id, checked } => {
                let input = document().get_element_by_id(&id).and_then(|c| c.dyn_into::<HtmlInputElement>().ok());
                // A click, as the partner's was: it ticks (or picks) and fires the events.
                if let Some(input) = input.filter(|input| input.checked() != checked) {
                    input.click();
                }
            }
        }
    }
}

struct Focus {
    id: String,
    selection: Option<(u32, u32)>,
}

impl Handover {
    /// Takes the prerendered page out of the document (so no id is there twice), keeping
    /// what was typed or ticked in it and where focus was. `None` when there is no such page
    /// (`trunk serve`, tests).
    fn take() -> Option<Handover> {
        let page = document().get_element_by_id(PRERENDERED_ID)?;
        let (mut connection, mut answers) = (Vec::new(), Vec::new());
        for control in elements(&page, "input[id], textarea[id]") {
            let typed = if control.closest("form.questionnaire").ok().flatten().is_some() {
                &mut answers
            } else {
                &mut connection
            };
            if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
                match input.type_().as_str() {
                    "checkbox" | "radio" if input.checked() != input.default_checked() => {
                        typed.push(Typed::Ticked { id: input.id(), checked: input.checked() })
                    }
                    "checkbox" | "radio" | "file" => {}
                    _ if input.value() != input.default_value() => {
                        typed.push(Typed::Text { id: input.id(), value: input.value() })
                    }
                    _ => {}
                }
            } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
                if area.default_value().is_ok_and(|default| area.value() != default) {
                    typed.push(Typed::Text { id: area.id(), value: area.value() });
                }
            }
        }
        let focus = document()
            .active_element()
            .filter(|active| page.contains(Some(active)) && !active.id().is_empty())
            .map(|active| Focus { id: active.id(), selection: selection_of(&active) });
        let pressed = Pressed::of(&page);
        page.remove();
        Some(Handover { connection, answers, focus, pressed })
    }

    /// Replays it on the app's controls, once the app is mounted.
    async fn give_back(self) {
        if !self.connection.is_empty() {
            self.connection.into_iter().for_each(Typed::replay);
            // Microtasks only: the effects run, and nothing is painted in between.
            leptos::task::tick().await;
            leptos::task::tick().await;
        }
        self.answers.into_iter().for_each(Typed::replay);
        if let Some(Focus { id, selection }) = self.focus {
            if let Some(control) = document().get_element_by_id(&id).and_then(|c| c.dyn_into::<HtmlElement>().ok()) {
                let _ = control.focus();
                if let Some((start, end)) = selection {
                    restore_selection(&control, start, end);
                }
            }
        }
    }
}

fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|index| list.item(index)?.dyn_into::<Element>().ok()).collect()
}

fn selection_of(element: &Element) -> Option<(u32, u32)> {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        // Inputs of kinds without a caret (checkboxes, e-mail in Chromium) have none to keep.
        Some((input.selection_start().ok()??, input.selection_end().ok()??))
    } else {
        let area = element.dyn_ref::<HtmlTextAreaElement>()?;
        Some((area.selection_start().ok()??, area.selection_end().ok()??))
    }
}

fn restore_selection(control: &HtmlElement, start: u32, end: u32) {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        let _ = input.set_selection_range(start, end);
    } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        let _ = area.set_selection_range(start, end);
    }
}
