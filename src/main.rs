use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    // config.json decides where the API is; it is tiny and same-origin, so the page waits for
    // it rather than risk a first call going to the wrong place.
    wasm_bindgen_futures::spawn_local(async {
        let config = privacy_tab::RuntimeConfig::load().await;
        privacy_tab::handover::take_over(move || {
            provide_context(config);
            view! { <privacy_tab::App /> }
        });
    });
}
