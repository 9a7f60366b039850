//! The draft's durable copy. Local storage is written to disk in batches, seconds after a
//! change, so a crash or power cut loses the last seconds of typing. An IndexedDB transaction
//! with durability "strict" completes only once the browser has flushed it to disk. Every call
//! reports refusal (private modes, blocked storage) as an error or `false`, never a panic.

use std::cell::RefCell;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction};

use crate::page_contract::DURABLE_STORE as STORE;
use questionnaire::draft::DURABLE_DATABASE as DATABASE;

thread_local! {
    static OPENED: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// Whether `text` reached the disk.
pub async fn write(key: &str, text: &str) -> bool {
    let written = async {
        let transaction = strict_transaction("readwrite").await?;
        store_of(&transaction)?.put_with_key(&text.into(), &key.into())?;
        completed(&transaction).await
    };
    written.await.is_ok()
}

/// The durable copy, `Ok(None)` when there is none, `Err` when the browser refuses.
pub async fn read(key: &str) -> Result<Option<String>, ()> {
    let read = async {
        let transaction = strict_transaction("readonly").await?;
        let request = store_of(&transaction)?.get(&key.into())?;
        settled(&request).await
    };
    read.await.map(|value| value.as_string()).map_err(drop)
}

pub async fn remove(key: &str) -> bool {
    let removed = async {
        let transaction = strict_transaction("readwrite").await?;
        store_of(&transaction)?.delete(&key.into())?;
        completed(&transaction).await
    };
    removed.await.is_ok()
}

async fn database() -> Result<IdbDatabase, JsValue> {
    if let Some(db) = OPENED.with_borrow(Clone::clone) {
        return Ok(db);
    }
    let factory = web_sys::window().ok_or(JsValue::NULL)?.indexed_db()?.ok_or(JsValue::NULL)?;
    let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, 1)?;
    let upgrading = request.clone();
    let create_store = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result() {
            let _ = db.unchecked_into::<IdbDatabase>().create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(create_store.unchecked_ref()));
    let db: IdbDatabase = settled(&request).await?.unchecked_into();
    OPENED.set(Some(db.clone()));
    Ok(db)
}

/// `db.transaction(STORE, mode, { durability: "strict" })`: web-sys has the options only
/// behind its unstable flag, so they are passed as a plain object.
async fn strict_transaction(mode: &str) -> Result<IdbTransaction, JsValue> {
    let db = database().await?;
    let options = Object::new();
    Reflect::set(&options, &"durability".into(), &"strict".into())?;
    let transaction: Function = Reflect::get(&db, &"transaction".into())?.dyn_into()?;
    transaction.call3(&db, &STORE.into(), &mode.into(), &options)?.dyn_into()
}

fn store_of(transaction: &IdbTransaction) -> Result<IdbObjectStore, JsValue> {
    transaction.object_store(STORE)
}

/// Resolves with the request's result once it succeeds.
async fn settled(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let succeeded = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &succeeded.result().unwrap_or(JsValue::NULL));
        });
        let on_error = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

/// Resolves once the transaction is complete: with "strict", once its data is on disk.
async fn completed(transaction: &IdbTransaction) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        // An error is followed by an abort: each has its own handler (a once-closure called
        // twice would throw), and a promise settles once whatever calls it.
        let rejecter = |reject: Function| {
            Closure::once_into_js(move || {
                let _ = reject.call0(&JsValue::NULL);
            })
        };
        let (on_error, on_abort) = (rejecter(reject.clone()), rejecter(reject));
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        transaction.set_onerror(Some(on_error.unchecked_ref()));
        transaction.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise).await
}
