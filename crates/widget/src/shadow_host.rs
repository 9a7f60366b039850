//! A shadow root per widget: the host page's selectors cannot reach inside it, and its styles
//! cannot leak out. The styles are a constructed stylesheet, which a Content-Security-Policy
//! without 'unsafe-inline' still allows (no `<style>` element, no style attributes).

use web_sys::{CssStyleSheet, Element, ShadowRootInit, ShadowRootMode};

use super::dom::document;

/// `style/listing-tab.css` (the app's preview uses it too) and `style/widget.css`, compacted by
/// build.rs.
const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// The element to render the widget into, inside a fresh shadow root of `host`.
pub fn attach(host: &Element) -> Result<Element, &'static str> {
    // Open: the host page's own scripts (and its tests) may read what the tab says; it is
    // public information.
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| "this element cannot hold a shadow root (use a <div>)")?;
    let sheet = CssStyleSheet::new().map_err(|_| "this browser cannot build stylesheets")?;
    sheet.replace_sync(STYLES).map_err(|_| "the widget's stylesheet was refused")?;
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let container = document().create_element("div").map_err(|_| "cannot create an element")?;
    shadow.append_child(&container).map_err(|_| "cannot fill the shadow root")?;
    container.set_class_name("privacy-tab-widget");
    Ok(container)
}
