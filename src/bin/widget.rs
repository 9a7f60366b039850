//! The embeddable widget's entry point: mounts a listing tab on every `[data-privacy-tab]`.

fn main() {
    console_error_panic_hook::set_once();
    privacy_tab::widget::mount_all();
}
