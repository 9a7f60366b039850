use questionnaire::embed::{
    data_source, DataSource, NoDataSource, APP_KEY_ATTRIBUTE, INLINE_SELECTOR, SOURCE_ATTRIBUTE, VIEW_ATTRIBUTE,
};

/// What one host element asks for, read once when it is mounted.
pub struct WidgetSource {
    pub data: Result<DataSource, NoDataSource>,
    pub expanded: bool,
}

pub fn read(host: &web_sys::Element) -> WidgetSource {
    // The inline JSON is read as text (`textContent`) and parsed as data: never run.
    let inline = host.query_selector(INLINE_SELECTOR).ok().flatten().and_then(|script| script.text_content());
    WidgetSource {
        data: data_source(
            host.get_attribute(APP_KEY_ATTRIBUTE).as_deref(),
            host.get_attribute(SOURCE_ATTRIBUTE).as_deref(),
            inline.as_deref(),
        ),
        expanded: host.get_attribute(VIEW_ATTRIBUTE).is_some_and(|view| view.trim().eq_ignore_ascii_case("expanded")),
    }
}
