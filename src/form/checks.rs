//! What is wrong with the answers, derived from them, and when the form shows it: a question
//! is checked once it has lost focus, and every question once the partner asks to preview.

use std::collections::HashSet;

use leptos::prelude::*;
use questionnaire::catalogue::QuestionId;
use questionnaire::consistency::Finding;
use questionnaire::validation::{FieldError, FieldPart};

use crate::draft::Questionnaire;

#[derive(Clone, Copy)]
pub struct Checks {
    questionnaire: Questionnaire,
    /// Every error, in catalogue order.
    pub errors: Memo<Vec<FieldError>>,
    /// Contradictions and likely slips across answers: shown, never blocking.
    pub findings: Memo<Vec<Finding>>,
    touched: RwSignal<HashSet<QuestionId>>,
    /// The question the partner last left: its errors are the ones announced.
    last_left: RwSignal<Option<QuestionId>>,
    /// Set by "Save and preview": from then on every error shows.
    pub show_all: RwSignal<bool>,
}

impl Checks {
    pub fn provide() -> Self {
        let questionnaire = Questionnaire::expect();
        let fields = questionnaire.fields();
        let checks = Checks {
            questionnaire,
            // Only questions whose errors changed notify this: typing a valid link re-runs
            // nothing here.
            errors: crate::erased::memo(move |_| fields.iter().flat_map(|field| field.errors.get()).collect()),
            findings: questionnaire.findings,
            touched: RwSignal::new(HashSet::new()),
            last_left: RwSignal::new(None),
            show_all: RwSignal::new(false),
        };
        provide_context(checks);
        checks
    }

    pub fn expect() -> Self {
        expect_context()
    }

    /// What a screen reader hears: the errors of the question just left, once (the live
    /// region speaks only when this text changes), not every error on the page.
    pub fn announcement(&self) -> String {
        let Some(question_id) = self.last_left.get() else { return String::new() };
        self.shown_for(question_id).into_iter().map(|error| error.message).collect::<Vec<_>>().join(" ")
    }

    pub fn touch(&self, question_id: QuestionId) {
        if self.last_left.get_untracked() != Some(question_id) {
            self.last_left.set(Some(question_id));
        }
        if !self.touched.with_untracked(|touched| touched.contains(&question_id)) {
            self.touched.update(|touched| {
                touched.insert(question_id);
            });
        }
    }

    /// The cross-answer findings that involve one question.
    pub fn findings_for(&self, question_id: QuestionId) -> Vec<Finding> {
        self.findings.with(|findings| {
            findings.iter().filter(|finding| finding.questions.contains(&question_id)).cloned().collect()
        })
    }

    /// Whether the errors of one question show now: once the partner has left it, or asked
    /// to preview.
    pub fn showing(&self, question_id: QuestionId) -> bool {
        self.show_all.get() || self.touched.with(|touched| touched.contains(&question_id))
    }

    /// The errors of one question that the partner should see now.
    pub fn shown_for(&self, question_id: QuestionId) -> Vec<FieldError> {
        if !self.showing(question_id) {
            return Vec::new();
        }
        self.questionnaire.field(question_id).errors.get()
    }

    /// `aria-invalid` for one input: `"true"` while an error shown for the question is about
    /// what `covers` accepts (the error's part; `None` is the whole question), else absent.
    pub fn aria_invalid(
        &self,
        question_id: QuestionId,
        covers: impl Fn(Option<FieldPart>) -> bool,
    ) -> Option<&'static str> {
        self.shown_for(question_id).iter().any(|error| covers(error.part)).then_some("true")
    }
}
