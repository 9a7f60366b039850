//! The embeddable widget's contract, without a browser: which element attributes it reads,
//! where its data comes from, how it reads that data, and the snippet a partner copies.
//!
//! ```html
//! <div data-privacy-tab data-app-key="com.example.app"></div>
//! <script type="module" src="https://…/widget/privacy-tab-widget_loader.js"></script>
//! ```

pub(crate) mod own_answers;

use serde_json::Value;

use crate::api_config::ApiVersion;
use crate::endpoints::{read_url, TabVersion};

use crate::answers::Answers;
use crate::wire::{from_trust_info, is_trust_info, to_put_body};

pub use own_answers::{SECTION_KEY, SECTION_VERSION};

/// The public v2 REST base of the Atlassian Marketplace.
pub const MARKETPLACE_API: &str = "https://marketplace.atlassian.com/rest/2";

/// Marks an element the widget mounts into.
pub const HOST_ATTRIBUTE: &str = "data-privacy-tab";
pub const APP_KEY_ATTRIBUTE: &str = "data-app-key";
/// An API base (the live version of `data-app-key` is read from it) or the URL of a JSON file.
pub const SOURCE_ATTRIBUTE: &str = "data-source";
/// `expanded` opens the widget on the expanded view; anything else, the default view.
pub const VIEW_ATTRIBUTE: &str = "data-view";
/// Inline data: a child `<script type="application/json">`, which browsers never run.
pub const INLINE_SELECTOR: &str = r#"script[type="application/json"]"#;

/// Where one widget gets its answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataSource {
    /// JSON written into the page.
    Inline(String),
    /// JSON to fetch: the Marketplace's public live read, or any JSON document.
    Url(String),
}

/// The element does not say where its data is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoDataSource;

impl std::fmt::Display for NoDataSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "This widget does not say which app to show: add {APP_KEY_ATTRIBUTE}=\"your.app.key\", {SOURCE_ATTRIBUTE}=\"a JSON file's URL\", or a <script type=\"application/json\"> inside it."
        )
    }
}

/// Inline JSON wins; then a `data-source` that names a `.json` file; then the live version of
/// `data-app-key` from the `data-source` API base, or the Marketplace's own.
pub fn data_source(
    app_key: Option<&str>,
    source: Option<&str>,
    inline: Option<&str>,
) -> Result<DataSource, NoDataSource> {
    if let Some(inline) = inline.filter(|text| !text.trim().is_empty()) {
        return Ok(DataSource::Inline(inline.to_owned()));
    }
    let source = source.map(str::trim).filter(|s| !s.is_empty());
    if let Some(url) = source.filter(|url| names_json_file(url)) {
        return Ok(DataSource::Url(url.to_owned()));
    }
    let key = app_key.map(str::trim).filter(|key| !key.is_empty()).ok_or(NoDataSource)?;
    Ok(DataSource::Url(live_url(source.unwrap_or(MARKETPLACE_API), key)))
}

/// Whether the URL's path ends in `.json` (query and fragment aside).
fn names_json_file(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or("");
    path.to_ascii_lowercase().ends_with(".json")
}

/// The public, anonymous read of an app's live Privacy & Security information.
pub fn live_url(api_base: &str, app_key: &str) -> String {
    read_url(api_base, ApiVersion::V2, app_key, TabVersion::Live)
}

/// The answers in a document the widget was given. The answers themselves when it carries
/// them (an inline snippet's data, a privacy-tab draft or export): they hold what the API has
/// no field for. Otherwise what the Marketplace's live read returns (a `TrustInfo`, or a v2/v3
/// body wrapping one). The error says what the document is instead.
pub fn read_document(text: &str) -> Result<Answers, String> {
    let value: Value = serde_json::from_str(text).map_err(|error| not_json(&error.to_string()))?;
    read_value(&value)
}

/// The deepest arrays and objects nest in a document the widget reads: serde_json's own
/// limit. No Privacy & Security document comes near it, and walking deeper data could
/// exhaust the stack.
pub const MAX_NESTING: usize = 128;

