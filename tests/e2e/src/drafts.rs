use questionnaire::draft::{storage_key, Draft};
use questionnaire::Answers;
use serde_json::json;

use crate::Browser;

/// The app key a newcomer starts with (the app's default).
pub const DEMO_APP_KEY: &str = "com.example.privacy-tab-demo";

impl Browser {
    /// Puts `text` where the app keeps the draft of `app_key`, then reloads so the app reads it.
    /// The page must already be on the app's origin.
    pub async fn plant_draft_text(&self, app_key: &str, text: &str) {
        self.client
            .execute("localStorage.setItem(arguments[0], arguments[1])", vec![json!(storage_key(app_key)), json!(text)])
            .await
            .expect("local storage accepts the draft");
        self.client.refresh().await.unwrap();
    }

    /// Plants a well-formed draft holding `answers`.
    pub async fn plant_answers(&self, app_key: &str, answers: Answers) {
        self.plant_draft_text(app_key, &Draft::new(app_key, answers, 1_764_000_000_000.0).to_json()).await;
    }
}
