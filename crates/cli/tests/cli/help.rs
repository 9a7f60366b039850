use crate::common::*;

#[test]
fn help_lists_every_command_and_where_credentials_come_from() {
    let run = cli(&["--help"]);
    assert_eq!(run.code, 0, "{run:?}");
    for command in ["check", "show", "diff", "pull", "push", "completions"] {
        assert!(run.stdout.contains(command), "{command}: {run:?}");
    }
    assert!(run.stdout.contains("ATLASSIAN_API_TOKEN"), "{run:?}");
}

/// What bash offers for `words` (the last one being completed), with the script loaded.
fn bash_completes(script: &str, words: &[&str]) -> String {
    let dir = scratch("completions");
    let file = write(&dir, "privacy-tab.bash", script);
    let words_array: Vec<String> = words.iter().map(|word| format!("'{word}'")).collect();
    // The function the script registers for the binary: `complete -F NAME … privacy-tab`.
    let function = script.split("complete -F ").nth(1).and_then(|rest| rest.split_whitespace().next()).unwrap();
    let program = format!(
        "source '{file}'\nCOMP_WORDS=({})\nCOMP_CWORD={}\n{function} privacy-tab '{}' '{}'\necho \"${{COMPREPLY[*]}}\"",
        words_array.join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let output = std::process::Command::new("bash").arg("-c").arg(program).output().expect("bash runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn bash_completes_commands_and_each_command_s_options() {
    let run = cli(&["completions", "bash"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(bash_completes(&run.stdout, &["privacy-tab", "pu"]).contains("push"), "{run:?}");
    let push = bash_completes(&run.stdout, &["privacy-tab", "push", "--"]);
    for option in ["--dry-run", "--yes", "--manifest", "--allow-invalid"] {
        assert!(push.contains(option), "{option}: {push}");
    }
    let pull = bash_completes(&run.stdout, &["privacy-tab", "pull", "--f"]);
    assert!(pull.contains("--force"), "{pull}");
}

#[test]
fn a_closed_pipe_ends_the_output_without_a_panic() {
    use std::io::{BufRead, BufReader};
    let dir = scratch("closed-pipe");
    let file = export_file(&dir, "answers.json", &questionnaire::sample::complete(0));
    // Far more output than a pipe holds, so writing blocks until the reader has gone.
    let files: Vec<&str> = std::iter::repeat_n(file.as_str(), 1500).collect();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_privacy-tab"))
        .arg("check")
        .args(&files)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // `| head -2`: two lines, then the reading end is closed.
    assert!(lines.next().unwrap().unwrap().contains("valid"));
    lines.next().unwrap().unwrap();
    drop(lines);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(output.status.code(), Some(101), "{stderr}");
}

#[test]
fn a_token_option_does_not_exist() {
    let run = cli(&["push", "--app", "x", "--token", "secret", "file.json"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("--token"), "{run:?}");
}
