//! The eight sequences of issue 23 that crossed features and went wrong, each a named test of
//! the session, plus the rules around them.

use serde_json::{json, Value};

use super::*;
use crate::answers::{Answer, Answers};
use crate::catalogue::ids::{self, choice};
use crate::draft::sync::Conflict;
use crate::wire::{from_trust_info, to_trust_info, to_trust_info_over};

const A: &str = "a.one";
const B: &str = "b.two";
const LINK: &str = "https://vendor.example.com/security";

fn text(value: &str) -> Option<Answer> {
    Some(Answer::Text(value.into()))
}

fn typed(state: &mut State, id: crate::catalogue::QuestionId, answer: Option<Answer>) -> Vec<Effect> {
    step(state, Event::Typed { id: id.into(), answer })
}

/// A record as the Marketplace holds it for `app`: its answers and a field only it knows.
fn record_of(app: &str, contact: &str) -> Value {
    let mut answers = Answers::new();
    answers.set(ids::SECURITY_CONTACT, Answer::Text(contact.into()));
    answers.set(ids::SECURITY_POLICY, Answer::Text(LINK.into()));
    let mut info = to_trust_info(&answers);
    info["vendorOnly"] = json!({ "belongsTo": app });
    info
}

fn puts(effects: &[Effect]) -> Vec<(&str, &Value)> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Put { app, trust_info } => Some((app.as_str(), trust_info)),
            _ => None,
        })
        .collect()
}

fn said(effects: &[Effect]) -> Vec<&Message> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Say(message) => Some(message),
            _ => None,
        })
        .collect()
}

fn busy(status: u16, retry_after: &str) -> Result<(), Failure> {
    Err(Failure { status, retry_after: Some(retry_after.into()) })
}

/// Send pressed for the open app, its record read fresh: the first PUT.
fn send(state: &mut State, record: Value, now: f64) -> Vec<Effect> {
    let effects = step(state, Event::SendPressed);
    assert_eq!(puts(&effects), [], "Send waits for the fresh record");
    let app = state.open.clone();
    step(state, Event::RecordRead { app, read: Read::Found(record), now })
}

fn saved(answers: Answers, revisions: revisions::Revisions, saved_at: f64) -> Saved {
    Saved { answers, revisions, record: None, saved_at }
}

fn last_save(effects: &[Effect]) -> Saved {
    effects
        .iter()
        .rev()
        .find_map(|effect| match effect {
            Effect::Save { saved, .. } => Some(saved.clone()),
            _ => None,
        })
        .expect("a save")
}

/// Sequence 1: a 503 with Retry-After: 6, then the partner opens b.two and answers there.
#[test]
fn a_retry_sends_its_own_apps_answers_after_the_partner_opens_another_app() {
    let mut state = State::new(A, 1);
    typed(&mut state, ids::SECURITY_CONTACT, text("a@one.example"));
    let first = send(&mut state, record_of(A, "old@one.example"), 1.0);
    let a_body = puts(&first)[0].1.clone();
    step(&mut state, Event::Response { app: A.into(), result: busy(503, "6"), now: 2.0 });
    step(&mut state, Event::OpenApp(B.into()));
    typed(&mut state, ids::SECURITY_CONTACT, text("b@two.example"));
    let retry = step(&mut state, Event::RetryDue { app: A.into() });
    assert_eq!(puts(&retry), [(A, &a_body)], "a.one's answers over a.one's record, never b.two's");
    assert_eq!(from_trust_info(&a_body).text(ids::SECURITY_CONTACT), "a@one.example");
    assert_eq!(state.call.as_ref().map(|call| call.app.as_str()), Some(A), "the call still names its app");
}

