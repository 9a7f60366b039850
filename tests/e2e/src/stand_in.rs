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
}

impl StandIn {
    pub fn start() -> StandIn {
        let dist = workspace_root().join("dist");
        assert!(
            dist.join("index.html").exists(),
            "no built app in {}: run scripts/test (it builds the release bundle first)",
            dist.display()
        );
        StandIn::serving(&dist)
    }

    /// A stand-in that serves the files in `dist` (any directory) at `/`.
    pub fn serving(dist: &Path) -> StandIn {
        let root = workspace_root();
        let binary = std::env::var_os("STAND_IN_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target/debug/marketplace-stand-in"));
        let mut child = Command::new(&binary)
            .args(["--port", "0", "--email", EMAIL, "--token", TOKEN, "--static-dir"])
            .arg(dist)
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
        StandIn { child, origin }
    }

    pub fn app_url(&self) -> String {
        format!("{}/", self.origin)
    }

    /// Makes `trust_info` the live version customers see for the app.
    pub fn seed_live(&self, app_key: &str, trust_info: &Value) {
        ureq::put(&format!("{}/_stand-in/apps/{app_key}/live", self.origin))
            .send_json(trust_info.clone())
            .expect("the stand-in takes a live version");
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

impl Drop for StandIn {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
