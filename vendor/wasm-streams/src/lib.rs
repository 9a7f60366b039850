//! What `server_fn` (always a dependency of Leptos) calls of `wasm-streams`: a Rust stream as a
//! request body, and a response body as a Rust stream, for streaming server functions. The app
//! has no server functions. The real crate's `#[wasm_bindgen]` exports (`IntoUnderlyingSource`,
//! `IntoUnderlyingSink`, `IntoUnderlyingByteSource`) are kept by the linker whether or not
//! anything calls them, with their JavaScript classes in the glue; this stand-in has none.

use futures_util::stream::{self, Stream};
use wasm_bindgen::JsValue;

const NOT_HERE: &str = "streaming server functions are not built into privacy-tab (vendor/README.md)";

/// A JavaScript `ReadableStream`, as `wasm_streams::ReadableStream` wraps one.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// Needs the real crate's exported classes.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        unimplemented!("{NOT_HERE}")
    }

    /// Needs the real crate's reader.
    pub fn into_stream(self) -> stream::Empty<Result<JsValue, JsValue>> {
        unimplemented!("{NOT_HERE}")
    }
}