/// Refuses text whose arrays and objects nest deeper than [`MAX_NESTING`], before it is
/// parsed: the widget has the browser parse (which goes deeper) and then walks the result.
pub fn refuse_deep_nesting(text: &str) -> Result<(), String> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for byte in text.bytes() {
        match byte {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' => in_string = !in_string,
            _ if in_string => {}
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(
                        "This JSON nests arrays and objects more than 128 levels deep: it is no Privacy & Security information.".to_owned(),
                    );
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// What [`read_document`] says of text that is not JSON, with the parser's own words.
pub fn not_json(detail: &str) -> String {
    ["This is not JSON, or it was cut short (", detail, ")."].concat()
}

/// [`read_document`] for JSON already parsed (the widget lets the browser parse it).
pub fn read_value(value: &Value) -> Result<Answers, String> {
    if let Some(answers) = own_answers::read(value) {
        Ok(answers)
    } else if is_trust_info(value) {
        Ok(from_trust_info(value))
    } else {
        Err("This JSON is not Marketplace Privacy & Security information: it has none of the tab's groups (dataAccessAndStorage, privacy, security…).".to_owned())
    }
}

/// What the partner copies into their own page to show the tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnippetData<'a> {
    /// The live version, read by each visitor's browser from this API base.
    Live { api_base: &'a str },
    /// These answers, written into the snippet: no request, but it must be copied again after
    /// every change. Written twice: as the PUT body (`appTrustInformation`, for anyone else
    /// reading the page) and as they are (`privacyTab`, what the widget reads: the PUT body
    /// has no field for some answers).
    Inline(&'a Answers),
}

pub fn snippet(app_key: &str, data: SnippetData<'_>, script_src: &str) -> String {
    let key = escape_attribute(app_key.trim());
    let script = format!(r#"<script type="module" src="{}"></script>"#, escape_attribute(script_src));
    match data {
        SnippetData::Live { api_base } => {
            let source = match api_base.trim().trim_end_matches('/') {
                base if base == MARKETPLACE_API || base.is_empty() => String::new(),
                base => format!(r#" {SOURCE_ATTRIBUTE}="{}""#, escape_attribute(base)),
            };
            format!("<div {HOST_ATTRIBUTE} {APP_KEY_ATTRIBUTE}=\"{key}\"{source}></div>\n{script}\n")
        }
        SnippetData::Inline(answers) => format!(
            "<div {HOST_ATTRIBUTE} {APP_KEY_ATTRIBUTE}=\"{key}\">\n  <script type=\"application/json\">{}</script>\n</div>\n{script}\n",
            inline_json(&inline_document(answers))
        ),
    }
}

/// `{"appTrustInformation": …, "privacyTab": …}`: see [`SnippetData::Inline`].
fn inline_document(answers: &Answers) -> Value {
    let mut document = to_put_body(answers);
    if let Value::Object(fields) = &mut document {
        fields.insert(SECTION_KEY.to_owned(), own_answers::section(answers));
    }
    document
}

/// JSON that can sit inside a `<script>` element: `<`, `>` and `&` are written as `\u003c`
/// and so on (they only occur inside JSON strings), so no `</script>` can end it early.
pub fn inline_json(value: &Value) -> String {
    serde_json::to_string(value)
        .expect("a JSON value always serialises")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('\'', "&#39;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::catalogue::ids::{self, choice};
    use crate::catalogue::View;
    use crate::listing::{rows, ListingValue};
    use crate::sample::complete;

    #[test]
    fn nesting_deeper_than_the_widget_walks_is_refused_before_parsing() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(refuse_deep_nesting(&nested(MAX_NESTING)), Ok(()));
        let refusal = refuse_deep_nesting(&nested(MAX_NESTING + 1)).unwrap_err();
        assert!(refusal.contains(&format!("{MAX_NESTING} levels deep")), "{refusal}");
        assert!(refuse_deep_nesting(&"{\"a\":".repeat(100_000)).is_err());
        // Brackets in strings, escaped quotes included, are text.
        let in_strings = format!(r#"{{"a": "{}\"{}", "b": [1]}}"#, "[".repeat(500), "{".repeat(500));
        assert_eq!(refuse_deep_nesting(&in_strings), Ok(()));
        assert!(read_document(&nested(MAX_NESTING + 1)).is_err(), "serde_json stops there too");
    }

    #[test]
    fn inline_json_wins_then_json_files_then_the_live_read() {
        assert_eq!(
            data_source(Some("k"), Some("https://x/t.json"), Some(" {} ")),
            Ok(DataSource::Inline(" {} ".into()))
        );
        assert_eq!(
            data_source(Some("k"), Some("/data/Tab.JSON?v=2"), Some("  ")),
            Ok(DataSource::Url("/data/Tab.JSON?v=2".into()))
        );
        assert_eq!(
            data_source(Some("com.example app"), Some("http://127.0.0.1:9/rest/2/"), None),
            Ok(DataSource::Url(
                "http://127.0.0.1:9/rest/2/addons/com.example%20app/privacy-and-security?state=live".into()
            ))
        );
        assert_eq!(
            data_source(Some(" com.example.app "), None, None),
            Ok(DataSource::Url(
                "https://marketplace.atlassian.com/rest/2/addons/com.example.app/privacy-and-security?state=live"
                    .into()
            ))
        );
        assert_eq!(data_source(None, Some("https://api.example.com/rest/2"), None), Err(NoDataSource));
        assert!(NoDataSource.to_string().contains("data-app-key"));
    }

    #[test]
    fn reads_live_documents_and_exports_and_says_what_else_it_got() {
        let live = r#"{"dataAccessAndStorage": {"appStoresEUDOutsideAtlassian": true}}"#;
        assert_eq!(read_document(live).unwrap().choice(ids::STORES_EUD), Some(choice::YES));
        let wrapped = r#"{"appTrustInformation": {"dataAccessAndStorage": {"appStoresEUDOutsideAtlassian": false}}}"#;
        assert_eq!(read_document(wrapped).unwrap().choice(ids::STORES_EUD), Some(choice::NO));
        let mut answers = Answers::new();
        answers.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
        let export = crate::draft::export_json(&crate::draft::Draft::new("k", answers, 0.0));
        assert_eq!(read_document(&export).unwrap().choice(ids::STORES_EUD), Some(choice::YES));
        assert!(read_document("<html>").unwrap_err().contains("not JSON"));
        assert!(read_document(r#"{"hello": 1}"#).unwrap_err().contains("none of the tab's groups"));
    }

    #[test]
    fn snippets_escape_what_they_quote_and_round_trip_inline_answers() {
        let live = snippet("a\"b<c", SnippetData::Live { api_base: MARKETPLACE_API }, "https://cdn.example/w.js");
        assert_eq!(
            live,
            "<div data-privacy-tab data-app-key=\"a&quot;b&lt;c\"></div>\n<script type=\"module\" src=\"https://cdn.example/w.js\"></script>\n"
        );
        let proxied = snippet("k", SnippetData::Live { api_base: "https://proxy.example/rest/2/" }, "w.js");
        assert!(proxied.contains(r#"data-source="https://proxy.example/rest/2""#), "{proxied}");

        let mut answers = Answers::new();
        answers.set(ids::GDPR_PROCESSOR, Answer::Choice(choice::YES.into()));
        answers.set(ids::GDPR_PROCESSOR_DATA, Answer::List(vec!["</script><script>alert(1)</script>".into()]));
        let inline = snippet("k", SnippetData::Inline(&answers), "w.js");
        assert_eq!(inline.matches("</script>").count(), 2, "only the snippet's own script tags close: {inline}");
        let json = inline.split("application/json\">").nth(1).unwrap().split("</script>").next().unwrap();
        assert_eq!(read_document(json).unwrap().list(ids::GDPR_PROCESSOR_DATA), ["</script><script>alert(1)</script>"]);
    }

    /// The JSON inside an inline snippet's `<script type="application/json">`.
    fn inline_data(snippet: &str) -> &str {
        snippet.split("application/json\">").nth(1).unwrap().split("</script>").next().unwrap()
    }

    /// Each row of the tab as a reader sees it: its label and its value.
    fn tab(answers: &Answers, view: View) -> Vec<(&'static str, ListingValue)> {
        rows(answers, view).into_iter().map(|row| (row.label, row.value)).collect()
    }

    fn embedded(answers: &Answers) -> Answers {
        read_document(inline_data(&snippet("k", SnippetData::Inline(answers), "w.js"))).unwrap()
    }

    #[test]
    fn the_embedded_tab_shows_what_the_preview_shows() {
        // The sample answers every question, including the one the API has no field for (the
        // privacy policy, a listing field).
        let mut mirrored = complete(2);
        mirrored.set(ids::SAME_DATA_PROCESSED_AND_STORED, Answer::Flag(true));
        for answers in [complete(2), mirrored] {
            let shown = embedded(&answers);
            for view in [View::Default, View::Expanded] {
                assert_eq!(tab(&shown, view), tab(&answers, view), "{view:?} view");
            }
        }
    }

    #[test]
    fn an_exported_draft_shows_everything_too() {
        let answers = complete(2);
        let export = crate::draft::export_json(&crate::draft::Draft::new("k", answers.clone(), 0.0));
        assert_eq!(tab(&read_document(&export).unwrap(), View::Expanded), tab(&answers, View::Expanded));
    }

    #[test]
    fn inline_snippets_publish_neither_hidden_answers_nor_links_that_are_not_web_links() {
        let mut answers = complete(1);
        answers.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
        answers.set(ids::STORED_DATA_TYPES, Answer::List(vec!["Kept from before, never shown".into()]));
        answers.set(ids::PRIVACY_POLICY, Answer::Text("javascript:alert(1)".into()));
        let inline = snippet("k", SnippetData::Inline(&answers), "w.js");
        assert!(!inline.contains("Kept from before"), "a hidden answer is not published: {inline}");
        let policy = tab(&embedded(&answers), View::Default)
            .into_iter()
            .find(|(label, _)| *label == crate::catalogue::question(ids::PRIVACY_POLICY).listing_label);
        assert_eq!(policy.map(|(_, value)| value), Some(ListingValue::Text("javascript:alert(1)".into())));
    }

    #[test]
    fn a_newer_answers_section_is_left_aside_for_the_trust_info_beside_it() {
        let document = r#"{"privacyTab": {"version": 2, "answers": {"stores_eud": {"kind": "choice", "value": "no"}}},
                           "appTrustInformation": {"dataAccessAndStorage": {"appStoresEUDOutsideAtlassian": true}}}"#;
        assert_eq!(read_document(document).unwrap().choice(ids::STORES_EUD), Some(choice::YES));
    }
}
