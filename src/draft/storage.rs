//! Local storage, one draft per app key. Every call reports failure instead of throwing:
//! private modes and full quotas are normal, not exceptional.

use web_sys::Storage;

const BACKUP_PREFIX: &str = "privacy-tab:draft-backup:";
const LAST_APP_KEY: &str = "privacy-tab:last-app-key";

pub use questionnaire::draft::storage_key as draft_key;

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Whether the browser accepted the write.
pub fn write(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(key, value).is_ok())
}

/// Keeps text that could not be read as a draft, so nothing is thrown away. Returns the key
/// it was kept under.
pub fn back_up(app_key: &str, text: &str, now_ms: f64) -> Option<String> {
    let key = format!("{BACKUP_PREFIX}{app_key}:{now_ms}");
    write(&key, text).then_some(key)
}

pub fn last_app_key() -> Option<String> {
    read(LAST_APP_KEY).filter(|key| !key.trim().is_empty())
}

pub fn remember_app_key(app_key: &str) {
    write(LAST_APP_KEY, app_key);
}
