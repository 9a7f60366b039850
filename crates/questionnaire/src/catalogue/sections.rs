//! The questions of `questionnaire.txt`, in its order, worded exactly as it words them.

use super::model::{Certainty::*, Choice, Condition, Encoding, Kind, Question, Section, Source, View, Wire};

pub const YES: &str = "yes";
pub const NO: &str = "no";

const YES_NO: &[Choice] = &[Choice { id: YES, label: "Yes" }, Choice { id: NO, label: "No" }];

/// The spec's examples of End-User Data types, offered as suggestions.
const DATA_TYPE_EXAMPLES: &[&str] = &[
    "Email address",
    "Device ID",
    "IP address",
    "Content posted, received or shared in the app by end-users",
];

pub static SECTIONS: &[Section] = &[Section {
    id: "storage",
    title: "Data storage and processing",
    questions: &[
        Question {
            id: "stores_eud",
            text: "Does your app store End-User Data outside of Atlassian products and services (excluding process/storage of End-User Data in logs)?",
            help: "Answer Yes if your app keeps any information about the people using it (names, e-mail addresses, page content…) on servers or services you run or rent, such as your own database or a cloud bucket. Data kept only inside Jira or Confluence (for example Forge storage or entity properties) does not count.",
            kind: Kind::OneOf(YES_NO),
            view: View::Default,
            source: Source::Partner,
            shown_when: None,
            wire: Wire::Field {
                path: &["dataAccessAndStorage", "appStoresEUDOutsideAtlassian"],
                encoding: Encoding::Bool,
                certainty: Documented,
            },
            listing_label: "Stores End-User Data outside Atlassian",
        },
        Question {
            id: "stored_data_types",
            text: "You'll be asked to list the End-User Data types for your app stores.",
            help: "List each kind of End-User Data your app keeps outside Atlassian, one per entry, for example \"Email address\" or \"IP address\".",
            kind: Kind::List { suggestions: DATA_TYPE_EXAMPLES },
            view: View::Default,
            source: Source::Partner,
            shown_when: Some(Condition::Is("stores_eud", YES)),
            wire: Wire::Field {
                path: &["dataAccessAndStorage", "typesOfDataStored"],
                encoding: Encoding::StringList,
                certainty: Documented,
            },
            listing_label: "End-User Data types stored",
        },
    ],
}];
