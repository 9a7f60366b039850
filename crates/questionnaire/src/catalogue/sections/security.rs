use super::{group::*, ids, HANDLES_END_USER_DATA, YES_NO};
use crate::catalogue::ids::choice::YES;
use crate::catalogue::model::{
    Certainty::*, Condition, Encoding, Kind, Question, Section, Source, View, Wire, Wording,
};

/// The certification pick-list; the last option comes with free text.
pub const CERTIFICATION_OPTIONS: &[&str] = &["SOC2", "ISO27K", "FedRamp", OTHER_CERTIFICATION];
pub const OTHER_CERTIFICATION: &str = "Other";

/// The wire value of each option of the pick-list in `security.compliantCertifications`. The
/// spec types the field as a list of strings and names values only in its examples: `SOC2`,
/// `ISO27001`, and one error example's "Must be one of: SOC2, ISO27001, FedRAMP, PCI_DSS".
/// Which option each is, is decided from the names (ISO27K is ISO/IEC 27001). What the "Other"
/// text names is sent as typed, one entry per certification; a value read back that is none of
/// these is shown as "Other" text.
const CERTIFICATION_WIRE_VALUES: &[(&str, &str)] = &[("SOC2", "SOC2"), ("ISO27K", "ISO27001"), ("FedRamp", "FedRAMP")];

/// The group of the CAIQ Lite answers inside `security`.
const CAIQ: &str = "caiq";

pub(super) const SECTION: Section = Section {
    id: "security",
    title: "Security",
    questions: &[
        Question {
            id: ids::BUG_BOUNTY,
            kind: Kind::Provided,
            view: View::Default,
            source: Source::Atlassian,
            shown_when: None,
            wire: Wire::NotSent,
            listing_label: "Marketplace Security Bug Bounty Program participant",
        },
        Question {
            id: ids::SECURITY_CONTACT,
            kind: Kind::Email,
            view: View::Expanded,
            source: Source::Partner,
            shown_when: None,
            wire: Wire::Field { path: &[SECURITY, "securityContact"], encoding: Encoding::String, certainty: Specified },
            listing_label: "Security contact",
        },
        Question {
            id: ids::SECURITY_POLICY,
            kind: Kind::Link,
            view: View::Expanded,
            source: Source::Partner,
            shown_when: None,
            wire: Wire::Field {
                path: &[SECURITY, "publicSecurityPoliciesLink"],
                encoding: Encoding::String,
                certainty: Specified,
            },
            // The spec's response, which is what the listing shows.
            listing_label: "Security policy link provided by the partner",
        },
        Question {
            id: ids::CAIQ_LITE,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: None,
            wire: Wire::Field { path: &[SECURITY, CAIQ, "isCAIQCompleted"], encoding: Encoding::Bool, certainty: Specified },
            listing_label: "Completed a CAIQ Lite Questionnaire",
        },
        // The spec offers "[link or PDF]"; a PDF has to be published somewhere first, so this
        // asks for a link (a link to the PDF works).
        Question {
            id: ids::CAIQ_LITE_LINK,
            kind: Kind::Link,
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(Condition::Is(ids::CAIQ_LITE, YES)),
            wire: Wire::Field { path: &[SECURITY, CAIQ, "CAIQLiteLink"], encoding: Encoding::String, certainty: Specified },
            listing_label: "CAIQ Lite Questionnaire responses",
        },
        // Two lines in the spec: the question, then the requirement it refers to.
        Question {
            id: ids::DISK_ENCRYPTION,
            kind: Kind::OneOf(YES_NO),
            view: View::Expanded,
            source: Source::Partner,
            shown_when: Some(HANDLES_END_USER_DATA),
            wire: Wire::Field {
                path: &[SECURITY, "isDiskEncryptionSupported"],
                encoding: Encoding::Bool,
                certainty: Specified,
            },
            listing_label: "Full disk encryption at rest",
        },
        Question {
            id: ids::INTEGRATION_PERMISSIONS,
            kind: Kind::Provided,
            view: View::Default,
            source: Source::Atlassian,
            shown_when: None,
            wire: Wire::NotSent,
            listing_label: "Integration permissions with Atlassian products",
        },
        Question {
            id: ids::HAS_CERTIFICATIONS,
            kind: Kind::OneOf(YES_NO),
            view: View::Default,
            source: Source::Partner,
            shown_when: None,
            wire: Wire::Field {
                path: &[SECURITY, "hasCompliantCertifications"],
                encoding: Encoding::Bool,
                certainty: Specified,
            },
            listing_label: "Compliance certifications",
        },
        Question {
            id: ids::CERTIFICATIONS,
            kind: Kind::Certifications { options: CERTIFICATION_OPTIONS },
            view: View::Default,
            source: Source::Partner,
            shown_when: Some(Condition::Is(ids::HAS_CERTIFICATIONS, YES)),
            wire: Wire::Field {
                path: &[SECURITY, "compliantCertifications"],
                encoding: Encoding::Certifications(CERTIFICATION_WIRE_VALUES),
                certainty: Inferred,
            },
            listing_label: "Certifications",
        },
        Question {
            id: ids::PRIVACY_POLICY,
            kind: Kind::Link,
            view: View::Default,
            source: Source::Partner,
            shown_when: None,
            // The spec's API has no field for it: the privacy policy is a link of the app's listing
            // (`developerLinks.privacy` in the listing API), which the tab shows from there.
            wire: Wire::Elsewhere {
                why: "Your privacy policy is a link of your app's listing, not part of the Privacy & Security API: enter it with your listing's links in the Marketplace.",
            },
            // The spec's response, which is what the listing shows.
            listing_label: "Link to partner privacy policy",
        },
    ],
};

