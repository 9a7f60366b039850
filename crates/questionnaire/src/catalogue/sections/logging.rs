use super::{group::*, ids, HANDLES_END_USER_DATA, YES_NO};
use crate::catalogue::model::{Certainty::*, Encoding, Kind, Question, Section, Source, View, Wire, Wording};

pub(super) const SECTION: Section = Section {
    id: "logging",
    title: "Logging",
    questions: &[
        Question {
            id: ids::LOGS_EUD,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(HANDLES_END_USER_DATA),
            wire: Wire::Field {
                path: &[LOG_DETAILS, "logEndUserData"],
                encoding: Encoding::Bool,
                certainty: Documented,
            },
            listing_label: "Logs End-User Data",
        },
        Question {
            id: ids::LOGS_OUTSIDE_ATLASSIAN,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(HANDLES_END_USER_DATA),
            wire: Wire::Field {
                path: &[LOG_DETAILS, "logProcessAndOrStoreEUDOutsideAtlassian"],
                encoding: Encoding::Bool,
                certainty: Documented,
            },
            listing_label: "Processes or stores End-User Data in logs outside Atlassian",
        },
    ],
};

/// How the form words this section's questions: the spec's text, our label where the spec's
/// text is an instruction, and the help. Apart from the questions so that what only shows the
/// tab (the widget) carries none of it.
pub(super) const WORDING: &[Wording] = &[
    Wording {
        id: ids::LOGS_EUD,
        text: "Does your app log End-User Data?",
        form_label: None,
        help: "Answer Yes if your app writes any End-User Data, such as account IDs, e-mail addresses or IP addresses, into its logs, wherever those logs are kept.",
    },
    Wording {
        id: ids::LOGS_OUTSIDE_ATLASSIAN,
        text: "Does your app process and/or store End-User Data in logs outside of Atlassian products and services?",
        form_label: None,
        help: "Answer Yes if those logs are kept or read outside Atlassian, for example in your own server's log files or in a logging service such as Datadog or Sentry.",
    },
];
