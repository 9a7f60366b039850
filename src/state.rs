//! The answers being edited, shared with every component through context.
//!
//! One signal per catalogue question, so a keystroke touches that question and what reads it:
//! its own visibility, errors and listing row are memos of the answers they read
//! (`questionnaire::inputs`), never of every answer. Whole answers are built on demand
//! ([`Questionnaire::snapshot`]) for saving, export and submit.

use leptos::prelude::*;
use questionnaire::catalogue::{self, QuestionId, View};
use questionnaire::completeness::is_provided;
use questionnaire::consistency::{findings, Finding};
use questionnaire::inputs;
use questionnaire::listing::{row_for, ListingRow};
use questionnaire::statements::statements;
use questionnaire::validation::{errors_for_question, FieldError};
use questionnaire::visibility::{is_hidden_answer, is_visible};
use questionnaire::{Answer, Answers, Question};
use std::collections::BTreeMap;
use std::time::Duration;

/// How long after the last change the [`Questionnaire::settled`] answers follow (ms): what
/// only needs to be right once typing pauses (the change summary, the autosave) reads those.
const SETTLE_AFTER_MS: f64 = 150.0;

#[derive(Default)]
struct Settle {
    pending: bool,
    last_change: f64,
}

type Inputs = Vec<(QuestionId, RwSignal<Option<Answer>>)>;

/// One question: its answer and what is derived from it alone.
#[derive(Clone, Copy)]
pub struct Field {
    pub question: &'static Question,
    pub answer: RwSignal<Option<Answer>>,
    /// Asked now.
    pub visible: Memo<bool>,
    pub errors: Memo<Vec<FieldError>>,
    /// Its row on the tab (expanded view), if it has one.
    pub row: Memo<Option<ListingRow>>,
    /// Whether the tab has its row and the row is answered (`completeness::is_provided`):
    /// what the meter counts, unchanged by most keystrokes.
    pub listed: Memo<Option<bool>>,
    /// Whether it holds an answer kept while hidden (`visibility::is_hidden_answer`).
    pub kept: Memo<bool>,
}

/// The partner's answers. Only the commands below write them.
#[derive(Clone, Copy)]
pub struct Questionnaire {
    fields: StoredValue<Vec<Field>>,
    /// Entries whose id the catalogue does not know (kept from newer drafts, never shown).
    others: RwSignal<Answers>,
    /// The answers as they were when typing last paused.
    settled: RwSignal<Answers>,
    settle: StoredValue<Settle>,
    /// Rules that span questions, each reading only the answers it needs.
    pub statements: Memo<BTreeMap<QuestionId, &'static str>>,
    pub findings: Memo<Vec<Finding>>,
}

/// The answers of `inputs`, read tracked.
fn gather(inputs: &Inputs) -> Answers {
    let mut answers = Answers::new();
    for (id, answer) in inputs {
        answer.with(|answer| {
            if let Some(answer) = answer {
                answers.set(id, answer.clone());
            }
        });
    }
    answers
}

impl Questionnaire {
    pub fn new(answers: Answers) -> Self {
        let signals: Vec<(QuestionId, RwSignal<Option<Answer>>)> = catalogue::questions()
            .map(|question| (question.id, RwSignal::new(answers.get(question.id).cloned())))
            .collect();
        let inputs = |ids: Vec<QuestionId>| -> Inputs {
            ids.into_iter()
                .map(|id| *signals.iter().find(|(known, _)| *known == id).expect("inputs name catalogue questions"))
                .collect()
        };
        let fields = catalogue::questions()
            .zip(&signals)
            .map(|(question, (_, answer))| {
                let seen = inputs(inputs::of_visibility(question));
                let own = StoredValue::new(inputs(inputs::of_question(question)));
                let answer = *answer;
                let visible = Memo::new(move |_| is_visible(question, &gather(&seen)));
                let row = Memo::new(move |_| row_for(question, &own.with_value(gather), View::Expanded));
                Field {
                    question,
                    answer,
                    visible,
                    errors: Memo::new(move |_| errors_for_question(question, &own.with_value(gather))),
                    row,
                    listed: Memo::new(move |_| row.with(|row| row.as_ref().map(is_provided))),
                    kept: Memo::new(move |_| answer.with(|answer| is_hidden_answer(visible.get(), answer.as_ref()))),
                }
            })
            .collect();
        let (choices, across) = (inputs(inputs::of_statements()), inputs(inputs::of_consistency()));
        Questionnaire {
            fields: StoredValue::new(fields),
            others: RwSignal::new(unknown_entries(&answers)),
            settled: RwSignal::new(answers),
            settle: StoredValue::new(Settle::default()),
            statements: Memo::new(move |_| statements(&gather(&choices))),
            findings: Memo::new(move |_| findings(&gather(&across))),
        }
    }

