//! Random sequences of the partner's actions and the browser's and Marketplace's answers,
//! against a reference model that knows only what each app's answers and record should be.
//! After every step, four invariants (issue 23):
//! 1. every PUT for app K carries only K's answers at that attempt, over K's own record;
//! 2. no answer typed disappears except through an action that can be undone;
//! 3. a field the partner made invalid never changes what the Marketplace holds for it;
//! 4. the newest revision wins, whatever the clocks say.
//!
//! Another tab reads the draft at some point and saves over what it read: a question both tabs
//! changed differently is a conflict (this tab's answer kept), settled by the partner as a
//! whole replacement that can be undone. For 2 and 4, the model knows each app's conflicts too.
//!
//! The default run (1024 sequences of up to 40 steps) takes a few seconds; a longer one:
//! `PROPTEST_CASES=20000 cargo test -p questionnaire session::model_tests`.
//!
//! The shortest sequences it found, each breaking one invariant when the rule it names was
//! taken out, are the named regressions at the end.

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest_state_machine::{prop_state_machine, ReferenceStateMachine, StateMachineTest};
use serde_json::{json, Value};

use super::*;
use crate::answers::{Answer, Answers};
use crate::catalogue::ids::{self, choice};
use crate::replacement::replacement;
use crate::validation::field_errors;
use crate::wire::{from_trust_info, to_trust_info, to_trust_info_over};

const APPS: [&str; 3] = ["a.one", "b.two", "c.three"];

/// The answers the sequences type: valid, invalid (a bad link, a bad e-mail, a day count that
/// is not a number), cleared, and a value no choice knows.
fn answer_for(question: usize, variant: usize) -> (&'static str, Option<Answer>) {
    let text = |s: &str| Some(Answer::Text(s.into()));
    let pick = |s: &str| Some(Answer::Choice(s.into()));
    match (question % 6, variant % 4) {
        (0, 0) => (ids::SECURITY_POLICY.as_str(), text("https://vendor.example.com/security")),
        (0, 1) => (ids::SECURITY_POLICY.as_str(), text("javascript:alert(1)")),
        (0, 2) => (ids::SECURITY_POLICY.as_str(), text("https://other.example.com/")),
        (0, _) => (ids::SECURITY_POLICY.as_str(), None),
        (1, 0) => (ids::SECURITY_CONTACT.as_str(), text("security@vendor.example.com")),
        (1, 1) => (ids::SECURITY_CONTACT.as_str(), text("security at vendor")),
        (1, 2) => (ids::SECURITY_CONTACT.as_str(), text("")),
        (1, _) => (ids::SECURITY_CONTACT.as_str(), None),
        (2, 0) => (ids::RETAINS_AFTER_UNINSTALL.as_str(), pick(choice::YES)),
        (2, 1) => (ids::RETAINS_AFTER_UNINSTALL.as_str(), pick(choice::NO)),
        (2, _) => (ids::RETAINS_AFTER_UNINSTALL.as_str(), None),
        (3, 0) => (ids::RETENTION_DAYS.as_str(), Some(Answer::DaysRange { min: "0".into(), max: "30".into() })),
        (3, 1) => (ids::RETENTION_DAYS.as_str(), Some(Answer::DaysRange { min: "ten".into(), max: "30".into() })),
        (3, _) => (ids::RETENTION_DAYS.as_str(), None),
        (4, 0) => (ids::DATA_RESIDENCY.as_str(), Some(Answer::Unknown("MADE_UP".into()))),
        (4, 1) => (ids::DATA_RESIDENCY.as_str(), pick(choice::RESIDENCY_WITHIN_ATLASSIAN)),
        (4, _) => (ids::DATA_RESIDENCY.as_str(), None),
        (_, 0) => (ids::STORES_EUD.as_str(), pick(choice::NO)),
        (_, _) => (ids::STORES_EUD.as_str(), pick(choice::YES)),
    }
}

fn answers_from(picks: &[(usize, usize)]) -> Answers {
    let mut answers = Answers::new();
    for &(question, variant) in picks {
        let (id, answer) = answer_for(question, variant);
        match answer {
            Some(answer) => answers.set(id, answer),
            None => answers.clear(id),
        }
    }
    answers
}

