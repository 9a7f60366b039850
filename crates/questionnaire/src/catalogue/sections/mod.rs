//! The questions of `questionnaire.txt`, in its order, worded exactly as it words them, in the
//! sections a partner recognises. One file per section.
//!
//! Follow-ups come right after their parent and take its view. The spec's sentence "If partner
//! responses ‘no’ to the above questions, no further data-related questions would be surfaced"
//! is [`HANDLES_END_USER_DATA`]; which questions count as data-related is decided there.

mod logging;
mod privacy;
mod residency;
mod retention;
mod security;
mod storage;
mod third_parties;

use super::ids::{self, choice};
use super::model::{Choice, Condition, Section, Wording};

pub use security::{CERTIFICATION_OPTIONS, OTHER_CERTIFICATION};
pub use storage::SAME_AS_STORED;
pub use third_parties::THIRD_PARTY_FIELDS;

pub static SECTIONS: &[Section] = &[
    storage::SECTION,
    logging::SECTION,
    third_parties::SECTION,
    residency::SECTION,
    retention::SECTION,
    privacy::SECTION,
    security::SECTION,
];

/// Every section's wording, in the order of [`SECTIONS`].
pub static WORDING: &[&[Wording]] = &[
    storage::WORDING,
    logging::WORDING,
    third_parties::WORDING,
    residency::WORDING,
    retention::WORDING,
    privacy::WORDING,
    security::WORDING,
];

const YES: Choice = Choice { id: choice::YES, label: "Yes" };
const NO: Choice = Choice { id: choice::NO, label: "No" };
const YES_NO: &[Choice] = &[YES, NO];

/// Shown unless the partner said the app neither stores nor processes End-User Data outside
/// Atlassian. Data-related, and so behind this: logging, sharing with third parties (data and
/// logs), retention after uninstall, PETs, EEA transfers and disk encryption, because each asks
/// about End-User Data the app handles outside Atlassian. Not behind it: data residency (it has
/// its own "does not store" response), GDPR/CCPA roles and the DPA (they are about the company),
/// and the security and policy questions.
const HANDLES_END_USER_DATA: Condition = Condition::AnyOf(&[
    Condition::IsNot(ids::STORES_EUD, choice::NO),
    Condition::IsNot(ids::PROCESSES_EUD, choice::NO),
]);

/// The spec's examples of End-User Data types, offered as suggestions.
const DATA_TYPE_EXAMPLES: &[&str] =
    &["Email address", "Device ID", "IP address", "Content posted, received or shared in the app by end-users"];

/// Top-level groups of the v2 `TrustInfo`, so each wire name is written once.
mod group {
    pub const DATA_ACCESS_AND_STORAGE: &str = "dataAccessAndStorage";
    pub const THIRD_PARTY_INFORMATION: &str = "thirdPartyInformation";
    pub const LOG_DETAILS: &str = "logDetails";
    pub const DATA_RESIDENCY: &str = "dataResidency";
    pub const DATA_RETENTION: &str = "dataRetention";
    pub const PRIVACY: &str = "privacy";
    pub const SECURITY: &str = "security";
    // Inside `privacy`.
    pub const PRIVACY_ENHANCING_TECHNIQUES: &str = "privacyEnhancingTechniques";
    pub const GDPR: &str = "gdpr";
    pub const CCPA: &str = "ccpa";
    pub const DATA_CONTROLLER: &str = "dataController";
    pub const DATA_PROCESSOR: &str = "dataProcessor";
    pub const DATA_TRANSFER: &str = "dataTransfer";
    pub const BUSINESS: &str = "business";
    pub const SERVICE_PROVIDER: &str = "serviceProvider";
    pub const DATA_PROCESSING_AGREEMENT: &str = "dataProcessingAgreement";
    /// The key of the End-User Data types inside each GDPR/CCPA role.
    pub const END_USER_DATA_TYPES: &str = "endUserDataTypes";
}
