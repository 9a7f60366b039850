//! Hostile networks and hostile files (issue 26): redirects, plain http, the file written by
//! `pull -o`, oversized input, and keys that would reach another path of the API.

use questionnaire::draft::LARGEST_FILE_BYTES;
use questionnaire::sample;
use questionnaire::wire::to_trust_info;

use crate::common::*;

#[test]
fn a_redirected_write_is_an_error_naming_the_location_and_nothing_reads_as_sent() {
    let market = Market::start();
    let redirector = Redirector::start(&market.origin);
    let file = export_file(&scratch("redirect"), "answers.json", &sample::complete(1));
    let base = format!("{}/rest/2", redirector.origin);
    let run = cli_with(&["push", "--yes", "--allow-missing", "--app", KEY, "--api-base", &base, &file], CREDENTIALS);
    assert_eq!(run.code, 1, "{run:?}");
    let location = format!("{}/rest/2/addons/{KEY}/privacy-and-security", market.origin);
    assert!(run.stderr.contains(&format!("redirect (301) to “{location}")), "{run:?}");
    assert!(!run.stdout.contains("1 of 1"), "{run:?}");
    assert_eq!(market.app(KEY)["putCount"], 0);
    assert!(market.app(KEY)["draft"].is_null());
    // Only the first request was made; nothing followed the redirect.
    assert_eq!(redirector.requests().len(), 1, "{:?}", redirector.requests());

    // A read is not followed either: the partner is told where it pointed.
    let pull = cli(&["pull", "--app", KEY, "--api-base", &base]);
    assert_eq!(pull.code, 1, "{pull:?}");
    assert!(pull.stderr.contains("redirect (301)") && pull.stderr.contains("give it as --api-base"), "{pull:?}");
}

#[test]
fn plain_http_to_another_machine_is_refused_before_any_request_unless_allowed() {
    let market = Market::start();
    market.seed_live(KEY, &to_trust_info(&sample::complete(0)));
    let remote = "http://marketplace.example.com/rest/2";
    let run = cli(&["pull", "--app", KEY, "--api-base", remote]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("is http://, not https://"), "{run:?}");
    assert!(run.stderr.contains("--allow-http"), "{run:?}");

    // 0.0.0.0 is not a loopback address, yet reaches this machine: the stand-in, allowed.
    let port = market.origin.rsplit(':').next().unwrap();
    let unspecified = format!("http://0.0.0.0:{port}/rest/2");
    let refused = cli(&["pull", "--app", KEY, "--api-base", &unspecified]);
    assert_eq!(refused.code, 2, "{refused:?}");
    let allowed = cli(&["pull", "--allow-http", "--app", KEY, "--api-base", &unspecified]);
    assert_eq!(allowed.code, 0, "{allowed:?}");
}

#[test]
fn pull_output_keeps_an_existing_file_unless_forced_and_never_writes_through_a_link() {
    let market = Market::start();
    market.seed_live(KEY, &to_trust_info(&sample::complete(1)));
    let dir = scratch("pull-output");
    let notes = dir.join("notes.json");
    std::fs::write(&notes, "my own notes").unwrap();

    let kept = pull_live(&market, KEY, &notes);
    assert_eq!(kept.code, 2, "{kept:?}");
    assert!(kept.stderr.contains("already exists: pass --force to replace it"), "{kept:?}");
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my own notes");

    let notes_arg = notes.to_str().unwrap();
    let forced = cli(&["pull", "--force", "--app", KEY, "--api-base", &market.v2(), "-o", notes_arg]);
    assert_eq!(forced.code, 0, "{forced:?}");
    assert!(std::fs::read_to_string(&notes).unwrap().contains("\"format\": \"privacy-tab-draft\""));

    #[cfg(unix)]
    {
        let target = dir.join("elsewhere.txt");
        std::fs::write(&target, "not to be touched").unwrap();
        let link = dir.join("link.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        for force in [false, true] {
            let mut args = vec!["pull", "--app", KEY, "--api-base"];
            let base = market.v2();
            args.push(&base);
            args.extend(["-o", link.to_str().unwrap()]);
            if force {
                args.push("--force");
            }
            let run = cli(&args);
            assert_eq!(run.code, 2, "{run:?}");
            assert!(run.stderr.contains("is a symbolic link"), "{run:?}");
            assert_eq!(std::fs::read_to_string(&target).unwrap(), "not to be touched");
        }
    }
    // Written beside the destination and renamed: no temporary file is left behind.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.iter().all(|name| !name.starts_with(".privacy-tab-")), "{names:?}");
}

#[test]
fn input_is_read_up_to_the_browser_import_limit() {
    let dir = scratch("too-large");
    let large = dir.join("large.json");
    std::fs::write(&large, vec![b' '; LARGEST_FILE_BYTES as usize + 1]).unwrap();
    let run = cli(&["check", large.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("larger than 5 MB"), "{run:?}");

    #[cfg(unix)]
    {
        let endless = cli(&["check", "/dev/zero"]);
        assert_eq!(endless.code, 2, "{endless:?}");
        assert!(endless.stderr.contains("/dev/zero: larger than 5 MB"), "{endless:?}");
    }
}

#[test]
fn a_file_starting_with_a_byte_order_mark_is_read() {
    let dir = scratch("bom");
    let plain = export_file(&dir, "plain.json", &sample::complete(0));
    let text = std::fs::read_to_string(&plain).unwrap();
    let marked = write(&dir, "marked.json", &format!("\u{feff}{text}"));
    let run = cli(&["check", &marked]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("marked.json (privacy-tab draft export): valid"), "{run:?}");
}

#[test]
fn app_keys_and_product_ids_that_could_change_the_path_never_reach_the_network() {
    let market = Market::start();
    let listener = Redirector::start(&market.origin);
    let v2 = format!("{}/rest/2", listener.origin);
    let v3 = format!("{}/rest/3", listener.origin);
    let file = export_file(&scratch("bad-keys"), "answers.json", &sample::complete(0));
    for key in ["..", ".", "", "com.example/other", "com.example.app?state=draft"] {
        let pull = cli(&["pull", "--app", key, "--api-base", &v2]);
        assert_eq!(pull.code, 2, "{key:?}: {pull:?}");
        assert!(pull.stderr.contains("Nothing was sent"), "{key:?}: {pull:?}");
        let diff = cli(&["diff", "--app", key, "--api-base", &v2, &file]);
        assert_eq!(diff.code, 2, "{key:?}: {diff:?}");
        let push = cli_with(&["push", "--yes", "--app", KEY, "--app", key, "--api-base", &v2, &file], CREDENTIALS);
        assert_eq!(push.code, 2, "{key:?}: {push:?}");
    }
    let not_a_uuid = cli(&["pull", "--app", "com.example.app", "--api-version", "3", "--api-base", &v3]);
    assert_eq!(not_a_uuid.code, 2, "{not_a_uuid:?}");
    assert!(not_a_uuid.stderr.contains("not a product ID"), "{not_a_uuid:?}");
    assert_eq!(listener.requests(), Vec::<String>::new());
}
