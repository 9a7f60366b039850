//! The catalogue against the spec's own text (a committed copy of questionnaire.txt), and the
//! catalogue's internal consistency.

use super::*;

const SPEC: &str = include_str!("../../tests/spec/questionnaire.txt");
const TABLE_START: &str = "QuestionsPotential responsesVisible on app listing page";
const TABLE_END: &str = "Frequently asked questions";
const DEFAULT_MARKER: &str = "In default view";
const EXPANDED_MARKER: &str = "In expanded view";

/// The questions table of the spec.
fn table() -> &'static str {
    let start = SPEC.find(TABLE_START).expect("the spec has its table") + TABLE_START.len();
    let end = SPEC.find(TABLE_END).expect("the spec has its FAQ");
    &SPEC[start..end]
}

fn choices(question: &Question) -> &'static [Choice] {
    match question.kind {
        Kind::OneOf(choices) => choices,
        _ => &[],
    }
}

/// Every string the catalogue quotes from the spec.
fn quoted() -> Vec<&'static str> {
    let mut quoted = vec![PROVIDED_BY_ATLASSIAN];
    for question in questions() {
        if question.is_worded_by_spec() {
            quoted.push(question.text());
        }
        quoted.extend(choices(question).iter().map(|choice| choice.label));
        match question.kind {
            Kind::List { suggestions } => quoted.extend(suggestions),
            Kind::Certifications { options } => quoted.extend(options),
            _ => {}
        }
    }
    quoted.extend(THIRD_PARTY_FIELDS.iter().map(|field| field.label));
    // The two link questions whose spec "response" is how the listing shows them.
    quoted.push(question(ids::SECURITY_POLICY).listing_label);
    quoted.push(question(ids::PRIVACY_POLICY).listing_label);
    quoted
}

/// Every string in the catalogue a spec response could be found in.
fn catalogue_strings() -> Vec<&'static str> {
    let mut strings = quoted();
    for question in questions() {
        strings.extend([question.text(), question.help(), question.listing_label]);
    }
    strings
}

#[test]
fn every_quoted_string_is_verbatim_in_the_spec() {
    for quoted in quoted() {
        assert!(table().contains(quoted), "not verbatim in the spec: {quoted:?}");
    }
}

/// Top-level rows of the table: each question line, with the view marker that ends its row
/// (if any), in order.
fn question_rows() -> Vec<(&'static str, Option<View>)> {
    let mut rows: Vec<(&str, Option<View>)> = Vec::new();
    for line in table().lines() {
        let view = if line.ends_with(DEFAULT_MARKER) {
            Some((View::Default, DEFAULT_MARKER))
        } else if line.ends_with(EXPANDED_MARKER) {
            Some((View::Expanded, EXPANDED_MARKER))
        } else {
            None
        };
        let text = view.map_or(line, |(_, marker)| &line[..line.len() - marker.len()]);
        let is_row = !text.is_empty() && !text.starts_with(char::is_whitespace);
        if is_row && text != "For example:" && !text.starts_with("If partner") {
            rows.push((text, None));
        }
        if let (Some((view, _)), Some(last)) = (view, rows.last_mut()) {
            last.1 = Some(view);
        }
    }
    rows
}

fn question_for_row(row: &str) -> &'static Question {
    questions()
        .find(|q| q.is_worded_by_spec() && (row.starts_with(q.text()) || q.text().contains(row)))
        .unwrap_or_else(|| panic!("no question for the spec's row {row:?}"))
}

#[test]
fn every_question_row_of_the_spec_is_in_the_catalogue_in_order_and_view() {
    let rows = question_rows();
    assert!(rows.len() >= 27, "the table parsed into {} rows", rows.len());
    let mut last_position = 0;
    for (row, view) in rows {
        let question = question_for_row(row);
        let position = questions().position(|q| q.id == question.id).unwrap();
        assert!(position >= last_position, "{} is out of the spec's order", question.id);
        last_position = position;
        if let Some(view) = view {
            assert_eq!(question.view, view, "{} is in the wrong view", question.id);
        }
    }
}