/// The Marketplace's record of app `app`, version `version`: answers, and a field only that
/// app's record holds (so a record that travels to another app shows).
fn record(app: usize, version: usize) -> Value {
    let mut info = to_trust_info(&answers_from(&[(0, version), (1, version + 2), (2, 0), (3, version)]));
    info["vendorOnly"] = json!({ "app": APPS[app], "version": version });
    if version % 2 == 1 {
        info["dataResidency"] = json!({ "isDataResidencySupported": "FROM_THE_RECORD" });
    }
    info
}

#[derive(Debug, Clone)]
enum Step {
    Type {
        question: usize,
        variant: usize,
    },
    Open(usize),
    Import {
        from_link: bool,
        picks: Vec<(usize, usize)>,
    },
    LoadVersion {
        version: usize,
    },
    Discard,
    Undo,
    Send,
    Read {
        app: usize,
        outcome: usize,
    },
    SendOverLast,
    Respond {
        app: usize,
        status: u16,
    },
    RetryDue {
        app: usize,
    },
    Cancel,
    /// Another tab reads the open app's draft as storage holds it now.
    OtherTabReads,
    /// Another tab saves over what it read last (or over this tab's last save, if it never
    /// read): a conflict when this tab changed that question differently since.
    OtherTabSaves {
        question: usize,
        variant: usize,
    },
    /// The partner settles the conflict of that question (if it is one).
    Settle {
        question: usize,
        theirs: bool,
    },
    /// The other tab's last save arrives again, stamped with a later clock.
    TheirSaveArrivesAgain,
    /// An old save of this app (`back` saves ago) arrives again, stamped with a later clock.
    OldCopyArrives {
        back: usize,
    },
    DamagedCopyArrives,
    /// Reload: one copy is the newest save, the other an older one, damaged or missing;
    /// clocks are set so that the older copy looks newer.
    Reopen {
        newest_in_local: bool,
        other: Other,
    },
}

#[derive(Debug, Clone, Copy)]
enum Other {
    Older(usize),
    Damaged,
    Missing,
}

/// A conflict: this tab's answer, the other tab's.
type Choice = (Option<Answer>, Option<Answer>);

/// An undoable replacement: the app, its answers before and right after, the conflict settled.
type Replacement = (usize, Answers, Answers, Option<(String, Choice)>);

/// What the session should hold: each app's answers, conflicts and record, the undo, the apps
/// Sent, and what the other tab last read or saved of each app.
#[derive(Debug, Clone, Default)]
struct Model {
    open: usize,
    answers: [Answers; 3],
    conflicts: [BTreeMap<String, Choice>; 3],
    records: [Option<Value>; 3],
    undo: Option<Replacement>,
    pressed_send: Vec<usize>,
    other_tab: [Option<Answers>; 3],
}

impl ReferenceStateMachine for Model {
    type State = Model;
    type Transition = Step;

    fn init_state() -> BoxedStrategy<Model> {
        Just(Model::default()).boxed()
    }

    fn transitions(model: &Model) -> BoxedStrategy<Step> {
        // The questions in conflict now, so that settling one (and its undo) comes up often.
        let in_conflict: Vec<usize> =
            (0..6).filter(|&question| model.conflicts[model.open].contains_key(answer_for(question, 0).0)).collect();
        let app = 0..APPS.len();
        let pick = (0..6usize, 0..4usize);
        let any_step = prop_oneof![
            6 => pick.clone().prop_map(|(question, variant)| Step::Type { question, variant }),
            2 => app.clone().prop_map(Step::Open),
            1 => (any::<bool>(), prop::collection::vec(pick.clone(), 0..4))
                .prop_map(|(from_link, picks)| Step::Import { from_link, picks }),
            1 => (0..3usize).prop_map(|version| Step::LoadVersion { version }),
            1 => Just(Step::Discard),
            1 => Just(Step::Undo),
            2 => Just(Step::Send),
            2 => (app.clone(), 0..5usize).prop_map(|(app, outcome)| Step::Read { app, outcome }),
            1 => Just(Step::SendOverLast),
            2 => (app.clone(), prop::sample::select(vec![200u16, 400, 429, 503]))
                .prop_map(|(app, status)| Step::Respond { app, status }),
            2 => app.prop_map(|app| Step::RetryDue { app }),
            1 => Just(Step::Cancel),
            1 => Just(Step::OtherTabReads),
            2 => pick.prop_map(|(question, variant)| Step::OtherTabSaves { question, variant }),
            1 => (0..6usize, any::<bool>()).prop_map(|(question, theirs)| Step::Settle { question, theirs }),
            1 => Just(Step::TheirSaveArrivesAgain),
            1 => (0..6usize).prop_map(|back| Step::OldCopyArrives { back }),
            1 => Just(Step::DamagedCopyArrives),
            1 => (any::<bool>(), prop_oneof![(0..6usize).prop_map(Other::Older), Just(Other::Damaged), Just(Other::Missing)])
                .prop_map(|(newest_in_local, other)| Step::Reopen { newest_in_local, other }),
        ];
        if in_conflict.is_empty() {
            return any_step.boxed();
        }
        let settle = (prop::sample::select(in_conflict), any::<bool>())
            .prop_map(|(question, theirs)| Step::Settle { question, theirs });
        prop_oneof![9 => any_step, 1 => settle].boxed()
    }

