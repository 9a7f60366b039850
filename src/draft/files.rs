//! Files in and out: a download made from text through a Blob URL, and an upload's text.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};

/// Offers `text` as a JSON file download. Returns whether the browser took it.
pub fn download_json(file_name: &str, text: &str) -> bool {
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let parts = js_sys::Array::of1(&text.into());
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return false };
    let Some(link) = document().create_element("a").ok().and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok()) else {
        return false;
    };
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The download has started from the click; the URL can go once the browser has read it.
    set_timeout(move || drop(Url::revoke_object_url(&url)), std::time::Duration::from_secs(60));
    true
}

/// `privacy-tab-draft-com.example.app-2024-05-01.json`: characters a file system may refuse
/// become `-`.
pub fn file_name(what: &str, app_key: &str, epoch_ms: f64) -> String {
    let safe: String = app_key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '-' })
        .collect();
    let date = js_sys::Date::new(&epoch_ms.into());
    format!(
        "privacy-tab-{what}-{safe}-{:04}-{:02}-{:02}.json",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// The file's text, or why it could not be read.
pub async fn read_text(file: &File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| "The browser could not read this file.".to_owned())?;
    text.as_string().ok_or_else(|| "This file is not text.".to_owned())
}
