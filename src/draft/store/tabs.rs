//! Other tabs of the same draft: what they write is read here, for the session to decide what
//! of it to take (`crate::shell` feeds it `Event::TabWrote`).

use leptos::prelude::*;
use questionnaire::session::StoredCopy;

use super::open::copy_of;
use super::{DraftStore, SaveStatus};

impl DraftStore {
    /// Another tab wrote `text` for the open draft: what storage holds now, as a copy.
    pub fn their_copy(&self, text: String) -> StoredCopy {
        let (copy, draft) = copy_of(text);
        if let Some(draft) = draft {
            self.inner.update_value(|inner| {
                inner.stored = draft.answers;
                inner.stored_revision = draft.revision;
                inner.stored_ancestors = draft.ancestors;
            });
        }
        copy
    }

    pub fn say_updated_from_other_tab(&self) {
        self.status.set(SaveStatus::UpdatedFromOtherTab { at: crate::platform::epoch_ms() });
    }

    /// Shows answers the session holds for the open draft (taken from a stored copy): saved
    /// when they differ from what storage holds.
    pub fn show_answers(&self, answers: questionnaire::Answers) {
        let unsaved = self.inner.with_value(|inner| inner.stored != answers);
        self.answers.replace_all(answers);
        if unsaved {
            self.schedule();
        }
    }
}