    fn apply(mut model: Model, transition: &Step) -> Model {
        let open = model.open;
        match transition {
            Step::Type { question, variant } => {
                let (id, answer) = answer_for(*question, *variant);
                set(&mut model.answers[open], id, answer.as_ref());
            }
            Step::OtherTabReads => model.other_tab[open] = Some(model.answers[open].clone()),
            Step::OtherTabSaves { question, variant } => {
                let base = model.other_tab[open].clone().unwrap_or_else(|| model.answers[open].clone());
                let (id, answer) = answer_for(*question, *variant);
                let mut theirs = base.clone();
                set(&mut theirs, id, answer.as_ref());
                model.other_tab[open] = Some(theirs.clone());
                let (was, mine, new) = (base.get(id).cloned(), model.answers[open].get(id).cloned(), answer);
                if mine == was || mine == new {
                    set(&mut model.answers[open], id, new.as_ref());
                } else if new != was {
                    model.conflicts[open].insert(id.to_owned(), (mine, new));
                }
                let answers = &model.answers[open];
                model.conflicts[open].retain(|id, _| answers.get(id) != theirs.get(id));
            }
            Step::Settle { question, theirs } => {
                let id = answer_for(*question, 0).0;
                if let Some(choice) = model.conflicts[open].remove(id) {
                    let mut answers = model.answers[open].clone();
                    if *theirs {
                        set(&mut answers, id, choice.1.as_ref());
                    }
                    let before = std::mem::replace(&mut model.answers[open], answers.clone());
                    model.undo = Some((open, before, answers, Some((id.to_owned(), choice))));
                }
            }
            Step::Open(app) => model.open = *app,
            Step::Import { picks, .. } => model.replace(answers_from(picks)),
            Step::LoadVersion { version } => {
                let raw = record(open, *version);
                let replaced = replacement(&model.answers[open], &from_trust_info(&raw)).answers;
                model.records[open] = Some(raw);
                if model.answers[open].iter().all(|(_, answer)| !answer.is_given()) {
                    model.answers[open] = replaced;
                } else if replaced != model.answers[open] {
                    model.replace(replaced);
                }
            }
            Step::Discard => model.replace(Answers::new()),
            Step::Undo => {
                if let Some((app, before, after, settled)) = model.undo.take() {
                    if let Some((id, choice)) = settled.filter(|(id, _)| model.answers[app].get(id) == after.get(id)) {
                        model.conflicts[app].insert(id, choice);
                    }
                    let now = &model.answers[app];
                    let mut restored = Answers::new();
                    for (id, _) in before.iter().chain(after.iter()).chain(now.iter()) {
                        let kept = if now.get(id) == after.get(id) { before.get(id) } else { now.get(id) };
                        if let Some(answer) = kept {
                            restored.set(id, answer.clone());
                        }
                    }
                    model.answers[app] = restored;
                }
            }
            Step::Send => model.pressed_send.push(open),
            Step::Read { app, outcome } => match outcome {
                0 | 1 => model.records[*app] = Some(record(*app, *outcome)),
                2 => model.records[*app] = Some(Value::Null),
                _ => {}
            },
            _ => {}
        }
        model
    }
}

