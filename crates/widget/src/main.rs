//! The embeddable widget's entry point: mounts a listing tab on every `[data-privacy-tab]`.
//! No panic hook: its message formatting would weigh more than the widget's own errors, which
//! it shows in the page itself.

mod bump_allocator;

#[global_allocator]
static ALLOCATOR: bump_allocator::BumpAllocator = bump_allocator::BumpAllocator::new();

fn main() {
    privacy_tab_widget::mount_all();
}
