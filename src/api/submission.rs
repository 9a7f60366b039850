use leptos::prelude::*;
use questionnaire::wire::to_put_body;

use super::client::{put_trust_info, ApiError};
use crate::connect::Connection;
use crate::state::Questionnaire;

/// One submit at a time: the action refuses a second click while the first is in flight.
#[derive(Clone, Copy)]
pub struct Submission {
    action: Action<(), Result<(), ApiError>>,
}

impl Submission {
    pub fn new(connection: Connection) -> Self {
        let questionnaire = Questionnaire::expect();
        let action = Action::new_local(move |_: &()| {
            let body = questionnaire.answers.with_untracked(to_put_body);
            let api_base = connection.api_base.get_untracked();
            let app_key = connection.app_key.get_untracked();
            let email = connection.email.get_untracked();
            let token = connection.token.get_untracked();
            async move { put_trust_info(&api_base, &app_key, &email, &token, &body).await }
        });
        Submission { action }
    }

    pub fn submit(&self) {
        if !self.pending() {
            self.action.dispatch(());
        }
    }

    pub fn pending(&self) -> bool {
        self.action.pending().get()
    }

    pub fn message(&self) -> String {
        if self.pending() {
            return "Submitting…".to_owned();
        }
        match self.action.value().get() {
            None => String::new(),
            Some(Ok(())) => "Submitted: the Marketplace now holds these answers as your draft.".to_owned(),
            Some(Err(error)) => error.explain(),
        }
    }
}
