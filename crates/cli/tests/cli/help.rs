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

#[test]
fn completions_are_generated_for_a_shell() {
    let run = cli(&["completions", "bash"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("complete -F _privacy__tab"), "{run:?}");
    assert!(run.stdout.contains("--dry-run"), "push's options are completed: {run:?}");
}

#[test]
fn a_token_option_does_not_exist() {
    let run = cli(&["push", "--app", "x", "--token", "secret", "file.json"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("--token"), "{run:?}");
}
