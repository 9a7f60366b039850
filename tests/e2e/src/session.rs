//! A partner's session with the app on the demo app key: a saved draft, signing in, submitting.

use questionnaire::catalogue::ids;
use questionnaire::draft::Draft;
use questionnaire::Answers;

use crate::fixtures::{draft_json, draft_key};
use crate::stand_in::{EMAIL, TOKEN};
use crate::{Browser, StandIn, DEMO_APP_KEY};

impl Browser {
    /// Opens the app on the demo app key with `answers` as its saved draft.
    pub async fn open_with_draft(&self, stand_in: &StandIn, answers: &Answers) {
        self.open_with_storage(
            &stand_in.app_url(),
            &[
                ("privacy-tab:last-app-key", DEMO_APP_KEY.to_owned()),
                (&draft_key(DEMO_APP_KEY), draft_json(DEMO_APP_KEY, answers)),
            ],
        )
        .await;
        self.wait_for_text(".autosave-status", "Restored your draft").await;
    }

    /// Types the stand-in's e-mail and this token.
    pub async fn sign_in_with(&self, token: &str) {
        self.find("#account-email").await.send_keys(EMAIL).await.unwrap();
        self.find("#api-token").await.send_keys(token).await.unwrap();
    }

    pub async fn sign_in(&self) {
        self.sign_in_with(TOKEN).await;
    }

    /// Submit, then confirm on the review.
    pub async fn submit(&self) {
        self.click_when_enabled("#submit").await;
        self.find("#confirm-submit").await.click().await.unwrap();
    }

    /// The security contact as the form shows it.
    pub async fn contact_on_form(&self) -> String {
        let contact = format!("#q-{}", ids::SECURITY_CONTACT);
        self.find(&contact).await.prop("value").await.unwrap().unwrap_or_default()
    }

    /// The security contact of `app_key`'s draft in local storage ("" when none is readable).
    pub async fn stored_contact(&self, app_key: &str) -> String {
        let text = self.local_item(&draft_key(app_key)).await.unwrap_or_default();
        Draft::parse(&text).map(|draft| draft.answers.text(ids::SECURITY_CONTACT).to_owned()).unwrap_or_default()
    }
}
