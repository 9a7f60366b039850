use super::*;
use crate::answers::ThirdParty;
use crate::catalogue::ids::{self, choice};

fn row(rows: &[ListingRow], id: QuestionId) -> Option<&ListingValue> {
    rows.iter().find(|row| row.question.id == id).map(|row| &row.value)
}

#[test]
fn an_empty_form_shows_not_provided_everywhere_but_atlassians_rows() {
    let rows = rows(&Answers::new(), View::Default);
    let ids: Vec<_> = rows.iter().map(|r| r.question.id).collect();
    assert_eq!(
        ids,
        [
            ids::STORES_EUD,
            ids::PROCESSES_EUD,
            ids::DATA_RESIDENCY,
            ids::GDPR_CONTROLLER,
            ids::GDPR_PROCESSOR,
            ids::BUG_BOUNTY,
            ids::INTEGRATION_PERMISSIONS,
            ids::HAS_CERTIFICATIONS,
            ids::PRIVACY_POLICY,
        ]
    );
    assert_eq!(row(&rows, ids::BUG_BOUNTY), Some(&ListingValue::ProvidedByAtlassian));
    assert_eq!(row(&rows, ids::STORES_EUD).unwrap().to_plain(), "Response not provided by the partner");
    assert!(super::rows(&Answers::new(), View::Expanded).len() > rows.len());
}

#[test]
fn answers_read_as_customers_see_them() {
    let mut a = Answers::new();
    a.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
    a.set(ids::STORED_DATA_TYPES, Answer::List(vec![" Email address ".into(), "".into()]));
    a.set(ids::PROCESSES_EUD, Answer::Choice(choice::YES.into()));
    a.set(ids::SAME_DATA_PROCESSED_AND_STORED, Answer::Flag(true));
    a.set(ids::PROCESSED_DATA_TYPES, Answer::List(vec!["Hidden and kept".into()]));
    a.set(ids::DATA_RESIDENCY, Answer::Choice(choice::RESIDENCY_WITHIN_ATLASSIAN.into()));
    a.set(ids::PRIVACY_POLICY, Answer::Text(" https://example.com/privacy ".into()));
    a.set(ids::SECURITY_POLICY, Answer::Text("javascript:alert(1)".into()));
    a.set(ids::SECURITY_CONTACT, Answer::Text("security@example.com".into()));
    a.set(ids::RETAINS_AFTER_UNINSTALL, Answer::Choice(choice::YES.into()));
    a.set(ids::RETENTION_DAYS, Answer::DaysRange { min: "0".into(), max: "30".into() });
    a.set(ids::HAS_CERTIFICATIONS, Answer::Choice(choice::YES.into()));
    a.set(
        ids::CERTIFICATIONS,
        Answer::Certifications { picked: vec!["SOC2".into(), "Other".into()], other: "ISO 27018".into() },
    );
    let rows = rows(&a, View::Expanded);
    assert_eq!(row(&rows, ids::STORED_DATA_TYPES), Some(&ListingValue::List(vec!["Email address".into()])));
    assert_eq!(row(&rows, ids::PROCESSED_DATA_TYPES), Some(&ListingValue::List(vec!["Email address".into()])));
    assert_eq!(row(&rows, ids::SAME_DATA_PROCESSED_AND_STORED), Some(&ListingValue::Text("Yes".into())));
    let residency = row(&rows, ids::DATA_RESIDENCY).unwrap().to_plain();
    assert!(residency.ends_with("exclusively within Atlassian Forge platform."), "{residency}");
    assert_eq!(
        row(&rows, ids::PRIVACY_POLICY),
        Some(&ListingValue::Link {
            href: "https://example.com/privacy".into(),
            text: "https://example.com/privacy".into()
        })
    );
    assert_eq!(row(&rows, ids::SECURITY_POLICY), Some(&ListingValue::Text("javascript:alert(1)".into())));
    assert_eq!(row(&rows, ids::SECURITY_CONTACT), Some(&ListingValue::Email("security@example.com".into())));
    assert_eq!(row(&rows, ids::RETENTION_DAYS), Some(&ListingValue::Text("0 to 30 days".into())));
    assert_eq!(row(&rows, ids::RETENTION_INDEFINITE), Some(&ListingValue::Text("No".into())));
    assert_eq!(row(&rows, ids::CERTIFICATIONS), Some(&ListingValue::List(vec!["SOC2".into(), "ISO 27018".into()])));
}

#[test]
fn hidden_questions_are_never_shown_with_their_values() {
    let mut a = Answers::new();
    a.set(ids::STORES_EUD, Answer::Choice(choice::NO.into()));
    a.set(ids::PROCESSES_EUD, Answer::Choice(choice::NO.into()));
    a.set(ids::STORED_DATA_TYPES, Answer::List(vec!["Email address".into()]));
    a.set(ids::SHARES_EUD, Answer::Choice(choice::YES.into()));
    let rows = rows(&a, View::Expanded);
    assert!(row(&rows, ids::STORED_DATA_TYPES).is_none());
    assert!(row(&rows, ids::SHARES_EUD).is_none());
    assert_eq!(value_of(ids::SHARES_EUD, &a), ListingValue::NotProvided);
    assert!(!rows.iter().any(|r| r.value.to_plain().contains("Email address")));
}

