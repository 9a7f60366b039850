use super::{group::*, ids, HANDLES_END_USER_DATA, NO, YES, YES_NO};
use crate::catalogue::ids::choice;
use crate::catalogue::model::{
    Certainty::*, Choice, Condition, Encoding, Kind, Question, QuestionId, Section, Source, View, Wire, Wording,
};

const YES_NO_NOT_GDPR: &[Choice] = &[
    YES,
    NO,
    Choice { id: choice::NOT_APPLICABLE, label: "Not applicable - Company/Organization is not subject to the GDPR." },
];
const YES_NO_NOT_CCPA: &[Choice] = &[
    YES,
    NO,
    Choice { id: choice::NOT_APPLICABLE, label: "Not applicable - Company/Organization is not subject to the CCPA." },
];

const fn yes(id: QuestionId) -> Option<Condition> {
    Some(Condition::Is(id, choice::YES))
}

// The role follow-ups say "[free text]", but the wire holds a list of strings
// (`endUserDataTypes`), so they are lists: one entry per kind of data.
pub(super) const SECTION: Section = Section {
    id: "privacy",
    title: "Privacy and compliance",
    questions: &[
        Question {
            id: ids::USES_PETS,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(HANDLES_END_USER_DATA),
            wire: Wire::Field {
                path: &[PRIVACY, PRIVACY_ENHANCING_TECHNIQUES, "arePrivacyEnhancingTechniquesSupported"],
                encoding: Encoding::Bool,
                certainty: Documented,
            },
            listing_label: "Uses privacy enhancing technologies (PETs)",
        },
        Question {
            id: ids::PETS_USED,
            kind: Kind::List { suggestions: &["Data masking techniques like pseudonymization and anonymization"] },
            view: View::Expanded,
            source: Source::Partner,
            shown_when: yes(ids::USES_PETS),
            wire: Wire::Field {
                path: &[PRIVACY, PRIVACY_ENHANCING_TECHNIQUES, "privacyEnhancingTechniquesSupported"],
                encoding: Encoding::StringList,
                certainty: Documented,
            },
            listing_label: "Privacy enhancing technologies used",
        },
        Question {
            id: ids::GDPR_CONTROLLER,
            kind: Kind::OneOf(YES_NO_NOT_GDPR),
            view: View::Default,
            source: Source::Partner,
            shown_when: None,
            wire: Wire::Field {
                path: &[PRIVACY, GDPR, DATA_CONTROLLER, "isAppDataController"],
                encoding: Encoding::YesNoNotApplicable,
                certainty: Specified,
            },
            listing_label: "GDPR data controller",
        },
        Question {
            id: ids::GDPR_CONTROLLER_DATA,
            kind: Kind::List { suggestions: &[] },
            view: View::Default,
            source: Source::Partner,
            shown_when: yes(ids::GDPR_CONTROLLER),
            wire: Wire::Field {
                // Inferred by symmetry with the processor's until the spec named it.
                path: &[PRIVACY, GDPR, DATA_CONTROLLER, END_USER_DATA_TYPES],
                encoding: Encoding::StringList,
                certainty: Specified,
            },
            listing_label: "End-User Data it is a data controller for",
        },
        Question {
            id: ids::GDPR_PROCESSOR,
            kind: Kind::OneOf(YES_NO_NOT_GDPR),
            view: View::Default,
            source: Source::Partner,
            shown_when: None,
            wire: Wire::Field {
                path: &[PRIVACY, GDPR, DATA_PROCESSOR, "isAppDataProcessor"],
                encoding: Encoding::YesNoNotApplicable,
                certainty: Specified,
            },
            listing_label: "GDPR data processor",
        },
        Question {
            id: ids::GDPR_PROCESSOR_DATA,
            kind: Kind::List { suggestions: &[] },
            view: View::Default,
            source: Source::Partner,
            shown_when: yes(ids::GDPR_PROCESSOR),
            wire: Wire::Field {
                path: &[PRIVACY, GDPR, DATA_PROCESSOR, END_USER_DATA_TYPES],
                encoding: Encoding::StringList,
                certainty: Specified,
            },
            listing_label: "End-User Data it is a data processor for",
        },
        Question {
            id: ids::CCPA_BUSINESS,
            kind: Kind::OneOf(YES_NO_NOT_CCPA),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: None,
            wire: Wire::Field {
                path: &[PRIVACY, CCPA, BUSINESS, "isAppBusiness"],
                encoding: Encoding::YesNoNotApplicable,
                certainty: Specified,
            },
            listing_label: "CCPA business",
        },
        Question {
            id: ids::CCPA_BUSINESS_DATA,
            kind: Kind::List { suggestions: &[] },
            view: View::Expanded,
            source: Source::Partner,
            shown_when: yes(ids::CCPA_BUSINESS),
            wire: Wire::Field {
                // Inferred by symmetry with the service provider's until the spec named it.
                path: &[PRIVACY, CCPA, BUSINESS, END_USER_DATA_TYPES],
                encoding: Encoding::StringList,
                certainty: Specified,
            },
            listing_label: "End-User Data it is a business for",
        },
        Question {
            id: ids::CCPA_SERVICE_PROVIDER,
            kind: Kind::OneOf(YES_NO_NOT_CCPA),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: None,
            wire: Wire::Field {
                path: &[PRIVACY, CCPA, SERVICE_PROVIDER, "isAppServiceProvider"],
                encoding: Encoding::YesNoNotApplicable,
                certainty: Specified,
            },
            listing_label: "CCPA service provider",
        },
        Question {
            id: ids::CCPA_SERVICE_PROVIDER_DATA,
            kind: Kind::List { suggestions: &[] },
            view: View::Expanded,
            source: Source::Partner,
            shown_when: yes(ids::CCPA_SERVICE_PROVIDER),
            wire: Wire::Field {
                path: &[PRIVACY, CCPA, SERVICE_PROVIDER, END_USER_DATA_TYPES],
                encoding: Encoding::StringList,
                certainty: Specified,
            },
            listing_label: "End-User Data it is a service provider for",
        },
        Question {
            id: ids::HAS_DPA,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: None,
            // The spec gives the flag the GDPR/CCPA roles' three values; the questionnaire
            // offers Yes and No, and a "NOT_APPLICABLE" read from the record is kept as it is.
            wire: Wire::Field {
                path: &[PRIVACY, DATA_PROCESSING_AGREEMENT, "isDPASupported"],
                encoding: Encoding::YesNoNotApplicable,
                certainty: Specified,
            },
            listing_label: "Data Processing Agreement (DPA)",
        },
        // The spec says "[free text]", but "link it here" asks for a link: a Link is checked.
        Question {
            id: ids::DPA_LINK,
            kind: Kind::Link,
            view: View::Expanded,
            source: Source::Partner,
            shown_when: yes(ids::HAS_DPA),
            wire: Wire::Field {
                path: &[PRIVACY, DATA_PROCESSING_AGREEMENT, "link"],
                encoding: Encoding::String,
                certainty: Specified,
            },
            listing_label: "Data Processing Agreement",
        },
        Question {
            id: ids::TRANSFERS_EEA_DATA,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(HANDLES_END_USER_DATA),
            wire: Wire::Field {
                path: &[PRIVACY, GDPR, DATA_TRANSFER, "isEndUserDataTransferredOutsideEEA"],
                encoding: Encoding::Bool,
                certainty: Specified,
            },
            listing_label: "Transfers EEA residents' End-User Data outside the EEA",
        },
        // The spec: "If partner responds 'yes' to above question then the below question would
        // be surfaced." It gives this row no view of its own: it takes its parent's.
        Question {
            id: ids::TRANSFER_MECHANISM,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: yes(ids::TRANSFERS_EEA_DATA),
            wire: Wire::Field {
                path: &[PRIVACY, GDPR, DATA_TRANSFER, "isTransferComplianceMechanismsAdhered"],
                encoding: Encoding::Bool,
                certainty: Specified,
            },
            listing_label: "GDPR-approved transfer mechanism in place",
        },
        Question {
            id: ids::TRANSFER_MECHANISM_DETAILS,
            kind: Kind::Text { max_chars: 300 },
            view: View::Expanded,
            source: Source::Partner,
            shown_when: yes(ids::TRANSFER_MECHANISM),
            wire: Wire::Field {
                path: &[PRIVACY, GDPR, DATA_TRANSFER, "transferComplianceMechanismsAdhered"],
                encoding: Encoding::String,
                certainty: Specified,
            },
            listing_label: "Transfer mechanism",
        },
    ],
};

