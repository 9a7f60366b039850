fn main() {
    console_error_panic_hook::set_once();
    // config.json decides where the API is; it is tiny and same-origin, so the app waits for it
    // rather than risk a first call going to the wrong place. The first page is usable meanwhile.
    wasm_bindgen_futures::spawn_local(async {
        privacy_tab::first_page::start(privacy_tab::RuntimeConfig::load().await);
    });
}
