//! The answers being edited, shared with every component through context.
//!
//! One signal per catalogue question, and one per cell of each third-party row ([`Parties`]),
//! so a keystroke touches that question or cell and what reads it: a question's visibility,
//! errors and listing row are memos of the answers they read (`questionnaire::inputs`), never of
//! every answer, and a third-party row's errors and listing read that row alone. Whole answers
//! are built on demand ([`Questionnaire::snapshot`]) for saving, export and submit.

mod parties;

use leptos::prelude::*;
use questionnaire::catalogue::{self, ids, QuestionId, View};
use questionnaire::completeness::is_provided;
use questionnaire::consistency::{findings_apart, Finding};
use questionnaire::inputs;
use questionnaire::listing::{row_for, ListingRow};
use questionnaire::statements::statements;
use questionnaire::unsorted::LiteMap;
use questionnaire::validation::{errors_for_question, FieldError};
use questionnaire::visibility::{is_hidden_answer, is_visible};
use questionnaire::{Answer, Answers, Question, ThirdParty};
use std::time::Duration;

pub use parties::{Parties, Party, PartyEdit};

/// How long after the last change the [`Questionnaire::settled`] answers follow (ms): what
/// only needs to be right once typing pauses (the change summary, the autosave) reads those.
const SETTLE_AFTER_MS: f64 = 150.0;

#[derive(Default)]
struct Settle {
    pending: bool,
    last_change: f64,
}

/// Answer signals by question: what a rule reads.
type Inputs = Vec<(QuestionId, RwSignal<Option<Answer>>)>;

