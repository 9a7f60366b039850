//! What the partner typed, ticked or picked in the first page before the app was in charge.
//! Hydration sets every control's property from the app's state (empty on a first visit), so
//! the values are read just before it, and set into the app's state as typing them would once
//! it is in charge: validation runs on them, and a question already left shows its errors.

use leptos::prelude::*;
use questionnaire::catalogue::Kind;
use questionnaire::Answer;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDetailsElement, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::connect::Connection;
use crate::draft::Questionnaire;
use crate::form::checks::Checks;
use crate::form::question_of_control_id;
use crate::shell::Shell;

/// One control whose value the partner changed.
#[derive(Clone, Debug)]
struct Control {
    id: String,
    /// A radio's group.
    name: String,
    value: Entered,
    /// Focus has left it.
    left: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum Entered {
    Text(String),
    Checked(bool),
}

/// Everything the partner entered, the disclosures they opened, and where focus and the caret
/// were.
#[derive(Clone, Debug, Default)]
pub struct Typed {
    controls: Vec<Control>,
    /// The page's own nodes, which the app keeps: hydration closes them (their `open` is the
    /// app's state), and opening them again tells the app (`toggle`).
    opened: Vec<HtmlDetailsElement>,
    focused: Option<(String, Option<(u32, u32)>)>,
}

/// Provided to the hydrating app; taken by the first that applies it.
#[derive(Clone, Copy)]
struct Pending(StoredValue<Typed, LocalStorage>);

impl Typed {
    /// Reads the controls of `page` whose value is not the one the build wrote.
    pub fn read(page: &Element) -> Typed {
        let active = document().active_element();
        // As the app's questions see it: any `focusout` from a control has left it (to its own
        // help, too), and checks its question.
        let left = |control: &Element| active.as_ref() != Some(control);
        let mut controls = Vec::new();
        for control in elements(page, "input, textarea, select") {
            let value = if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
                match input.type_().as_str() {
                    "checkbox" | "radio" if input.checked() != input.default_checked() => {
                        Some(Entered::Checked(input.checked()))
                    }
                    "checkbox" | "radio" | "file" => None,
                    _ => (input.value() != input.default_value()).then(|| Entered::Text(input.value())),
                }
            } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
                area.default_value()
                    .ok()
                    .filter(|default| *default != area.value())
                    .map(|_| Entered::Text(area.value()))
            } else {
                control.dyn_ref::<HtmlSelectElement>().map(|select| Entered::Text(select.value()))
            };
            if let Some(value) = value {
                let name = control.get_attribute("name").unwrap_or_default();
                controls.push(Control { id: control.id(), name, value, left: left(&control) });
            }
        }
        let focused = active.filter(|active| page.contains(Some(active)) && !active.id().is_empty()).map(|active| {
            let selection = selection_of(&active);
            (active.id(), selection)
        });
        let opened =
            elements(page, "details[open]").into_iter().filter_map(|details| details.dyn_into().ok()).collect();
        Typed { controls, opened, focused }
    }

    /// Gives it to the app about to hydrate (see [`adopt_connection`], [`adopt_answers`]).
    pub fn provide(self) {
        provide_context(Pending(StoredValue::new_local(self)));
    }
}

fn pending() -> Option<Typed> {
    use_context::<Pending>().map(|Pending(typed)| typed.get_value())
}

/// Once the app is in charge, what was typed into the connection panel. Its effect is created
/// (so it runs) before [`adopt_answers`]'s: the answers land in the draft of the app key given.
pub fn adopt_connection(shell: Shell) {
    let Some(typed) = pending() else { return };
    let connection = Connection::expect();
    crate::erased::effect(move || {
        for details in &typed.opened {
            details.set_open(true);
        }
        untrack(|| {
            for control in &typed.controls {
                let Entered::Text(text) = &control.value else { continue };
                match control.id.as_str() {
                    // The key opens its app's draft when the field is left, never halfway through.
                    "app-key" if control.left => shell.open_app(text.trim().to_owned()),
                    "app-key" => keep_uncommitted_key(text.clone(), shell),
                    "account-email" => connection.email.set(text.clone()),
                    "api-token" => connection.token.set(text.clone()),
                    "api-base" => connection.api_base.set(text.clone()),
                    _ => {}
                }
            }
        })
    });
}

/// Once the app is in charge, the answers, with the questions already left checked (their
/// errors show, as leaving them in the app would). Then focus and the caret where they were:
/// setting a value moves the caret.
pub fn adopt_answers(checks: Checks) {
    let Some(typed) = pending() else { return };
    let questionnaire = Questionnaire::expect();
    crate::erased::effect(move || {
        untrack(|| {
            for control in &typed.controls {
                let Some((question_id, answer)) = answer_of(control, questionnaire) else { continue };
                questionnaire.set(question_id, answer);
                if control.left {
                    checks.touch(question_id);
                }
            }
        });
        if let Some((id, selection)) = typed.focused.clone() {
            // After the app has drawn the values (its render effects follow this one).
            request_animation_frame(move || restore_caret(&id, selection));
        }
    });
}

/// A question's answer as a control of the first page holds it.
fn answer_of(
    control: &Control,
    questionnaire: Questionnaire,
) -> Option<(questionnaire::catalogue::QuestionId, Answer)> {
    match &control.value {
        Entered::Checked(true) if !control.name.is_empty() && control.id.starts_with(&control.name) => {
            let question_id = question_of_control_id(&control.name)?;
            let choice = control.id.strip_prefix(&control.name)?.strip_prefix('-')?;
            matches!(questionnaire.field(question_id).question.kind, Kind::OneOf(_))
                .then(|| (question_id, Answer::Choice(choice.to_owned())))
        }
        Entered::Checked(checked) => {
            let question_id = question_of_control_id(&control.id)?;
            matches!(questionnaire.field(question_id).question.kind, Kind::Checkbox)
                .then_some((question_id, Answer::Flag(*checked)))
        }
        Entered::Text(text) => {
            let question_id = question_of_control_id(&control.id)?;
            matches!(questionnaire.field(question_id).question.kind, Kind::Text { .. } | Kind::Link | Kind::Email)
                .then(|| (question_id, Answer::Text(text.clone())))
        }
    }
}

/// The partner is still typing an app key: the field shows what they typed (hydration wrote the
/// open app's key into it), and the key is taken when they leave it, as always.
fn keep_uncommitted_key(text: String, shell: Shell) {
    let Some(field) = document().get_element_by_id("app-key").and_then(|f| f.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    request_animation_frame({
        let field = field.clone();
        move || field.set_value(&text)
    });
    // Setting the value forgets that it was edited, so leaving it fires no `change`: the key
    // is taken when focus leaves it instead, once.
    let taken = std::rc::Rc::new(std::cell::Cell::new(false));
    let handler = wasm_bindgen::closure::Closure::<dyn Fn()>::new({
        let field = field.clone();
        move || {
            if !taken.replace(true) {
                shell.open_app(field.value().trim().to_owned());
            }
        }
    });
    let _ = field.add_event_listener_with_callback("blur", handler.as_ref().unchecked_ref());
    handler.forget();
}

fn restore_caret(id: &str, selection: Option<(u32, u32)>) {
    let Some(control) = document().get_element_by_id(id).and_then(|c| c.dyn_into::<HtmlElement>().ok()) else {
        return;
    };
    if document().active_element().as_ref() != Some(control.as_ref()) {
        let _ = control.focus();
    }
    let Some((start, end)) = selection else { return };
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        let _ = input.set_selection_range(start, end);
    } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        let _ = area.set_selection_range(start, end);
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
