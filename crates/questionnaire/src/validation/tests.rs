use super::*;
use crate::answers::ThirdParty;
use crate::catalogue::ids::choice;

fn base() -> Answers {
    let mut answers = Answers::new();
    answers.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
    answers.set(ids::STORED_DATA_TYPES, Answer::List(vec!["Email address".into()]));
    answers.set(ids::PROCESSES_EUD, Answer::Choice(choice::NO.into()));
    answers
}

fn messages(answers: &Answers, id: QuestionId) -> Vec<(Option<FieldPart>, String)> {
    errors_for(id, answers).into_iter().map(|e| (e.part, e.message)).collect()
}

fn party(name: &str, domain: &str, countries: &[&str], purpose: &str) -> ThirdParty {
    ThirdParty {
        name: name.into(),
        domain: domain.into(),
        countries: countries.iter().map(|c| c.to_string()).collect(),
        purpose: purpose.into(),
    }
}

#[test]
fn a_blank_form_has_no_errors() {
    assert!(field_errors(&Answers::new()).is_empty());
    assert!(field_errors(&base()).is_empty());
}

#[test]
fn follow_ups_a_yes_calls_for_are_required() {
    let mut answers = base();
    answers.clear(ids::STORED_DATA_TYPES);
    assert_eq!(
        messages(&answers, ids::STORED_DATA_TYPES),
        [(None, "Add at least one, like “Email address”, or change your answer above.".to_owned())]
    );
    answers.set(ids::STORED_DATA_TYPES, Answer::List(vec![" ".into()]));
    assert_eq!(messages(&answers, ids::STORED_DATA_TYPES).len(), 1);

    answers.set(ids::HAS_DPA, Answer::Choice(choice::YES.into()));
    assert!(messages(&answers, ids::DPA_LINK)[0].1.starts_with("Enter the link"));
    answers.set(ids::HAS_CERTIFICATIONS, Answer::Choice(choice::YES.into()));
    assert!(messages(&answers, ids::CERTIFICATIONS)[0].1.starts_with("Pick at least one"));
    answers.set(ids::RETAINS_AFTER_UNINSTALL, Answer::Choice(choice::YES.into()));
    assert!(messages(&answers, ids::RETENTION_DAYS)[0].1.contains("like 0 and 30"));
    answers.set(ids::RETENTION_INDEFINITE, Answer::Flag(true));
    assert!(messages(&answers, ids::RETENTION_DAYS).is_empty());
    // Hidden follow-ups are not checked.
    answers.set(ids::HAS_DPA, Answer::Choice(choice::NO.into()));
    assert!(messages(&answers, ids::DPA_LINK).is_empty());
}

#[test]
fn in_scope_types_are_optional() {
    let mut answers = base();
    answers.set(ids::DATA_RESIDENCY, Answer::Choice(choice::RESIDENCY_WITHIN_ATLASSIAN.into()));
    // Either "Yes" asks for the locations ("If yes, please list the locations…").
    assert!(messages(&answers, ids::RESIDENCY_LOCATIONS)[0].1.starts_with("Add at least one"));
    answers.set(ids::RESIDENCY_LOCATIONS, Answer::List(vec!["EU".into()]));
    assert!(field_errors(&answers).is_empty());
}

#[test]
fn sharing_needs_third_parties_or_a_sub_processor_link() {
    let mut answers = base();
    answers.set(ids::SHARES_EUD, Answer::Choice(choice::YES.into()));
    assert_eq!(
        messages(&answers, ids::THIRD_PARTIES),
        [(None, "Add at least one third party, or give the link to your public sub-processor list above.".to_owned())]
    );
    answers.set(ids::SUB_PROCESSOR_LIST, Answer::Text("https://example.com/sub-processors".into()));
    assert!(field_errors(&answers).is_empty());
    answers.clear(ids::SUB_PROCESSOR_LIST);
    answers.set(ids::THIRD_PARTIES, Answer::ThirdParties(vec![party("AWS", "aws.amazon.com", &["US"], "Hosting")]));
    assert!(field_errors(&answers).is_empty());
}

