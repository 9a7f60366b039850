//! The words the questionnaire relies on, each defined once in plain English for partners and
//! customers alike, with where the authoritative definition is.
//!
//! The catalogue's text stays as written (the spec's words are checked verbatim): a term occurs
//! wherever one of the ways it is [`Term::written`] stands as a whole word, in any letter case.
//! [`pieces`] finds them and applies the first-occurrence rule; the form's question labels and
//! the tab's row labels (preview and widget) show the pieces, a term as a toggletip. The
//! definitions are text, never markup.

/// A term, defined once.
#[derive(Debug, PartialEq, Eq)]
pub struct Term {
    /// What the term is called.
    pub name: &'static str,
    /// Every way the catalogue's labels write it (a test checks each is used), found as whole
    /// words in any letter case; where two overlap, the longer one is the occurrence.
    pub written: &'static [&'static str],
    /// One or two plain-English sentences.
    pub definition: &'static str,
    pub source: Option<&'static Reference>,
}

/// Where a term's authoritative definition is.
#[derive(Debug, PartialEq, Eq)]
pub struct Reference {
    /// The text of its link.
    pub title: &'static str,
    pub href: &'static str,
}

/// Said before a definition's [`Reference`].
pub const SOURCE_LABEL: &str = "Source: ";

const DEVELOPER_TERMS: Reference = Reference {
    title: "Atlassian Developer Terms",
    href: "https://developer.atlassian.com/platform/marketplace/atlassian-developer-terms/",
};
const SUB_PROCESSORS: Reference =
    Reference { title: "Atlassian's sub-processor list", href: "https://www.atlassian.com/legal/sub-processors" };
const GDPR: Reference =
    Reference { title: "the GDPR, Regulation (EU) 2016/679", href: "https://eur-lex.europa.eu/eli/reg/2016/679/oj" };
const CCPA: Reference = Reference {
    title: "the CCPA's definitions, Cal. Civ. Code § 1798.140",
    href: "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1798.140",
};
const DATA_RESIDENCY: Reference = Reference {
    title: "Atlassian: Understand data residency",
    href: "https://support.atlassian.com/security-and-access-policies/docs/understand-data-residency/",
};
const FORGE_DATA_RESIDENCY: Reference = Reference {
    title: "Atlassian: Data residency for apps",
    href: "https://developer.atlassian.com/platform/forge/data-residency/",
};
const CAIQ: Reference = Reference {
    title: "Cloud Security Alliance: CAIQ",
    href: "https://cloudsecurityalliance.org/artifacts/consensus-assessments-initiative-questionnaire-v3-1",
};

