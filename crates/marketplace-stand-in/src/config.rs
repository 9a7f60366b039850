//! Command-line flags (`--flag value` or `--flag=value`) and environment variables.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::faults::FaultRule;

pub const USAGE: &str = "\
Usage: marketplace-stand-in [options]

  --host HOST              address to listen on (default 127.0.0.1)
  --port N                 port, 0 picks a free one (default 8787)
  --email EMAIL            Basic-auth user (default partner@example.com, env STAND_IN_EMAIL)
  --token TOKEN            Basic-auth password (default stand-in-token, env STAND_IN_TOKEN)
  --control-token TOKEN    requests to the control API (/_stand-in/...) must send it in an
                           X-Stand-In-Control-Token header (env STAND_IN_CONTROL_TOKEN);
                           required with a --host other than the loopback address
  --known-app-keys A,B     only these v2 app keys exist (default: any key)
  --any-app-key            accept any v2 app key (the default; undoes --known-app-keys)
  --data-file PATH         load state from PATH if present, save it there after each change
  --fail-status CODE       answer API requests with this error status (400-599)
  --fail-times N           ... for the next N API requests only (default: until cleared)
  --retry-after SECONDS    Retry-After header for --fail-status
  --delay-ms MS            delay every API request by MS milliseconds
  --drop-times N           close the connection of the next N API requests without answering
  --static-dir DIR         also serve the files in DIR (the built app) at /, same origin as the API
  --static-prefix PATH     serve DIR at PATH instead of / (e.g. /some/path/)
  --static-headers FILE    add response headers to DIR's files from FILE, in the format of
                           Netlify's _headers (scripts/build writes dist/_headers); paths in
                           it are relative to PATH. Prefers FILE.br / FILE.gz when accepted.
  --static-redirects FILE  route paths that are no file of DIR by FILE, in the format of
                           Netlify's _redirects (public/_redirects): 200 serves the file it
                           names there, 301/302/307/308 redirect; rules to other origins are
                           skipped (the stand-in is the API). Without it (and without
                           --static-not-found), paths with no file extension get DIR/index.html.
  --static-not-found FILE  answer paths that are no file of DIR (and no route) with FILE and
                           status 404, as GitHub Pages does with a site's 404.html
  --v3-read-wrapper NAME   the key v3 GET wraps a record in: commonCloud (default, as live
                           reads show) or common (as the OpenAPI document's schema names it)
  --help                   show this help

The control API answers no web page of another origin (Origin, Sec-Fetch-Site), and without
a control token only requests addressed to a loopback name (Host).

On start it prints one line: marketplace-stand-in listening on http://HOST:PORT";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub host: String,
    pub port: u16,
    pub email: String,
    pub token: String,
    /// What every control API request must carry, when set; required to bind beyond the
    /// loopback address, where anyone on the network could otherwise read drafts and reset.
    pub control_token: Option<String>,
    /// `None` accepts every app key.
    pub known_app_keys: Option<BTreeSet<String>>,
    pub data_file: Option<PathBuf>,
    pub faults: Vec<FaultRule>,
    /// Served at `/` so the app can call the API on its own origin, as it does in production
    /// behind a proxy.
    pub static_dir: Option<PathBuf>,
    /// Where `static_dir` appears in URLs: starts and ends with `/`.
    pub static_prefix: String,
    /// A `_headers` file (Netlify's format) whose headers the static files are served with.
    pub static_headers: Option<PathBuf>,
    /// A `_redirects` file (Netlify's format) that routes paths with no file of their own.
    pub static_redirects: Option<PathBuf>,
    /// The page answering, with status 404, paths that are no file and no route.
    pub static_not_found: Option<PathBuf>,
    /// The key a v3 GET wraps the record in: live reads show `commonCloud`, the OpenAPI
    /// document's schema says `common`; clients must read both.
    pub v3_read_wrapper: &'static str,
}

/// The two wrappers a v3 GET is known to use (see [`Config::v3_read_wrapper`]).
pub const V3_READ_WRAPPERS: [&str; 2] = ["commonCloud", "common"];

