use leptos::prelude::*;
use questionnaire::catalogue;
use questionnaire::draft::answer_text;
use questionnaire::draft::sync::Conflict;
use questionnaire::session::Side;

use crate::erased::Shown;
use crate::form::control_id;
use crate::shell::Shell;

/// Questions changed in another tab (or, after a crash, in the other stored copy) while this
/// tab had changes to them: the partner chooses (the session's `Event::Settle`, undoable),
/// nothing is overwritten silently.
#[component]
pub fn ConflictNotice() -> impl IntoView {
    let shell = Shell::expect();
    let rows =
        move || shell.conflicts().into_iter().map(|conflict| view! { <ConflictRow shell conflict /> }).collect_view();
    view! {
        <div class="conflicts" role="alert">
            <Shown when=move || shell.has_conflicts()>
                <div class="draft-notice warning">
                    <h2 class="notice-title">"Changed in another tab too"</h2>
                    <p>"You changed these answers here while another tab of this draft changed them differently. Choose which to keep."</p>
                    <ul class="conflict-list">{rows}</ul>
                </div>
            </Shown>
        </div>
    }
}

#[component]
fn ConflictRow(shell: Shell, conflict: Conflict) -> impl IntoView {
    let question = catalogue::find(&conflict.id);
    let label = question.map_or_else(|| conflict.id.clone(), |q| q.listing_label.to_owned());
    let (theirs, mine) =
        (answer_text(question, conflict.theirs.as_ref()), answer_text(question, conflict.mine.as_ref()));
    let (use_id, keep_id) = (conflict.id.clone(), conflict.id.clone());
    // An id this build does not know (kept from a newer one) has no control to go to.
    let href = question.map(|question| format!("#{}", control_id(question.id)));
    view! {
        <li class="conflict" data-conflict=conflict.id.clone()>
            <a href=href>{label}</a>
            <dl>
                <dt>"Other tab"</dt>
                <dd class="theirs">{theirs}</dd>
                <dt>"This tab"</dt>
                <dd class="mine">{mine}</dd>
            </dl>
            <button type="button" class="secondary use-theirs" on:click=move |_| shell.settle(use_id.clone(), Side::Theirs)>
                "Use theirs"
            </button>
            <button type="button" class="secondary keep-mine" on:click=move |_| shell.settle(keep_id.clone(), Side::Mine)>
                "Keep mine"
            </button>
        </li>
    }
}
