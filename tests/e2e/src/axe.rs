//! axe-core accessibility checks of the page as it is now.

use serde_json::Value;

use crate::Browser;

/// axe-core's browser build, installed by scripts/setup (or named by `AXE_CORE_JS`).
fn axe_source() -> String {
    let path = std::env::var("AXE_CORE_JS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| crate::workspace_root().join(".tools/node_modules/axe-core/axe.min.js"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{} ({e}): run scripts/setup", path.display()))
}

impl Browser {
    /// Runs axe-core (WCAG 2.x A and AA rules, and best practices) on the page and returns its
    /// violations, one line each.
    pub async fn axe_violations(&self) -> Vec<String> {
        self.axe("document", &[]).await
    }

    /// The same within the first element matching `css` (its open shadow root included),
    /// leaving out the rules named in `skip`.
    pub async fn axe_violations_within(&self, css: &str, skip: &[&str]) -> Vec<String> {
        self.axe(&format!("document.querySelector({})", serde_json::json!(css)), skip).await
    }

    /// `context`: a JavaScript expression for what to check.
    async fn axe(&self, context: &str, skip: &[&str]) -> Vec<String> {
        self.client.execute(&axe_source(), vec![]).await.expect("axe-core loads");
        let rules: serde_json::Map<String, Value> =
            skip.iter().map(|rule| (rule.to_string(), serde_json::json!({ "enabled": false }))).collect();
        let result = self
            .client
            .execute_async(
                &format!(
                    "const done = arguments[arguments.length - 1];
                     axe.run({context}, {{ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'], rules: arguments[0] }})
                        .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))
                        .catch(e => done(['axe failed: ' + e]));"
                ),
                vec![Value::Object(rules)],
            )
            .await
            .expect("axe-core runs");
        match result {
            Value::Array(items) => items.into_iter().map(|item| item.as_str().unwrap_or_default().to_owned()).collect(),
            other => vec![format!("unexpected axe result {other}")],
        }
    }
}
