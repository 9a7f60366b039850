use leptos::prelude::*;

use super::files::{download_json, file_name};
use super::status::clock_time;
use super::storage;
use super::store::DraftStore;
use crate::erased::Shown;

/// Copies of stored drafts that could not be kept as they were, for this app key: each can
/// be downloaded, and deleted once downloaded. Listed on every load, so a copy made days ago
/// stays within reach after the draft itself has been saved over.
#[component]
pub fn KeptCopies(drafts: DraftStore) -> impl IntoView {
    let refresh = RwSignal::new(0u32);
    let downloaded = RwSignal::new(Vec::<String>::new());
    let copies = crate::erased::memo(move |_| {
        refresh.track();
        drafts.track_kept();
        storage::backups(&drafts.app_key().get())
    });
    let rows = move || {
        copies
            .get()
            .into_iter()
            .map(|(key, text)| {
                // Whole milliseconds (see `storage::back_up`).
                let stamp = key.rsplit(':').next().and_then(|ms| ms.parse::<u64>().ok()).map_or(0.0, |ms| ms as f64);
                let date = js_sys::Date::new(&stamp.into());
                let kept_on = format!(
                    "{:04}-{:02}-{:02} at {}",
                    date.get_full_year(),
                    date.get_month() + 1,
                    date.get_date(),
                    clock_time(stamp)
                );
                let (download_key, delete_key, shown_key) = (key.clone(), key.clone(), key);
                let download = move |_| {
                    let app_key = drafts.app_key().get_untracked();
                    if download_json(&file_name("saved-text", &app_key, stamp), &text) {
                        downloaded.update(|keys| keys.push(download_key.clone()));
                    }
                };
                let delete = move |_| {
                    storage::remove(&delete_key);
                    refresh.update(|n| *n += 1);
                };
                view! {
                    <li class="kept-copy">
                        {format!("Kept on {kept_on} ")}
                        <button type="button" class="link-button download-copy" on:click=download>"Download"</button>
                        <Shown when=move || downloaded.with(|keys| keys.contains(&shown_key))>
                            " · "
                            <button type="button" class="link-button delete-copy" on:click=delete.clone()>"Delete it from this browser"</button>
                        </Shown>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Shown when=move || copies.with(|copies| !copies.is_empty())>
            <details class="kept-copies">
                <summary>{move || format!("Copies of saved drafts that could not be kept as they were ({})", copies.with(Vec::len))}</summary>
                <p class="hint">"Download one to keep it; once downloaded, you can delete it from this browser."</p>
                <ul>{rows}</ul>
            </details>
        </Shown>
    }
}