    /// Makes a fresh questionnaire available to the components below the caller.
    pub fn provide(answers: Answers) -> Self {
        let questionnaire = Self::new(answers);
        provide_context(questionnaire);
        questionnaire
    }

    pub fn expect() -> Self {
        expect_context()
    }

    /// The question `id` of the catalogue. Panics on an unknown id (a programming error).
    pub fn field(&self, id: &str) -> Field {
        self.fields.with_value(|fields| *fields.iter().find(|field| field.question.id == id).expect("a catalogue id"))
    }

    /// Every question, in catalogue order.
    pub fn fields(&self) -> Vec<Field> {
        self.fields.get_value()
    }

    /// Reads one answer, tracked.
    pub fn with<R>(&self, id: &str, read: impl FnOnce(Option<&Answer>) -> R) -> R {
        self.field(id).answer.with(|answer| read(answer.as_ref()))
    }

    pub fn set(&self, id: &str, answer: Answer) {
        match self.fields.with_value(|fields| fields.iter().find(|field| field.question.id == id).copied()) {
            Some(field) => {
                if field.answer.with_untracked(|now| now.as_ref() == Some(&answer)) {
                    return;
                }
                field.answer.set(Some(answer));
            }
            None => self.others.update(|others| others.set(id, answer)),
        }
        self.settle_later();
    }

    /// Replaces every answer (a draft loaded, imported or merged, a version from the API).
    pub fn replace_all(&self, answers: Answers) {
        for field in self.fields() {
            let new = answers.get(field.question.id);
            if field.answer.with_untracked(|now| now.as_ref() != new) {
                field.answer.set(new.cloned());
            }
        }
        let others = unknown_entries(&answers);
        if self.others.with_untracked(|now| *now != others) {
            self.others.set(others);
        }
        if self.settled.with_untracked(|now| *now != answers) {
            self.settled.set(answers);
        }
    }

    /// Changes the answers with `change` (for rules that work on whole answers).
    pub fn update(&self, change: impl FnOnce(&mut Answers)) {
        let mut answers = self.snapshot_untracked();
        change(&mut answers);
        self.replace_all(answers);
    }

    /// Every answer, tracked: built on each call, for what needs them whole.
    pub fn snapshot(&self) -> Answers {
        let mut answers = self.others.get();
        for field in self.fields() {
            field.answer.with(|answer| {
                if let Some(answer) = answer {
                    answers.set(field.question.id, answer.clone());
                }
            });
        }
        answers
    }

    pub fn snapshot_untracked(&self) -> Answers {
        untrack(|| self.snapshot())
    }

    /// The answers as they were when typing last paused (at most [`SETTLE_AFTER_MS`] behind).
    pub fn settled(&self) -> Signal<Answers> {
        self.settled.into()
    }

    /// One timer per pause in typing, not one per keystroke: a keystroke only notes its time.
    fn settle_later(&self) {
        self.settle.update_value(|settle| settle.last_change = crate::platform::epoch_ms());
        if self.settle.with_value(|settle| settle.pending) {
            return;
        }
        self.settle.update_value(|settle| settle.pending = true);
        self.settle_in(SETTLE_AFTER_MS);
    }

    fn settle_in(&self, delay_ms: f64) {
        let this = *self;
        set_timeout(
            move || {
                let quiet = crate::platform::epoch_ms() - this.settle.with_value(|settle| settle.last_change);
                if quiet < SETTLE_AFTER_MS {
                    return this.settle_in(SETTLE_AFTER_MS - quiet);
                }
                this.settle.update_value(|settle| settle.pending = false);
                let now = this.snapshot_untracked();
                if this.settled.with_untracked(|settled| *settled != now) {
                    this.settled.set(now);
                }
            },
            Duration::from_secs_f64(delay_ms.max(0.0) / 1000.0),
        );
    }
}

fn unknown_entries(answers: &Answers) -> Answers {
    let mut others = Answers::new();
    for (id, answer) in answers.iter().filter(|(id, _)| catalogue::find(id).is_none()) {
        others.set(id, answer.clone());
    }
    others
}