#[test]
fn third_party_rows_are_complete_unique_and_not_empty() {
    let mut answers = base();
    answers.set(ids::SHARES_EUD, Answer::Choice(choice::YES.into()));
    answers.set(
        ids::THIRD_PARTIES,
        Answer::ThirdParties(vec![
            party("AWS", "aws.amazon.com", &["US"], "Hosting"),
            ThirdParty::default(),
            party(" aws ", "javascript:alert(1)", &["EU", "eu"], ""),
            party("", "", &[], "Email"),
        ]),
    );
    let row = |row, column| Some(FieldPart::ThirdParty { row, column });
    let parts: Vec<_> = messages(&answers, ids::THIRD_PARTIES).into_iter().map(|(part, _)| part).collect();
    assert_eq!(
        parts,
        [
            row(1, None),
            row(2, Some(ThirdPartyColumn::Name)),
            row(2, Some(ThirdPartyColumn::Domain)),
            row(2, Some(ThirdPartyColumn::Countries)),
            row(2, Some(ThirdPartyColumn::Purpose)),
            row(3, Some(ThirdPartyColumn::Name)),
            row(3, Some(ThirdPartyColumn::Domain)),
            row(3, Some(ThirdPartyColumn::Countries)),
        ]
    );
    let all = messages(&answers, ids::THIRD_PARTIES);
    assert_eq!(all[0].1, "This row is empty: fill it in or remove it.");
    assert_eq!(all[1].1, "aws is listed twice: remove one of the rows or merge them.");
}

#[test]
fn links_must_be_absolute_web_links() {
    let mut answers = base();
    for (typed, ok) in [
        ("https://example.com/privacy", true),
        ("http://example.com/privacy", true),
        ("javascript:alert(document.cookie)", false),
        ("example.com/privacy", false),
        ("ftp://example.com", false),
    ] {
        answers.set(ids::PRIVACY_POLICY, Answer::Text(typed.into()));
        assert_eq!(messages(&answers, ids::PRIVACY_POLICY).is_empty(), ok, "{typed}");
    }
    answers.set(ids::PRIVACY_POLICY, Answer::Text("example.com/privacy".into()));
    assert_eq!(
        messages(&answers, ids::PRIVACY_POLICY)[0].1,
        "Start the link with https://, like https://example.com/privacy."
    );
}

#[test]
fn e_mail_syntax_is_checked() {
    let mut answers = base();
    answers.set(ids::SECURITY_CONTACT, Answer::Text("security@example.com".into()));
    assert!(field_errors(&answers).is_empty());
    answers.set(ids::SECURITY_CONTACT, Answer::Text("security at example.com".into()));
    assert_eq!(messages(&answers, ids::SECURITY_CONTACT)[0].1, "Remove the spaces from the e-mail address.");
}

fn days(min: &str, max: &str) -> Vec<(Option<FieldPart>, String)> {
    let mut answers = base();
    answers.set(ids::RETAINS_AFTER_UNINSTALL, Answer::Choice(choice::YES.into()));
    answers.set(ids::RETENTION_DAYS, Answer::DaysRange { min: min.into(), max: max.into() });
    messages(&answers, ids::RETENTION_DAYS)
}

#[test]
fn day_counts_are_whole_numbers_from_0_to_36500_minimum_first() {
    assert!(days("0", "36500").is_empty());
    assert!(days(" 30 ", "30").is_empty());
    assert_eq!(days("", "30"), [(Some(FieldPart::Min), "Enter the minimum number of days, like 0.".to_owned())]);
    assert_eq!(
        days("7.5", "30"),
        [(Some(FieldPart::Min), "Enter the minimum number of days as a whole number, like 0.".to_owned())]
    );
    assert_eq!(
        days("0", "a month"),
        [(Some(FieldPart::Max), "Enter the maximum number of days as a whole number, like 30.".to_owned())]
    );
    for negative in ["-1", "-7.5", "- 3", "-.5"] {
        assert_eq!(
            days(negative, "30"),
            [(Some(FieldPart::Min), "The minimum can't be negative: enter 0 or more days.".to_owned())],
            "{negative}"
        );
    }
    for not_a_number in ["-", "-.", "--1", "-1.2.3", "-a week"] {
        assert_eq!(
            days(not_a_number, "30"),
            [(Some(FieldPart::Min), "Enter the minimum number of days as a whole number, like 0.".to_owned())],
            "{not_a_number}"
        );
    }
    assert_eq!(days("0", "36501")[0].0, Some(FieldPart::Max));
    assert!(days("0", "99999999999999999999")[0].1.contains("at most 36500 days"));
    assert_eq!(
        days("90", "30"),
        [(
            Some(FieldPart::Max),
            "The maximum (30 days) is less than the minimum (90 days): make the maximum at least as large.".to_owned()
        )]
    );
}

#[test]
fn free_text_and_list_entries_have_length_limits_and_no_duplicates() {
    let mut answers = base();
    answers.set(
        ids::STORED_DATA_TYPES,
        Answer::List(vec!["Email address".into(), "x".repeat(MAX_ITEM_CHARS + 1), " email ADDRESS ".into()]),
    );
    let parts: Vec<_> = messages(&answers, ids::STORED_DATA_TYPES).into_iter().map(|(part, _)| part).collect();
    assert_eq!(parts, [Some(FieldPart::Item(1)), Some(FieldPart::Item(2))]);

    answers.set(ids::PROCESSES_EUD, Answer::Choice(choice::YES.into()));
    answers.set(ids::TRANSFERS_EEA_DATA, Answer::Choice(choice::YES.into()));
    answers.set(ids::TRANSFER_MECHANISM, Answer::Choice(choice::YES.into()));
    answers.set(ids::TRANSFER_MECHANISM_DETAILS, Answer::Text("SCCs ".repeat(100)));
    assert!(messages(&answers, ids::TRANSFER_MECHANISM_DETAILS)[0]
        .1
        .starts_with("Shorten this to at most 300 characters"));
}