#[test]
fn a_retry_sends_what_the_partner_typed_for_that_app_during_the_countdown() {
    let mut state = State::new(A, 1);
    send(&mut state, record_of(A, "old@one.example"), 1.0);
    step(&mut state, Event::Response { app: A.into(), result: busy(503, "6"), now: 2.0 });
    typed(&mut state, ids::SECURITY_CONTACT, text("fixed@one.example"));
    let retry = step(&mut state, Event::RetryDue { app: A.into() });
    assert_eq!(from_trust_info(puts(&retry)[0].1).text(ids::SECURITY_CONTACT), "fixed@one.example");
}

/// Sequence 1, by the same path: a discard or an import during the countdown.
#[test]
fn a_discard_or_import_during_the_countdown_stops_the_retry_and_says_so() {
    for replacement in [Event::Discard, Event::Imported { source: Source::ReviewLink, answers: Answers::new() }] {
        let mut state = State::new(A, 1);
        typed(&mut state, ids::SECURITY_CONTACT, text("a@one.example"));
        send(&mut state, record_of(A, "old@one.example"), 1.0);
        step(&mut state, Event::Response { app: A.into(), result: busy(503, "6"), now: 2.0 });
        let effects = step(&mut state, replacement);
        assert!(said(&effects).contains(&&Message::Stopped { app: A.into(), why: Stop::DraftReplaced }));
        assert_eq!(puts(&step(&mut state, Event::RetryDue { app: A.into() })), []);
        assert_eq!(state.call, None);
    }
}

#[test]
fn a_failure_answered_after_a_discard_is_not_retried() {
    let mut state = State::new(A, 1);
    typed(&mut state, ids::SECURITY_CONTACT, text("a@one.example"));
    send(&mut state, record_of(A, "old@one.example"), 1.0);
    step(&mut state, Event::Discard);
    let effects = step(&mut state, Event::Response { app: A.into(), result: busy(503, "1"), now: 2.0 });
    assert!(!effects.iter().any(|effect| matches!(effect, Effect::Timer { .. })));
    assert!(said(&effects).contains(&&Message::Stopped { app: A.into(), why: Stop::DraftReplaced }));
}

/// Sequence 2: the published link made invalid, then sent.
#[test]
fn an_invalid_edit_leaves_the_published_value_on_the_marketplace() {
    let mut state = State::new(A, 1);
    let record = record_of(A, "security@one.example");
    step(&mut state, Event::VersionLoaded { raw: record.clone(), now: 1.0 });
    typed(&mut state, ids::SECURITY_POLICY, text("javascript:alert(1)"));
    let effects = send(&mut state, record.clone(), 2.0);
    assert_eq!(puts(&effects)[0].1, &record, "the Marketplace keeps {LINK}");
}

/// Sequence 3: app X's export imported into new app Y, whose first read finds no record.
#[test]
fn an_import_brings_answers_never_another_apps_record() {
    let mut state = State::new(B, 1);
    let x_answers = from_trust_info(&record_of(A, "x@one.example"));
    let source = Source::File { name: "privacy-tab-draft-a.one.json".into(), app: Some(A.into()) };
    let effects = step(&mut state, Event::Imported { source: source.clone(), answers: x_answers.clone() });
    assert!(said(&effects).contains(&&Message::Replaced { app: B.into(), what: Replaced::Import(source) }));
    step(&mut state, Event::SendPressed);
    let effects = step(&mut state, Event::RecordRead { app: B.into(), read: Read::None, now: 1.0 });
    let (app, body) = puts(&effects)[0];
    assert_eq!(app, B);
    assert_eq!(body.get("vendorOnly"), None, "nothing of a.one's record");
    assert_eq!(body, &to_trust_info(&x_answers));
}