impl Model {
    fn replace(&mut self, answers: Answers) {
        let before = std::mem::replace(&mut self.answers[self.open], answers.clone());
        self.conflicts[self.open].clear();
        self.undo = Some((self.open, before, answers, None));
    }
}

fn set(answers: &mut Answers, id: &str, answer: Option<&Answer>) {
    match answer {
        Some(answer) => answers.set(id, answer.clone()),
        None => answers.clear(id),
    }
}

/// The session under test, and what storage would hold: each app's saves, oldest first.
struct Session {
    state: State,
    saves: BTreeMap<AppKey, Vec<Saved>>,
    effects: Vec<Effect>,
    other_tab_saves: u64,
    /// What the other tab last read or saved of each app.
    other_tab: BTreeMap<AppKey, Saved>,
    /// The other tab's last save, and how many saves of its app storage had then.
    their_last: Option<(AppKey, Saved, usize)>,
}

struct SessionTest;

impl StateMachineTest for SessionTest {
    type SystemUnderTest = Session;
    type Reference = Model;

    fn init_test(_: &Model) -> Session {
        Session {
            state: State::new(APPS[0], 42),
            saves: BTreeMap::new(),
            effects: Vec::new(),
            other_tab_saves: 0,
            other_tab: BTreeMap::new(),
            their_last: None,
        }
    }

    fn apply(mut session: Session, model: &Model, transition: Step) -> Session {
        let open = session.state.open.clone();
        let event = match transition {
            Step::Type { question, variant } => {
                let (id, answer) = answer_for(question, variant);
                Event::Typed { id: id.into(), answer }
            }
            Step::Open(app) => Event::OpenApp(APPS[app].into()),
            Step::Import { from_link, picks } => {
                let source =
                    if from_link { Source::ReviewLink } else { Source::OtherApp(APPS[(model.open + 1) % 3].into()) };
                Event::Imported { source, answers: answers_from(&picks) }
            }
            Step::LoadVersion { version } => Event::VersionLoaded { raw: record(model.open, version), now: 5.0 },
            Step::Discard => Event::Discard,
            Step::Undo => Event::Undo,
            Step::Send => Event::SendPressed,
            Step::Read { app, outcome } => {
                let read = match outcome {
                    0 | 1 => Read::Found(record(app, outcome)),
                    2 => Read::None,
                    3 => Read::Failed(Failure { status: 503, retry_after: Some("1".into()) }),
                    _ => Read::Failed(Failure { status: 0, retry_after: None }),
                };
                Event::RecordRead { app: APPS[app].into(), read, now: 7.0 }
            }
            Step::SendOverLast => Event::SendOverLastRecord,
            Step::Respond { app, status } => {
                let result =
                    if status == 200 { Ok(()) } else { Err(Failure { status, retry_after: Some("2".into()) }) };
                Event::Response { app: APPS[app].into(), result, now: 9.0 }
            }
            Step::RetryDue { app } => Event::RetryDue { app: APPS[app].into() },
            Step::Cancel => Event::Cancel,
            Step::OtherTabReads => {
                let newest = session.newest(&open);
                session.other_tab.insert(open.clone(), newest);
                Event::Cancel
            }
            Step::OtherTabSaves { question, variant } => {
                let read = session.other_tab.get(&open).cloned().unwrap_or_else(|| session.newest(&open));
                let (id, answer) = answer_for(question, variant);
                let mut answers = read.answers.clone();
                set(&mut answers, id, answer.as_ref());
                session.other_tab_saves += 1;
                let revisions = read.revisions.next(0xABCD_0000 + session.other_tab_saves);
                let theirs = Saved { answers, revisions, record: read.record, saved_at: 0.0 };
                session.other_tab.insert(open.clone(), theirs.clone());
                let stored = session.saves.get(&open).map_or(0, Vec::len);
                session.their_last = Some((open.clone(), theirs.clone(), stored));
                Event::TabWrote { app: open.clone(), copy: StoredCopy::Readable(theirs) }
            }
            Step::Settle { question, theirs } => {
                let keep = if theirs { Side::Theirs } else { Side::Mine };
                Event::Settle { id: answer_for(question, 0).0.into(), keep }
            }
            // A copy more saves behind than a save names ancestors is one no lineage can place.
            Step::TheirSaveArrivesAgain => match &session.their_last {
                Some((app, theirs, stored))
                    if *app == open
                        && session.saves.get(app).map_or(0, Vec::len) < stored + revisions::KEPT_ANCESTORS =>
                {
                    let copy = StoredCopy::Readable(Saved { saved_at: f64::MAX, ..theirs.clone() });
                    Event::TabWrote { app: open.clone(), copy }
                }
                _ => Event::Cancel,
            },
            Step::OldCopyArrives { back } => match session.older_save(&open, back) {
                Some(old) => Event::TabWrote {
                    app: open.clone(),
                    copy: StoredCopy::Readable(Saved { saved_at: f64::MAX, ..old }),
                },
                None => Event::Cancel,
            },
            Step::DamagedCopyArrives => Event::TabWrote { app: open.clone(), copy: StoredCopy::Damaged("{".into()) },
            Step::Reopen { newest_in_local, other } => {
                let newest = session.saves.get(&open).and_then(|saves| saves.last().cloned());
                let newest = newest.map(|saved| StoredCopy::Readable(Saved { saved_at: 1.0, ..saved }));
                let other = match other {
                    Other::Older(back) => session
                        .older_save(&open, back)
                        .map(|saved| StoredCopy::Readable(Saved { saved_at: 9e12, ..saved })),
                    Other::Damaged => Some(StoredCopy::Damaged("not json".into())),
                    Other::Missing => None,
                };
                let (local, durable) = if newest_in_local { (newest, other) } else { (other, newest) };
                Event::Reopened { app: open.clone(), local, durable }
            }
        };
        session.effects = step(&mut session.state, event);
        for effect in &session.effects {
            if let Effect::Save { app, saved } = effect {
                session.saves.entry(app.clone()).or_default().push(saved.clone());
            }
        }
        // A save taken from another tab is what storage holds now.
        let now = session.state.open_draft();
        let saves = session.saves.entry(session.state.open.clone()).or_default();
        if saves.last().is_none_or(|last| last.revisions != now.revisions) && now.revisions.revision != 0 {
            saves.push(Saved { answers: now.answers, revisions: now.revisions, record: now.record, saved_at: 0.0 });
        }
        session
    }

