//! The stand-in on a free port, the CLI run as a process, and draft files shaped like the app's
//! exports.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use marketplace_stand_in::{Config, StandIn};
use questionnaire::draft::{export_json, Draft};
use questionnaire::Answers;
use serde_json::Value;

pub const EMAIL: &str = "partner@example.com";
pub const TOKEN: &str = "stand-in-token";
pub const KEY: &str = "com.example.cli-app";

/// A Marketplace stand-in served in-process on its own runtime; gone when dropped.
pub struct Market {
    pub origin: String,
    _runtime: tokio::runtime::Runtime,
}

impl Market {
    pub fn start() -> Market {
        Market::start_with(Config::default())
    }

    /// With stand-in options (`known_app_keys`, say); the port and credentials are the tests'.
    pub fn start_with(config: Config) -> Market {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
        let config = Config { port: 0, email: EMAIL.into(), token: TOKEN.into(), ..config };
        let stand_in = runtime.block_on(StandIn::bind(config)).unwrap();
        let origin = stand_in.base_url();
        runtime.spawn(stand_in.run());
        Market { origin, _runtime: runtime }
    }

    pub fn v2(&self) -> String {
        format!("{}/rest/2", self.origin)
    }

    pub fn v3(&self) -> String {
        format!("{}/rest/3", self.origin)
    }

    fn agent() -> ureq::Agent {
        ureq::AgentBuilder::new().timeout(Duration::from_secs(10)).build()
    }

    /// Seeds the live version of a v2 app.
    pub fn seed_live(&self, key: &str, trust_info: &Value) {
        Self::agent()
            .put(&format!("{}/_stand-in/apps/{key}/live", self.origin))
            .send_string(&trust_info.to_string())
            .unwrap();
    }

    /// `{"live", "draft", "putCount"}` of a v2 app.
    pub fn app(&self, key: &str) -> Value {
        self.holdings(&format!("apps/{key}"))
    }

    /// The same view of a v3 product.
    pub fn product(&self, id: &str) -> Value {
        self.holdings(&format!("products/{id}"))
    }

    fn holdings(&self, path: &str) -> Value {
        let text = Self::agent().get(&format!("{}/_stand-in/{path}", self.origin)).call().unwrap().into_string();
        serde_json::from_str(&text.unwrap()).unwrap()
    }

    /// Replaces the fault rules (see the stand-in's faults.rs).
    pub fn faults(&self, rules: Value) {
        Self::agent().post(&format!("{}/_stand-in/faults", self.origin)).send_string(&rules.to_string()).unwrap();
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit {}\n--- stdout\n{}\n--- stderr\n{}", self.code, self.stdout, self.stderr)
    }
}

/// Runs `privacy-tab` with these arguments, piped, with no credentials in its environment.
pub fn cli(args: &[&str]) -> Run {
    cli_with(args, &[])
}

/// [`cli`] with environment variables (the credentials, say).
pub fn cli_with(args: &[&str], env: &[(&str, &str)]) -> Run {
    cli_in(&std::env::temp_dir(), args, env)
}

/// [`cli_with`] run in the folder `dir`.
pub fn cli_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_privacy-tab"));
    command
        .current_dir(dir)
        .args(args)
        .env_remove("ATLASSIAN_EMAIL")
        .env_remove("ATLASSIAN_API_TOKEN")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("the binary runs");
    Run {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

pub const CREDENTIALS: &[(&str, &str)] = &[("ATLASSIAN_EMAIL", EMAIL), ("ATLASSIAN_API_TOKEN", TOKEN)];

/// A fresh folder for one test's files.
/// `privacy-tab pull --app KEY` of the live version into `out`, from the stand-in.
pub fn pull_live(market: &Market, key: &str, out: &Path) -> Run {
    cli(&["pull", "--app", key, "--api-base", &market.v2(), "-o", out.to_str().unwrap()])
}

pub fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("privacy-tab-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes the app's export of these answers and returns its path, as text for arguments.
pub fn export_file(dir: &Path, name: &str, answers: &Answers) -> String {
    write(dir, name, &export_json(&Draft::new(KEY, answers.clone(), 1_700_000_000_000.0)))
}

pub fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

/// The committed fixture: a partly answered export, as the browser app downloads one.
pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).to_str().unwrap().to_owned()
}

/// A server that answers every request with `301 Moved Permanently` to the same path on
/// `target`, as `http://marketplace.atlassian.com` does for https, and keeps each request line.
pub struct Redirector {
    pub origin: String,
    requests: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Redirector {
    pub fn start(target: &str) -> Redirector {
        use std::io::{BufRead, BufReader, Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let requests = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (kept, target) = (requests.clone(), target.to_owned());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                if reader.read_line(&mut request_line).is_err() {
                    continue;
                }
                let mut length = 0;
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                        break;
                    }
                    if let Some((name, value)) = header.split_once(':') {
                        if name.eq_ignore_ascii_case("content-length") {
                            length = value.trim().parse().unwrap_or(0);
                        }
                    }
                }
                let mut body = vec![0; length];
                let _ = reader.read_exact(&mut body);
                let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_owned();
                kept.lock().unwrap().push(request_line.trim().to_owned());
                let _ = write!(
                    stream,
                    "HTTP/1.1 301 Moved Permanently\r\nLocation: {target}{path}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
            }
        });
        Redirector { origin, requests }
    }

    /// The request lines received so far (`PUT /rest/2/… HTTP/1.1`).
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

/// `push` as CI runs it: credentials from the environment, the plan confirmed with `--yes`.
pub fn push_confirmed(market: &Market, args: &[&str]) -> Run {
    let base = market.v2();
    let mut all = vec!["push", "--yes", "--api-base", base.as_str()];
    all.extend_from_slice(args);
    cli_with(&all, CREDENTIALS)
}
