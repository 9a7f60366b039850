use super::{group::*, ids, HANDLES_END_USER_DATA, YES_NO};
use crate::catalogue::ids::choice::YES;
use crate::catalogue::model::{
    Certainty::*, Condition, Encoding, Kind, Question, Section, Source, View, Wire, Wording,
};

const RETAINS: Condition = Condition::Is(ids::RETAINS_AFTER_UNINSTALL, YES);

pub(super) const SECTION: Section = Section {
    id: "retention",
    title: "Data retention",
    questions: &[
        Question {
            id: ids::RETAINS_AFTER_UNINSTALL,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(HANDLES_END_USER_DATA),
            wire: Wire::Field {
                path: &[DATA_RETENTION, "isDataRetentionSupported"],
                encoding: Encoding::Bool,
                certainty: Inferred,
            },
            listing_label: "Stores End-User Data after uninstall",
        },
        // The spec's note: "[Minimum/maximum storage period must be entered in days]".
        Question {
            id: ids::RETENTION_DAYS,
            kind: Kind::DaysRange,
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(Condition::AllOf(&[RETAINS, Condition::Unticked(ids::RETENTION_INDEFINITE)])),
            wire: Wire::Field {
                path: &[DATA_RETENTION, "retentionDurationInDays"],
                encoding: Encoding::DaysRange,
                certainty: Documented,
            },
            listing_label: "Storage period after uninstall",
        },
        // Not in the spec's text, but a documented field of the API: our wording. Ticking it
        // replaces the period, as a number of days cannot say "no limit".
        Question {
            id: ids::RETENTION_INDEFINITE,
            kind: Kind::Checkbox,
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(RETAINS),
            wire: Wire::Field {
                path: &[DATA_RETENTION, "isRetentionDurationIndefinite"],
                encoding: Encoding::Bool,
                certainty: Documented,
            },
            listing_label: "Keeps End-User Data indefinitely after uninstall",
        },
        Question {
            id: ids::CUSTOM_RETENTION,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(HANDLES_END_USER_DATA),
            wire: Wire::Field {
                path: &[DATA_RETENTION, "isCustomRetentionPeriodAllowed"],
                encoding: Encoding::Bool,
                certainty: Documented,
            },
            listing_label: "Customers can request a custom retention period",
        },
    ],
};

/// How the form words this section's questions: the spec's text, our label where the spec's
/// text is an instruction, and the help. Apart from the questions so that what only shows the
/// tab (the widget) carries none of it.
pub(super) const WORDING: &[Wording] = &[
    Wording {
        id: ids::RETAINS_AFTER_UNINSTALL,
        text: "Does your app store End-User Data after a customer uninstalls your app?",
        form_label: None,
        help: "Answer Yes if any End-User Data stays on your systems after a customer removes your app, for example in backups that are deleted after 30 days.",
    },
    Wording {
        id: ids::RETENTION_DAYS,
        text: "You'll be asked what your app's minimum and maximum data storage period is for End-User Data after a customer uninstalls your app?",
        form_label: Some("What are your app's minimum and maximum storage periods, in days, for End-User Data after a customer uninstalls your app?"),
        help: "Enter the shortest and the longest time the data is kept after uninstall, in whole days, for example 0 and 30.",
    },
    Wording {
        id: ids::RETENTION_INDEFINITE,
        text: "The data is kept indefinitely",
        form_label: None,
        help: "Tick this if there is no time limit on keeping the data after uninstall; you then don't enter a storage period.",
    },
    Wording {
        id: ids::CUSTOM_RETENTION,
        text: "Does your app allow customers to request a custom End-User Data retention period?",
        form_label: None,
        help: "Answer Yes if a customer can ask you to keep their data for a shorter or longer time than usual, for example to delete it straight away.",
    },
];
