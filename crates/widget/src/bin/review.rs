//! The review page's entry point (review.html): reads the review link in the page's address
//! and renders its tab when the module starts. As the widget's (main.rs): no `fn main`, no
//! panic hook, and the widget's allocator.

// Built natively too (`cargo build --workspace`), where it is an empty program: the page's
// entry is `start`, and the allocator grows wasm memory.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
#[path = "../bump_allocator.rs"]
mod bump_allocator;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: bump_allocator::BumpAllocator = bump_allocator::BumpAllocator::new();

#[wasm_bindgen::prelude::wasm_bindgen(start)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn start() {
    privacy_tab_widget::review::open();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
