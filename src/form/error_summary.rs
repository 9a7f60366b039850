use leptos::prelude::*;
use questionnaire::catalogue;

use super::checks::Checks;
use super::{error_prefix, error_target_id};

/// "There is a problem": shown after "Save and preview" finds errors, with one link per error
/// that moves focus to the field, as the GOV.UK Design System's error summary does.
#[component]
pub fn ErrorSummary() -> impl IntoView {
    let checks = Checks::expect();
    let visible = move || checks.show_all.get() && checks.errors.with(|errors| !errors.is_empty());
    view! {
        <Show when=visible>
            <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">
                    {move || match checks.errors.with(Vec::len) {
                        1 => "There is a problem with 1 answer".to_owned(),
                        count => format!("There are problems with {count} answers"),
                    }}
                </h2>
                <ul>
                    {move || {
                        checks
                            .errors
                            .get()
                            .into_iter()
                            .map(|error| {
                                let target = error_target_id(&error);
                                let href = format!("#{target}");
                                let section = catalogue::section_of(error.question).map(|s| s.title).unwrap_or_default();
                                view! {
                                    <li>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_field(&target);
                                            }
                                        >
                                            <span class="summary-section">{section} ": "</span>
                                            {error_prefix(&error)}
                                            {error.message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// Scrolls a field into view and focuses it, or the first input inside a group.
pub fn focus_field(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(element) = document().get_element_by_id(id) else { return };
    let target = if matches!(element.tag_name().as_str(), "FIELDSET" | "DIV") {
        element.query_selector("input, textarea, select, button").ok().flatten().unwrap_or(element)
    } else {
        element
    };
    if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
        target.scroll_into_view();
        let _ = target.focus();
    }
}
