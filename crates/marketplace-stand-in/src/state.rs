//! The state shared by all handlers.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::auth::Credentials;
use crate::config::Config;
use crate::faults::Faults;
use crate::static_files::StaticSite;
use crate::store::Store;

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    credentials: Credentials,
    control_token: Option<String>,
    v3_read_wrapper: &'static str,
    known_app_keys: Option<BTreeSet<String>>,
    data_file: Option<PathBuf>,
    static_site: Option<StaticSite>,
    store: Mutex<Store>,
    faults: Mutex<Faults>,
    /// API requests received, by method, counted as they arrive (before any fault or delay).
    received: Mutex<BTreeMap<String, u64>>,
}

impl AppState {
    /// Loads the data file, if one is configured and exists.
    pub fn new(config: &Config) -> io::Result<Self> {
        let store = match &config.data_file {
            Some(path) => Store::load(path)?,
            None => Store::default(),
        };
        Ok(AppState {
            inner: Arc::new(Inner {
                credentials: Credentials::new(&config.email, &config.token),
                control_token: config.control_token.clone(),
                v3_read_wrapper: config.v3_read_wrapper,
                known_app_keys: config.known_app_keys.clone(),
                data_file: config.data_file.clone(),
                static_site: StaticSite::from_config(config)?,
                store: Mutex::new(store),
                faults: Mutex::new(Faults::new(config.faults.clone())),
                received: Mutex::default(),
            }),
        })
    }

    pub fn credentials(&self) -> &Credentials {
        &self.inner.credentials
    }

    /// The key a v3 GET wraps the record in (`--v3-read-wrapper`).
    pub fn v3_read_wrapper(&self) -> &'static str {
        self.inner.v3_read_wrapper
    }

    /// What control API requests must carry, if anything (`--control-token`).
    pub fn control_token(&self) -> Option<&str> {
        self.inner.control_token.as_deref()
    }

    pub fn knows_app(&self, key: &str) -> bool {
        self.inner.known_app_keys.as_ref().is_none_or(|keys| keys.contains(key))
    }

    pub fn static_site(&self) -> Option<&StaticSite> {
        self.inner.static_site.as_ref()
    }

    pub fn read<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        f(&lock(&self.inner.store))
    }

    /// Changes the store and saves it. A failed save is logged, not returned: the in-memory
    /// state is still right, and failing the request would hide the change from the client.
    pub fn update<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        let mut store = lock(&self.inner.store);
        let result = f(&mut store);
        if let Some(path) = &self.inner.data_file {
            if let Err(e) = store.save(path) {
                eprintln!("marketplace-stand-in: could not save {}: {e}", path.display());
            }
        }
        result
    }

    pub fn faults(&self) -> MutexGuard<'_, Faults> {
        lock(&self.inner.faults)
    }

    /// Counts an API request as it arrives.
    pub fn received(&self, method: &str) {
        *lock(&self.inner.received).entry(method.to_owned()).or_default() += 1;
    }

    /// How many API requests of each method have arrived.
    pub fn received_so_far(&self) -> BTreeMap<String, u64> {
        lock(&self.inner.received).clone()
    }

    pub fn forget_received(&self) {
        lock(&self.inner.received).clear();
    }
}

/// A panic while holding a lock cannot leave these plain maps half-updated in a way that
/// matters to a test double, so poisoning is ignored.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
