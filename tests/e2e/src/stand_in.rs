use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

use crate::workspace_root;

pub const EMAIL: &str = "partner@example.com";
pub const TOKEN: &str = "stand-in-token";

/// A running Marketplace stand-in that also serves the built app from `dist/`.
pub struct StandIn {
    child: Child,
    pub origin: String,
    prefix: String,
}

impl StandIn {
    /// The stand-in serving the built app from `dist/` at `/`.
    pub fn start() -> StandIn {
        StandIn::start_with(&[], None)
    }

    /// With extra command-line flags (`--known-app-keys`, …) and, optionally, another folder
    /// of static files than `dist/` (a copy with its own `config.json`, say).
    pub fn start_with(extra_args: &[&str], static_dir: Option<&Path>) -> StandIn {
        let dist = static_dir.map(Path::to_path_buf).unwrap_or_else(|| workspace_root().join("dist"));
        assert!(
            dist.join("index.html").exists(),
            "no built app in {}: run scripts/test (it builds the release bundle first)",
            dist.display()
        );
        StandIn::launch(&dist, "/", extra_args)
    }

    /// The stand-in serving `dir` at `prefix` (like `/some/path/`), the way a static host
    /// would.
    pub fn serving(dir: &Path, prefix: &str) -> StandIn {
        StandIn::launch(dir, prefix, &[])
    }

    /// [`StandIn::serving`] with extra command-line flags (`--static-not-found`, …).
    pub fn serving_with(dir: &Path, prefix: &str, extra_args: &[&str]) -> StandIn {
        StandIn::launch(dir, prefix, extra_args)
    }

    /// Every static folder is served with the response headers of its `_headers` (the CSP
    /// and cache headers that scripts/build writes) and the routing of its `_redirects` (the
    /// app's addresses) when it has them, and its `.br`/`.gz` files.
    fn launch(dir: &Path, prefix: &str, extra_args: &[&str]) -> StandIn {
        let binary = std::env::var_os("STAND_IN_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace_root().join("target/debug/marketplace-stand-in"));
        let mut command = Command::new(&binary);
        command
            .args(["--port", "0", "--email", EMAIL, "--token", TOKEN, "--static-prefix", prefix, "--static-dir"])
            .arg(dir)
            .args(extra_args);
        if dir.join("_headers").exists() {
            command.arg("--static-headers").arg(dir.join("_headers"));
        }
        if dir.join("_redirects").exists() {
            command.arg("--static-redirects").arg(dir.join("_redirects"));
        }
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {} ({e}): run scripts/test", binary.display()));
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let origin = line
            .trim()
            .rsplit(' ')
            .next()
            .filter(|url| url.starts_with("http://"))
            .unwrap_or_else(|| panic!("unexpected first line from the stand-in: {line:?}"))
            .to_owned();
        StandIn { child, origin, prefix: prefix.to_owned() }
    }

    /// The app's page: the origin and the path it is served at.
    pub fn app_url(&self) -> String {
        format!("{}{}", self.origin, self.prefix)
    }

    /// What the stand-in holds for an app: `{"live": …, "draft": …, "putCount": n}`.
    pub fn holdings(&self, app_key: &str) -> Value {
        ureq::get(&format!("{}/_stand-in/apps/{app_key}", self.origin))
            .call()
            .expect("the stand-in answers its control API")
            .into_json()
            .expect("control API answers JSON")
    }
}

impl StandIn {
    /// Replaces the fault rules (`POST /_stand-in/faults`, one rule or an array).
    pub fn set_faults(&self, rules: Value) {
        ureq::post(&format!("{}/_stand-in/faults", self.origin))
            .send_json(rules)
            .expect("the stand-in takes the fault rules");
    }

    /// How many API requests of this method the stand-in has received, counted as they arrive:
    /// one still waiting out a delay fault, or refused by a fault, is counted too.
    pub fn received(&self, method: &str) -> u64 {
        let received: Value = ureq::get(&format!("{}/_stand-in/requests", self.origin))
            .call()
            .expect("the stand-in answers its control API")
            .into_json()
            .expect("control API answers JSON");
        received[method].as_u64().unwrap_or(0)
    }

    pub fn clear_faults(&self) {
        ureq::delete(&format!("{}/_stand-in/faults", self.origin)).call().expect("the stand-in clears its faults");
    }

    /// Seeds the live version of an app (not type-checked).
    pub fn seed_live(&self, app_key: &str, trust_info: &Value) {
        ureq::put(&format!("{}/_stand-in/apps/{app_key}/live", self.origin))
            .send_json(trust_info.clone())
            .expect("the stand-in seeds the live version");
    }

    /// What the stand-in holds for a v3 product: `{"live": …, "draft": …}`.
    pub fn product(&self, product_id: &str) -> Value {
        ureq::get(&format!("{}/_stand-in/products/{product_id}", self.origin))
            .call()
            .expect("the stand-in answers its control API")
            .into_json()
            .expect("control API answers JSON")
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
