//! The third-party rows of the questionnaire ([`super::Questionnaire`]), a signal per cell.

use leptos::prelude::*;
use questionnaire::catalogue::{ids, View};
use questionnaire::consistency::outside_eea;
use questionnaire::listing::{listed_party, third_parties_row, ListedThirdParty, ListingRow};
use questionnaire::validation::{errors_for_question, party_errors, repeated_name, same_entry, FieldError};
use questionnaire::visibility::is_asked_when;
use questionnaire::{Answer, Question, ThirdParty};

use super::{gather, set_if_changed, Inputs};

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
    pub(super) len: RwSignal<usize>,
    /// The answer while there are no rows: none, an empty list, or one that is not a list.
    pub(super) empty: RwSignal<Option<Answer>>,
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
        let repeats = crate::erased::memo(move |_| {
            recheck.track();
            let earlier = rows_of(pool, index);
            name.with(|own| untrack(|| earlier.iter().any(|row| row.name.with(|name| same_entry(name, own)))))
        });
        let errors = crate::erased::memo(move |_| {
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

impl Parties {
    pub(super) fn new() -> Self {
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
    pub(super) fn answer(&self) -> Option<Answer> {
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
    pub(super) fn given(&self) -> bool {
        self.len.get() > 0 || self.empty.with(|answer| answer.as_ref().is_some_and(Answer::is_given))
    }

    /// [`outside_eea`] of each row, tracked (every name and country: only while a finding
    /// asks for them).
    pub(super) fn outside_eea(&self) -> Vec<String> {
        let mut outside = Vec::new();
        for row in self.rows() {
            let party = ThirdParty { name: row.name.get(), countries: row.countries.get(), ..ThirdParty::default() };
            outside.extend(outside_eea(&party));
        }
        outside
    }

    /// The question's errors, row and kept answer, each re-run only by what it reads: `own`
    /// are its inputs but the rows.
    pub(super) fn memos(
        self,
        question: &'static Question,
        visible: Memo<bool>,
        own: StoredValue<Inputs>,
    ) -> (Memo<Vec<FieldError>>, Memo<Option<ListingRow>>, Memo<bool>) {
        // As `errors_for_question`: rows given and asked, each row's errors; else the rule for
        // an answer without rows.
        let errors = crate::erased::memo(move |_| match self.len.get() {
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
        let row = crate::erased::memo(move |_| {
            let listed = self.rows().iter().any(|row| row.listed().is_some());
            third_parties_row(question, &own.with_value(gather), listed, View::Expanded)
        });
        let kept = crate::erased::memo(move |_| !visible.get() && self.given());
        (errors, row, kept)
    }

    /// Makes the rows `answer` holds (none unless it is a list of rows).
    pub(super) fn replace(&self, answer: Option<Answer>) {
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
    pub(super) fn rename(&self, index: usize, name: String) {
        let row = self.row(index);
        let was = row.name.get_untracked();
        if !same_entry(&was, &name) {
            for later in &rows_of(self.pool, self.len.get_untracked())[index + 1..] {
                if later.name.with_untracked(|later| same_entry(later, &was) || same_entry(later, &name)) {
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

    pub(super) fn insert(&self, index: usize, party: ThirdParty) {
        let len = self.len.get_untracked();
        self.make(len + 1);
        for at in (index + 1..=len).rev() {
            self.row(at).set(self.row(at - 1).value_untracked());
        }
        self.row(index).set(party);
        self.len.set(len + 1);
        self.recheck_all();
    }

    pub(super) fn remove(&self, index: usize) -> Option<ThirdParty> {
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
