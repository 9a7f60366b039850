use super::*;
use crate::catalogue::{self, ids, Source};

/// Every text the glossary explains terms in: the form's question labels and the tab's row
/// labels.
fn glossed_texts() -> Vec<&'static str> {
    let questions = catalogue::questions;
    let labels = questions().filter(|question| question.source == Source::Partner).map(|question| question.label());
    labels.chain(questions().map(|question| question.listing_label)).collect()
}

fn terms_in(text: &str) -> Vec<(&str, &'static str)> {
    pieces(text)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Term { words, term } => Some((words, term.name)),
            Piece::Text(_) => None,
        })
        .collect()
}

#[test]
fn every_term_in_the_glossary_occurs_in_the_catalogue_as_each_way_it_is_written() {
    let texts = glossed_texts();
    for term in GLOSSARY {
        for written in term.written {
            let found = texts.iter().any(|text| {
                pieces(text).iter().any(|piece| {
                    matches!(piece, Piece::Term { words, term: found } if found.name == term.name && words.eq_ignore_ascii_case(written))
                })
            });
            assert!(found, "{:?} is never written {written:?} in a question or row label", term.name);
        }
    }
}

#[test]
fn every_marked_occurrence_has_a_plain_text_definition_of_one_or_two_sentences() {
    let mut marked = 0;
    for text in glossed_texts() {
        for piece in pieces(text) {
            let Piece::Term { words, term } = piece else { continue };
            marked += 1;
            assert!(term.written.iter().any(|written| written.eq_ignore_ascii_case(words)), "{words:?} in {text:?}");
            let definition = term.definition;
            assert!(definition.ends_with('.') && definition.len() > 40, "{:?}: {definition:?}", term.name);
            assert!(definition.matches(". ").count() <= 1, "one or two sentences: {definition:?}");
            for markup in ["<", ">", "&", "](", "http", "*", "`"] {
                assert!(!definition.contains(markup), "text, never markup: {definition:?}");
            }
        }
    }
    assert!(marked > 40, "the labels mark {marked} occurrences");
}

#[test]
fn no_term_name_way_of_writing_or_definition_is_written_twice() {
    assert!(GLOSSARY.len() <= 64, "pieces() keeps the terms it has explained in a u64");
    let mut seen = std::collections::HashSet::new();
    for term in GLOSSARY {
        assert!(seen.insert(term.name.to_lowercase()), "{:?} twice", term.name);
        assert!(seen.insert(term.definition.to_owned()), "{:?}'s definition twice", term.name);
        for written in term.written {
            assert!(
                *written == term.name || seen.insert(written.to_lowercase()),
                "{written:?} is written for two terms"
            );
        }
    }
}

#[test]
fn every_source_is_a_web_link_with_a_title() {
    for term in GLOSSARY {
        if let Some(source) = term.source {
            assert!(source.href.starts_with("https://"), "{:?}", source.href);
            assert!(crate::validation::link::is_web_link(source.href), "{:?}", source.href);
            assert!(!source.title.is_empty());
        }
    }
}

#[test]
fn the_terms_partners_asked_about_are_all_defined() {
    // Issue 17's list.
    for name in [
        "End-User Data",
        "sub-processor",
        "data controller",
        "data processor",
        "business",
        "service provider",
        "transfer mechanism",
        "data residency",
        "realm migration",
        "privacy enhancing technologies (PETs)",
        "CAIQ Lite",
        "Data Processing Agreement (DPA)",
    ] {
        assert!(term(name).is_some(), "{name:?} is not in the glossary");
    }
}

#[test]
fn only_the_first_mention_of_a_term_in_a_text_is_explained() {
    let text = catalogue::question(ids::STORES_EUD).label();
    assert_eq!(text.matches("End-User Data").count(), 2, "the question says it twice");
    assert_eq!(terms_in(text), vec![("End-User Data", "End-User Data")]);

    // "PETs" after "privacy enhancing technologies (PETs)" is the same term again.
    let pets = catalogue::question(ids::USES_PETS).label();
    assert_eq!(
        terms_in(pets),
        vec![
            ("privacy enhancing technologies (PETs)", "privacy enhancing technologies (PETs)"),
            ("End-User Data", "End-User Data")
        ]
    );
    // Another text explains it again: each question and each row stands on its own.
    assert_eq!(
        terms_in(catalogue::question(ids::PETS_USED).label()),
        vec![("PETs", "privacy enhancing technologies (PETs)")]
    );
    // Two ways of writing one term: only the first is explained.
    assert_eq!(terms_in("End User Data, then End-User Data"), vec![("End User Data", "End-User Data")],);
}

#[test]
fn terms_are_whole_words_in_any_letter_case_and_the_longest_way_of_writing_one_wins() {
    assert_eq!(terms_in("Sub-processor list"), vec![("Sub-processor", "sub-processor")]);
    assert_eq!(terms_in("(e.g. sub-processors)"), vec![("sub-processors", "sub-processor")]);
    assert_eq!(terms_in("businesses and non-business users"), vec![]);
    assert_eq!(terms_in("a ‘business’ under the CCPA"), vec![("business", "business")]);
    assert_eq!(terms_in("Data Processing Agreements"), vec![]);
    assert_eq!(
        terms_in("Data Processing Agreement (DPA)"),
        vec![("Data Processing Agreement (DPA)", "Data Processing Agreement (DPA)")]
    );
    assert_eq!(terms_in("Nothing to explain here."), vec![]);
}

#[test]
fn the_pieces_of_every_label_join_up_to_the_label() {
    for text in glossed_texts().into_iter().chain(["", "End-User Data", "‘business’", "x End User Data"]) {
        let joined: String = pieces(text)
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(words) | Piece::Term { words, .. } => words,
            })
            .collect();
        assert_eq!(joined, text);
    }
    assert_eq!(pieces(""), vec![]);
    assert_eq!(
        pieces("CCPA business"),
        vec![Piece::Text("CCPA "), Piece::Term { words: "business", term: term("business").unwrap() }]
    );
}
