//! The draft in local storage: saved shortly after every change, restored on load.

mod autosave;
mod status;
mod storage;

pub use autosave::DraftStore;
pub use status::AutosaveStatus;
pub use storage::last_app_key;
