//! A review link's data inflated by the browser's own `DecompressionStream("deflate")` (the
//! zlib format, whose checksum catches a changed character), read a chunk at a time and given
//! up past a limit: a link made to inflate without end costs the tab no more than that. Promise
//! callbacks, as in fetch.rs, rather than a Rust async runtime.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::fetch::on_settled;

/// How much compressed data is written to the decompressor at a time. A write is taken up only
/// once the output of the one before has been read (the streams' backpressure), and DEFLATE
/// grows a byte into about 1 KB at most: what is inflated and not yet read stays under about a
/// megabyte, whatever the link.
const SLICE_BYTES: usize = 1024;

// The streams, named directly (web-sys has DecompressionStream behind its unstable APIs).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompression;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Decompression, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &Decompression) -> Writable;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &Decompression) -> Readable;

    type Writable;
    #[wasm_bindgen(method, js_name = getWriter)]
    fn get_writer(this: &Writable) -> Writer;
    type Writer;
    #[wasm_bindgen(method)]
    fn write(this: &Writer, chunk: &Uint8Array) -> Promise;
    #[wasm_bindgen(method)]
    fn close(this: &Writer) -> Promise;

    type Readable;
    #[wasm_bindgen(method, js_name = getReader)]
    fn get_reader(this: &Readable) -> Reader;
    type Reader;
    #[wasm_bindgen(method)]
    fn read(this: &Reader) -> Promise;
    #[wasm_bindgen(method)]
    fn cancel(this: &Reader) -> Promise;

    /// What `read` resolves to.
    type Step;
    #[wasm_bindgen(method, getter)]
    fn done(this: &Step) -> bool;
    #[wasm_bindgen(method, getter)]
    fn value(this: &Step) -> JsValue;
}

/// Called once: the inflated bytes, or `None` for data that is not zlib, whose checksum is
/// wrong, that inflates to more than the limit, or a browser without DecompressionStream.
pub type Inflated = Box<dyn FnOnce(Option<Vec<u8>>)>;

pub fn inflate(bytes: &[u8], limit: usize, done: Inflated) {
    let Ok(stream) = Decompression::new("deflate") else { return done(None) };
    let writer = stream.writable().get_writer();
    let mut writes: Vec<Promise> =
        bytes.chunks(SLICE_BYTES).map(|slice| writer.write(&Uint8Array::from(slice))).collect();
    writes.push(writer.close());
    // A write fails when the data does, and the reading says so: nothing to report twice.
    ignore_failures(&writes);
    let reading = Rc::new(Reading {
        reader: stream.readable().get_reader(),
        out: RefCell::new(Vec::new()),
        limit,
        done: RefCell::new(Some(done)),
    });
    read_next(reading);
}

struct Reading {
    reader: Reader,
    out: RefCell<Vec<u8>>,
    limit: usize,
    done: RefCell<Option<Inflated>>,
}

impl Reading {
    fn finish(&self, result: Option<Vec<u8>>) {
        let done = self.done.borrow_mut().take();
        if let Some(done) = done {
            done(result);
        }
    }
}

fn read_next(reading: Rc<Reading>) {
    let failed = reading.clone();
    on_settled(
        &reading.reader.read(),
        Box::new(move |step| took(&reading, step.unchecked_into())),
        Box::new(move |_| failed.finish(None)),
    );
}

fn took(reading: &Rc<Reading>, step: Step) {
    if step.done() {
        let out = reading.out.take();
        return reading.finish(Some(out));
    }
    let chunk: Uint8Array = step.value().unchecked_into();
    let start = reading.out.borrow().len();
    let end = start.saturating_add(chunk.length() as usize);
    if end > reading.limit {
        ignore_failures(&[reading.reader.cancel()]);
        return reading.finish(None);
    }
    {
        let mut out = reading.out.borrow_mut();
        out.resize(end, 0);
        chunk.copy_to(&mut out[start..]);
    }
    read_next(reading.clone());
}

fn ignore_failures(promises: &[Promise]) {
    let ignore = Closure::wrap(Box::new(|_| {}) as Box<dyn FnMut(JsValue)>);
    for promise in promises {
        let _ = promise.catch(&ignore);
    }
    ignore.forget();
}