#[test]
fn third_parties_are_listed_with_safe_links() {
    let mut a = Answers::new();
    a.set(ids::SHARES_EUD, Answer::Choice(choice::YES.into()));
    a.set(
        ids::THIRD_PARTIES,
        Answer::ThirdParties(vec![
            ThirdParty {
                name: "AWS".into(),
                domain: "aws.amazon.com".into(),
                countries: vec!["US".into()],
                purpose: "Hosting".into(),
            },
            ThirdParty::default(),
            ThirdParty { name: "Evil".into(), domain: "javascript:alert(1)".into(), ..ThirdParty::default() },
        ]),
    );
    let ListingValue::ThirdParties(parties) = value_of(ids::THIRD_PARTIES, &a) else { panic!() };
    assert_eq!(parties.len(), 2);
    assert_eq!(parties[0].domain_href.as_deref(), Some("https://aws.amazon.com"));
    assert_eq!(parties[1].domain_href, None);
    assert_eq!(
        value_of(ids::THIRD_PARTIES, &a).to_plain(),
        "AWS (aws.amazon.com; US; Hosting), Evil (javascript:alert(1))"
    );
}

#[test]
fn unknown_api_values_show_raw_and_sections_group_rows() {
    let mut a = Answers::new();
    a.set(ids::DATA_RESIDENCY, Answer::Unknown("NEW_VALUE".into()));
    assert_eq!(value_of(ids::DATA_RESIDENCY, &a), ListingValue::Text("NEW_VALUE".into()));
    let sections = rows_by_section(&a, View::Default);
    let titles: Vec<_> = sections.iter().map(|(s, _)| s.title).collect();
    assert_eq!(titles, ["Data storage and processing", "Data residency", "Privacy and compliance", "Security"]);
}

#[test]
fn lists_left_empty_by_blanks_read_as_not_provided() {
    let mut a = Answers::new();
    a.set(ids::SHARES_EUD, Answer::Choice(choice::YES.into()));
    a.set(ids::THIRD_PARTIES, Answer::ThirdParties(vec![ThirdParty::default()]));
    a.set(ids::HAS_CERTIFICATIONS, Answer::Choice(choice::YES.into()));
    a.set(ids::CERTIFICATIONS, Answer::Certifications { picked: vec!["Other".into()], other: " ".into() });
    assert_eq!(value_of(ids::THIRD_PARTIES, &a), ListingValue::NotProvided);
    assert_eq!(value_of(ids::CERTIFICATIONS, &a), ListingValue::NotProvided);
    assert!(crate::completeness::for_view(&a, View::Expanded).missing.contains(&ids::THIRD_PARTIES));
}

#[test]
fn day_counts_read_as_a_person_writes_them() {
    let mut a = Answers::new();
    a.set(ids::STORES_EUD, Answer::Choice(choice::YES.into()));
    a.set(ids::RETAINS_AFTER_UNINSTALL, Answer::Choice(choice::YES.into()));
    let mut shown = |min: &str, max: &str| {
        a.set(ids::RETENTION_DAYS, Answer::DaysRange { min: min.into(), max: max.into() });
        value_of(ids::RETENTION_DAYS, &a).to_plain()
    };
    assert_eq!(shown("1", "1"), "1 day");
    assert_eq!(shown("030", "030"), "30 days");
    assert_eq!(shown("0", "1"), "0 to 1 day");
    assert_eq!(shown("000", "007"), "0 to 7 days");
    assert_eq!(shown(" 1 ", "36500"), "1 to 36500 days");
    // Not a valid count: shown as typed, never reshaped into a different number.
    assert_eq!(shown("a week", "30"), "a week to 30 days");
}

fn shown_ids(a: &Answers) -> Vec<QuestionId> {
    rows(a, View::Expanded).iter().map(|r| r.question.id).collect()
}

#[test]
fn a_sub_processor_link_alone_answers_the_third_parties_question() {
    let mut a = crate::sample::complete(0);
    assert!(a.text(ids::SUB_PROCESSOR_LIST).starts_with("https://"));
    assert!(!shown_ids(&a).contains(&ids::THIRD_PARTIES), "no row saying the rows were not provided");
    assert!(!rows(&a, View::Expanded).iter().any(|r| r.value == ListingValue::NotProvided));
    assert!(crate::completeness::summary(&a).expanded.is_complete());

    // Rows alone: the optional link's row is left out instead.
    a = crate::sample::complete(1);
    a.clear(ids::SUB_PROCESSOR_LIST);
    assert!(!shown_ids(&a).contains(&ids::SUB_PROCESSOR_LIST));
    assert!(shown_ids(&a).contains(&ids::THIRD_PARTIES));
    assert!(crate::completeness::summary(&a).expanded.is_complete());

    // Neither: one row says so.
    a.set(ids::THIRD_PARTIES, Answer::ThirdParties(vec![]));
    assert_eq!(row(&rows(&a, View::Expanded), ids::THIRD_PARTIES), Some(&ListingValue::NotProvided));
    assert!(!shown_ids(&a).contains(&ids::SUB_PROCESSOR_LIST));
    assert_eq!(crate::completeness::summary(&a).expanded.missing, [ids::THIRD_PARTIES]);
}

#[test]
fn optional_in_scope_types_left_empty_are_left_out() {
    let mut a = crate::sample::complete(1);
    a.set(ids::DATA_RESIDENCY, Answer::Choice(choice::RESIDENCY_WITHIN_ATLASSIAN.into()));
    a.clear(ids::IN_SCOPE_DATA_TYPES);
    assert!(!shown_ids(&a).contains(&ids::IN_SCOPE_DATA_TYPES));
    assert!(crate::completeness::summary(&a).default.is_complete());
    a.set(ids::IN_SCOPE_DATA_TYPES, Answer::List(vec!["Issue content".into()]));
    assert_eq!(value_of(ids::IN_SCOPE_DATA_TYPES, &a), ListingValue::List(vec!["Issue content".into()]));
}