/// Sequence 4: "Import into my draft" from a review link names the draft and can be undone.
#[test]
fn a_review_link_import_names_the_draft_it_replaces_and_can_be_undone() {
    let mut state = State::new(A, 1);
    typed(&mut state, ids::SECURITY_CONTACT, text("mine@one.example"));
    let mut linked = Answers::new();
    linked.set(ids::SECURITY_CONTACT, Answer::Text("theirs@example.com".into()));
    let effects = step(&mut state, Event::Imported { source: Source::ReviewLink, answers: linked });
    assert_eq!(said(&effects), [&Message::Replaced { app: A.into(), what: Replaced::Import(Source::ReviewLink) }]);
    typed(&mut state, ids::SECURITY_POLICY, text(LINK));
    let effects = step(&mut state, Event::Undo);
    assert_eq!(said(&effects), [&Message::Undone { app: A.into() }]);
    let answers = &state.draft(A).unwrap().answers;
    assert_eq!(answers.text(ids::SECURITY_CONTACT), "mine@one.example");
    assert_eq!(answers.text(ids::SECURITY_POLICY), LINK, "typed since the import: kept");
    assert_eq!(state.undo, None, "one undo per replacement");
}

#[test]
fn every_whole_replacement_is_undoable_until_the_next_one() {
    let mut state = State::new(A, 1);
    typed(&mut state, ids::SECURITY_CONTACT, text("first@one.example"));
    step(&mut state, Event::VersionLoaded { raw: record_of(A, "live@one.example"), now: 1.0 });
    assert_eq!(state.undo.as_ref().map(|undo| &undo.what), Some(&Replaced::Version));
    step(&mut state, Event::Discard);
    step(&mut state, Event::Undo);
    assert_eq!(state.draft(A).unwrap().answers.text(ids::SECURITY_CONTACT), "live@one.example");
}

/// The app fills an empty form with the live version on opening: nothing was lost, so the
/// status line offers no undo of it (an earlier replacement stays undoable).
#[test]
fn a_version_filling_an_empty_draft_leaves_nothing_to_undo() {
    let mut state = State::new(A, 1);
    step(&mut state, Event::VersionLoaded { raw: record_of(A, "live@one.example"), now: 1.0 });
    assert_eq!(state.draft(A).unwrap().answers.text(ids::SECURITY_CONTACT), "live@one.example");
    assert_eq!(state.undo, None);
}

/// Sequence 5: local storage unreadable, the crash-safe copy good.
#[test]
fn a_damaged_local_copy_never_hides_the_crash_safe_copy() {
    let mut state = State::new(A, 1);
    let mut answers = Answers::new();
    answers.set(ids::SECURITY_CONTACT, Answer::Text("kept@one.example".into()));
    let durable = saved(answers.clone(), revisions::Revisions { revision: 7, ancestors: vec![5] }, 1.0);
    let effects = step(
        &mut state,
        Event::Reopened {
            app: A.into(),
            local: Some(StoredCopy::Damaged("{\"appKey\":".into())),
            durable: Some(StoredCopy::Readable(durable)),
        },
    );
    assert_eq!(state.draft(A).unwrap().answers, answers);
    assert!(matches!(effects[0], Effect::KeepAside { .. }), "the damaged text is kept before anything is written");
    assert!(last_save(&effects).revisions.descends_from(&revisions::Revisions { revision: 7, ancestors: vec![] }));
    let effects = typed(&mut state, ids::SECURITY_POLICY, text(LINK));
    assert_eq!(
        last_save(&effects).answers.text(ids::SECURITY_CONTACT),
        "kept@one.example",
        "the next keystroke keeps it"
    );
}

/// Sequence 6: the clock stepped back, and the tab closed before its IndexedDB write.
#[test]
fn the_newer_copy_is_chosen_by_lineage_whatever_the_clocks_say() {
    let older = revisions::Revisions { revision: 11, ancestors: vec![3] };
    let newer = older.next(12);
    let mut answers = Answers::new();
    answers.set(ids::SECURITY_CONTACT, Answer::Text("new@one.example".into()));
    for (local, durable) in [
        (saved(answers.clone(), newer.clone(), 1_000.0), saved(Answers::new(), older.clone(), 9_000.0)),
        (saved(Answers::new(), older.clone(), 9_000.0), saved(answers.clone(), newer.clone(), 1_000.0)),
    ] {
        let mut state = State::new(A, 1);
        step(
            &mut state,
            Event::Reopened {
                app: A.into(),
                local: Some(StoredCopy::Readable(local)),
                durable: Some(StoredCopy::Readable(durable)),
            },
        );
        assert_eq!(state.draft(A).unwrap().answers, answers);
    }
}

