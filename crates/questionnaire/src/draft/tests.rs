use serde_json::json;

use super::*;
use crate::answers::Answer;
use crate::catalogue::ids::{self, choice};
use crate::catalogue::QuestionId;

fn sample() -> Draft {
    let mut answers = Answers::new();
    answers.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
    answers.set(ids::STORED_DATA_TYPES, Answer::List(vec!["Email address".into()]));
    answers.set(ids::PRIVACY_POLICY, Answer::Text("https://example.com/privacy".into()));
    answers.set("a_question_from_a_newer_build", Answer::Text("kept".into()));
    let mut draft = Draft::new("com.example.app", answers, 1_700_000_000_000.0);
    draft.position = Some(ids::STORED_DATA_TYPES.into());
    draft
}

#[test]
fn round_trips_through_its_json() {
    let draft = sample();
    assert_eq!(Draft::parse(&draft.to_json()), Ok(draft));
    let plain = Draft::new("k", Answers::new(), 0.0);
    assert!(!plain.to_json().contains("position"));
    assert_eq!(Draft::parse(&plain.to_json()), Ok(plain));
}

#[test]
fn migrates_version_0_drafts() {
    let v0 = json!({
        "appKey": "com.example.app",
        "savedAt": 1_600_000_000_000u64,
        "answers": {
            "stores_eud": "yes",
            "stored_data_types": ["Email address", 7],
            "same_data_processed_and_stored": true,
            "retention_days": { "min": 0, "max": "30" },
            "third_parties": [{ "name": "AWS", "domain": "aws.amazon.com", "countries": ["US"], "purpose": "Hosting" }],
            "certifications": ["SOC2"],
            "security_contact": { "kind": "text", "value": "security@example.com" },
            "disk_encryption": 42,
            "unknown_plain": "dropped",
        },
    });
    let draft = Draft::parse(&v0.to_string()).unwrap();
    assert_eq!((draft.format.as_str(), draft.version), (FORMAT, VERSION));
    assert_eq!((draft.app_key.as_str(), draft.saved_at), ("com.example.app", 1.6e12));
    let a = &draft.answers;
    assert_eq!(a.choice(ids::STORES_EUD), Some(choice::YES));
    assert_eq!(a.list(ids::STORED_DATA_TYPES), ["Email address"]);
    assert!(a.flag(ids::SAME_DATA_PROCESSED_AND_STORED));
    assert_eq!(a.days_range(ids::RETENTION_DAYS), Some(("0", "30")));
    assert_eq!(a.third_parties(ids::THIRD_PARTIES)[0].name, "AWS");
    assert_eq!(a.certifications(ids::CERTIFICATIONS).0, ["SOC2"]);
    assert_eq!(a.text(ids::SECURITY_CONTACT), "security@example.com");
    assert!(a.get(ids::DISK_ENCRYPTION).is_none());
    assert!(a.get("unknown_plain").is_none());
    // An explicit version 0 reads the same way.
    let explicit = json!({ "format": FORMAT, "version": 0, "appKey": "k", "answers": { "stores_eud": "no" } });
    assert_eq!(Draft::parse(&explicit.to_string()).unwrap().answers.choice(ids::STORES_EUD), Some(choice::NO));
}