/// One question: its answer and what is derived from it alone.
#[derive(Clone, Copy)]
pub struct Field {
    pub question: &'static Question,
    /// Its answer; the third parties': their answer while they have no rows ([`Parties`]).
    answer: RwSignal<Option<Answer>>,
    /// Asked now.
    pub visible: Memo<bool>,
    pub errors: Memo<Vec<FieldError>>,
    /// Its row on the tab (expanded view), if it has one. The third parties' row holds none of
    /// them (`listing::third_parties_row`): the tab lists them from [`Parties`], one by one.
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
    parties: Parties,
    /// Entries whose id the catalogue does not know (kept from newer drafts, never shown).
    others: RwSignal<Answers>,
    /// The answers as they were when typing last paused.
    settled: RwSignal<Answers>,
    settle: StoredValue<Settle>,
    /// Rules that span questions, each reading only the answers it needs.
    pub statements: Memo<LiteMap<QuestionId, &'static str>>,
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
        let parties = Parties::new();
        parties.replace(answers.get(ids::THIRD_PARTIES).cloned());
        let signals: Inputs = catalogue::questions()
            .map(|question| match question.id {
                ids::THIRD_PARTIES => (question.id, parties.empty),
                id => (id, RwSignal::new(answers.get(id).cloned())),
            })
            .collect();
        // No rule is given the third parties' rows as an input: the third parties' own rules and
        // the findings read them apart (see `Parties`), row by row.
        let inputs = |ids: Vec<QuestionId>| -> Inputs {
            ids.into_iter()
                .filter(|id| *id != ids::THIRD_PARTIES)
                .map(|id| *signals.iter().find(|(known, _)| *known == id).expect("inputs name catalogue questions"))
                .collect()
        };
        let fields = catalogue::questions()
            .zip(&signals)
            .map(|(question, (_, answer))| {
                let seen = inputs(inputs::of_visibility(question));
                let own = StoredValue::new(inputs(inputs::of_question(question)));
                let answer = *answer;
                let visible = crate::erased::memo(move |_| is_visible(question, &gather(&seen)));
                let (errors, row, kept) = if question.id == ids::THIRD_PARTIES {
                    parties.memos(question, visible, own)
                } else {
                    (
                        crate::erased::memo(move |_| errors_for_question(question, &own.with_value(gather))),
                        crate::erased::memo(move |_| row_for(question, &own.with_value(gather), View::Expanded)),
                        crate::erased::memo(move |_| {
                            answer.with(|answer| is_hidden_answer(visible.get(), answer.as_ref()))
                        }),
                    )
                };
                Field {
                    question,
                    answer,
                    visible,
                    errors,
                    row,
                    listed: crate::erased::memo(move |_| row.with(|row| row.as_ref().map(is_provided))),
                    kept,
                }
            })
            .collect::<Vec<_>>();
        let asks_parties =
            fields.iter().find(|field| field.question.id == ids::THIRD_PARTIES).map(|field| field.visible);
        let (choices, across) = (inputs(inputs::of_statements()), inputs(inputs::of_consistency()));
        Questionnaire {
            fields: StoredValue::new(fields),
            parties,
            others: RwSignal::new(unknown_entries(&answers)),
            settled: RwSignal::new(answers),
            settle: StoredValue::new(Settle::default()),
            statements: crate::erased::memo(move |_| statements(&gather(&choices))),
            findings: crate::erased::memo(move |_| {
                findings_apart(&gather(&across), || match asks_parties {
                    Some(asked) if asked.get() => parties.outside_eea(),
                    _ => Vec::new(),
                })
            }),
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

    /// The question `id`.
    pub fn field(&self, id: QuestionId) -> Field {
        let field = self.fields.with_value(|fields| fields.iter().find(|field| field.question.id == id).copied());
        field.expect("every id names a catalogue question, and each has its field")
    }

    /// Every question, in catalogue order.
    pub fn fields(&self) -> Vec<Field> {
        self.fields.get_value()
    }

    /// The third parties, row by row.
    pub fn parties(&self) -> Parties {
        self.parties
    }

    /// Reads one answer, tracked (the third parties': every row).
    pub fn with<R>(&self, id: QuestionId, read: impl FnOnce(Option<&Answer>) -> R) -> R {
        match id {
            ids::THIRD_PARTIES => read(self.parties.answer().as_ref()),
            _ => self.field(id).answer.with(|answer| read(answer.as_ref())),
        }
    }

    pub fn set(&self, id: QuestionId, answer: Answer) {
        if id == ids::THIRD_PARTIES {
            self.parties.replace(Some(answer));
        } else {
            if !set_if_changed(self.field(id).answer, Some(answer)) {
                return;
            }
        }
        self.settle_later();
    }

    /// Replaces every answer (a draft loaded, imported or merged, a version from the API):
    /// the draft store's to do, which knows what it replaces.
    pub(in crate::draft) fn replace_all(&self, answers: Answers) {
        for field in self.fields() {
            let new = answers.get(field.question.id);
            if field.question.id == ids::THIRD_PARTIES {
                self.parties.replace(new.cloned());
            } else if field.answer.with_untracked(|now| now.as_ref() != new) {
                field.answer.set(new.cloned());
            }
        }
        set_if_changed(self.others, unknown_entries(&answers));
        set_if_changed(self.settled, answers);
    }

    /// Adds an empty third party at the end.
    pub fn add_party(&self) {
        self.parties.insert(self.parties.len.get_untracked(), ThirdParty::default());
        self.settle_later();
    }

    /// Puts `party` back at row `index` (or the end), moving the later rows down.
    pub fn insert_party(&self, index: usize, party: ThirdParty) {
        self.parties.insert(index.min(self.parties.len.get_untracked()), party);
        self.settle_later();
    }

    /// Removes row `index`, moving the later rows up; the row removed.
    pub fn remove_party(&self, index: usize) -> Option<ThirdParty> {
        let removed = self.parties.remove(index);
        self.settle_later();
        removed
    }

    /// Changes one cell of row `index`.
    pub fn edit_party(&self, index: usize, edit: PartyEdit) {
        let row = self.parties.row(index);
        match edit {
            PartyEdit::Name(text) => self.parties.rename(index, text),
            PartyEdit::Domain(text) => row.domain.set(text),
            PartyEdit::Countries(countries) => row.countries.set(countries),
            PartyEdit::Purpose(text) => row.purpose.set(text),
        }
        self.settle_later();
    }

    /// Every answer, tracked: built on each call, for what needs them whole.
    pub fn snapshot(&self) -> Answers {
        let mut answers = self.others.get();
        for field in self.fields() {
            self.with(field.question.id, |answer| {
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
                set_if_changed(this.settled, this.snapshot_untracked());
            },
            Duration::from_secs_f64(delay_ms.max(0.0) / 1000.0),
        );
    }
}

/// Sets `signal` to `value` unless it holds that already (so nothing that reads it re-runs);
/// whether it changed.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) -> bool {
    let changed = signal.with_untracked(|now| *now != value);
    if changed {
        signal.set(value);
    }
    changed
}

fn unknown_entries(answers: &Answers) -> Answers {
    let mut others = Answers::new();
    for (id, answer) in answers.iter().filter(|(id, _)| catalogue::find(id).is_none()) {
        others.set(id, answer.clone());
    }
    others
}