#[test]
fn another_tabs_late_old_save_never_replaces_a_newer_one() {
    let mut state = State::new(A, 1);
    let first = last_save(&typed(&mut state, ids::SECURITY_CONTACT, text("one@one.example")));
    typed(&mut state, ids::SECURITY_CONTACT, text("two@one.example"));
    step(
        &mut state,
        Event::TabWrote { app: A.into(), copy: StoredCopy::Readable(Saved { saved_at: f64::MAX, ..first }) },
    );
    assert_eq!(state.draft(A).unwrap().answers.text(ids::SECURITY_CONTACT), "two@one.example");
}

#[test]
fn two_copies_saved_over_the_same_save_are_merged_keeping_every_answer() {
    let mut state = State::new(A, 1);
    let base = last_save(&typed(&mut state, ids::SECURITY_CONTACT, text("one@one.example")));
    typed(&mut state, ids::SECURITY_POLICY, text(LINK));
    let mut theirs = base.answers.clone();
    theirs.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
    let theirs = Saved { answers: theirs, revisions: base.revisions.next(999), ..base };
    let effects = step(&mut state, Event::TabWrote { app: A.into(), copy: StoredCopy::Readable(theirs.clone()) });
    let answers = &state.draft(A).unwrap().answers;
    assert_eq!((answers.text(ids::SECURITY_POLICY), answers.choice(ids::STORES_EUD)), (LINK, Some(choice::NO)));
    assert!(last_save(&effects).revisions.descends_from(&theirs.revisions));
}

/// Sequence 7: the re-read before Send fails.
#[test]
fn send_waits_for_the_fresh_record_and_offers_the_last_one_read_when_none_comes() {
    let mut state = State::new(A, 1);
    step(&mut state, Event::VersionLoaded { raw: record_of(A, "then@one.example"), now: 1_000.0 });
    typed(&mut state, ids::SECURITY_CONTACT, text("now@one.example"));
    let effects = step(&mut state, Event::SendPressed);
    assert_eq!(effects[0], Effect::Read { app: A.into() });
    let mut failures = 0;
    loop {
        let failed = Read::Failed(Failure { status: 503, retry_after: None });
        let effects = step(&mut state, Event::RecordRead { app: A.into(), read: failed, now: 2_000.0 });
        assert_eq!(puts(&effects), [], "nothing is sent over a record that may be stale, unasked");
        failures += 1;
        if let Some(Message::NoFreshRecord { last_read_at, .. }) = said(&effects).first() {
            assert_eq!(*last_read_at, Some(1_000.0), "names when the record was read");
            break;
        }
        assert_eq!(said(&effects), [&Message::RetryingIn { app: A.into(), after_ms: 1_000 << (failures - 1) }]);
        let retry = step(&mut state, Event::RetryDue { app: A.into() });
        assert_eq!(retry, [Effect::Read { app: A.into() }]);
    }
    assert_eq!(failures, crate::retry::MAX_ATTEMPTS);
    let effects = step(&mut state, Event::SendOverLastRecord);
    let expected = to_trust_info_over(&record_of(A, "then@one.example"), &state.draft(A).unwrap().answers);
    assert_eq!(puts(&effects), [(A, &expected)]);
}

#[test]
fn send_again_when_no_fresh_record_came_reads_it_again() {
    let mut state = State::new(A, 1);
    step(&mut state, Event::SendPressed);
    let failed = Read::Failed(Failure { status: 0, retry_after: None });
    let effects = step(&mut state, Event::RecordRead { app: A.into(), read: failed, now: 1.0 });
    assert_eq!(said(&effects), [&Message::NoFreshRecord { app: A.into(), last_read_at: None }]);
    let effects = step(&mut state, Event::SendPressed);
    assert_eq!(effects[0], Effect::Read { app: A.into() });
    let effects = step(&mut state, Event::RecordRead { app: A.into(), read: Read::None, now: 2.0 });
    assert_eq!(puts(&effects).len(), 1, "sent over the record read now");
}

