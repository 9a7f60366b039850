//! The zlib format (DEFLATE with an Adler-32 checksum) by the browser's own
//! `CompressionStream("deflate")` and `DecompressionStream("deflate")`: the review link's
//! compression, at no cost in download size (a Rust compressor added 14.7 KB of brotli'd wasm).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableStreamDefaultController, ReadableStreamDefaultReader, ReadableWritablePair};

/// How much data a stream is handed at a time. The browser inflates a whole chunk at once
/// before anyone can look at the result, and DEFLATE grows a byte into at most about 1 KB: a
/// slice inflates to at most about 1 MB before the reader sees it and can stop, where a whole
/// link's data in one chunk could grow the tab by hundreds of megabytes first.
pub const SLICE_BYTES: usize = 1024;

#[wasm_bindgen]
extern "C" {
    /// web-sys has these behind its unstable APIs; they are a transform stream each (a
    /// readable and a writable side), which is all `pipeThrough` asks.
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compression;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Compression, JsValue>;

    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompression;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Decompression, JsValue>;
}

/// `bytes` compressed; `None` where the browser cannot (one without CompressionStream).
pub async fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    let transform = Compression::new("deflate").ok()?;
    let feed = Feed::new(bytes);
    read_all(feed.stream()?.pipe_through(transform.unchecked_ref::<ReadableWritablePair>()), usize::MAX).await
}

/// `bytes` decompressed; `None` for data that is not zlib, whose checksum is wrong, or that
/// would decompress to more than `limit` bytes (reading stops there, one slice past it at most).
pub async fn inflate(bytes: &[u8], limit: usize) -> Option<Vec<u8>> {
    inflate_counted(bytes, limit).await.0
}

/// [`inflate`], and how many of `bytes` were handed to the decompressor: what bounds the
/// memory it took (about 1 KB of output for each byte at most).
pub async fn inflate_counted(bytes: &[u8], limit: usize) -> (Option<Vec<u8>>, usize) {
    let Ok(transform) = Decompression::new("deflate") else { return (None, 0) };
    let feed = Feed::new(bytes);
    let Some(source) = feed.stream() else { return (None, 0) };
    let inflated = read_all(source.pipe_through(transform.unchecked_ref::<ReadableWritablePair>()), limit).await;
    let fed = feed.0.borrow().handed;
    (inflated, fed)
}

/// The data a stream is pulled from, [`SLICE_BYTES`] at a time.
struct Feed(Rc<RefCell<Slices>>);

struct Slices {
    bytes: Vec<u8>,
    handed: usize,
}

impl Feed {
    fn new(bytes: &[u8]) -> Feed {
        Feed(Rc::new(RefCell::new(Slices { bytes: bytes.to_vec(), handed: 0 })))
    }

    /// A stream of the data that is pulled a slice at a time: through a pipe, the next slice
    /// is taken only once the decompressor's output of the last has been read (the streams'
    /// backpressure), so what is inflated and not yet read never exceeds a slice's worth.
    fn stream(&self) -> Option<ReadableStream> {
        let slices = Rc::downgrade(&self.0);
        let pull = Closure::<dyn FnMut(ReadableStreamDefaultController)>::new(
            move |controller: ReadableStreamDefaultController| {
                let next = slices.upgrade().and_then(|slices| slices.borrow_mut().next());
                let _ = match next {
                    Some(slice) => controller.enqueue_with_chunk(&slice),
                    None => controller.close(),
                };
            },
        );
        let source = Object::new();
        Reflect::set(&source, &"pull".into(), pull.as_ref()).ok()?;
        // A cancelled pipe may still pull once after the reading is over: the closure stays
        // (a few bytes; it holds the data weakly, so the data goes when the feed does).
        pull.forget();
        ReadableStream::new_with_underlying_source(&source).ok()
    }
}

impl Slices {
    fn next(&mut self) -> Option<Uint8Array> {
        let start = self.handed;
        let end = start.saturating_add(SLICE_BYTES).min(self.bytes.len());
        self.handed = end;
        (start < end).then(|| Uint8Array::from(&self.bytes[start..end]))
    }
}

async fn read_all(stream: ReadableStream, limit: usize) -> Option<Vec<u8>> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let step = JsFuture::from(reader.read()).await.ok()?;
        if Reflect::get(&step, &"done".into()).ok()?.is_truthy() {
            return Some(out);
        }
        let chunk: Uint8Array = Reflect::get(&step, &"value".into()).ok()?.dyn_into().ok()?;
        if out.len() + chunk.length() as usize > limit {
            let _ = reader.cancel();
            return None;
        }
        out.extend(chunk.to_vec());
    }
}
