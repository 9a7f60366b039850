//! The real binary: the listening line, real HTTP, and what it logs.

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::process::{Command, Stdio};

use marketplace_stand_in::auth::basic_header;

use crate::common::*;

#[test]
fn prints_the_listening_line_serves_and_logs_without_secrets() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_marketplace-stand-in"))
        .args(["--port", "0", "--token", "s3cret-token"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();

    let prefix = "marketplace-stand-in listening on http://127.0.0.1:";
    assert!(line.starts_with(prefix) && line.ends_with('\n'), "{line:?}");
    let port: u16 = line[prefix.len()..].trim_end().parse().unwrap_or_else(|_| panic!("{line:?}"));
    assert_ne!(port, 0);
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();

    assert!(raw_http(addr, &get_request("/_stand-in/health")).unwrap().ends_with("\r\n\r\nok"));
    let body = r#"{"appTrustInformation": {}}"#;
    let put = format!(
        "PUT {} HTTP/1.1\r\nHost: x\r\nAuthorization: {}\r\nContent-Length: {}\r\n\r\n{body}",
        v2_path(KEY),
        basic_header(EMAIL, "s3cret-token"),
        body.len()
    );
    let answer = raw_http(addr, &put).unwrap();
    assert!(answer.starts_with("HTTP/1.1 204"), "{answer}");

    child.kill().unwrap();
    child.wait().unwrap();
    let mut log = String::new();
    child.stderr.take().unwrap().read_to_string(&mut log).unwrap();
    assert!(log.contains("GET /_stand-in/health -> 200"), "{log}");
    assert!(log.contains(&format!("PUT {} -> 204", v2_path(KEY))), "{log}");
    assert!(
        !log.contains("s3cret-token")
            && !log.contains(basic_header(EMAIL, "s3cret-token").trim_start_matches("Basic ")),
        "{log}"
    );
}

#[test]
fn bad_arguments_exit_with_usage() {
    let output = Command::new(env!("CARGO_BIN_EXE_marketplace-stand-in")).arg("--nope").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Usage:"));
}
