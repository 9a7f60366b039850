use std::time::Duration;

use leptos::prelude::*;
use questionnaire::draft::Draft;
use questionnaire::Answers;

use super::storage;

/// Long enough to stay off the typing path, short enough that a crash loses at most a moment.
const SAVE_DELAY: Duration = Duration::from_millis(400);

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Idle,
    Restored { saved_at: f64 },
    Saved { at: f64 },
    /// The browser refused the write: the partner keeps working in memory and is told.
    Failed,
    /// A stored draft could not be read; its text is kept under `backup_key`.
    Unreadable { reason: String, backup_key: Option<String> },
}

/// Loads the draft of the current app key and saves every change to it.
#[derive(Clone, Copy)]
pub struct DraftStore {
    pub status: RwSignal<SaveStatus>,
}

impl DraftStore {
    pub fn start(app_key: RwSignal<String>, answers: RwSignal<Answers>) -> Self {
        let status = RwSignal::new(SaveStatus::Idle);
        // What storage holds now, so a load or an unchanged value is not written back.
        let stored = StoredValue::new(None::<(String, Answers)>);
        let pending = StoredValue::new(None::<TimeoutHandle>);

        let save_now = move |key: String, current: Answers| {
            let now = js_sys::Date::now();
            let draft = Draft::new(key.clone(), current.clone(), now);
            if storage::write(&storage::draft_key(&key), &draft.to_json()) {
                stored.set_value(Some((key, current)));
                status.set(SaveStatus::Saved { at: now });
            } else {
                status.set(SaveStatus::Failed);
            }
        };
        let cancel_pending = move || {
            let handle = pending.try_update_value(Option::take).flatten();
            handle.map(|handle| handle.clear()).is_some()
        };

        Effect::new(move |_| {
            let key = app_key.get();
            // A change still waiting for its save belongs to the previous app key.
            if cancel_pending() {
                if let Some(previous_key) = stored.with_value(|stored| stored.as_ref().map(|(k, _)| k.clone())) {
                    save_now(previous_key, answers.get_untracked());
                }
            }
            let (restored, new_status) = load(&key);
            stored.set_value(Some((key.clone(), restored.clone())));
            storage::remember_app_key(&key);
            answers.set(restored);
            status.set(new_status);
        });

        Effect::new(move |_| {
            let current = answers.get();
            let key = app_key.get_untracked();
            cancel_pending();
            let unchanged = stored.with_value(|stored| {
                stored.as_ref().is_some_and(|(stored_key, stored_answers)| *stored_key == key && *stored_answers == current)
            });
            if !unchanged {
                let save = move || save_now(key, current);
                pending.set_value(set_timeout_with_handle(save, SAVE_DELAY).ok());
            }
        });

        DraftStore { status }
    }
}

fn load(app_key: &str) -> (Answers, SaveStatus) {
    let Some(text) = storage::read(&storage::draft_key(app_key)) else {
        return (Answers::new(), SaveStatus::Idle);
    };
    match Draft::parse(&text) {
        Ok(draft) => (draft.answers, SaveStatus::Restored { saved_at: draft.saved_at }),
        Err(error) => {
            let backup_key = storage::back_up(app_key, &text, js_sys::Date::now());
            (Answers::new(), SaveStatus::Unreadable { reason: error.to_string(), backup_key })
        }
    }
}
