use super::{group::*, ids, HANDLES_END_USER_DATA, YES_NO};
use crate::catalogue::ids::choice::YES;
use crate::catalogue::model::{
    Certainty::*, Condition, Encoding, Kind, Question, Section, Source, ThirdPartyColumn, ThirdPartyField, View, Wire,
    Wording,
};

/// The columns of a third-party row: the spec's wording, the wire key inside each
/// `thirdPartyDetails` item.
pub const THIRD_PARTY_FIELDS: &[ThirdPartyField] = &[
    ThirdPartyField {
        column: ThirdPartyColumn::Name,
        label: "Name of third party",
        wire_key: "name",
        certainty: Documented,
    },
    // The spec says "Domain"; the wire calls it `link`.
    ThirdPartyField { column: ThirdPartyColumn::Domain, label: "Domain", wire_key: "link", certainty: Documented },
    ThirdPartyField {
        column: ThirdPartyColumn::Countries,
        label: "Countries where third party stores End-User Data",
        wire_key: "thirdPartyCountries",
        certainty: Documented,
    },
    ThirdPartyField {
        column: ThirdPartyColumn::Purpose,
        label: "Purpose of sharing End-User Data with third party (e.g. cloud hosting)",
        wire_key: "purpose",
        certainty: Documented,
    },
];

const SHARES: Condition = Condition::Is(ids::SHARES_EUD, YES);

// The share-logs questions sit here rather than under Logging: that keeps the spec's order,
// and a partner looks for "who else gets the data" in one place.
pub(super) const SECTION: Section = Section {
    id: "third_parties",
    title: "Third parties",
    questions: &[
        Question {
            id: ids::SHARES_EUD,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(HANDLES_END_USER_DATA),
            wire: Wire::Field {
                path: &[THIRD_PARTY_INFORMATION, "isEndUserDataShared"],
                encoding: Encoding::Bool,
                certainty: Documented,
            },
            listing_label: "Shares End-User Data with third parties",
        },
        // The spec asks for the rows OR a link to a public sub-processor list: both are offered,
        // and validation wants at least one.
        Question {
            id: ids::SUB_PROCESSOR_LIST,
            kind: Kind::Link,
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(SHARES),
            wire: Wire::Field {
                // The field is documented; that it holds a link to a public list is inferred.
                path: &[THIRD_PARTY_INFORMATION, "dataSubProcessors"],
                encoding: Encoding::String,
                certainty: Inferred,
            },
            listing_label: "Sub-processor list",
        },
        Question {
            id: ids::THIRD_PARTIES,
            kind: Kind::ThirdParties,
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(SHARES),
            wire: Wire::Field {
                path: &[THIRD_PARTY_INFORMATION, "thirdPartyDetails"],
                encoding: Encoding::ThirdParties,
                certainty: Documented,
            },
            listing_label: "Third parties",
        },
        Question {
            id: ids::SHARES_LOGS,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(HANDLES_END_USER_DATA),
            wire: Wire::Field {
                path: &[LOG_DETAILS, "logEUDShareWithThirdParty"],
                encoding: Encoding::Bool,
                certainty: Documented,
            },
            listing_label: "Shares logs that include End-User Data with third parties",
        },
        Question {
            id: ids::LOG_SHARING_INTEGRAL,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(HANDLES_END_USER_DATA),
            wire: Wire::Field {
                path: &[LOG_DETAILS, "logsIntegralForAppFunctionality"],
                encoding: Encoding::Bool,
                certainty: Documented,
            },
            listing_label: "Sharing logs with third parties is integral to the app",
        },
    ],
};

/// How the form words this section's questions: the spec's text, our label where the spec's
/// text is an instruction, and the help. Apart from the questions so that what only shows the
/// tab (the widget) carries none of it.
pub(super) const WORDING: &[Wording] = &[
    Wording {
        id: ids::SHARES_EUD,
        text: "Does your app share End-User Data with any third party entities (e.g. sub-processors)?",
        form_label: None,
        help: "Answer Yes if any other company receives End-User Data from your app, including sub-processors such as your cloud host, e-mail provider or support tool.",
    },
    Wording {
        id: ids::SUB_PROCESSOR_LIST,
        text: "You'll be asked to provide additional information for each third party, or provide a link to your sub-processor link.",
        form_label: Some("Link to your public sub-processor list"),
        help: "If you publish a list of your sub-processors, as Atlassian does, paste its link here, like https://example.com/sub-processors. Otherwise, add each third party below.",
    },
    Wording {
        id: ids::THIRD_PARTIES,
        text: "For each third party, provide:",
        form_label: Some("Third parties your app shares End-User Data with"),
        help: "Add one row per company that receives End-User Data: its name, its website domain (like aws.amazon.com), the countries where it stores the data, and why you share it (for example \"Cloud hosting\").",
    },
    Wording {
        id: ids::SHARES_LOGS,
        text: "Does your app share logs that include End-User Data with any third-party entities?",
        form_label: None,
        help: "Answer Yes if logs containing End-User Data are sent to another company, for example an error-tracking or log-analysis service.",
    },
    Wording {
        id: ids::LOG_SHARING_INTEGRAL,
        text: "Is sharing of logs that include End-User Data with any third party entities integral for app functionality?",
        form_label: None,
        help: "Answer Yes if your app cannot work without sending those logs to the third party. Answer No if it is for your own convenience, such as monitoring, and could be switched off.",
    },
];
