//! The embeddable widget's entry point: mounts a listing tab on every `[data-privacy-tab]`.
//! No panic hook: its message formatting would weigh more than the widget's own errors, which
//! it shows in the page itself.

fn main() {
    privacy_tab_widget::mount_all();
}
