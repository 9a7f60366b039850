use leptos::prelude::*;
use questionnaire::catalogue::{self, QuestionId, View};
use questionnaire::diff::changes;
use questionnaire::listing::{rows, ListingRow};
use questionnaire::statements::statements;
use questionnaire::unsorted::{map_of, LiteMap};
use questionnaire::Answers;

use crate::draft::{Parties, Questionnaire};

#[derive(Clone, Debug, PartialEq)]
pub struct RowModel {
    pub row: ListingRow,
    /// What a yes/no answer means for the customer.
    pub statement: Option<&'static str>,
    /// What customers see today, when the live version is known and differs.
    pub was: Option<String>,
}

impl RowModel {
    pub fn in_default_view(&self) -> bool {
        View::Default.shows(self.row.question)
    }
}

/// Every row of the expanded view (the default view hides the rows it does not show, so
/// switching views and printing never re-render). With `live`, rows that differ from it carry
/// what customers see now; nothing is marked while nothing is live (every row would be).
fn models(answers: &Answers, live: Option<&Answers>) -> Vec<RowModel> {
    let sentences = statements(answers);
    let was = was(answers, live);
    rows(answers, View::Expanded)
        .into_iter()
        .map(|row| RowModel {
            statement: sentences.get(&row.question.id).copied(),
            was: was.get(&row.question.id).cloned(),
            row,
        })
        .collect()
}

/// What customers see now, for each question whose row differs from it (nothing while
/// nothing is live).
fn was(answers: &Answers, live: Option<&Answers>) -> LiteMap<QuestionId, String> {
    live.filter(|live| !live.is_empty())
        .map(|live| map_of(changes(live, answers).into_iter().map(|change| (change.question.id, change.before))))
        .unwrap_or_default()
}

/// The tab's rows, one signal per catalogue question (`None`: no row), so a change to one
/// answer re-renders that row only. From the answers being edited, the third parties' row
/// holds none of them (`Field::row`): the tab lists them from `parties`, one item per row.
#[derive(Clone, Copy)]
pub struct Rows {
    rows: StoredValue<Vec<(QuestionId, Signal<Option<RowModel>>)>>,
    parties: Option<Parties>,
}

impl Rows {
    /// From whole answers (the widget): one model, each row reads its own part of it.
    pub fn of_answers(answers: Signal<Answers>, live: Option<Signal<Option<Answers>>>) -> Self {
        let model = crate::erased::memo(move |_| {
            let live = live.and_then(|live| live.get());
            answers.with(|answers| models(answers, live.as_ref()))
        });
        Self::each(None, move |id| {
            Signal::derive(move || model.with(|rows| rows.iter().find(|r| r.row.question.id == id).cloned()))
        })
    }

    /// From the answers being edited: each row a memo of its own question's row and statement;
    /// what customers see now follows once typing pauses (it compares every answer).
    pub fn of_questionnaire(questionnaire: Questionnaire, live: Signal<Option<Answers>>) -> Self {
        let settled = questionnaire.settled();
        let was = crate::erased::memo(move |_| live.with(|live| settled.with(|answers| was(answers, live.as_ref()))));
        let statements = questionnaire.statements;
        Self::each(Some(questionnaire.parties()), move |id| {
            let row = questionnaire.field(id).row;
            crate::erased::memo(move |_| {
                row.with(|row| {
                    row.as_ref().map(|row| RowModel {
                        row: row.clone(),
                        statement: statements.with(|s| s.get(&id).copied()),
                        was: was.with(|was| was.get(&id).cloned()),
                    })
                })
            })
            .into()
        })
    }

    fn each(parties: Option<Parties>, row: impl Fn(QuestionId) -> Signal<Option<RowModel>>) -> Self {
        let rows = catalogue::questions().map(|question| (question.id, row(question.id))).collect();
        Rows { rows: StoredValue::new(rows), parties }
    }

    /// The row of question `id`.
    pub fn get(&self, id: QuestionId) -> Signal<Option<RowModel>> {
        self.rows.with_value(|rows| {
            rows.iter().find(|(known, _)| *known == id).map(|(_, row)| *row).expect("a catalogue id")
        })
    }

    /// The third parties row by row, when the third parties' row lists them apart.
    pub fn parties(&self) -> Option<Parties> {
        self.parties
    }
}
