//! The answers being edited, shared with every component through context.

use leptos::prelude::*;
use questionnaire::{Answer, Answers};

/// The partner's answers. One signal: every derived view (visibility, errors, payload) is a
/// memo of it, so nothing is ever written from an effect.
#[derive(Clone, Copy)]
pub struct Questionnaire {
    pub answers: RwSignal<Answers>,
}

impl Questionnaire {
    pub fn new(answers: Answers) -> Self {
        Questionnaire { answers: RwSignal::new(answers) }
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

    pub fn set(&self, id: &'static str, answer: Answer) {
        self.answers.update(|answers| answers.set(id, answer));
    }
}