/// Every term, each once.
pub static GLOSSARY: &[Term] = &[
    Term {
        name: "End-User Data",
        written: &["End-User Data", "End User Data"],
        definition: "Information about the people who use an Atlassian product that an app can reach through it: their account details, such as names, e-mail and IP addresses, and what they create, such as pages, issues and comments.",
        source: Some(&DEVELOPER_TERMS),
    },
    Term {
        name: "sub-processor",
        written: &["sub-processor", "sub-processors"],
        definition: "Another company that handles End-User Data for the app's partner to help run the app, such as a cloud host, an e-mail service or a support tool. Atlassian publishes its own list as an example.",
        source: Some(&SUB_PROCESSORS),
    },
    Term {
        name: "data controller",
        written: &["data controller"],
        definition: "Under the GDPR, the organisation that decides why and how personal data is used. For most apps that is the customer; the partner is a controller only of data it uses for its own purposes, such as billing or analytics.",
        source: Some(&GDPR),
    },
    Term {
        name: "data processor",
        written: &["data processor"],
        definition: "Under the GDPR, an organisation that handles personal data on behalf of a data controller and only as it instructs, as most apps do with their customers' data.",
        source: Some(&GDPR),
    },
    Term {
        name: "business",
        written: &["business"],
        definition: "Under the California Consumer Privacy Act (CCPA), a company that decides why and how California residents' personal information is used and is large enough to be covered, for example by its yearly revenue.",
        source: Some(&CCPA),
    },
    Term {
        name: "service provider",
        written: &["service provider"],
        definition: "Under the CCPA, a company that handles personal information for a business under a written contract that forbids it to use the information for anything else.",
        source: Some(&CCPA),
    },
    Term {
        name: "Data Processing Agreement (DPA)",
        written: &["Data Processing Agreement (DPA)", "Data Processing Agreement"],
        definition: "The contract in which a company that handles personal data for a customer promises how it will use and protect that data. The GDPR requires one whenever a data processor is used.",
        source: Some(&GDPR),
    },
    Term {
        name: "transfer mechanism",
        written: &["transfer mechanism"],
        definition: "The legal safeguard the GDPR requires before personal data of people in the European Economic Area (EEA) is sent outside it, such as the Standard Contractual Clauses or the EU-US Data Privacy Framework.",
        source: Some(&GDPR),
    },
    Term {
        name: "data residency",
        written: &["data residency"],
        definition: "Keeping a customer's data in a region the customer chooses, such as the EU or the US.",
        source: Some(&DATA_RESIDENCY),
    },
    Term {
        name: "realm migration",
        written: &["migration"],
        definition: "Moving a customer's data from one data residency location (a realm) to another when the customer changes where its data is kept, for example from the US to the EU.",
        source: Some(&FORGE_DATA_RESIDENCY),
    },
    Term {
        name: "privacy enhancing technologies (PETs)",
        written: &["privacy enhancing technologies (PETs)", "privacy enhancing technologies", "PETs"],
        definition: "Techniques that reduce how much real personal data an app handles or reveals, such as masking, pseudonymisation (replacing names with codes), anonymisation or encryption.",
        source: None,
    },
    Term {
        name: "CAIQ Lite",
        written: &["CAIQ Lite Questionnaire"],
        definition: "A short, standard security questionnaire from the Cloud Security Alliance (CSA) in which a cloud provider says which security controls it has; it is the light version of the Consensus Assessments Initiative Questionnaire (CAIQ).",
        source: Some(&CAIQ),
    },
];

/// A stretch of a text: words as they are, or a term to explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// A term, as the text writes it.
    Term {
        words: &'a str,
        term: &'static Term,
    },
}

/// `text` as pieces: the first time the text writes a term is a [`Piece::Term`]; later
/// mentions of the same term stay text, so a question or row explains each term once.
/// Joined, the pieces are `text`.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Bit i: GLOSSARY[i] has had its first occurrence.
    let mut explained = 0u64;
    let (mut words_from, mut at) = (0, 0);
    while at < bytes.len() {
        let Some((index, len)) = term_at(bytes, at) else {
            at += 1;
            continue;
        };
        if explained & (1 << index) == 0 {
            explained |= 1 << index;
            // Every cut is next to an ASCII letter, so `get` always finds a boundary; it is
            // used rather than slicing, whose panic message the widget would carry.
            push_text(&mut out, text.get(words_from..at));
            let words = text.get(at..at + len).unwrap_or_default();
            out.push(Piece::Term { words, term: &GLOSSARY[index] });
            words_from = at + len;
        }
        at += len;
    }
    push_text(&mut out, text.get(words_from..));
    out
}

fn push_text<'a>(out: &mut Vec<Piece<'a>>, words: Option<&'a str>) {
    if let Some(words) = words.filter(|words| !words.is_empty()) {
        out.push(Piece::Text(words));
    }
}

/// The term written at byte `at` as a whole word: its index in [`GLOSSARY`] and its length,
/// the longest way of writing one that fits.
fn term_at(text: &[u8], at: usize) -> Option<(usize, usize)> {
    if at > 0 && text.get(at - 1).is_some_and(|&b| in_word(b)) {
        return None;
    }
    let mut found: Option<(usize, usize)> = None;
    for (index, term) in GLOSSARY.iter().enumerate() {
        for written in term.written {
            let end = at + written.len();
            let fits = text.get(at..end).is_some_and(|here| here.eq_ignore_ascii_case(written.as_bytes()))
                && !text.get(end).is_some_and(|&b| in_word(b));
            if fits && found.is_none_or(|(_, len)| written.len() > len) {
                found = Some((index, written.len()));
            }
        }
    }
    found
}

/// Letters, digits and hyphens continue a word ("sub-processors", "End-User").
fn in_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'-'
}

/// The term with this name, if the glossary has it.
pub fn term(name: &str) -> Option<&'static Term> {
    GLOSSARY.iter().find(|term| term.name == name)
}

#[cfg(test)]
mod tests;