#[test]
fn follow_ups_that_are_not_rows_of_their_own_take_their_parents_view() {
    let row_questions: Vec<_> = question_rows()
        .into_iter()
        .filter(|(_, view)| view.is_some())
        .map(|(row, _)| question_for_row(row).id)
        .collect();
    for question in questions().filter(|q| !row_questions.contains(&q.id)) {
        for parent in question.shown_when.map(|c| c.parents()).unwrap_or_default() {
            assert_eq!(question.view, super::question(parent).view, "{}", question.id);
        }
    }
}

/// A bullet of the table without its "[free text]"-style note.
fn response(bullet: &str) -> &str {
    let text = bullet.trim().trim_start_matches('•').trim();
    match text.strip_suffix(']').and_then(|_| text.rfind('[')) {
        Some(note) => text[..note].trim_end(),
        None => text,
    }
}

#[test]
fn every_response_of_the_spec_is_in_the_catalogue() {
    let strings = catalogue_strings();
    for bullet in table().lines().filter(|line| line.trim_start().starts_with('•')) {
        let response = response(bullet);
        let found = strings.iter().any(|s| {
            *s == response || (response.len() > 20 && (response.contains(s) && s.len() > 20 || s.contains(response)))
        });
        assert!(found, "spec response missing from the catalogue: {response:?}");
    }
}

#[test]
fn the_committed_spec_is_the_shared_reference() {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/reference/questionnaire.txt");
    match std::fs::read_to_string(shared) {
        Ok(reference) => {
            assert_eq!(SPEC, reference, "tests/spec/questionnaire.txt differs from {shared}: copy it again")
        }
        // CI always lays shared/ beside the clone: there, a missing reference is an error.
        Err(error) if std::env::var_os("CI").is_some() => panic!("{shared} cannot be read on CI: {error}"),
        Err(_) => eprintln!("{shared} not found: testing against the committed copy only"),
    }
}

#[test]
fn ids_are_unique_and_choices_unique_within_a_question() {
    let mut ids: Vec<_> = questions().map(|q| q.id).collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count);
    for question in questions() {
        let mut choice_ids: Vec<_> = choices(question).iter().map(|c| c.id).collect();
        choice_ids.sort();
        choice_ids.dedup();
        assert_eq!(choice_ids.len(), choices(question).len(), "{}", question.id);
    }
}

#[test]
fn every_id_made_names_a_question_and_every_question_has_one() {
    for id in super::ids::ALL {
        assert!(questions().any(|question| question.id == *id), "{id} names no question");
    }
    assert_eq!(super::ids::ALL.len(), questions().count(), "a question whose id is made elsewhere");
}

#[test]
fn an_id_reads_as_its_bare_text_and_parses_back() {
    for question in questions() {
        let id = question.id;
        assert_eq!(QuestionId::parse(id.as_str()), Some(id));
        assert_eq!((id.to_string(), format!("{id:?}")), (id.as_str().to_owned(), id.as_str().to_owned()));
        assert_eq!(serde_json::to_value(id).unwrap(), id.as_str(), "serialised as drafts and exports key it");
    }
    assert_eq!(QuestionId::parse("no_such_question"), None);
    assert_eq!(QuestionId::parse(""), None);
}

fn check_condition(question: &Question, condition: &Condition, position: usize) {
    let earlier = |id: QuestionId| questions().take(position).find(|q| q.id == id);
    match *condition {
        Condition::Is(id, choice) | Condition::IsNot(id, choice) => {
            let parent = earlier(id).unwrap_or_else(|| panic!("{}: {id} is not an earlier question", question.id));
            assert!(parent.choice(choice).is_some(), "{}: {id} has no choice {choice}", question.id);
        }
        Condition::IsAnyOf(id, choices) => {
            let parent = earlier(id).unwrap_or_else(|| panic!("{}: {id} is not an earlier question", question.id));
            assert!(choices.iter().all(|c| parent.choice(c).is_some()), "{}", question.id);
        }
        Condition::Unticked(id) => assert_eq!(super::question(id).kind, Kind::Checkbox, "{}", question.id),
        Condition::AnyOf(all) | Condition::AllOf(all) => {
            all.iter().for_each(|c| check_condition(question, c, position));
        }
        Condition::Own(condition) => check_condition(question, condition, position),
    }
}

