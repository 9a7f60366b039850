//! Local storage, one draft per app key. Every call reports failure instead of throwing:
//! private modes and full quotas are normal, not exceptional. The API token never comes here.

use crate::page_contract::LAST_APP_KEY;

pub use questionnaire::draft::storage_key as draft_key;
use questionnaire::draft::{backup_key_prefix, legacy_storage_key};
use questionnaire::unsorted::map_of;

pub fn read(key: &str) -> Option<String> {
    backend::read(key)
}

/// Whether the browser accepted the write.
pub fn write(key: &str, value: &str) -> bool {
    backend::write(key, value)
}

pub fn remove(key: &str) -> bool {
    backend::remove(key)
}

/// Keeps text that could not be stored back as it is, so nothing is thrown away. The same
/// text is kept once, however often it is loaded. Returns the key it is kept under.
pub fn back_up(app_key: &str, text: &str, now_ms: f64) -> Option<String> {
    if let Some((key, _)) = backups(app_key).into_iter().find(|(_, kept)| kept == text) {
        return Some(key);
    }
    // Whole milliseconds (`Date.now()`), written as digits: formatting an f64 would pull the
    // floating-point printer into the wasm for this one key.
    let key = format!("{}{}", backup_key_prefix(app_key), now_ms.max(0.0) as u64);
    write(&key, text).then_some(key)
}

/// The app keys with a draft in this browser.
pub fn app_keys_with_drafts() -> Vec<String> {
    let prefix = draft_key("");
    backend::keys().into_iter().filter_map(|key| key.strip_prefix(&prefix).map(str::to_owned)).collect()
}

/// Every kept copy for this app key: (storage key, text), oldest first.
pub fn backups(app_key: &str) -> Vec<(String, String)> {
    let prefix = backup_key_prefix(app_key);
    map_of(
        backend::keys()
            .into_iter()
            .filter(|key| key.starts_with(&prefix))
            .filter_map(|key| read(&key).map(|text| (key, text))),
    )
    .into_tuple_vec()
}

/// Moves a draft the first builds kept under their own key to today's, so it is found. The
/// old entry goes only once the new one is written.
pub fn adopt_legacy_draft(app_key: &str) {
    let legacy = legacy_storage_key(app_key);
    if read(&draft_key(app_key)).is_none() {
        if let Some(text) = read(&legacy) {
            if write(&draft_key(app_key), &text) {
                remove(&legacy);
            }
        }
    }
}

/// The stored draft text of `app_key`, from where the first builds kept it if it could not
/// be moved (storage full): it is the only copy then.
pub fn read_draft(app_key: &str) -> Option<String> {
    read(&draft_key(app_key)).or_else(|| read(&legacy_storage_key(app_key)))
}

pub fn last_app_key() -> Option<String> {
    read(LAST_APP_KEY).filter(|key| !key.trim().is_empty())
}

/// Whether the browser accepted the write: the first sign, on load, that storage is refused.
pub fn remember_app_key(app_key: &str) -> bool {
    write(LAST_APP_KEY, app_key)
}

/// The browser's local storage.
#[cfg(target_arch = "wasm32")]
mod backend {
    use web_sys::Storage;

    fn local_storage() -> Option<Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn read(key: &str) -> Option<String> {
        local_storage()?.get_item(key).ok().flatten()
    }

    pub fn write(key: &str, value: &str) -> bool {
        local_storage().is_some_and(|storage| storage.set_item(key, value).is_ok())
    }

    pub fn remove(key: &str) -> bool {
        local_storage().is_some_and(|storage| storage.remove_item(key).is_ok())
    }

    pub fn keys() -> Vec<String> {
        let Some(storage) = local_storage() else { return Vec::new() };
        (0..storage.length().unwrap_or(0)).filter_map(|index| storage.key(index).ok().flatten()).collect()
    }
}

/// Outside a browser (the build-time prerender of the page, `crates/prerender`): an empty
/// storage that accepts writes, as a first visit's browser does.
#[cfg(not(target_arch = "wasm32"))]
mod backend {
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    thread_local! {
        static ITEMS: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
    }

    pub fn read(key: &str) -> Option<String> {
        ITEMS.with_borrow(|items| items.get(key).cloned())
    }

    pub fn write(key: &str, value: &str) -> bool {
        ITEMS.with_borrow_mut(|items| items.insert(key.to_owned(), value.to_owned()));
        true
    }

    pub fn remove(key: &str) -> bool {
        ITEMS.with_borrow_mut(|items| items.remove(key));
        true
    }

    pub fn keys() -> Vec<String> {
        ITEMS.with_borrow(|items| items.keys().cloned().collect())
    }
}
