use super::{group::*, ids, HANDLES_END_USER_DATA, YES_NO};
use crate::catalogue::model::{Certainty::*, Encoding, Kind, Question, Section, Source, View, Wire};

pub(super) const SECTION: Section = Section {
    id: "logging",
    title: "Logging",
    questions: &[
        Question {
            id: ids::LOGS_EUD,
            text: "Does your app log End-User Data?",
            form_label: None,
            help: "Answer Yes if your app writes any End-User Data, such as account IDs, e-mail addresses or IP addresses, into its logs, wherever those logs are kept.",
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
            text: "Does your app process and/or store End-User Data in logs outside of Atlassian products and services?",
            form_label: None,
            help: "Answer Yes if those logs are kept or read outside Atlassian, for example in your own server's log files or in a logging service such as Datadog or Sentry.",
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