#[test]
fn send_writes_over_the_record_read_fresh_not_the_one_kept() {
    let mut state = State::new(A, 1);
    step(&mut state, Event::VersionLoaded { raw: record_of(A, "then@one.example"), now: 1.0 });
    let mut fresh = record_of(A, "then@one.example");
    fresh["vendorOnly"]["changed"] = json!(true);
    let effects = send(&mut state, fresh.clone(), 2.0);
    assert_eq!(puts(&effects)[0].1["vendorOnly"], fresh["vendorOnly"]);
}

/// Sequence 8: a review link carrying a value no choice knows.
#[test]
fn an_unknown_choice_value_from_a_review_link_is_never_sent() {
    let mut state = State::new(A, 1);
    let record = record_of(A, "security@one.example");
    let mut linked = from_trust_info(&record);
    linked.set(ids::DATA_RESIDENCY, Answer::Unknown("MADE_UP".into()));
    step(&mut state, Event::Imported { source: Source::ReviewLink, answers: linked });
    let effects = send(&mut state, record.clone(), 1.0);
    assert_eq!(puts(&effects)[0].1, &record);
}

#[test]
fn send_during_a_call_sends_nothing_more_and_cancel_stops_a_waiting_retry() {
    let mut state = State::new(A, 1);
    send(&mut state, record_of(A, "a@one.example"), 1.0);
    assert_eq!(said(&step(&mut state, Event::SendPressed)), [&Message::Busy { app: A.into() }]);
    step(&mut state, Event::Response { app: A.into(), result: busy(429, "2"), now: 2.0 });
    assert_eq!(said(&step(&mut state, Event::Cancel)), [&Message::Stopped { app: A.into(), why: Stop::Cancelled }]);
    assert_eq!(puts(&step(&mut state, Event::RetryDue { app: A.into() })), []);
}

fn conflicts_of(state: &State, app: &str) -> Vec<Conflict> {
    state.draft(app).map(|draft| draft.conflicts.clone()).unwrap_or_default()
}

/// This tab saved `one@`, then changed the contact to `mine@` (and set a link); another tab,
/// made over the `one@` save, changed the contact to `theirs@` and answered another question.
fn two_tabs_changed_the_contact() -> State {
    let mut state = State::new(A, 1);
    let base = last_save(&typed(&mut state, ids::SECURITY_CONTACT, text("one@one.example")));
    typed(&mut state, ids::SECURITY_CONTACT, text("mine@one.example"));
    let mut theirs = base.answers.clone();
    theirs.set(ids::SECURITY_CONTACT, Answer::Text("theirs@one.example".into()));
    theirs.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
    let theirs = Saved { answers: theirs, revisions: base.revisions.next(999), ..base };
    step(&mut state, Event::TabWrote { app: A.into(), copy: StoredCopy::Readable(theirs) });
    state
}

fn contact_conflict() -> Conflict {
    Conflict { id: ids::SECURITY_CONTACT.into(), mine: text("mine@one.example"), theirs: text("theirs@one.example") }
}

#[test]
fn a_question_both_copies_changed_is_a_conflict_and_mine_stays_until_it_is_settled() {
    let state = two_tabs_changed_the_contact();
    let answers = &state.draft(A).unwrap().answers;
    assert_eq!(
        answers.text(ids::SECURITY_CONTACT),
        "mine@one.example",
        "nothing overwritten before the partner chooses"
    );
    assert_eq!(answers.choice(ids::STORES_EUD), Some(choice::NO), "what only the other tab changed is taken");
    assert_eq!(conflicts_of(&state, A), [contact_conflict()]);
}

