use leptos::prelude::*;

use super::autosave::{DraftStore, SaveStatus};

/// A quiet line that says where the draft stands, announced politely to screen readers.
#[component]
pub fn AutosaveStatus(drafts: DraftStore) -> impl IntoView {
    let message = move || match drafts.status.get() {
        SaveStatus::Idle => String::new(),
        SaveStatus::Restored { saved_at } => format!("Restored your draft saved at {}.", clock_time(saved_at)),
        SaveStatus::Saved { at } => format!("Saved locally at {}", clock_time(at)),
        SaveStatus::Failed => "Your browser did not let us save this draft (storage is full or disabled). Keep this tab open: your answers are still here.".to_owned(),
        SaveStatus::Unreadable { reason, backup_key } => match backup_key {
            Some(key) => format!("Your saved draft could not be read: {reason} Its text is kept in this browser under \"{key}\"; you are starting from an empty form."),
            None => format!("Your saved draft could not be read: {reason}"),
        },
    };
    view! { <p class="autosave-status" role="status" aria-live="polite">{message}</p> }
}

/// "14:02" in the partner's own time zone.
fn clock_time(epoch_ms: f64) -> String {
    let date = js_sys::Date::new(&epoch_ms.into());
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}
