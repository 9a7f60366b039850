//! Another tab's save of the open draft goes to the session as [`Event::TabWrote`]; it decides
//! what is taken, what is merged and which questions the partner settles.

use leptos::prelude::*;
use questionnaire::session::Event;

use super::Shell;

impl Shell {
    /// `None`: another tab discarded the draft. That is no copy: what this tab shows stays (the
    /// partner's answers disappear only through an action of theirs that can be undone).
    pub(super) fn tab_wrote(&self, text: Option<String>) {
        let Some(text) = text else { return };
        let app = self.drafts.app_key().get_untracked();
        let copy = self.drafts.their_copy(text);
        // The session is told what was typed here first, so the view before is the fed one.
        let before = (self.questionnaire.snapshot_untracked(), self.conflicts.get_untracked());
        self.dispatch(Event::TabWrote { app, copy });
        self.show_open_draft();
        if (self.questionnaire.snapshot_untracked(), self.conflicts.get_untracked()) != before {
            self.drafts.say_updated_from_other_tab();
        }
    }
}
