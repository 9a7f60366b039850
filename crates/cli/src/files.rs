//! Reading the files the app exports and imports: a draft export, a stored draft, or an API
//! body (v2, v3 or a bare `TrustInfo`); and any other text file the command line reads.

use std::io::Read;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use questionnaire::answers_file;
use questionnaire::draft::{self, Draft, ImportKind, LARGEST_FILE_BYTES};

use crate::answers_toml;
use questionnaire::wire::from_trust_info;
use questionnaire::Answers;

pub struct Loaded {
    pub draft: Draft,
    pub kind: FileKind,
    /// An answers file's `[as_approved]` table.
    pub as_approved: Option<answers_file::AsApproved>,
}

/// What a file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// What the browser app imports.
    Import(ImportKind),
    /// The answers file made for hand editing (`questionnaire::answers_file`), TOML or JSON.
    Answers,
}

impl Loaded {
    /// Whether the file says which app it was made for (an export, a draft, an answers file).
    pub fn names_its_app(&self) -> bool {
        matches!(self.kind, FileKind::Import(ImportKind::Export | ImportKind::Draft) | FileKind::Answers)
            && !self.draft.app_key.is_empty()
    }
}

/// The file as a draft, or a sentence saying why it cannot be used and what to do.
pub fn load(path: &Path) -> Result<Loaded, String> {
    let text = read_text(path)?;
    let problem = |e: String| format!("{}: {e}", path.display());
    let is_toml = path.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("toml"));
    let value =
        if is_toml { Some(answers_toml::parse(&text).map_err(problem)?) } else { serde_json::from_str(&text).ok() };
    if let Some(value) = value.filter(|value| is_toml || answers_file::is_answers_file(value)) {
        let file = answers_file::read(&value)
            .map_err(|problems| problem(format!("not a valid answers file:\n  - {}", problems.join("\n  - "))))?;
        return Ok(Loaded {
            draft: Draft::new(file.app_key, file.answers, 0.0),
            kind: FileKind::Answers,
            as_approved: file.as_approved,
        });
    }
    // An API body carries no app key; commands that send name the app themselves.
    draft::import(&text, "", now_ms())
        .map(|imported| Loaded { draft: imported.draft, kind: FileKind::Import(imported.kind), as_approved: None })
        .map_err(|e| problem(e.to_string()))
}

/// The text of a file, read up to the browser import's limit (so `/dev/zero` or a log file
/// given by mistake ends with a sentence, not with memory running out); a UTF-8 byte-order
/// mark, as some Windows editors write one, is dropped.
pub fn read_text(path: &Path) -> Result<String, String> {
    let cannot = |e: std::io::Error| format!("{}: cannot be read ({e}).", path.display());
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    file.take(LARGEST_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > LARGEST_FILE_BYTES {
        return Err(format!(
            "{}: larger than {} MB, so not a file privacy-tab reads (a draft is a few tens of kilobytes).",
            path.display(),
            LARGEST_FILE_BYTES / 1_000_000
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!("{}: not UTF-8 text (invalid byte at {}).", path.display(), e.utf8_error().valid_up_to())
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The answers of the Marketplace record a draft or export was made from (a pulled file keeps
/// it; a pulled answers file, those of them its `[as_approved]` table keeps), against which
/// `check` tells the partner's problems from the Marketplace's own.
pub fn held_answers(loaded: &Loaded) -> Option<Answers> {
    match loaded.kind {
        FileKind::Import(ImportKind::Export | ImportKind::Draft) => {
            loaded.draft.raw_trust_info.as_ref().map(from_trust_info)
        }
        FileKind::Answers => loaded.as_approved.as_ref().map(|table| table.held(&loaded.draft.answers)),
        _ => None,
    }
}

/// What the file turned out to be, in words.
pub fn kind_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Import(ImportKind::Export) => "privacy-tab draft export",
        FileKind::Import(ImportKind::Draft) => "privacy-tab draft",
        FileKind::Import(ImportKind::ApiBody) => "Marketplace API body",
        FileKind::Import(ImportKind::TrustInfo) => "Marketplace TrustInfo",
        FileKind::Import(ImportKind::ReviewLink) => "review link",
        FileKind::Answers => "privacy-tab answers",
    }
}

/// Milliseconds since the epoch, as drafts record their time.
pub fn now_ms() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0.0, |elapsed| elapsed.as_millis() as f64)
}
