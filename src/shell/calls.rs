//! The Marketplace calls the session asks for, each reported back as the event it is.

use leptos::prelude::*;
use questionnaire::session::{Event, Failure, Read};
use serde_json::Value;

use super::Shell;
use crate::api::{read_version, submit, ApiError, Target, Version};

impl Shell {
    /// For `app`, whichever app is open by now.
    fn target(&self, app: String) -> Target {
        Target { key: app, ..self.connection.target() }
    }

    pub(super) fn read(&self, app: String) {
        let (shell, target, credentials) = (*self, self.target(app.clone()), self.connection.credentials());
        leptos::task::spawn_local(async move {
            let read = match read_version(&target, Version::Current, credentials.as_ref()).await {
                Ok(raw) => Read::Found(raw),
                Err(ApiError::Status { code: 404, .. }) => Read::None,
                Err(error) => Read::Failed(shell.failed(error)),
            };
            shell.dispatch(Event::RecordRead { app, read, now: crate::platform::epoch_ms() });
        });
    }

    /// v2: one PUT; v3: the PUT of the draft, then its publish (`api::submit`).
    pub(super) fn put(&self, app: String, trust_info: Value) {
        let (shell, target, credentials) = (*self, self.target(app.clone()), self.connection.credentials());
        leptos::task::spawn_local(async move {
            let result = match credentials {
                Some(credentials) => submit(&target, &credentials, trust_info).await,
                None => Err(ApiError::Status { code: 401, body: String::new(), retry_after: None }),
            };
            let result = result.map_err(|error| shell.failed(error));
            shell.dispatch(Event::Response { app, result, now: crate::platform::epoch_ms() });
        });
    }

    /// Keeps the failure to explain it; the session is told its status (0: no answer).
    fn failed(&self, error: ApiError) -> Failure {
        let failure = match &error {
            ApiError::Status { code, retry_after, .. } => Failure { status: *code, retry_after: retry_after.clone() },
            _ => Failure { status: 0, retry_after: None },
        };
        self.last_error.set_value(Some(error));
        failure
    }
}