/// The other tab's save is merged against the save it was made over: a question this tab
/// changed before that save, and not since, takes the other tab's answer quietly.
#[test]
fn a_copy_made_over_an_older_save_is_merged_against_that_save() {
    let mut state = State::new(A, 1);
    let base = last_save(&typed(&mut state, ids::SECURITY_CONTACT, text("one@one.example")));
    typed(&mut state, ids::SECURITY_POLICY, text(LINK));
    let mut theirs = base.answers.clone();
    theirs.set(ids::SECURITY_CONTACT, Answer::Text("two@one.example".into()));
    let theirs = Saved { answers: theirs, revisions: base.revisions.next(999), ..base };
    step(&mut state, Event::TabWrote { app: A.into(), copy: StoredCopy::Readable(theirs) });
    let answers = &state.draft(A).unwrap().answers;
    assert_eq!((answers.text(ids::SECURITY_CONTACT), answers.text(ids::SECURITY_POLICY)), ("two@one.example", LINK));
    assert_eq!(conflicts_of(&state, A), []);
}

#[test]
fn settling_a_conflict_with_theirs_is_a_whole_replacement_that_can_be_undone() {
    let mut state = two_tabs_changed_the_contact();
    let effects = step(&mut state, Event::Settle { id: ids::SECURITY_CONTACT.into(), keep: Side::Theirs });
    let settled = Replaced::Settled(ids::SECURITY_CONTACT.into());
    assert_eq!(said(&effects), [&Message::Replaced { app: A.into(), what: settled.clone() }]);
    assert_eq!(last_save(&effects).answers.text(ids::SECURITY_CONTACT), "theirs@one.example");
    assert_eq!(conflicts_of(&state, A), []);
    assert_eq!(state.undo.as_ref().map(|undo| &undo.what), Some(&settled));

    step(&mut state, Event::Undo);
    assert_eq!(state.draft(A).unwrap().answers.text(ids::SECURITY_CONTACT), "mine@one.example");
    assert_eq!(conflicts_of(&state, A), [contact_conflict()], "to be settled again");
}

#[test]
fn keeping_mine_settles_the_conflict_and_its_undo_brings_the_choice_back() {
    let mut state = two_tabs_changed_the_contact();
    step(&mut state, Event::Settle { id: ids::SECURITY_CONTACT.into(), keep: Side::Mine });
    assert_eq!(state.draft(A).unwrap().answers.text(ids::SECURITY_CONTACT), "mine@one.example");
    assert_eq!(conflicts_of(&state, A), []);
    step(&mut state, Event::Undo);
    assert_eq!(conflicts_of(&state, A), [contact_conflict()]);
}

#[test]
fn settling_a_question_that_is_no_conflict_changes_nothing() {
    let mut state = two_tabs_changed_the_contact();
    let effects = step(&mut state, Event::Settle { id: ids::SECURITY_POLICY.into(), keep: Side::Theirs });
    assert_eq!(effects, []);
    assert_eq!(conflicts_of(&state, A), [contact_conflict()]);
}

/// The same other-tab save arriving again, with a later clock, is already in this draft.
#[test]
fn another_tabs_save_arriving_again_after_a_merge_changes_nothing() {
    let mut state = State::new(A, 1);
    let base = last_save(&typed(&mut state, ids::SECURITY_CONTACT, text("one@one.example")));
    typed(&mut state, ids::SECURITY_CONTACT, text("mine@one.example"));
    let mut theirs = base.answers.clone();
    theirs.set(ids::SECURITY_CONTACT, Answer::Text("theirs@one.example".into()));
    let theirs = Saved { answers: theirs, revisions: base.revisions.next(999), ..base };
    step(&mut state, Event::TabWrote { app: A.into(), copy: StoredCopy::Readable(theirs.clone()) });
    step(&mut state, Event::Settle { id: ids::SECURITY_CONTACT.into(), keep: Side::Mine });
    let late = Saved { saved_at: f64::MAX, ..theirs };
    let effects = step(&mut state, Event::TabWrote { app: A.into(), copy: StoredCopy::Readable(late) });
    assert_eq!(effects, []);
    assert_eq!(state.draft(A).unwrap().answers.text(ids::SECURITY_CONTACT), "mine@one.example");
    assert_eq!(conflicts_of(&state, A), []);
}