#[test]
fn refuses_what_it_cannot_read_with_a_clear_error() {
    let json = sample().to_json();
    assert!(matches!(Draft::parse(&json[..json.len() / 2]), Err(DraftError::NotJson(_))));
    assert!(matches!(Draft::parse("garbage"), Err(DraftError::NotJson(_))));
    assert!(matches!(Draft::parse(""), Err(DraftError::NotJson(_))));
    assert_eq!(Draft::parse("[1, 2]"), Err(DraftError::NotADraft));
    assert_eq!(Draft::parse(r#"{"format": "something-else", "version": 1}"#), Err(DraftError::NotADraft));
    assert_eq!(Draft::parse(r#"{"format": "privacy-tab-draft"}"#), Err(DraftError::NoVersion));
    assert_eq!(Draft::parse(r#"{"format": "privacy-tab-draft", "version": "1"}"#), Err(DraftError::NoVersion));
    assert_eq!(Draft::parse(r#"{"format": "privacy-tab-draft", "version": 7}"#), Err(DraftError::NewerVersion(7)));
    assert!(matches!(
        Draft::parse(r#"{"format": "privacy-tab-draft", "version": 1, "answers": {}}"#),
        Err(DraftError::Malformed(_))
    ));
    assert!(matches!(
        Draft::parse(r#"{"format": "privacy-tab-draft", "version": 1, "appKey": "k", "answers": []}"#),
        Err(DraftError::Malformed(_))
    ));
    assert_eq!(
        DraftError::NewerVersion(7).to_string(),
        "This draft was written by a newer version of privacy-tab (format 7; this one reads up to 1). Update the app to open it."
    );
}

#[test]
fn a_damaged_answer_is_dropped_not_the_whole_draft() {
    let text = r#"{"format": "privacy-tab-draft", "version": 1, "appKey": "k", "savedAt": 5,
        "answers": {"stores_eud": {"kind": "choice", "value": "yes"}, "processes_eud": {"kind": "nonsense"}}}"#;
    let draft = Draft::parse(text).unwrap();
    assert_eq!(draft.answers.choice(ids::STORES_EUD), Some(choice::YES));
    assert!(draft.answers.get(ids::PROCESSES_EUD).is_none());
}

#[test]
fn keeps_the_api_document_so_unknown_fields_survive_a_submit() {
    let got = json!({ "appTrustInformation": {
        "security": { "requiresUsersToProvidePATs": true, "securityContact": "old@example.com" },
        "properties": { "formStatus": "APPROVED" },
    }});
    let mut draft = Draft::from_api("k", &got, 1.0);
    assert_eq!(draft.answers.text(ids::SECURITY_CONTACT), "old@example.com");
    draft.answers.set(ids::SECURITY_CONTACT, Answer::Text("new@example.com".into()));
    assert_eq!(
        draft.put_body(),
        json!({ "appTrustInformation": { "security": { "requiresUsersToProvidePATs": true, "securityContact": "new@example.com" } } })
    );
    assert_eq!(Draft::parse(&draft.to_json()), Ok(draft));
}

#[test]
fn exports_carry_the_payload_and_import_says_what_it_read() {
    let draft = sample();
    let exported = export_json(&draft);
    let value: serde_json::Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(value["appTrustInformation"]["dataAccessAndStorage"]["typesOfDataStored"], json!(["Email address"]));
    assert_eq!(value["appKey"], "com.example.app");

    let imported = import(&exported, "other.app", 9.0).unwrap();
    assert_eq!(imported, Imported { draft: draft.clone(), kind: ImportKind::Export });
    assert_eq!(import(&draft.to_json(), "other.app", 9.0).unwrap().kind, ImportKind::Draft);

    let body = json!({ "appTrustInformation": { "dataAccessAndStorage": { "appStoresEUDOutsideAtlassian": "TRUE" } } });
    let imported = import(&body.to_string(), "com.example.app", 9.0).unwrap();
    assert_eq!(imported.kind, ImportKind::ApiBody);
    assert_eq!((imported.draft.app_key.as_str(), imported.draft.saved_at), ("com.example.app", 9.0));
    assert_eq!(imported.draft.answers.choice(ids::STORES_EUD), Some(choice::YES));
    let v3 = json!({ "commonCloud": { "security": { "securityContact": "a@b.co" } } });
    assert_eq!(import(&v3.to_string(), "k", 0.0).unwrap().kind, ImportKind::ApiBody);
    let bare = json!({ "security": { "securityContact": "a@b.co" } });
    assert_eq!(import(&bare.to_string(), "k", 0.0).unwrap().kind, ImportKind::TrustInfo);

    assert_eq!(import(r#"{"hello": "world"}"#, "k", 0.0), Err(DraftError::NotADraft));
    assert!(matches!(import("{", "k", 0.0), Err(DraftError::NotJson(_))));
    assert_eq!(
        import(r#"{"format": "privacy-tab-draft", "version": 99}"#, "k", 0.0),
        Err(DraftError::NewerVersion(99))
    );
}

#[test]
fn a_draft_this_version_wrote_is_restored_without_keeping_a_copy() {
    let draft = sample();
    assert_eq!(restore(&draft.to_json()), Ok(Restored { draft: draft.clone(), keep_original: false }));
    // Whole-number time stamps read back from JavaScript's own JSON are the same draft.
    let from_js = draft.to_json().replace("1700000000000.0", "1700000000000");
    assert!(!restore(&from_js).unwrap().keep_original);
}

#[test]
fn a_migrated_or_partly_read_draft_asks_for_its_original_to_be_kept() {
    let v0 = json!({ "appKey": "k", "savedAt": 1, "answers": { "stores_eud": "yes" } });
    let restored = restore(&v0.to_string()).unwrap();
    assert!(restored.keep_original, "a version 0 draft is rewritten as version 1");
    assert_eq!(restored.draft.answers.choice(ids::STORES_EUD), Some(choice::YES));

    let damaged = r#"{"format": "privacy-tab-draft", "version": 1, "appKey": "k", "savedAt": 5,
        "answers": {"stores_eud": {"kind": "choice", "value": "yes"}, "processes_eud": {"kind": "nonsense"}}}"#;
    assert!(restore(damaged).unwrap().keep_original, "the unreadable answer lives only in the original");

    let half_a_range = r#"{"format": "privacy-tab-draft", "version": 1, "appKey": "k", "savedAt": 5,
        "answers": {"retention_days": {"kind": "days_range", "value": {"min": "30", "max": 90}}}}"#;
    let restored = restore(half_a_range).unwrap();
    assert_eq!(
        restored.draft.answers.get(ids::RETENTION_DAYS),
        Some(&Answer::DaysRange { min: "30".into(), max: String::new() }),
        "what can be read of a damaged answer is kept"
    );
    assert!(restored.keep_original, "the part that could not be read lives only in the original");

    let extra =
        r#"{"format": "privacy-tab-draft", "version": 1, "appKey": "k", "savedAt": 5, "answers": {}, "note": "x"}"#;
    assert!(restore(extra).unwrap().keep_original, "a field this version does not know");

    assert_eq!(restore(r#"{"format": "privacy-tab-draft", "version": 2}"#), Err(DraftError::NewerVersion(2)));
    assert!(matches!(restore("{\"format\": \"privacy-tab-dr"), Err(DraftError::NotJson(_))));
}

mod merging_two_tabs {
    use super::*;
    use crate::draft::sync::{apply, merge, Conflict};

    fn with(entries: &[(QuestionId, &str)]) -> Answers {
        let mut answers = Answers::new();
        for (id, text) in entries {
            answers.set(id, Answer::Text((*text).into()));
        }
        answers
    }

    #[test]
    fn changes_on_different_questions_merge_quietly() {
        let base = with(&[(ids::SECURITY_CONTACT, "a@x.co"), (ids::PRIVACY_POLICY, "https://x.co/p")]);
        let mine = with(&[(ids::SECURITY_CONTACT, "mine@x.co"), (ids::PRIVACY_POLICY, "https://x.co/p")]);
        let theirs = with(&[
            (ids::SECURITY_CONTACT, "a@x.co"),
            (ids::PRIVACY_POLICY, "https://x.co/theirs"),
            (ids::SECURITY_POLICY, "https://x.co/s"),
        ]);
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.conflicts.is_empty());
        assert_eq!(
            merged.answers,
            with(&[
                (ids::SECURITY_CONTACT, "mine@x.co"),
                (ids::PRIVACY_POLICY, "https://x.co/theirs"),
                (ids::SECURITY_POLICY, "https://x.co/s"),
            ])
        );
    }

    #[test]
    fn a_tab_without_unsaved_changes_takes_theirs_whole_even_a_cleared_answer() {
        let base = with(&[(ids::SECURITY_CONTACT, "a@x.co")]);
        let merged = merge(&base, &base, &Answers::new());
        assert_eq!(merged, sync::Merged { answers: Answers::new(), conflicts: vec![] });
    }

    #[test]
    fn the_same_question_changed_differently_in_both_is_a_conflict_and_mine_stays_until_settled() {
        let base = with(&[(ids::SECURITY_CONTACT, "a@x.co")]);
        let mine = with(&[(ids::SECURITY_CONTACT, "mine@x.co")]);
        let theirs = with(&[(ids::SECURITY_CONTACT, "theirs@x.co")]);
        let mut merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.answers, mine);
        let conflict = Conflict {
            id: ids::SECURITY_CONTACT.into(),
            mine: Some(Answer::Text("mine@x.co".into())),
            theirs: Some(Answer::Text("theirs@x.co".into())),
        };
        assert_eq!(merged.conflicts, std::slice::from_ref(&conflict));
        apply(&mut merged.answers, &conflict.id, conflict.theirs.as_ref());
        assert_eq!(merged.answers, theirs);

        // Both typed the same thing: nothing to settle. Theirs cleared what I changed: settle.
        assert!(merge(&base, &theirs, &theirs).conflicts.is_empty());
        let cleared = merge(&base, &mine, &Answers::new());
        assert_eq!(cleared.conflicts[0].theirs, None);
        assert_eq!(cleared.answers, mine);
    }
}

mod what_an_import_changes {
    use super::*;
    use crate::sample::complete;

    #[test]
    fn lists_every_differing_answer_with_before_and_after_including_hidden_and_unknown_ones() {
        let mut before = Answers::new();
        before.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
        // Hidden while "stores End-User Data" is No, yet an import replaces it too.
        before.set(ids::STORED_DATA_TYPES, Answer::List(vec!["Email address".into()]));
        let mut after = before.clone();
        after.set(ids::STORED_DATA_TYPES, Answer::List(vec!["Email address".into(), "IP address".into()]));
        after.set(ids::SECURITY_CONTACT, Answer::Text("security@example.com".into()));
        after.set("from_a_newer_build", Answer::Flag(true));

        let found = changes(&before, &after);
        let lines: Vec<_> = found.iter().map(|c| format!("{}: {} → {}", c.label, c.before, c.after)).collect();
        assert_eq!(
            lines,
            [
                "End-User Data types stored: Email address → Email address, IP address".to_owned(),
                format!(
                    "{}: Response not provided by the partner → security@example.com",
                    catalogue_label(ids::SECURITY_CONTACT)
                ),
                r#"from_a_newer_build: Response not provided by the partner → {"kind":"flag","value":true}"#.to_owned(),
            ]
        );
        assert!(changes(&after, &after).is_empty());
    }

    #[test]
    fn a_full_questionnaire_is_described_briefly() {
        let found = changes(&Answers::new(), &complete(100));
        let third_parties = found.iter().find(|c| c.id == ids::THIRD_PARTIES).unwrap();
        assert!(third_parties.after.starts_with("Sub-processor 1 ("), "{}", third_parties.after);
        assert!(third_parties.after.chars().count() <= 301, "cut short for a list of changes");
    }

    fn catalogue_label(id: QuestionId) -> &'static str {
        crate::catalogue::question(id).listing_label
    }
}

#[test]
fn a_fully_filled_draft_with_100_third_parties_round_trips() {
    let draft = Draft::new("com.example.app", crate::sample::complete(100), 1_700_000_000_000.0);
    assert_eq!(draft.answers.third_parties(ids::THIRD_PARTIES).len(), 100);
    assert_eq!(Draft::parse(&draft.to_json()), Ok(draft.clone()));
    assert_eq!(import(&export_json(&draft), "k", 0.0).unwrap().draft, draft);
}

#[test]
fn an_export_holds_the_draft_and_the_payload_and_nothing_else() {
    // Credentials live in the app's memory only; the export has no field that could carry them.
    let mut draft = sample();
    draft.raw_trust_info = Some(json!({ "security": { "securityContact": "old@example.com" } }));
    let exported: serde_json::Value = serde_json::from_str(&export_json(&draft)).unwrap();
    let keys: Vec<&str> = exported.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["answers", "appKey", "appTrustInformation", "format", "position", "rawTrustInfo", "savedAt", "version"]
    );
}

mod lineage {
    use crate::answers::{Answer, Answers};
    use crate::catalogue::{ids, QuestionId};
    use crate::draft::sync::{Incoming, Lineage};

    fn answers(entries: &[(QuestionId, &str)]) -> Answers {
        let mut answers = Answers::new();
        for (id, text) in entries {
            answers.set(id, Answer::Text((*text).into()));
        }
        answers
    }

    /// Two tabs open on the same stored save (1) each answer a different question and save at
    /// the same moment (2 and 3), each without having seen the other's save.
    #[test]
    fn saves_made_at_the_same_moment_on_different_questions_keep_both_answers() {
        let start = Answers::new();
        let (mut tab_a, mut tab_b) = (Lineage::default(), Lineage::default());
        tab_a.remember(1, &start);
        tab_b.remember(1, &start);
        let a_saved = answers(&[(ids::SECURITY_CONTACT, "a@example.com")]);
        let b_saved = answers(&[(ids::SECURITY_POLICY, "https://example.com/policy")]);
        tab_a.remember(2, &a_saved);
        tab_b.remember(3, &b_saved);

        // Tab A hears of B's save (made over 1): B did not remove A's answer, it never saw it.
        let Incoming::Merge(in_a) = tab_a.receive(3, 1, &b_saved, &a_saved, &a_saved) else { panic!("new to A") };
        assert!(in_a.conflicts.is_empty());
        assert_eq!(in_a.answers.text(ids::SECURITY_CONTACT), "a@example.com", "A's answer survives");
        assert_eq!(in_a.answers.text(ids::SECURITY_POLICY), "https://example.com/policy");
        let Incoming::Merge(in_b) = tab_b.receive(2, 1, &a_saved, &b_saved, &b_saved) else { panic!("new to B") };
        assert_eq!(in_b.answers, in_a.answers, "both tabs end with both answers");
    }

    #[test]
    fn an_older_save_arriving_late_is_never_taken_over_a_newer_one() {
        let mut tab = Lineage::default();
        let older = answers(&[(ids::SECURITY_CONTACT, "a@example.com")]);
        let newer = answers(&[(ids::SECURITY_CONTACT, "a@example.com"), (ids::SECURITY_POLICY, "https://x.example")]);
        // This tab read save 2 from storage before writing 3 over it; 2's event comes after.
        tab.remember(2, &older);
        tab.remember(3, &newer);
        assert_eq!(tab.receive(2, 1, &older, &newer, &newer), Incoming::AlreadySeen);
    }

    #[test]
    fn a_save_over_this_tabs_own_save_can_remove_an_answer() {
        let mut tab = Lineage::default();
        let mine = answers(&[(ids::SECURITY_CONTACT, "a@example.com")]);
        tab.remember(2, &mine);
        let Incoming::Merge(merged) = tab.receive(4, 2, &Answers::new(), &mine, &mine) else { panic!() };
        assert!(merged.answers.is_empty(), "the other tab saw the answer and cleared it");
    }

    #[test]
    fn saves_are_named_in_the_stored_text_and_old_drafts_read_as_unnamed() {
        let mut draft = crate::draft::Draft::new("k", answers(&[(ids::SECURITY_CONTACT, "a@x.io")]), 1.0);
        draft.revision = 7;
        draft.parent = 5;
        let text = draft.to_json();
        assert_eq!(crate::draft::Draft::parse(&text).unwrap(), draft);
        let unnamed = crate::draft::Draft::new("k", Answers::new(), 1.0).to_json();
        assert!(!unnamed.contains("revision"), "old drafts are rewritten unchanged: {unnamed}");
        assert!(!crate::draft::restore(&unnamed).unwrap().keep_original);
    }
}

mod unknown_values {
    use crate::answers::Answer;
    use crate::catalogue::ids;
    use crate::draft::{restore, Draft};

    /// Builds before `Answer::Unknown` kept a value no choice knows as the choice "wire:VALUE".
    #[test]
    fn an_unknown_value_kept_by_an_older_build_reads_as_unknown_and_its_original_is_kept() {
        let old = r#"{"format":"privacy-tab-draft","version":1,"appKey":"k","savedAt":1.0,
            "answers":{"data_residency":{"kind":"choice","value":"wire:APP_STORES_IN_EU"}}}"#;
        let restored = restore(old).unwrap();
        assert_eq!(restored.draft.answers.get(ids::DATA_RESIDENCY), Some(&Answer::Unknown("APP_STORES_IN_EU".into())));
        assert!(restored.keep_original, "written differently now: the original is kept aside first");
        let v0 = r#"{"appKey":"k","answers":{"data_residency":"wire:APP_STORES_IN_EU"}}"#;
        assert_eq!(
            Draft::parse(v0).unwrap().answers.get(ids::DATA_RESIDENCY),
            Some(&Answer::Unknown("APP_STORES_IN_EU".into()))
        );
        let again = Draft::parse(&restored.draft.to_json()).unwrap();
        assert_eq!(again.answers, restored.draft.answers, "and round-trips as unknown");
    }
}
