//! The review page's entry point (review.html): reads the review link in the page's address
//! and renders its tab when the module starts. As the widget's (main.rs): no `fn main`, no
//! panic hook, and the widget's allocator.

#![no_main]

#[path = "../bump_allocator.rs"]
mod bump_allocator;

#[global_allocator]
static ALLOCATOR: bump_allocator::BumpAllocator = bump_allocator::BumpAllocator::new();

#[wasm_bindgen::prelude::wasm_bindgen(start)]
fn start() {
    privacy_tab_widget::review::open();
}
