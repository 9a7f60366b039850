use super::{group::*, ids, DATA_TYPE_EXAMPLES, YES_NO};
use crate::catalogue::ids::choice::YES;
use crate::catalogue::model::{
    Certainty::*, Condition, Encoding, Kind, Mirror, Question, Section, Source, View, Wire, Wording,
};

/// Ticking "same data processed as stored" makes the stored types stand for the processed ones.
pub const SAME_AS_STORED: Mirror = Mirror {
    checkbox: ids::SAME_DATA_PROCESSED_AND_STORED,
    copy_from: ids::STORED_DATA_TYPES,
    copy_to: ids::PROCESSED_DATA_TYPES,
};

pub(super) const SECTION: Section = Section {
    id: "storage",
    title: "Data storage and processing",
    questions: &[
        Question {
            id: ids::STORES_EUD,
            kind: Kind::OneOf(YES_NO),
            view: View::Default,
            source: Source::Partner,
            shown_when: None,
            wire: Wire::Field {
                path: &[DATA_ACCESS_AND_STORAGE, "appStoresEUDOutsideAtlassian"],
                encoding: Encoding::Bool,
                certainty: Documented,
            },
            listing_label: "Stores End-User Data outside Atlassian",
        },
        Question {
            id: ids::STORED_DATA_TYPES,
            kind: Kind::List { suggestions: DATA_TYPE_EXAMPLES },
            view: View::Default,
            source: Source::Partner,
            shown_when: Some(Condition::Is(ids::STORES_EUD, YES)),
            wire: Wire::Field {
                path: &[DATA_ACCESS_AND_STORAGE, "typesOfDataStored"],
                encoding: Encoding::StringList,
                certainty: Documented,
            },
            listing_label: "End-User Data types stored",
        },
        Question {
            id: ids::PROCESSES_EUD,
            kind: Kind::OneOf(YES_NO),
            view: View::Default,
            source: Source::Partner,
            shown_when: None,
            wire: Wire::Field {
                path: &[DATA_ACCESS_AND_STORAGE, "appProcessEUDOutsideAtlassian"],
                encoding: Encoding::Bool,
                certainty: Documented,
            },
            listing_label: "Processes End-User Data outside Atlassian or the user's browser",
        },
        Question {
            id: ids::PROCESSED_DATA_TYPES,
            kind: Kind::List { suggestions: DATA_TYPE_EXAMPLES },
            view: View::Default,
            source: Source::Partner,
            shown_when: Some(Condition::AllOf(&[
                Condition::Is(ids::PROCESSES_EUD, YES),
                Condition::Unticked(ids::SAME_DATA_PROCESSED_AND_STORED),
            ])),
            wire: Wire::Field {
                // The field is documented; that it holds the processed types is inferred.
                path: &[DATA_ACCESS_AND_STORAGE, "typesOfDataAccessed"],
                encoding: Encoding::StringList,
                certainty: Inferred,
            },
            listing_label: "End-User Data types processed",
        },
        // The spec: "If this is identical to the data stored by your app, you'll need to
        // confirm this via checkbox", under processing's "Yes".
        Question {
            id: ids::SAME_DATA_PROCESSED_AND_STORED,
            kind: Kind::Checkbox,
            view: View::Default,
            source: Source::Partner,
            shown_when: Some(Condition::AllOf(&[
                // Ours: "the same as stored" only means something when the app stores, so the
                // form asks only then; a confirmation the Marketplace holds is kept.
                Condition::Own(&Condition::Is(ids::STORES_EUD, YES)),
                Condition::Is(ids::PROCESSES_EUD, YES),
            ])),
            wire: Wire::Field {
                path: &[DATA_ACCESS_AND_STORAGE, "isSameDataProcessedAndStored"],
                encoding: Encoding::Bool,
                certainty: Documented,
            },
            listing_label: "Processes the same End-User Data types it stores",
        },
    ],
};

/// How the form words this section's questions: the spec's text, our label where the spec's
/// text is an instruction, and the help. Apart from the questions so that what only shows the
/// tab (the widget) carries none of it.
pub(super) const WORDING: &[Wording] = &[
    Wording {
        id: ids::STORES_EUD,
        text: "Does your app store End-User Data outside of Atlassian products and services (excluding process/storage of End-User Data in logs)?",
        form_label: None,
        help: "Answer Yes if your app keeps any information about the people using it (names, e-mail addresses, page content…) on servers or services you run or rent, such as your own database or a cloud bucket. Data kept only inside Jira or Confluence (for example Forge storage or entity properties) does not count.",
    },
    Wording {
        id: ids::STORED_DATA_TYPES,
        text: "You'll be asked to list the End-User Data types for your app stores.",
        form_label: Some("Which End-User Data types does your app store outside of Atlassian products and services?"),
        help: "List each kind of End-User Data your app keeps outside Atlassian, one per entry, for example \"Email address\" or \"IP address\".",
    },
    Wording {
        id: ids::PROCESSES_EUD,
        text: "Does your app process End-User Data outside of Atlassian products and services or outside of the end-user’s browser\u{a0}(excluding process/storage of End-User Data in logs)?",
        form_label: None,
        help: "Answer Yes if End-User Data passes through servers or services you run or rent, even briefly, for example when your backend sends page text to a translation service. Work done only inside Jira or Confluence, on Forge, or in the user's browser does not count.",
    },
    Wording {
        id: ids::PROCESSED_DATA_TYPES,
        text: "You'll be asked to list the End-User Data types for your app processes.",
        form_label: Some("Which End-User Data types does your app process outside of Atlassian products and services?"),
        help: "List each kind of End-User Data your app processes outside Atlassian, one per entry, for example \"Email address\" or \"Content posted, received or shared in the app by end-users\".",
    },
    Wording {
        id: ids::SAME_DATA_PROCESSED_AND_STORED,
        text: "If the data types processed and stored are the same, checkbox needs to be ticked to confirm the response",
        form_label: Some("My app processes the same End-User Data types it stores"),
        help: "Tick this if your app processes exactly the data types it stores. Your stored list is then used for both, so you don't type it twice.",
    },
];
