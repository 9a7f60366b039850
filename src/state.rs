//! The answers being edited, shared with every component through context.
//!
//! One signal per catalogue question, and one per cell of each third-party row ([`Parties`]),
//! so a keystroke touches that question or cell and what reads it: a question's visibility,
//! errors and listing row are memos of the answers they read (`questionnaire::inputs`), never of
//! every answer, and a third-party row's errors and listing read that row alone. Whole answers
//! are built on demand ([`Questionnaire::snapshot`]) for saving, export and submit.

use leptos::prelude::*;
use questionnaire::catalogue::{self, ids, QuestionId, View};
use questionnaire::completeness::is_provided;
use questionnaire::consistency::{findings_apart, outside_eea, Finding};
use questionnaire::inputs;
use questionnaire::listing::{listed_party, row_for, third_parties_row, ListedThirdParty, ListingRow};
use questionnaire::statements::statements;
use questionnaire::validation::{errors_for_question, party_errors, repeated_name, same_name, FieldError};
use questionnaire::visibility::{is_asked_when, is_hidden_answer, is_visible};
use questionnaire::{Answer, Answers, Question, ThirdParty};
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
                let visible = Memo::new(move |_| is_visible(question, &gather(&seen)));
                let (errors, row, kept) = if question.id == ids::THIRD_PARTIES {
                    parties.memos(question, visible, own)
                } else {
                    (
                        Memo::new(move |_| errors_for_question(question, &own.with_value(gather))),
                        Memo::new(move |_| row_for(question, &own.with_value(gather), View::Expanded)),
                        Memo::new(move |_| answer.with(|answer| is_hidden_answer(visible.get(), answer.as_ref()))),
                    )
                };
                Field {
                    question,
                    answer,
                    visible,
                    errors,
                    row,
                    listed: Memo::new(move |_| row.with(|row| row.as_ref().map(is_provided))),
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
            statements: Memo::new(move |_| statements(&gather(&choices))),
            findings: Memo::new(move |_| {
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

    /// The question `id` of the catalogue. Panics on an unknown id (a programming error).
    pub fn field(&self, id: &str) -> Field {
        self.find(id).expect("a catalogue id")
    }

    fn find(&self, id: &str) -> Option<Field> {
        self.fields.with_value(|fields| fields.iter().find(|field| field.question.id == id).copied())
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
    pub fn with<R>(&self, id: &str, read: impl FnOnce(Option<&Answer>) -> R) -> R {
        match id {
            ids::THIRD_PARTIES => read(self.parties.answer().as_ref()),
            _ => self.field(id).answer.with(|answer| read(answer.as_ref())),
        }
    }

    pub fn set(&self, id: &str, answer: Answer) {
        match self.find(id) {
            Some(field) if field.question.id == ids::THIRD_PARTIES => self.parties.replace(Some(answer)),
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
            if field.question.id == ids::THIRD_PARTIES {
                self.parties.replace(new.cloned());
            } else if field.answer.with_untracked(|now| now.as_ref() != new) {
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

/// One change to one cell of a third-party row, as the inputs make them.
pub enum PartyEdit {
    Name(String),
    Domain(String),
    Countries(Vec<String>),
    Purpose(String),
}

/// The third parties, a signal per cell of each row, so typing in a cell re-checks and
/// re-lists that row alone. Row `i` is always [`Parties::row`]`(i)`: removing a row moves the
/// later rows' answers up, as the form (whose inputs go by position) shows them.
#[derive(Clone, Copy)]
pub struct Parties {
    /// Every row made so far, the first `len` in use. The others wait to be used again: a
    /// row's signals live as long as the questionnaire, so nothing can read one disposed.
    pool: StoredValue<Vec<Party>>,
    len: RwSignal<usize>,
    /// The answer while there are no rows: none, an empty list, or one that is not a list.
    empty: RwSignal<Option<Answer>>,
    /// Rows are made under it, whoever asks for them.
    owner: StoredValue<Owner>,
}

/// One third-party row: its cells and what is derived from that row alone.
#[derive(Clone, Copy)]
pub struct Party {
    pub name: RwSignal<String>,
    pub domain: RwSignal<String>,
    pub countries: RwSignal<Vec<String>>,
    pub purpose: RwSignal<String>,
    /// Its errors, its name repeating an earlier row's (`validation::repeated_name`) included.
    pub errors: Memo<Vec<FieldError>>,
    /// Has it look again whether its name repeats an earlier row's: notified when an earlier
    /// row may have taken or left its name.
    recheck: Trigger,
}

impl Party {
    fn new(index: usize, pool: StoredValue<Vec<Party>>) -> Self {
        let text = || RwSignal::new(String::new());
        let (name, domain, countries, purpose) = (text(), text(), RwSignal::new(Vec::new()), text());
        let value = move || ThirdParty {
            name: name.get(),
            domain: domain.get(),
            countries: countries.get(),
            purpose: purpose.get(),
        };
        let recheck = Trigger::new();
        // The earlier rows' names are read untracked, so typing a name does not re-check every
        // row: whoever renames a row has the later rows it concerns look again
        // ([`Parties::rename`], [`Parties::recheck_all`]).
        let repeats = Memo::new(move |_| {
            recheck.track();
            let earlier = rows_of(pool, index);
            name.with(|own| untrack(|| earlier.iter().any(|row| row.name.with(|name| same_name(name, own)))))
        });
        let errors = Memo::new(move |_| {
            let repeat = repeats.get().then(|| name.with(|name| repeated_name(ids::THIRD_PARTIES, index, name)));
            let mut errors: Vec<FieldError> = repeat.into_iter().collect();
            errors.extend(party_errors(ids::THIRD_PARTIES, index, &value()));
            errors
        });
        Party { name, domain, countries, purpose, errors, recheck }
    }

    /// How the tab lists it (`None`: a blank row, left out), tracked.
    pub fn listed(&self) -> Option<ListedThirdParty> {
        listed_party(&self.value())
    }

    /// The row as it stands, tracked.
    pub fn value(&self) -> ThirdParty {
        ThirdParty {
            name: self.name.get(),
            domain: self.domain.get(),
            countries: self.countries.get(),
            purpose: self.purpose.get(),
        }
    }

    fn value_untracked(&self) -> ThirdParty {
        untrack(|| self.value())
    }

    /// Whether the name changed (the caller has the rows re-checked for repeats).
    fn set(&self, party: ThirdParty) -> bool {
        let ThirdParty { name, domain, countries, purpose } = party;
        set_if_changed(self.domain, domain);
        set_if_changed(self.countries, countries);
        set_if_changed(self.purpose, purpose);
        set_if_changed(self.name, name)
    }
}

/// Whether it changed.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) -> bool {
    let changed = signal.with_untracked(|now| *now != value);
    if changed {
        signal.set(value);
    }
    changed
}

impl Parties {
    fn new() -> Self {
        let pool: StoredValue<Vec<Party>> = StoredValue::new(Vec::new());
        Parties { pool, len: RwSignal::new(0), empty: RwSignal::new(None), owner: StoredValue::new(Owner::new()) }
    }

    /// How many rows there are, tracked.
    pub fn count(&self) -> usize {
        self.len.get()
    }

    /// Row `index` (one of the first [`Parties::count`]).
    pub fn row(&self, index: usize) -> Party {
        self.pool.with_value(|pool| pool[index])
    }

    fn rows(&self) -> Vec<Party> {
        rows_of(self.pool, self.len.get())
    }

    /// The third parties' answer, tracked: every row read.
    fn answer(&self) -> Option<Answer> {
        match self.rows() {
            rows if rows.is_empty() => self.empty.get(),
            rows => {
                let mut parties = Vec::new();
                for row in rows {
                    parties.push(row.value());
                }
                Some(Answer::ThirdParties(parties))
            }
        }
    }

    /// Whether the answer is given (`Answer::is_given`), tracked.
    fn given(&self) -> bool {
        self.len.get() > 0 || self.empty.with(|answer| answer.as_ref().is_some_and(Answer::is_given))
    }

    /// [`outside_eea`] of each row, tracked (every name and country: only while a finding
    /// asks for them).
    fn outside_eea(&self) -> Vec<String> {
        let mut outside = Vec::new();
        for row in self.rows() {
            let party = ThirdParty { name: row.name.get(), countries: row.countries.get(), ..ThirdParty::default() };
            outside.extend(outside_eea(&party));
        }
        outside
    }

    /// The question's errors, row and kept answer, each re-run only by what it reads: `own`
    /// are its inputs but the rows.
    fn memos(
        self,
        question: &'static Question,
        visible: Memo<bool>,
        own: StoredValue<Inputs>,
    ) -> (Memo<Vec<FieldError>>, Memo<Option<ListingRow>>, Memo<bool>) {
        // As `errors_for_question`: rows given and asked, each row's errors; else the rule for
        // an answer without rows.
        let errors = Memo::new(move |_| match self.len.get() {
            0 => {
                let mut answers = own.with_value(gather);
                if let Some(answer) = self.empty.get() {
                    answers.set(question.id, answer);
                }
                errors_for_question(question, &answers)
            }
            _ if is_asked_when(question, visible.get()) => {
                let mut errors = Vec::new();
                for row in self.rows() {
                    row.errors.with(|own| errors.extend_from_slice(own));
                }
                errors
            }
            _ => Vec::new(),
        });
        // Rows are read up to the first one listed.
        let row = Memo::new(move |_| {
            let listed = self.rows().iter().any(|row| row.listed().is_some());
            third_parties_row(question, &own.with_value(gather), listed, View::Expanded)
        });
        let kept = Memo::new(move |_| !visible.get() && self.given());
        (errors, row, kept)
    }

    /// Makes the rows `answer` holds (none unless it is a list of rows).
    fn replace(&self, answer: Option<Answer>) {
        let (rows, empty) = match answer {
            Some(Answer::ThirdParties(rows)) if !rows.is_empty() => (rows, Some(Answer::ThirdParties(Vec::new()))),
            other => (Vec::new(), other),
        };
        let len = rows.len();
        self.make(len);
        let mut renamed = false;
        for (index, party) in rows.into_iter().enumerate() {
            renamed |= self.row(index).set(party);
        }
        // A row taken back into use may have missed renames while it was not.
        renamed |= set_if_changed(self.len, len);
        set_if_changed(self.empty, empty);
        if renamed {
            self.recheck_all();
        }
    }

    /// Renames row `index`, and has the later rows that had or now have its name look again
    /// whether they repeat an earlier one.
    fn rename(&self, index: usize, name: String) {
        let row = self.row(index);
        let was = row.name.get_untracked();
        if !same_name(&was, &name) {
            for later in &rows_of(self.pool, self.len.get_untracked())[index + 1..] {
                if later.name.with_untracked(|later| same_name(later, &was) || same_name(later, &name)) {
                    later.recheck.notify();
                }
            }
        }
        row.name.set(name);
    }

    /// Has every row look again whether its name repeats an earlier one (after moving rows).
    fn recheck_all(&self) {
        for row in rows_of(self.pool, self.len.get_untracked()) {
            row.recheck.notify();
        }
    }

    fn insert(&self, index: usize, party: ThirdParty) {
        let len = self.len.get_untracked();
        self.make(len + 1);
        for at in (index + 1..=len).rev() {
            self.row(at).set(self.row(at - 1).value_untracked());
        }
        self.row(index).set(party);
        self.len.set(len + 1);
        self.recheck_all();
    }

    fn remove(&self, index: usize) -> Option<ThirdParty> {
        let len = self.len.get_untracked();
        if index >= len {
            return None;
        }
        let removed = self.row(index).value_untracked();
        for at in index..len - 1 {
            self.row(at).set(self.row(at + 1).value_untracked());
        }
        self.len.set(len - 1);
        if len == 1 {
            set_if_changed(self.empty, Some(Answer::ThirdParties(Vec::new())));
        }
        self.recheck_all();
        Some(removed)
    }

    /// Makes rows until there are at least `rows`.
    fn make(&self, rows: usize) {
        let made = self.pool.with_value(Vec::len);
        if made >= rows {
            return;
        }
        let pool = self.pool;
        let new: Vec<Party> =
            self.owner.get_value().with(|| (made..rows).map(|index| Party::new(index, pool)).collect());
        self.pool.update_value(|pool| pool.extend(new));
    }
}

/// The first `len` rows of `pool`.
fn rows_of(pool: StoredValue<Vec<Party>>, len: usize) -> Vec<Party> {
    pool.with_value(|pool| pool[..len].to_vec())
}
