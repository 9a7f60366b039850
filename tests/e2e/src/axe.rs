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
        self.client.execute(&axe_source(), vec![]).await.expect("axe-core loads");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
                    .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))
                    .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .expect("axe-core runs");
        match result {
            Value::Array(items) => items.into_iter().map(|item| item.as_str().unwrap_or_default().to_owned()).collect(),
            other => vec![format!("unexpected axe result {other}")],
        }
    }
}
