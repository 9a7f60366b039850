//! Export to a file and import from one. An export is a draft plus the PUT body it would send,
//! so the file is useful on its own (for `curl`, or another tool). Import takes that, a bare
//! draft, or what the API itself returns or takes.

use serde_json::Value;

use super::{Draft, DraftError};
use crate::wire::{self, PUT_BODY_KEY};

/// What an imported file turned out to be, so the UI can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    /// A file written by [`export_json`].
    Export,
    /// A draft as kept in local storage.
    Draft,
    /// A v2 GET/PUT body (`{"appTrustInformation": …}`) or a v3 one (`{"commonCloud": …}`).
    ApiBody,
    /// A bare `TrustInfo`.
    TrustInfo,
    /// The answers of a review link (`crate::review_link`): what the tab shows, nothing else.
    ReviewLink,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub draft: Draft,
    pub kind: ImportKind,
}

/// The draft's own fields plus `"appTrustInformation"`: the body a submit would send.
pub fn export_json(draft: &Draft) -> String {
    let mut value = serde_json::to_value(draft).expect("a draft always serialises");
    if let Value::Object(fields) = &mut value {
        fields.insert(PUT_BODY_KEY.to_owned(), draft.put_body()[PUT_BODY_KEY].clone());
    }
    serde_json::to_string_pretty(&value).expect("a draft always serialises")
}

/// Reads an export, a draft, or an API document. `app_key` and `now` fill in what an API
/// document does not carry; a draft keeps its own (compare `app_key` before using it).
pub fn import(text: &str, app_key: &str, now: f64) -> Result<Imported, DraftError> {
    let value: Value = serde_json::from_str(text).map_err(|e| DraftError::NotJson(e.to_string()))?;
    match Draft::from_value(&value) {
        Ok(draft) => {
            let kind = if value.get(PUT_BODY_KEY).is_some() { ImportKind::Export } else { ImportKind::Draft };
            Ok(Imported { draft, kind })
        }
        Err(DraftError::NotADraft) if wire::is_trust_info(&value) => {
            let kind = if wire::trust_info_of(&value) == &value { ImportKind::TrustInfo } else { ImportKind::ApiBody };
            Ok(Imported { draft: Draft::from_api(app_key, &value, now), kind })
        }
        Err(error) => Err(error),
    }
}