#[test]
fn certifications_other_needs_its_name() {
    let mut answers = base();
    answers.set(ids::HAS_CERTIFICATIONS, Answer::Choice(choice::YES.into()));
    answers.set(
        ids::CERTIFICATIONS,
        Answer::Certifications { picked: vec!["SOC2".into(), "Other".into()], other: " ".into() },
    );
    assert_eq!(
        messages(&answers, ids::CERTIFICATIONS),
        [(Some(FieldPart::Other), "Type the name of your other certification, like ISO 27018.".to_owned())]
    );
    answers.set(ids::CERTIFICATIONS, Answer::Certifications { picked: vec!["PCI".into()], other: String::new() });
    assert_eq!(messages(&answers, ids::CERTIFICATIONS).len(), 1);
}

#[test]
fn misshapen_and_unknown_answers_are_reported_but_raw_api_values_are_not() {
    let mut answers = base();
    answers.set(ids::HAS_DPA, Answer::Text("yes".into()));
    answers.set(ids::GDPR_CONTROLLER, Answer::Choice("maybe".into()));
    answers.set(ids::DATA_RESIDENCY, Answer::Unknown("SOMETHING_NEW".into()));
    assert_eq!(
        messages(&answers, ids::HAS_DPA)[0].1,
        "This answer could not be read: please answer the question again."
    );
    assert_eq!(messages(&answers, ids::GDPR_CONTROLLER)[0].1, "Pick one of the responses.");
    assert!(messages(&answers, ids::DATA_RESIDENCY).is_empty());
}

#[test]
fn mirrored_processed_types_are_not_checked_twice() {
    let mut answers = base();
    answers.set(ids::PROCESSES_EUD, Answer::Choice(choice::YES.into()));
    answers.set(ids::SAME_DATA_PROCESSED_AND_STORED, Answer::Flag(true));
    assert!(field_errors(&answers).is_empty());
}

/// Entries compared without their keys compare as their keys do.
#[test]
fn same_entry_is_the_same_key() {
    let same = |a: &str, b: &str| entry_key(a).is_some() && entry_key(a) == entry_key(b);
    for (a, b) in [
        ("AWS", " aws "),
        ("AWS", "AWS Inc"),
        ("", ""),
        ("  ", ""),
        ("Straße", "STRASSE"),
        ("ÉCOLE", "école"),
        ("\u{212A}elvin", "kelvin"),
        ("İstanbul", "i\u{307}stanbul"),
    ] {
        assert_eq!(same_entry(a, b), same(a, b), "{a:?} and {b:?}");
    }
}

proptest::proptest! {
    #[test]
    fn any_entries_are_the_same_as_their_keys_are(a in "[ a-zA-Z\u{212A}É]{0,4}", b in "[ a-zA-Z\u{212A}é]{0,4}") {
        proptest::prop_assert_eq!(same_entry(&a, &b), entry_key(&a).is_some() && entry_key(&a) == entry_key(&b));
    }

    /// The form adds an entry to a list answer unless it is listed already (`already_listed`);
    /// validation says an entry is listed twice exactly then: one rule, so neither lets through
    /// or refuses what the other would not.
    #[test]
    fn the_form_refuses_to_add_exactly_the_entries_validation_calls_repeated(
        list in proptest::collection::vec("[ aAé\u{c9}\u{212A}k]{1,3}", 0..4),
        entry in "[ aAé\u{c9}\u{212A}k]{1,3}",
    ) {
        let repeated = |items: Vec<String>| {
            let mut answers = Answers::new();
            answers.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
            answers.set(ids::STORED_DATA_TYPES, Answer::List(items.clone()));
            let at = FieldPart::Item(items.len() - 1);
            field_errors(&answers).iter().any(|error| error.part == Some(at) && error.message.contains("listed twice"))
        };
        let distinct: Vec<String> = list.iter().fold(Vec::new(), |mut kept, item| {
            if !already_listed(&kept, item) && entry_key(item).is_some() {
                kept.push(item.clone());
            }
            kept
        });
        let mut with_entry = distinct.clone();
        with_entry.push(entry.clone());
        proptest::prop_assert_eq!(already_listed(&distinct, &entry), repeated(with_entry));
    }
}
