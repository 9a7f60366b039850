//! A shadow root per widget: the host page's selectors cannot reach inside it, and its styles
//! cannot leak out. The styles are a constructed stylesheet, which a Content-Security-Policy
//! without 'unsafe-inline' still allows (no `<style>` element, no style attributes).

use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRootInit, ShadowRootMode};

const STYLES: &str = concat!(include_str!("../../style/listing-tab.css"), include_str!("../../style/widget.css"));

/// The element to mount the widget into, inside a fresh shadow root of `host`.
pub fn attach(host: &HtmlElement) -> Result<HtmlElement, String> {
    // Open: the event delegation of the rendering library walks the composed path, which a
    // closed root would hide.
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| "this element cannot hold a shadow root (use a <div>)".to_owned())?;
    let sheet = CssStyleSheet::new().map_err(|_| "this browser cannot build stylesheets".to_owned())?;
    sheet.replace_sync(STYLES).map_err(|_| "the widget's stylesheet was refused".to_owned())?;
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let document = leptos::prelude::document();
    let container: HtmlElement =
        document.create_element("div").map_err(|_| "cannot create an element".to_owned())?.unchecked_into();
    container.set_class_name("privacy-tab-widget");
    shadow.append_child(&container).map_err(|_| "cannot fill the shadow root".to_owned())?;
    Ok(container)
}
