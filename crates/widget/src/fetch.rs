//! One anonymous GET with the browser's own `fetch`, followed by promise callbacks rather
//! than a Rust async runtime (lighter in the widget): no cookies go to the other origin, and
//! it must allow this page to read the answer (CORS).

use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{RequestCredentials, RequestInit, Response};

// The global `fetch`, named directly (see dom.rs on `web_sys::window()`).
#[wasm_bindgen]
extern "C" {
    fn fetch(url: &str, init: &RequestInit) -> Promise;
}

pub enum Failure {
    /// Nothing came back: offline, refused, or a response this page may not read (CORS).
    Unreachable,
    /// The server answered with this status and body.
    Status(u16, String),
}

/// Called once, with the body of a successful GET or why there is none.
pub type Done = Rc<dyn Fn(Result<String, Failure>)>;

pub fn get_text(url: &str, done: Done) {
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    let request = fetch(url, &init);
    let failed = unreachable(done.clone());
    on_settled(&request, Box::new(move |response| read_body(response.unchecked_into(), done.clone())), failed);
}

fn read_body(response: Response, done: Done) {
    let (ok, status) = (response.ok(), response.status());
    let Ok(body) = response.text() else { return done(Err(Failure::Unreachable)) };
    let failed = unreachable(done.clone());
    let read = move |body: JsValue| {
        let body = body.as_string().unwrap_or_default();
        done(if ok { Ok(body) } else { Err(Failure::Status(status, body)) })
    };
    on_settled(&body, Box::new(read), failed);
}

fn unreachable(done: Done) -> Box<dyn FnMut(JsValue)> {
    Box::new(move |_| done(Err(Failure::Unreachable)))
}

/// Runs `fulfilled` or `rejected` when `promise` settles. The callbacks are kept for the life
/// of the page: one request per widget.
pub(crate) fn on_settled(promise: &Promise, fulfilled: Box<dyn FnMut(JsValue)>, rejected: Box<dyn FnMut(JsValue)>) {
    let (fulfilled, rejected) = (Closure::wrap(fulfilled), Closure::wrap(rejected));
    let _ = promise.then2(&fulfilled, &rejected);
    fulfilled.forget();
    rejected.forget();
}