/// After a crash, local storage and the crash-safe copy each hold a save the other does not
/// know, both over the same one: both answers are kept for the partner to choose.
#[test]
fn reopening_over_two_copies_that_changed_the_same_question_leaves_it_to_the_partner() {
    let base = revisions::Revisions { revision: 5, ancestors: vec![] };
    let mut local = Answers::new();
    local.set(ids::SECURITY_CONTACT, Answer::Text("local@one.example".into()));
    let mut durable = Answers::new();
    durable.set(ids::SECURITY_CONTACT, Answer::Text("durable@one.example".into()));
    let mut state = State::new(A, 1);
    step(
        &mut state,
        Event::Reopened {
            app: A.into(),
            local: Some(StoredCopy::Readable(saved(local, base.next(6), 9_000.0))),
            durable: Some(StoredCopy::Readable(saved(durable, base.next(7), 1_000.0))),
        },
    );
    let conflicts = conflicts_of(&state, A);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        (conflicts[0].mine.clone(), conflicts[0].theirs.clone()),
        (text("local@one.example"), text("durable@one.example"))
    );
}

/// Opening the crash-safe copy after the partner typed into the local one: both kept.
#[test]
fn a_crash_safe_copy_read_after_typing_is_merged_not_taken_over_it() {
    let older = revisions::Revisions { revision: 5, ancestors: vec![] };
    let mut state = State::new(A, 1);
    let mut local = Answers::new();
    local.set(ids::SECURITY_CONTACT, Answer::Text("local@one.example".into()));
    step(
        &mut state,
        Event::Reopened {
            app: A.into(),
            local: Some(StoredCopy::Readable(saved(local, older.clone(), 1.0))),
            durable: None,
        },
    );
    typed(&mut state, ids::SECURITY_POLICY, text(LINK));
    let mut durable = Answers::new();
    durable.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
    durable.set(ids::SECURITY_CONTACT, Answer::Text("local@one.example".into()));
    step(
        &mut state,
        Event::Reopened {
            app: A.into(),
            local: None,
            durable: Some(StoredCopy::Readable(saved(durable, older.next(9), 1.0))),
        },
    );
    let answers = &state.draft(A).unwrap().answers;
    assert_eq!((answers.text(ids::SECURITY_POLICY), answers.choice(ids::STORES_EUD)), (LINK, Some(choice::NO)));
}

/// Found in Chromium: this tab saved `mine@` over the save S just as another tab's `theirs@`
/// (also over S) arrived; each tab merged the other's save keeping its own answer. The other
/// tab's merge, arriving here, descends from both saves: neither is the base alone, and the
/// question stays a conflict.
#[test]
fn two_tabs_that_each_merged_the_others_save_keep_the_conflict() {
    let mut state = State::new(A, 1);
    let base = last_save(&typed(&mut state, ids::SECURITY_CONTACT, text("one@one.example")));
    let mine = last_save(&typed(&mut state, ids::SECURITY_CONTACT, text("mine@one.example")));
    let mut answers = base.answers.clone();
    answers.set(ids::SECURITY_CONTACT, Answer::Text("theirs@one.example".into()));
    let theirs = Saved { answers: answers.clone(), revisions: base.revisions.next(999), ..base };
    step(&mut state, Event::TabWrote { app: A.into(), copy: StoredCopy::Readable(theirs.clone()) });
    let their_merge = Saved { answers, revisions: theirs.revisions.joined(&mine.revisions, 1000), ..theirs };
    step(&mut state, Event::TabWrote { app: A.into(), copy: StoredCopy::Readable(their_merge) });
    assert_eq!(state.draft(A).unwrap().answers.text(ids::SECURITY_CONTACT), "mine@one.example");
    assert_eq!(conflicts_of(&state, A), [contact_conflict()]);
}
