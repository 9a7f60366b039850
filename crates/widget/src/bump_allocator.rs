//! The widget's memory allocator: hands out memory from fresh pages and never reuses it
//! (only the last block can grow, shrink or be given back in place). The widget allocates once
//! per tab it renders, a bounded amount (the answers' JSON, its parsed copy and the rows), so
//! reusing memory is not worth the general-purpose allocator's code, which weighs more than the
//! widget's own. For the binary only: a library user (the app) keeps the standard allocator.

use std::alloc::{GlobalAlloc, Layout};
use std::arch::wasm32::memory_grow;
use std::cell::Cell;
use std::ptr::null_mut;

const PAGE: usize = 65_536;
/// Pages asked of the browser at a time, so that growing memory stays rare.
const PAGES_AT_ONCE: usize = 16;

pub struct BumpAllocator {
    /// Where the next block may start.
    next: Cell<usize>,
    /// The end of the memory this allocator has.
    end: Cell<usize>,
}

impl BumpAllocator {
    pub const fn new() -> Self {
        BumpAllocator { next: Cell::new(0), end: Cell::new(0) }
    }

    /// Whether `ptr` is the last block handed out.
    fn is_last(&self, ptr: *mut u8, size: usize) -> bool {
        ptr as usize + size == self.next.get()
    }
}

// wasm32-unknown-unknown without the atomics feature runs one thread: no other thread can
// see the cells.
unsafe impl Sync for BumpAllocator {}

unsafe impl GlobalAlloc for BumpAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let start = (self.next.get() + layout.align() - 1) & !(layout.align() - 1);
        let Some(end) = start.checked_add(layout.size()) else { return null_mut() };
        if end <= self.end.get() && self.end.get() != 0 {
            self.next.set(end);
            return start as *mut u8;
        }
        // Fresh pages come after everything else in memory; when they follow this allocator's
        // own, the block may straddle the two.
        let pages = PAGES_AT_ONCE.max((layout.size() + layout.align()).div_ceil(PAGE));
        let first = memory_grow(0, pages);
        if first == usize::MAX {
            return null_mut();
        }
        if first * PAGE != self.end.get() {
            self.next.set(first * PAGE);
        }
        self.end.set((first + pages) * PAGE);
        self.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if self.is_last(ptr, layout.size()) {
            self.next.set(ptr as usize);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A string or list growing at the end of memory grows in place.
        if self.is_last(ptr, layout.size()) && ptr as usize + new_size <= self.end.get() {
            self.next.set(ptr as usize + new_size);
            return ptr;
        }
        let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
        if !new.is_null() {
            std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        new
    }
}
