use leptos::prelude::*;

use super::store::{DraftStore, Durability, SaveStatus};

/// A quiet line that says where the draft stands, announced politely to screen readers.
/// `data-last-save-ms` carries how long the last save took, for the in-page benchmark.
#[component]
pub fn AutosaveStatus(drafts: DraftStore) -> impl IntoView {
    let message = crate::erased::memo(move |_| {
        match drafts.status() {
        // The notice below says why; "saved" would be untrue now.
        _ if drafts.write_failed() => "Not saved in this browser.".to_owned(),
        _ if drafts.saving_held() => {
            "Nothing is being saved: download the original text of your saved draft (below) first, and saving starts again.".to_owned()
        }
        SaveStatus::Idle => String::new(),
        SaveStatus::Restored { saved_at } => format!("Restored your draft saved at {}.", clock_time(saved_at)),
        SaveStatus::Saved { at } if drafts.durability() == Durability::Unavailable => format!(
            "Saved locally at {}, but this browser keeps no crash-safe copy: a crash may lose the last few seconds.",
            clock_time(at)
        ),
        SaveStatus::Saved { at } => format!("Saved locally at {}", clock_time(at)),
        SaveStatus::UpdatedFromOtherTab { at } => format!("Updated from another tab at {}", clock_time(at)),
        SaveStatus::Discarded => "Your local draft was discarded.".to_owned(),
        SaveStatus::Undone => "Undone: your earlier answers are back and saved.".to_owned(),
        SaveStatus::Imported { file_name, app_key } => {
            format!("Imported “{file_name}” and saved it as your draft of {app_key}.")
        }
    }
    });
    let last_save_ms = move || drafts.last_save_ms().map(|ms| fixed(ms, 2));
    view! {
        <p class="autosave-status" role="status" aria-live="polite" data-last-save-ms=last_save_ms>
            {message}
        </p>
    }
}

/// "14:02" in the partner's own time zone.
pub fn clock_time(epoch_ms: f64) -> String {
    let date = js_sys::Date::new(&epoch_ms.into());
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// A non-negative number with `places` decimals, as `format!("{:.2}")` writes it (halves
/// rounded away from zero), without formatting an f64: that alone would pull the
/// floating-point printer into the wasm.
pub(crate) fn fixed(value: f64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let scaled = (value.max(0.0) * scale as f64).round() as u64;
    format!("{}.{:0width$}", scaled / scale, scaled % scale, width = places as usize)
}
