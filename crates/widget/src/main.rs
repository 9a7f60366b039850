//! The embeddable widget's entry point: mounts a listing tab on every `[data-privacy-tab]`
//! when the module starts. No `fn main`: the standard runtime start-up it brings (thread
//! naming, stdout flushing at exit) has nothing to do in a page. No panic hook either: its
//! message formatting would weigh more than the widget's own errors, which it shows in the page.

#![no_main]

mod bump_allocator;

#[global_allocator]
static ALLOCATOR: bump_allocator::BumpAllocator = bump_allocator::BumpAllocator::new();

#[wasm_bindgen::prelude::wasm_bindgen(start)]
fn start() {
    privacy_tab_widget::mount_all();
}
