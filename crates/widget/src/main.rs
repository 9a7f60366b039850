//! The embeddable widget's entry point: mounts a listing tab on every `[data-privacy-tab]`
//! when the module starts. No `fn main`: the standard runtime start-up it brings (thread
//! naming, stdout flushing at exit) has nothing to do in a page. No panic hook either: its
//! message formatting would weigh more than the widget's own errors, which it shows in the page.

// Built natively too (`cargo build --workspace`), where it is an empty program: the page's
// entry is `start`, and the allocator grows wasm memory.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
mod bump_allocator;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: bump_allocator::BumpAllocator = bump_allocator::BumpAllocator::new();

#[wasm_bindgen::prelude::wasm_bindgen(start)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn start() {
    privacy_tab_widget::mount_all();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