/// How the form words this section's questions: the spec's text, our label where the spec's
/// text is an instruction, and the help. Apart from the questions so that what only shows the
/// tab (the widget) carries none of it.
pub(super) const WORDING: &[Wording] = &[
    Wording {
        id: ids::BUG_BOUNTY,
        text: "Marketplace Security Bug Bounty Program participant",
        form_label: None,
        help: "Atlassian already knows whether your app takes part in the Marketplace Security Bug Bounty Program and shows it on your listing. There is nothing to fill in.",
    },
    Wording {
        id: ids::SECURITY_CONTACT,
        text: "Which email address can be used to contact for app security issues?",
        form_label: None,
        help: "An address your security team reads, where customers and researchers can report a vulnerability, like security@example.com.",
    },
    Wording {
        id: ids::SECURITY_POLICY,
        text: "Please provide your security policy",
        form_label: None,
        help: "Paste the link to the public page that says how you keep your app secure and handle vulnerabilities, like https://example.com/security.",
    },
    Wording {
        id: ids::CAIQ_LITE,
        text: "Have you completed a CAIQ Lite Questionnaire that covers this app?",
        form_label: None,
        help: "The CAIQ Lite is a short, standard security questionnaire from the Cloud Security Alliance. Answer Yes only if your completed answers cover this app.",
    },
    Wording {
        id: ids::CAIQ_LITE_LINK,
        text: "You'll be asked to link or upload your CAIQ Lite Questionnaire responses:",
        form_label: Some("Link to your CAIQ Lite Questionnaire responses"),
        help: "Paste a link to your completed CAIQ Lite, for example a PDF on your website like https://example.com/caiq-lite.pdf.",
    },
    Wording {
        id: ids::DISK_ENCRYPTION,
        text: "Does your app use full disk encryption at-rest for End-User Data stored outside of Atlassian or the users’s browser?\nAtlassian’s second requirement in Security requirements for cloud applications states, “Any Atlassian End User Data stored by an application outside of the Atlassian product or users' browser must ensure full disk encryption at-rest.” Does your app meet this requirement?",
        form_label: None,
        help: "Answer Yes if every disk that holds End-User Data outside Atlassian is encrypted; most cloud providers, such as AWS, Azure and Google Cloud, encrypt disks by default or with one setting.",
    },
    Wording {
        id: ids::INTEGRATION_PERMISSIONS,
        text: "Integration permissions with Atlassian products",
        form_label: None,
        help: "Atlassian shows the permissions (scopes) your app asks for, taken from its descriptor or manifest. There is nothing to fill in.",
    },
    Wording {
        id: ids::HAS_CERTIFICATIONS,
        text: "Does your app have any compliance certifications?",
        form_label: None,
        help: "Answer Yes if an independent auditor has certified your company or app, for example SOC 2 or ISO/IEC 27001.",
    },
    Wording {
        id: ids::CERTIFICATIONS,
        text: "partner picks from drop-down list or inserts free text in “other”",
        form_label: Some("Which compliance certifications does your app have?"),
        help: "Pick each certification you hold. For any other, pick \"Other\" and type its name, for example \"ISO 27018\".",
    },
    Wording {
        id: ids::PRIVACY_POLICY,
        text: "Please provide your privacy policy which governs how you collect, access or otherwise process End-User Data. This is a requirement for all partners, as set out in Atlassian’s Marketplace Partner Agreement.",
        form_label: None,
        help: "Paste the link to your privacy policy, like https://example.com/privacy. Every partner needs one under the Marketplace Partner Agreement.",
    },
];
