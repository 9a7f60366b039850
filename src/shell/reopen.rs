//! Opening an app's draft (on start, a reload after a crash, another app named): its stored
//! copies go to the session as [`Event::Reopened`], local storage's at once, the crash-safe
//! copy once read; the session decides which wins (by lineage) and what is kept aside.

use leptos::prelude::*;
use questionnaire::session::Event;

use super::Shell;

impl Shell {
    pub(super) fn reopen(&self, app: String) {
        let local = self.drafts.open_local(&app);
        // Not fed: the form may still show the app open before.
        self.dispatch_fed(Event::Reopened { app: app.clone(), local, durable: None }, false);
        self.show_open_draft();
        let shell = *self;
        self.drafts.read_durable_copy(app.clone(), move |durable, draft| {
            let before = shell.questionnaire.snapshot_untracked();
            // Fed: what was typed since opening is merged with it, never lost.
            shell.dispatch(Event::Reopened { app, local: None, durable: Some(durable) });
            shell.show_open_draft();
            if let (Some(draft), true) = (draft, shell.questionnaire.snapshot_untracked() != before) {
                shell.drafts.say_restored(draft);
            }
        });
    }

    /// The open app's draft as the session holds it, on the form, and its record kept with it.
    pub(super) fn show_open_draft(&self) {
        let open = self.drafts.app_key().get_untracked();
        let Some(draft) = self.state.with_value(|state| state.draft(&open).cloned()) else { return };
        if self.questionnaire.snapshot_untracked() != draft.answers {
            self.drafts.show_answers(draft.answers);
        }
        if let Some(record) = draft.record {
            self.drafts.keep_record(&open, record.raw, record.read_at);
        }
        self.show_state();
    }
}