/// How the form words this section's questions: the spec's text, our label where the spec's
/// text is an instruction, and the help. Apart from the questions so that what only shows the
/// tab (the widget) carries none of it.
pub(super) const WORDING: &[Wording] = &[
    Wording {
        id: ids::USES_PETS,
        text: "Does your app use any privacy enhancing technologies (PETs) to protect End-User Data? If yes, please list any PETs used.",
        form_label: None,
        help: "Privacy enhancing technologies reduce how much real personal data you handle, for example masking, pseudonymisation (replacing names with codes) or anonymisation.",
    },
    Wording {
        id: ids::PETS_USED,
        text: "If yes, please list any PETs used.",
        form_label: None,
        help: "List each technique you use, one per entry, for example \"Data masking techniques like pseudonymization and anonymization\".",
    },
    Wording {
        id: ids::GDPR_CONTROLLER,
        text: "Is your company/organization a ‘data controller’ under the General Data Protection Regulation (GDPR) with reference to this app?",
        form_label: None,
        help: "A data controller decides why and how personal data is used. For most apps the customer is the controller; you are one only for data you use for your own purposes, such as billing contacts or usage analytics.",
    },
    Wording {
        id: ids::GDPR_CONTROLLER_DATA,
        text: "You'll be asked to specify the End-User Data with respect to which your app is a “data controller“.",
        form_label: Some("Which End-User Data is your company/organization a ‘data controller’ for?"),
        help: "List the End-User Data you use for your own purposes, one per entry, for example \"Email address, for billing and support\".",
    },
    Wording {
        id: ids::GDPR_PROCESSOR,
        text: "Is your company/organization a ‘data processor’ under the General Data Protection Regulation (GDPR) with reference to this app?",
        form_label: None,
        help: "A data processor handles personal data on someone else's behalf. If your app stores or processes customers' End-User Data on your systems to do its job, you are usually their processor.",
    },
    Wording {
        id: ids::GDPR_PROCESSOR_DATA,
        text: "You'll be asked to specify the End-User Data with respect to which your app is a “data processor“.",
        form_label: Some("Which End-User Data is your company/organization a ‘data processor’ for?"),
        help: "List the End-User Data you handle on your customers' behalf, one per entry, for example \"Issue content\" or \"Account IDs\".",
    },
    Wording {
        id: ids::CCPA_BUSINESS,
        text: "Is your company/organization a ‘business’ under the California Consumer Privacy Act of 2018 (CCPA) with reference to this app?",
        form_label: None,
        help: "Under the California Consumer Privacy Act, a \"business\" decides why and how California residents' personal information is used and meets one of the law's thresholds, for example on yearly revenue.",
    },
    Wording {
        id: ids::CCPA_BUSINESS_DATA,
        text: "You'll be asked to specify the End-User Data with respect to which your app is a “business“.",
        form_label: Some("Which End-User Data is your company/organization a ‘business’ for?"),
        help: "List the personal information whose use you decide, one per entry, for example \"Email address, for marketing\".",
    },
    Wording {
        id: ids::CCPA_SERVICE_PROVIDER,
        text: "Is your company/organization a ‘service provider’ under the California Consumer Privacy Act of 2018 (CCPA) with reference to this app?",
        form_label: None,
        help: "A \"service provider\" under the CCPA handles personal information for a business under a written contract, which is what most apps do for their customers.",
    },
    Wording {
        id: ids::CCPA_SERVICE_PROVIDER_DATA,
        text: "You'll be asked to specify the End-User Data with respect to which your app is a “service provider“.",
        form_label: Some("Which End-User Data is your company/organization a ‘service provider’ for?"),
        help: "List the personal information you handle for your customers, one per entry, for example \"Account IDs\".",
    },
    Wording {
        id: ids::HAS_DPA,
        text: "Does your app have a Data Processing Agreement (DPA) for customers?",
        form_label: None,
        help: "A Data Processing Agreement is the contract that sets out how you handle customers' personal data. The GDPR requires one whenever you act as a data processor.",
    },
    Wording {
        id: ids::DPA_LINK,
        text: "You'll be asked to link it here.",
        form_label: Some("Link to your Data Processing Agreement (DPA)"),
        help: "Paste the link to your DPA, or to the page where customers can sign it, like https://example.com/dpa.",
    },
    Wording {
        id: ids::TRANSFERS_EEA_DATA,
        text: "Does your app transfer European Economic Area (EEA) residents’s End-User Data outside of the EEA?",
        form_label: None,
        help: "Answer Yes if End-User Data of people in the European Economic Area (the EU plus Iceland, Liechtenstein and Norway) is stored or read outside it, for example on US servers or by a US support tool.",
    },
    Wording {
        id: ids::TRANSFER_MECHANISM,
        text: "Does your app have a General Data Protection Regulation (GDPR) approved transfer mechanism in place to govern those transfers? Please provide the transfer mechanism you use here.",
        form_label: None,
        help: "The GDPR allows data to leave the EEA only under an approved safeguard, for example Standard Contractual Clauses (SCCs) or the EU-US Data Privacy Framework.",
    },
    Wording {
        id: ids::TRANSFER_MECHANISM_DETAILS,
        text: "Please provide the transfer mechanism you use here.",
        form_label: None,
        help: "Name the mechanism, for example \"Standard Contractual Clauses (SCCs)\".",
    },
];