#[test]
fn conditions_name_earlier_questions_and_choices_they_offer() {
    for (position, question) in questions().enumerate() {
        if let Some(condition) = &question.shown_when {
            check_condition(question, condition, position);
        }
    }
}

#[test]
fn atlassian_provided_questions_are_neither_asked_nor_sent() {
    for question in questions() {
        let provided = question.source == Source::Atlassian;
        assert_eq!(provided, question.kind == Kind::Provided, "{}", question.id);
        assert_eq!(provided, question.wire == Wire::NotSent, "{}", question.id);
    }
}

#[test]
fn wire_paths_are_unique_and_enum_tables_cover_the_choices() {
    let paths: Vec<_> = questions()
        .filter_map(|q| match q.wire {
            Wire::Field { path, .. } => Some(path),
            _ => None,
        })
        .collect();
    for (i, a) in paths.iter().enumerate() {
        for b in &paths[i + 1..] {
            assert!(!a.starts_with(b) && !b.starts_with(a), "{a:?} and {b:?} overlap");
        }
    }
    for question in questions() {
        if let Wire::Field { encoding: Encoding::Enum(table), .. } = question.wire {
            let ids: Vec<_> = table.iter().map(|(id, _)| *id).collect();
            let choice_ids: Vec<_> = choices(question).iter().map(|c| c.id).collect();
            assert_eq!(ids, choice_ids, "{}", question.id);
        }
    }
}

#[test]
fn help_is_one_or_two_plain_sentences_and_labels_are_unique() {
    for question in questions() {
        let sentences = question
            .help()
            .split_terminator(&['.', '?', '!'][..])
            .filter(|s| s.starts_with(' ') || s.is_empty())
            .count()
            + 1;
        assert!(!question.help().is_empty() && question.help().ends_with('.'), "{}", question.id);
        assert!(sentences <= 2, "{}: help has {sentences} sentences", question.id);
        assert!(!question.listing_label.is_empty());
    }
    let mut labels: Vec<_> = questions().map(|q| q.listing_label).collect();
    labels.sort();
    labels.dedup();
    assert_eq!(labels.len(), questions().count());
}

#[test]
fn own_wording_is_limited_to_fields_the_api_has_but_the_spec_does_not_word() {
    for &id in OWN_WORDING {
        let question = question(id);
        assert!(!table().contains(question.text()), "{id} is in the spec: quote it instead");
        assert!(matches!(question.wire, Wire::Field { .. }), "{id}");
    }
}

#[test]
fn follow_ups_are_found_from_their_parent() {
    let ids: Vec<_> = follow_ups(ids::STORES_EUD).map(|q| q.id).collect();
    assert_eq!(ids, [ids::STORED_DATA_TYPES, ids::SAME_DATA_PROCESSED_AND_STORED]);
    let ids: Vec<_> = follow_ups(ids::DATA_RESIDENCY).map(|q| q.id).collect();
    assert_eq!(ids, [ids::RESIDENCY_LOCATIONS, ids::IN_SCOPE_DATA_TYPES]);
    assert_eq!(follow_ups(ids::PRIVACY_POLICY).count(), 0);
}

/// Words of the spec that speak to whoever builds the form, not to the partner filling it in.
const INSTRUCTIONS_TO_DESIGNERS: &[&str] =
    &["You'll be asked", "partner picks", "needs to be ticked", "For each third party, provide"];

#[test]
fn the_form_labels_questions_for_a_person_and_keeps_the_spec_words_beside_them() {
    for question in questions().filter(|q| q.source == Source::Partner) {
        let label = question.label();
        for instruction in INSTRUCTIONS_TO_DESIGNERS {
            assert!(!label.contains(instruction), "{}: the form would show {label:?}", question.id);
        }
    }
    assert_eq!(question(ids::DPA_LINK).label(), "Link to your Data Processing Agreement (DPA)");
    assert_eq!(question(ids::DPA_LINK).text(), "You'll be asked to link it here.");
    // A question the spec already words as one is shown as worded.
    assert_eq!(question(ids::HAS_DPA).label(), question(ids::HAS_DPA).text());
}
