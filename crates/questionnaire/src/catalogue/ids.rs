//! Question ids and choice ids as constants, so a typo is a compile error rather than a rule
//! that silently never fires. The values are the keys of drafts and exports: never change one.
//! Question ids are made here and nowhere else, one constant per question of the catalogue.

use super::QuestionId;

// Data storage and processing
pub const STORES_EUD: QuestionId = QuestionId::new("stores_eud");
pub const STORED_DATA_TYPES: QuestionId = QuestionId::new("stored_data_types");
pub const PROCESSES_EUD: QuestionId = QuestionId::new("processes_eud");
pub const PROCESSED_DATA_TYPES: QuestionId = QuestionId::new("processed_data_types");
pub const SAME_DATA_PROCESSED_AND_STORED: QuestionId = QuestionId::new("same_data_processed_and_stored");
// Logging
pub const LOGS_EUD: QuestionId = QuestionId::new("logs_eud");
pub const LOGS_OUTSIDE_ATLASSIAN: QuestionId = QuestionId::new("logs_outside_atlassian");
// Third parties
pub const SHARES_EUD: QuestionId = QuestionId::new("shares_eud");
pub const SUB_PROCESSOR_LIST: QuestionId = QuestionId::new("sub_processor_list");
pub const THIRD_PARTIES: QuestionId = QuestionId::new("third_parties");
pub const SHARES_LOGS: QuestionId = QuestionId::new("shares_logs");
pub const LOG_SHARING_INTEGRAL: QuestionId = QuestionId::new("log_sharing_integral");
// Data residency
pub const DATA_RESIDENCY: QuestionId = QuestionId::new("data_residency");
pub const RESIDENCY_LOCATIONS: QuestionId = QuestionId::new("residency_locations");
pub const IN_SCOPE_DATA_TYPES: QuestionId = QuestionId::new("in_scope_data_types");
pub const RESIDENCY_MIGRATION: QuestionId = QuestionId::new("residency_migration");
// Data retention
pub const RETAINS_AFTER_UNINSTALL: QuestionId = QuestionId::new("retains_after_uninstall");
pub const RETENTION_DAYS: QuestionId = QuestionId::new("retention_days");
pub const RETENTION_INDEFINITE: QuestionId = QuestionId::new("retention_indefinite");
pub const CUSTOM_RETENTION: QuestionId = QuestionId::new("custom_retention");
// Privacy and compliance
pub const USES_PETS: QuestionId = QuestionId::new("uses_pets");
pub const PETS_USED: QuestionId = QuestionId::new("pets_used");
pub const GDPR_CONTROLLER: QuestionId = QuestionId::new("gdpr_controller");
pub const GDPR_CONTROLLER_DATA: QuestionId = QuestionId::new("gdpr_controller_data");
pub const GDPR_PROCESSOR: QuestionId = QuestionId::new("gdpr_processor");
pub const GDPR_PROCESSOR_DATA: QuestionId = QuestionId::new("gdpr_processor_data");
pub const CCPA_BUSINESS: QuestionId = QuestionId::new("ccpa_business");
pub const CCPA_BUSINESS_DATA: QuestionId = QuestionId::new("ccpa_business_data");
pub const CCPA_SERVICE_PROVIDER: QuestionId = QuestionId::new("ccpa_service_provider");
pub const CCPA_SERVICE_PROVIDER_DATA: QuestionId = QuestionId::new("ccpa_service_provider_data");
pub const HAS_DPA: QuestionId = QuestionId::new("has_dpa");
pub const DPA_LINK: QuestionId = QuestionId::new("dpa_link");
pub const TRANSFERS_EEA_DATA: QuestionId = QuestionId::new("transfers_eea_data");
pub const TRANSFER_MECHANISM: QuestionId = QuestionId::new("transfer_mechanism");
pub const TRANSFER_MECHANISM_DETAILS: QuestionId = QuestionId::new("transfer_mechanism_details");
// Security
pub const BUG_BOUNTY: QuestionId = QuestionId::new("bug_bounty");
pub const SECURITY_CONTACT: QuestionId = QuestionId::new("security_contact");
pub const SECURITY_POLICY: QuestionId = QuestionId::new("security_policy");
pub const CAIQ_LITE: QuestionId = QuestionId::new("caiq_lite");
pub const CAIQ_LITE_LINK: QuestionId = QuestionId::new("caiq_lite_link");
pub const DISK_ENCRYPTION: QuestionId = QuestionId::new("disk_encryption");
pub const INTEGRATION_PERMISSIONS: QuestionId = QuestionId::new("integration_permissions");
pub const HAS_CERTIFICATIONS: QuestionId = QuestionId::new("has_certifications");
pub const CERTIFICATIONS: QuestionId = QuestionId::new("certifications");
pub const PRIVACY_POLICY: QuestionId = QuestionId::new("privacy_policy");

/// Choice ids. Yes/No/Not applicable are shared by every question that offers them.
pub mod choice {
    pub const YES: &str = "yes";
    pub const NO: &str = "no";
    pub const NOT_APPLICABLE: &str = "na";

    pub const RESIDENCY_INDEPENDENT: &str = "yes_independent";
    pub const RESIDENCY_WITHIN_ATLASSIAN: &str = "yes_within_atlassian";
    pub const RESIDENCY_NOT_SUPPORTED: &str = "no";
    pub const RESIDENCY_ATLASSIAN_ROADMAP: &str = "no_atlassian_roadmap";
    pub const RESIDENCY_NOT_APPLICABLE: &str = "not_applicable";
}
