//! What the stand-in holds, and its optional file persistence.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::version::Version;

/// One app (v2) or product (v3). Documents are kept as sent, unknown fields included.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    pub live: Option<Value>,
    pub draft: Option<Value>,
    #[serde(default)]
    pub put_count: u64,
}

impl Record {
    pub fn get(&self, version: Version) -> Option<&Value> {
        match version {
            Version::Live => self.live.as_ref(),
            Version::Draft => self.draft.as_ref(),
        }
    }

    /// A partner's PUT: the document becomes the draft.
    pub fn put_draft(&mut self, info: Value) {
        self.draft = Some(info);
        self.put_count += 1;
    }
}

/// v2 apps and v3 products live in separate maps: the two APIs name apps differently.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Store {
    #[serde(default)]
    pub apps: BTreeMap<String, Record>,
    #[serde(default)]
    pub products: BTreeMap<String, Record>,
}

impl Store {
    /// A missing file is an empty store; an unreadable one is an error rather than being
    /// silently replaced by the first save.
    pub fn load(path: &Path) -> io::Result<Store> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {e}", path.display()))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Store::default()),
            Err(e) => Err(e),
        }
    }

    /// Written to a temporary file and renamed, so a reader or a crash never sees half a file.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let bytes = serde_json::to_vec_pretty(self).map_err(io::Error::other)?;
        let mut temp = PathBuf::from(path);
        temp.as_mut_os_string().push(".tmp");
        std::fs::write(&temp, bytes)?;
        std::fs::rename(&temp, path)
    }
}