    fn check_invariants(session: &Session, model: &Model) {
        for (index, app) in APPS.iter().enumerate() {
            let answers = session.state.draft(app).map(|draft| draft.answers.clone()).unwrap_or_default();
            // 2 and 4: the answers are the model's: nothing lost but through an undoable
            // replacement, and a reload or a late copy leaves the newest save.
            assert_eq!(answers, model.answers[index], "invariant 2/4: {app}'s answers");
            let conflicts: BTreeMap<String, Choice> = session
                .state
                .draft(app)
                .map(|draft| draft.conflicts.clone())
                .unwrap_or_default()
                .into_iter()
                .map(|conflict| (conflict.id, (conflict.mine, conflict.theirs)))
                .collect();
            assert_eq!(conflicts, model.conflicts[index], "invariant 2: {app}'s conflicts, each answer kept to choose");
        }
        if let Some((app, ..)) = &model.undo {
            assert_eq!(
                session.state.undo.as_ref().map(|undo| undo.app.as_str()),
                Some(APPS[*app]),
                "invariant 2: undoable"
            );
        }
        for effect in &session.effects {
            let Effect::Put { app, trust_info } = effect else { continue };
            let index = APPS.iter().position(|known| known == app).expect("one of the apps");
            assert!(model.pressed_send.contains(&index), "invariant 1: a PUT for {app}, never sent for");
            let record = model.records[index].clone().unwrap_or(Value::Null);
            // 1: K's answers now, over K's own record.
            assert_eq!(trust_info, &to_trust_info_over(&record, &model.answers[index]), "invariant 1: PUT for {app}");
            // 3: what the Marketplace holds for an invalid field is what it held.
            let (sent, held) = (from_trust_info(trust_info), from_trust_info(&record));
            for error in field_errors(&model.answers[index]) {
                if model.answers[index].get(error.question).is_some_and(Answer::is_given) {
                    assert_eq!(sent.get(error.question), held.get(error.question), "invariant 3: {}", error.question);
                }
            }
        }
    }
}

