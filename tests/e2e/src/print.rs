//! Print media, through chromedriver's DevTools pass-through: what a page looks like on paper.

use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::json;

use crate::Browser;

#[derive(Debug)]
struct EmulateMedia(&'static str);

impl WebDriverCompatibleCommand for EmulateMedia {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({"cmd": "Emulation.setEmulatedMedia", "params": {"media": self.0}});
        (http::Method::POST, Some(body.to_string()))
    }
}

impl Browser {
    /// Lays the page out as it would print (`true`) or as on screen again (`false`).
    pub async fn emulate_print(&self, print: bool) {
        self.client.issue_cmd(EmulateMedia(if print { "print" } else { "" })).await.expect("chromedriver emulates media");
    }
}
