//! What the component test files share: a mounted view that is gone again after its test.

use std::ops::Deref;

/// A view mounted into its own container in the document. Dropped at the end of its test, it
/// unmounts the view and removes the container, so no test meets another test's elements (the
/// same ids, a focus) in the document.
pub struct Mounted {
    container: web_sys::Element,
    // Dropping Leptos's handle unmounts the view and disposes of its reactive owner.
    _handle: Box<dyn std::any::Any>,
}

impl Mounted {
    pub fn new(container: web_sys::Element, handle: impl std::any::Any) -> Mounted {
        Mounted { container, _handle: Box::new(handle) }
    }
}

impl Deref for Mounted {
    type Target = web_sys::Element;

    fn deref(&self) -> &web_sys::Element {
        &self.container
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.container.remove();
    }
}
