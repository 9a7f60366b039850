//! The zlib format (DEFLATE with an Adler-32 checksum) by the browser's own
//! `CompressionStream("deflate")` and `DecompressionStream("deflate")`: the review link's
//! compression, at no cost in download size (a Rust compressor added 14.7 KB of brotli'd wasm).

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair};

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
    read_all(source(bytes)?.pipe_through(transform.unchecked_ref::<ReadableWritablePair>()), usize::MAX).await
}

/// `bytes` decompressed; `None` for data that is not zlib, whose checksum is wrong, or that
/// would decompress to more than `limit` bytes (reading stops there).
pub async fn inflate(bytes: &[u8], limit: usize) -> Option<Vec<u8>> {
    let transform = Decompression::new("deflate").ok()?;
    read_all(source(bytes)?.pipe_through(transform.unchecked_ref::<ReadableWritablePair>()), limit).await
}

fn source(bytes: &[u8]) -> Option<ReadableStream> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    Blob::new_with_u8_array_sequence(&parts).ok().map(|blob| blob.stream())
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
