use super::{group::*, ids, YES_NO};
use crate::catalogue::ids::choice::*;
use crate::catalogue::model::{
    Certainty::*, Choice, Condition, Encoding, Kind, Question, Section, Source, View, Wire, Wording,
};

/// The five responses, worded as in the spec. The first's "[partner lists locations where data
/// residency is supported]" is the follow-up [`ids::RESIDENCY_LOCATIONS`]; the second keeps
/// the spec's Markdown link (see `catalogue::rich_text`).
const RESPONSES: &[Choice] = &[
    Choice {
        id: RESIDENCY_INDEPENDENT,
        label: "Yes. App supports data residency and stores End-User Data independently outside of Atlassian products and services.",
    },
    Choice {
        id: RESIDENCY_WITHIN_ATLASSIAN,
        label: "Yes. App stores End-User Data exclusively within Atlassian products and services which support data residency options, as outlined here (including storing all in-scope End-User Data exclusively within [Atlassian Forge platform](/platform/forge/data-residency/).",
    },
    Choice { id: RESIDENCY_NOT_SUPPORTED, label: "No. App does not support data residency options." },
    Choice {
        id: RESIDENCY_ATLASSIAN_ROADMAP,
        label: "No. App stores End-User Data exclusively within Atlassian products and services, which don't support data residency options yet due to Atlassian’s current roadmap.",
    },
    Choice { id: RESIDENCY_NOT_APPLICABLE, label: "Not applicable. App does not store End-User Data." },
];

/// Wire values of `isDataResidencySupported`: the spec's enum has five, as the questionnaire
/// has five responses, but says which is which only by their names. So, decided from the names
/// (only `STORED_IN_ATLASSIAN_N_DR_SUPPORTED` is documented for its response and
/// `APP_DOES_NOT_SUPPORT_DR` seen live for its):
/// - stores independently, outside Atlassian, with residency → `STORED_EXTERNAL_TO_ATLASSIAN`;
/// - stores only within Atlassian, which supports residency → `STORED_IN_ATLASSIAN_N_DR_SUPPORTED`;
/// - does not support residency → `APP_DOES_NOT_SUPPORT_DR`;
/// - stores only within Atlassian, which does not support it yet →
///   `STORED_IN_ATLASSIAN_N_DR_NOT_SUPPORTED`;
/// - does not store End-User Data → `NOT_APPLICABLE`.
const WIRE_VALUES: &[(&str, Option<&str>)] = &[
    (RESIDENCY_INDEPENDENT, Some("STORED_EXTERNAL_TO_ATLASSIAN")),
    (RESIDENCY_WITHIN_ATLASSIAN, Some("STORED_IN_ATLASSIAN_N_DR_SUPPORTED")),
    (RESIDENCY_NOT_SUPPORTED, Some("APP_DOES_NOT_SUPPORT_DR")),
    (RESIDENCY_ATLASSIAN_ROADMAP, Some("STORED_IN_ATLASSIAN_N_DR_NOT_SUPPORTED")),
    (RESIDENCY_NOT_APPLICABLE, Some("NOT_APPLICABLE")),
];

/// Either "Yes" response: the spec's "If yes, please list the locations…".
const SUPPORTED: Condition =
    Condition::IsAnyOf(ids::DATA_RESIDENCY, &[RESIDENCY_INDEPENDENT, RESIDENCY_WITHIN_ATLASSIAN]);

pub(super) const SECTION: Section = Section {
    id: "residency",
    title: "Data residency",
    questions: &[
        // Asked even when the app neither stores nor processes End-User Data: it has its own
        // "does not store" response, and it is in the default view.
        Question {
            id: ids::DATA_RESIDENCY,
            kind: Kind::OneOf(RESPONSES),
            view: View::Default,
            source: Source::Partner,
            shown_when: None,
            wire: Wire::Field {
                path: &[DATA_RESIDENCY, "isDataResidencySupported"],
                encoding: Encoding::Enum(WIRE_VALUES),
                certainty: Specified,
            },
            listing_label: "Data residency",
        },
        Question {
            id: ids::RESIDENCY_LOCATIONS,
            kind: Kind::List { suggestions: &["EU", "US"] },
            view: View::Default,
            source: Source::Partner,
            // Ours: the spec asks for the locations within the question itself ("If yes, please
            // list…"), not as a follow-up it surfaces. Not asking a partner without residency
            // for locations is our form's choice, so a list the Marketplace holds is kept.
            shown_when: Some(Condition::Own(&SUPPORTED)),
            wire: Wire::Field {
                path: &[DATA_RESIDENCY, "countriesWhereEndUserDataStored"],
                encoding: Encoding::StringList,
                certainty: Documented,
            },
            listing_label: "Data residency locations",
        },
        // Not in the spec's text, but a documented field of the API: our wording.
        Question {
            id: ids::IN_SCOPE_DATA_TYPES,
            kind: Kind::List { suggestions: &[] },
            view: View::Default,
            source: Source::Partner,
            // Ours, as the question is: in-scope types only mean something where residency is
            // supported, so the form asks then; what the Marketplace holds is kept.
            shown_when: Some(Condition::Own(&SUPPORTED)),
            wire: Wire::Field {
                path: &[DATA_RESIDENCY, "inScopeDataTypes"],
                encoding: Encoding::StringList,
                certainty: Documented,
            },
            listing_label: "End-User Data types in scope of data residency",
        },
        // A top-level row of the spec with its own view, and like every top-level row asked
        // whatever the residency response.
        Question {
            id: ids::RESIDENCY_MIGRATION,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: None,
            wire: Wire::Field {
                path: &[DATA_RESIDENCY, "realmMigrationSupported"],
                encoding: Encoding::Bool,
                certainty: Inferred,
            },
            listing_label: "Supports migration between data residency locations",
        },
    ],
};

/// How the form words this section's questions: the spec's text, our label where the spec's
/// text is an instruction, and the help. Apart from the questions so that what only shows the
/// tab (the widget) carries none of it.
pub(super) const WORDING: &[Wording] = &[
    Wording {
        id: ids::DATA_RESIDENCY,
        text: "Does your app support data residency options? If yes, please list the locations where in-scope End-User Data is stored.",
        form_label: None,
        help: "Data residency means a customer can choose the region where their data is kept, such as the EU or the US. Pick the response that matches where your app keeps End-User Data.",
    },
    Wording {
        id: ids::RESIDENCY_LOCATIONS,
        text: "If yes, please list the locations where in-scope End-User Data is stored.",
        form_label: None,
        help: "List each location a customer can choose for their data, one per entry, for example \"EU\" or \"US\".",
    },
    Wording {
        id: ids::IN_SCOPE_DATA_TYPES,
        text: "Which End-User Data types are in scope of data residency?",
        form_label: None,
        help: "Optional. List the kinds of End-User Data that stay in the location the customer chose, for example \"Issue content\" or \"Attachments\".",
    },
    Wording {
        id: ids::RESIDENCY_MIGRATION,
        text: "Does your app support migration of in-scope End User Data between your data residency supported locations?",
        form_label: None,
        help: "Answer Yes if a customer who moves to another data residency location can have the data your app already holds moved there too.",
    },
];