impl Session {
    /// What storage holds of `app` now (the empty, unnamed draft when nothing).
    fn newest(&self, app: &str) -> Saved {
        let saves = self.saves.get(app).and_then(|saves| saves.last().cloned());
        saves.unwrap_or_else(|| Saved {
            answers: Answers::new(),
            revisions: revisions::Revisions::default(),
            record: None,
            saved_at: 0.0,
        })
    }

    fn older_save(&self, app: &str, back: usize) -> Option<Saved> {
        let saves = self.saves.get(app).filter(|saves| !saves.is_empty())?;
        saves.get(saves.len() - 1 - back.min(saves.len() - 1)).cloned()
    }
}

prop_state_machine! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1024),
        max_shrink_iters: 10_000,
        .. ProptestConfig::default()
    })]

    #[test]
    fn random_sessions_keep_the_four_invariants(sequential 1..40 => SessionTest);
}

/// Runs one sequence as the property test does, checking the invariants after every step.
fn replay(steps: Vec<Step>) {
    let mut model = Model::default();
    let mut session = SessionTest::init_test(&model);
    for transition in steps {
        model = <Model as ReferenceStateMachine>::apply(model, &transition);
        session = SessionTest::apply(session, &model, transition);
        SessionTest::check_invariants(&session, &model);
    }
}

/// Invariant 1, with each attempt reading the open app's draft (issue 23, item 1).
#[test]
fn regression_a_put_after_opening_another_app_carries_its_own_apps_answers() {
    replay(vec![Step::Open(2), Step::Send, Step::Open(0), Step::Read { app: 2, outcome: 0 }]);
}

/// Invariant 1, with a record read kept as the open app's (item 3's shape: a record travelling
/// to another app).
#[test]
fn regression_a_record_read_belongs_to_its_own_app_whichever_is_open() {
    replay(vec![Step::Send, Step::Open(1), Step::Read { app: 0, outcome: 0 }]);
}

/// Invariant 3, with "not sent" removing the record's value (item 2).
#[test]
fn regression_an_invalid_link_leaves_the_published_one() {
    replay(vec![Step::Open(2), Step::Send, Step::Type { question: 0, variant: 1 }, Step::Read { app: 2, outcome: 0 }]);
}

/// Invariant 4, with the newer copy picked by its clock (item 6).
#[test]
fn regression_an_older_copy_with_a_later_clock_loses_on_reopening() {
    replay(vec![
        Step::Type { question: 0, variant: 0 },
        Step::Type { question: 0, variant: 1 },
        Step::Reopen { newest_in_local: false, other: Other::Older(1) },
    ]);
}

/// Invariant 4 with conflicts, with another tab's save merged against no save at all (every
/// question both hold a conflict): the other tab's second save is merged against its first.
#[test]
fn regression_another_tabs_save_is_merged_against_the_save_it_was_made_over() {
    replay(vec![
        Step::OtherTabSaves { question: 2, variant: 0 },
        Step::Type { question: 0, variant: 0 },
        Step::OtherTabSaves { question: 2, variant: 1 },
    ]);
}

/// Invariant 2, with a diverged save taken whole over what was typed here since the other tab
/// read the draft.
#[test]
fn regression_an_answer_typed_here_survives_another_tabs_save_made_before_it() {
    replay(vec![
        Step::OtherTabReads,
        Step::Type { question: 3, variant: 0 },
        Step::OtherTabSaves { question: 0, variant: 0 },
    ]);
}

/// Invariant 2, with "keep mine" settling a conflict for good: its undo lists it again.
#[test]
fn regression_undoing_a_settled_conflict_lists_it_again() {
    replay(vec![
        Step::OtherTabSaves { question: 5, variant: 0 },
        Step::LoadVersion { version: 0 },
        Step::OtherTabSaves { question: 5, variant: 1 },
        Step::Settle { question: 5, theirs: false },
        Step::Undo,
    ]);
}

/// Invariant 4, with a save already merged merged again when it arrives late (a conflict
/// raised again after the partner replaced the draft).
#[test]
fn regression_another_tabs_save_arriving_again_is_not_merged_again() {
    replay(vec![
        Step::OtherTabSaves { question: 5, variant: 0 },
        Step::Import { from_link: false, picks: vec![] },
        Step::TheirSaveArrivesAgain,
    ]);
}
