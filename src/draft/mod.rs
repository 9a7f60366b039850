//! The draft in local storage: saved shortly after every change and when the page is left,
//! restored on load (with the question the partner was at), shared between tabs, exported,
//! imported and discarded with an undo. Bad stored text is kept aside, never thrown away.

mod answers;
mod conflict_notice;
mod discard_button;
mod draft_panel;
mod durable;
mod export_button;
mod files;
mod import_button;
mod import_preview;
mod kept_copies;
mod lifecycle;
mod position;
mod start_from_app;
mod status;
pub(crate) mod storage;
mod storage_notice;
mod store;

pub use answers::{Field, Parties, Party, PartyEdit, Questionnaire};
pub use draft_panel::DraftPanel;
pub use import_preview::{ImportPreview, PendingImport};
pub use store::{DraftStore, KeptOriginal, DEMO_APP_KEY};
