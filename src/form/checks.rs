//! What is wrong with the answers, derived from them, and when the form shows it: a question
//! is checked once it has lost focus, and every question once the partner asks to preview.

use std::collections::HashSet;

use leptos::prelude::*;
use questionnaire::validation::{field_errors, FieldError};

use crate::state::Questionnaire;

#[derive(Clone, Copy)]
pub struct Checks {
    pub errors: Memo<Vec<FieldError>>,
    touched: RwSignal<HashSet<&'static str>>,
    /// Set by "Save and preview": from then on every error shows.
    pub show_all: RwSignal<bool>,
}

impl Checks {
    pub fn provide() -> Self {
        let answers = Questionnaire::expect().answers;
        let checks = Checks {
            errors: Memo::new(move |_| answers.with(field_errors)),
            touched: RwSignal::new(HashSet::new()),
            show_all: RwSignal::new(false),
        };
        provide_context(checks);
        checks
    }

    pub fn expect() -> Self {
        expect_context()
    }

    pub fn touch(&self, question_id: &'static str) {
        if !self.touched.with_untracked(|touched| touched.contains(question_id)) {
            self.touched.update(|touched| {
                touched.insert(question_id);
            });
        }
    }

    /// The errors of one question that the partner should see now.
    pub fn shown_for(&self, question_id: &'static str) -> Vec<FieldError> {
        let shown = self.show_all.get() || self.touched.with(|touched| touched.contains(question_id));
        if !shown {
            return Vec::new();
        }
        self.errors.with(|errors| errors.iter().filter(|error| error.question == question_id).cloned().collect())
    }
}
