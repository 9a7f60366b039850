//! The form as the partner left it, for their next visit's page to show before the app arrives
//! (a returning partner otherwise waits for the whole wasm to see their draft). Written here
//! when the page is hidden or closed; shown by the page's own script only while it still shows
//! what the app will open ([`crate::page_contract::snapshot_script`]); removed as soon as the
//! app starts or the page is shown again, so a later crash leaves none behind to contradict the
//! crash-safe copy. See docs/architecture.md, "A returning partner's draft before the app".

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

use crate::draft::{storage, DraftStore};
use crate::page_contract::{snapshot_header, FIRST_PAGE_ID, SNAPSHOT_KEY};
use crate::routes::Page;

/// Controls whose value the app does not bring back on the next visit (the token is never
/// stored; the e-mail and the API address are not the draft's): the snapshot leaves them as
/// the app drew them, so it never shows what the app then takes away.
const NOT_KEPT: [&str; 3] = ["account-email", "api-token", "api-base"];

/// Keeps the snapshot of the form whenever the page is hidden or closed on the form's page;
/// removes it elsewhere and when the page is shown again. After the draft's own save, so the
/// revision recorded is final.
pub fn keep_on_leave(page: Signal<Page>, drafts: DraftStore) {
    let app_key = drafts.app_key();
    drafts.after_leaving(Rc::new(move |leaving| {
        if !leaving || page.get_untracked() != Page::Form || !write(drafts, &app_key.get_untracked()) {
            forget();
        }
    }));
}

/// No snapshot from now on (the app is in charge: what it shows may change at any moment).
pub fn forget() {
    storage::remove(SNAPSHOT_KEY);
}

/// Writes the snapshot; `false` when there is none to write (what the form shows is not all
/// in a named save this tab wrote or read, or is not the draft the app opens next time) or no
/// room for it. The revision is the store's own: should another tab have saved since, without
/// this tab having heard yet, the page sees another revision in storage and shows nothing.
fn write(drafts: DraftStore, app_key: &str) -> bool {
    let Some(revision) = drafts.saved_revision() else { return false };
    if storage::last_app_key().as_deref() != Some(app_key) {
        return false;
    }
    let Some(markup) = document().get_element_by_id(FIRST_PAGE_ID).and_then(|holder| markup_with_values(&holder))
    else {
        return false;
    };
    storage::write(SNAPSHOT_KEY, &(snapshot_header(revision, app_key) + &markup))
}

/// The holder's markup with every control's value and tick written as its attribute (the
/// markup of the live nodes holds what the app first drew, not what was typed since). The form
/// has no `<select>`: a choice is a radio.
fn markup_with_values(holder: &Element) -> Option<String> {
    let copy: Element = holder.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let selector = "input, textarea";
    let (originals, copies) = (holder.query_selector_all(selector).ok()?, copy.query_selector_all(selector).ok()?);
    for index in 0..originals.length() {
        let (Some(original), Some(control)) = (originals.item(index), copies.item(index)) else { continue };
        let Ok(control) = control.dyn_into::<Element>() else { continue };
        if NOT_KEPT.contains(&control.id().as_str()) {
            continue;
        }
        if let Some(input) = original.dyn_ref::<HtmlInputElement>() {
            let _ = match input.type_().as_str() {
                "checkbox" | "radio" if input.checked() => control.set_attribute("checked", ""),
                "checkbox" | "radio" => control.remove_attribute("checked"),
                "file" | "password" => Ok(()),
                _ => control.set_attribute("value", &input.value()),
            };
        } else if let Some(area) = original.dyn_ref::<HtmlTextAreaElement>() {
            control.set_text_content(Some(&area.value()));
        }
    }
    Some(copy.inner_html())
}