impl Default for Config {
    fn default() -> Self {
        Config {
            host: "127.0.0.1".into(),
            port: 8787,
            email: "partner@example.com".into(),
            token: "stand-in-token".into(),
            control_token: None,
            known_app_keys: None,
            data_file: None,
            faults: Vec::new(),
            static_dir: None,
            static_prefix: "/".into(),
            static_headers: None,
            static_redirects: None,
            static_not_found: None,
            v3_read_wrapper: V3_READ_WRAPPERS[0],
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum ArgsError {
    Help,
    Invalid(String),
}

pub fn parse_args(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Config, ArgsError> {
    let mut config = Config::default();
    if let Some(email) = env("STAND_IN_EMAIL") {
        config.email = email;
    }
    if let Some(token) = env("STAND_IN_TOKEN") {
        config.token = token;
    }
    config.control_token = env("STAND_IN_CONTROL_TOKEN").filter(|token| !token.is_empty());
    let mut fail = FailFlags::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_string(), Some(value.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = || {
            inline.clone().or_else(|| args.next()).ok_or_else(|| ArgsError::Invalid(format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "--help" | "-h" => return Err(ArgsError::Help),
            "--host" => config.host = value()?,
            "--port" => config.port = number(&flag, &value()?)?,
            "--email" => config.email = value()?,
            "--token" => config.token = value()?,
            "--control-token" => {
                let token = value()?;
                if token.is_empty() {
                    return Err(ArgsError::Invalid("--control-token cannot be empty".into()));
                }
                config.control_token = Some(token);
            }
            "--known-app-keys" => {
                let keys: BTreeSet<String> =
                    value()?.split(',').map(str::trim).filter(|k| !k.is_empty()).map(String::from).collect();
                config.known_app_keys = Some(keys);
            }
            "--any-app-key" => config.known_app_keys = None,
            "--data-file" => config.data_file = Some(PathBuf::from(value()?)),
            "--static-dir" => config.static_dir = Some(PathBuf::from(value()?)),
            "--static-prefix" => config.static_prefix = url_prefix(&value()?)?,
            "--static-headers" => config.static_headers = Some(PathBuf::from(value()?)),
            "--static-redirects" => config.static_redirects = Some(PathBuf::from(value()?)),
            "--static-not-found" => config.static_not_found = Some(PathBuf::from(value()?)),
            "--v3-read-wrapper" => {
                let name = value()?;
                config.v3_read_wrapper =
                    V3_READ_WRAPPERS.into_iter().find(|known| *known == name).ok_or_else(|| {
                        ArgsError::Invalid(format!("--v3-read-wrapper is commonCloud or common, not {name:?}"))
                    })?;
            }
            "--fail-status" => fail.status = Some(number(&flag, &value()?)?),
            "--fail-times" => fail.times = Some(number(&flag, &value()?)?),
            "--retry-after" => fail.retry_after = Some(number(&flag, &value()?)?),
            "--delay-ms" => fail.delay_ms = Some(number(&flag, &value()?)?),
            "--drop-times" => fail.drop_times = Some(number(&flag, &value()?)?),
            _ => return Err(ArgsError::Invalid(format!("unknown argument: {arg}"))),
        }
    }
    config.faults = fail.into_rules()?;
    if let Some(problem) = binding_problem(&config) {
        return Err(ArgsError::Invalid(problem));
    }
    Ok(config)
}

/// Why the stand-in must not listen as configured: beyond the loopback address, without a
/// control token anyone on the network could read every draft and reset the data.
pub fn binding_problem(config: &Config) -> Option<String> {
    (config.control_token.is_none() && !is_loopback_name(&config.host)).then(|| {
        format!(
            "--host {} is reachable from other machines: give --control-token TOKEN (or STAND_IN_CONTROL_TOKEN) so that only requests carrying it can use the control API (/_stand-in/...)",
            config.host
        )
    })
}

/// `localhost`, `127.0.0.1`, `::1` (with or without brackets): names only this machine has.
/// Any other name may resolve elsewhere, so it is not taken for loopback.
pub fn is_loopback_name(host: &str) -> bool {
    let host = host.strip_prefix('[').and_then(|host| host.strip_suffix(']')).unwrap_or(host);
    host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// `some/path` → `/some/path/`: the prefix always has both slashes.
fn url_prefix(text: &str) -> Result<String, ArgsError> {
    let trimmed = text.trim_matches('/');
    if trimmed.is_empty() {
        return Ok("/".into());
    }
    if trimmed.split('/').any(|segment| segment.is_empty() || segment == "." || segment == "..") {
        return Err(ArgsError::Invalid(format!("--static-prefix: not a URL path: {text}")));
    }
    Ok(format!("/{trimmed}/"))
}

fn number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, ArgsError> {
    text.parse().map_err(|_| ArgsError::Invalid(format!("{flag}: not a valid number: {text}")))
}

#[derive(Default)]
struct FailFlags {
    status: Option<u16>,
    times: Option<u32>,
    retry_after: Option<u64>,
    delay_ms: Option<u64>,
    drop_times: Option<u32>,
}

impl FailFlags {
    /// Drops come first so `--drop-times 1 --fail-times 2` drops one request, then fails two.
    fn into_rules(self) -> Result<Vec<FaultRule>, ArgsError> {
        let mut rules = Vec::new();
        if let Some(times) = self.drop_times {
            rules.push(FaultRule { drop: Some(true), times: Some(times), ..FaultRule::default() });
        }
        match self.status {
            Some(status) if !(400..=599).contains(&status) => {
                return Err(ArgsError::Invalid(format!("--fail-status {status} is not an error status (400-599)")));
            }
            Some(status) => rules.push(FaultRule {
                status: Some(status),
                times: self.times,
                retry_after_seconds: self.retry_after,
                ..FaultRule::default()
            }),
            None if self.times.is_some() || self.retry_after.is_some() => {
                return Err(ArgsError::Invalid("--fail-times and --retry-after need --fail-status".into()));
            }
            None => {}
        }
        if let Some(ms) = self.delay_ms {
            rules.push(FaultRule { delay_ms: Some(ms), ..FaultRule::default() });
        }
        Ok(rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Config, ArgsError> {
        parse_args(args.iter().map(|a| a.to_string()), |_| None)
    }

    #[test]
    fn defaults() {
        let config = parse(&[]).unwrap();
        assert_eq!(config, Config::default());
        assert_eq!(config.known_app_keys, None);
    }

    #[test]
    fn flags_env_and_inline_values() {
        let config = parse_args(
            ["--port", "0", "--host=0.0.0.0", "--control-token=c", "--known-app-keys", "a, b", "--token", "t"]
                .map(String::from),
            |name| (name == "STAND_IN_EMAIL").then(|| "env@example.com".to_string()),
        )
        .unwrap();
        assert_eq!(config.port, 0);
        assert_eq!(config.host, "0.0.0.0");
        assert_eq!(config.control_token.as_deref(), Some("c"));
        assert_eq!(config.email, "env@example.com");
        assert_eq!(config.token, "t");
        assert_eq!(config.known_app_keys, Some(["a".to_string(), "b".to_string()].into()));
        assert_eq!(parse(&["--known-app-keys", "a", "--any-app-key"]).unwrap().known_app_keys, None);
    }

    #[test]
    fn static_prefix_gets_both_slashes() {
        assert_eq!(parse(&["--static-prefix", "some/path"]).unwrap().static_prefix, "/some/path/");
        assert_eq!(parse(&["--static-prefix", "/some/path/"]).unwrap().static_prefix, "/some/path/");
        assert_eq!(parse(&["--static-prefix", "/"]).unwrap().static_prefix, "/");
    }

    #[test]
    fn fault_flags_become_rules() {
        let config = parse(&[
            "--fail-status",
            "500",
            "--fail-times",
            "2",
            "--delay-ms",
            "100",
            "--retry-after",
            "3",
            "--drop-times",
            "1",
        ])
        .unwrap();
        assert_eq!(
            config.faults,
            vec![
                FaultRule { drop: Some(true), times: Some(1), ..FaultRule::default() },
                FaultRule { status: Some(500), times: Some(2), retry_after_seconds: Some(3), ..FaultRule::default() },
                FaultRule { delay_ms: Some(100), ..FaultRule::default() },
            ]
        );
    }

    #[test]
    fn beyond_loopback_only_with_a_control_token() {
        for host in ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"] {
            assert!(parse(&["--host", host]).is_ok(), "{host}");
        }
        for host in ["0.0.0.0", "::", "10.0.0.5", "stand-in.internal", "localhost.evil.example"] {
            let Err(ArgsError::Invalid(problem)) = parse(&["--host", host]) else { panic!("{host} accepted") };
            assert!(problem.contains("--control-token"), "{problem}");
            let config = parse(&["--host", host, "--control-token", "c"]).unwrap();
            assert_eq!(config.control_token.as_deref(), Some("c"));
        }
        let from_env = parse_args(["--host", "0.0.0.0"].map(String::from), |name| {
            (name == "STAND_IN_CONTROL_TOKEN").then(|| "from-env".to_string())
        });
        assert_eq!(from_env.unwrap().control_token.as_deref(), Some("from-env"));
        assert!(matches!(parse(&["--control-token", ""]), Err(ArgsError::Invalid(_))));
    }

    #[test]
    fn errors() {
        assert_eq!(parse(&["--help"]), Err(ArgsError::Help));
        assert!(matches!(parse(&["--port"]), Err(ArgsError::Invalid(_))));
        assert!(matches!(parse(&["--port", "x"]), Err(ArgsError::Invalid(_))));
        assert!(matches!(parse(&["--bogus"]), Err(ArgsError::Invalid(_))));
        assert!(matches!(parse(&["--static-prefix", "/a/../b"]), Err(ArgsError::Invalid(_))));
        assert!(matches!(parse(&["--fail-times", "2"]), Err(ArgsError::Invalid(_))));
        assert!(matches!(parse(&["--fail-status", "200"]), Err(ArgsError::Invalid(_))));
    }
}
