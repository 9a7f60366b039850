use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use questionnaire::catalogue::{QuestionId, View};
use questionnaire::diff::changes;
use questionnaire::listing::{rows_by_section, ListingRow};
use questionnaire::statements::statements;
use questionnaire::Answers;

/// One section of the tab, with every row of the expanded view; the default view hides the
/// rows it does not show, so switching views (and printing) never re-renders.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionModel {
    pub id: &'static str,
    pub title: &'static str,
    pub rows: Vec<RowModel>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowModel {
    pub row: ListingRow,
    /// What a yes/no answer means for the customer.
    pub statement: Option<&'static str>,
    /// What customers see today, when the live version is known and differs.
    pub was: Option<String>,
}

impl SectionModel {
    pub fn in_default_view(&self) -> bool {
        self.rows.iter().any(RowModel::in_default_view)
    }
}

impl RowModel {
    pub fn in_default_view(&self) -> bool {
        View::Default.shows(self.row.question)
    }

    /// Changes whenever anything the row shows changes: the key that re-renders it. A hash,
    /// not a printed copy of the value: with 200 third parties it is computed on every
    /// keystroke.
    pub fn key(&self) -> (QuestionId, u64) {
        let mut hasher = DefaultHasher::new();
        (&self.row.value, self.statement, &self.was).hash(&mut hasher);
        (self.row.question.id, hasher.finish())
    }
}

/// With `live`, rows that differ from it carry what customers see now; nothing is marked while
/// nothing is live (every row would be).
pub fn sections(answers: &Answers, live: Option<&Answers>) -> Vec<SectionModel> {
    let sentences = statements(answers);
    let was: BTreeMap<QuestionId, String> = live
        .filter(|live| !live.is_empty())
        .map(|live| changes(live, answers).into_iter().map(|change| (change.question.id, change.before)).collect())
        .unwrap_or_default();
    rows_by_section(answers, View::Expanded)
        .into_iter()
        .map(|(section, rows)| SectionModel {
            id: section.id,
            title: section.title,
            rows: rows
                .into_iter()
                .map(|row| RowModel {
                    statement: sentences.get(row.question.id).copied(),
                    was: was.get(row.question.id).cloned(),
                    row,
                })
                .collect(),
        })
        .collect()
}
