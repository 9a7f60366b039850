use questionnaire::draft::{storage_key, Draft};
use questionnaire::Answers;

use crate::Browser;

/// The app key a newcomer starts with (the app's default).
pub const DEMO_APP_KEY: &str = "com.example.privacy-tab-demo";

impl Browser {
    /// Puts `text` where the app keeps the draft of `app_key`, then opens the app again so it
    /// reads it. The page must already be on the app's origin.
    pub async fn plant_draft_text(&self, app_key: &str, text: &str) {
        let url = self.client.current_url().await.unwrap();
        self.open_with_storage(url.as_str(), &[(&storage_key(app_key), text.to_owned())]).await;
    }

    /// Plants a well-formed draft holding `answers`.
    pub async fn plant_answers(&self, app_key: &str, answers: Answers) {
        self.plant_draft_text(app_key, &Draft::new(app_key, answers, 1_764_000_000_000.0).to_json()).await;
    }
}
