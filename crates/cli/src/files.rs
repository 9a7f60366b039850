//! Reading the files the app exports and imports: a draft export, a stored draft, or an API
//! body (v2, v3 or a bare `TrustInfo`).

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use questionnaire::draft::{self, Draft, ImportKind};

pub struct Loaded {
    pub draft: Draft,
    pub kind: ImportKind,
}

/// The file as a draft, or a sentence saying why it cannot be used and what to do.
pub fn load(path: &Path) -> Result<Loaded, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot be read ({e}).", path.display()))?;
    // An API body carries no app key; commands that send name the app themselves.
    draft::import(&text, "", now_ms())
        .map(|imported| Loaded { draft: imported.draft, kind: imported.kind })
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// What the file turned out to be, in words.
pub fn kind_name(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Export => "privacy-tab draft export",
        ImportKind::Draft => "privacy-tab draft",
        ImportKind::ApiBody => "Marketplace API body",
        ImportKind::TrustInfo => "Marketplace TrustInfo",
        ImportKind::ReviewLink => "review link",
    }
}

/// Milliseconds since the epoch, as drafts record their time.
pub fn now_ms() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0.0, |elapsed| elapsed.as_millis() as f64)
}
