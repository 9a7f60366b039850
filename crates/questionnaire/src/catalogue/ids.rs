//! Question ids and choice ids as constants, so a typo is a compile error rather than a rule
//! that silently never fires. The values are the keys of drafts and exports: never change one.

// Data storage and processing
pub const STORES_EUD: &str = "stores_eud";
pub const STORED_DATA_TYPES: &str = "stored_data_types";
pub const PROCESSES_EUD: &str = "processes_eud";
pub const PROCESSED_DATA_TYPES: &str = "processed_data_types";
pub const SAME_DATA_PROCESSED_AND_STORED: &str = "same_data_processed_and_stored";
// Logging
pub const LOGS_EUD: &str = "logs_eud";
pub const LOGS_OUTSIDE_ATLASSIAN: &str = "logs_outside_atlassian";
// Third parties
pub const SHARES_EUD: &str = "shares_eud";
pub const SUB_PROCESSOR_LIST: &str = "sub_processor_list";
pub const THIRD_PARTIES: &str = "third_parties";
pub const SHARES_LOGS: &str = "shares_logs";
pub const LOG_SHARING_INTEGRAL: &str = "log_sharing_integral";
// Data residency
pub const DATA_RESIDENCY: &str = "data_residency";
pub const RESIDENCY_LOCATIONS: &str = "residency_locations";
pub const IN_SCOPE_DATA_TYPES: &str = "in_scope_data_types";
pub const RESIDENCY_MIGRATION: &str = "residency_migration";
// Data retention
pub const RETAINS_AFTER_UNINSTALL: &str = "retains_after_uninstall";
pub const RETENTION_DAYS: &str = "retention_days";
pub const RETENTION_INDEFINITE: &str = "retention_indefinite";
pub const CUSTOM_RETENTION: &str = "custom_retention";
// Privacy and compliance
pub const USES_PETS: &str = "uses_pets";
pub const PETS_USED: &str = "pets_used";
pub const GDPR_CONTROLLER: &str = "gdpr_controller";
pub const GDPR_CONTROLLER_DATA: &str = "gdpr_controller_data";
pub const GDPR_PROCESSOR: &str = "gdpr_processor";
pub const GDPR_PROCESSOR_DATA: &str = "gdpr_processor_data";
pub const CCPA_BUSINESS: &str = "ccpa_business";
pub const CCPA_BUSINESS_DATA: &str = "ccpa_business_data";
pub const CCPA_SERVICE_PROVIDER: &str = "ccpa_service_provider";
pub const CCPA_SERVICE_PROVIDER_DATA: &str = "ccpa_service_provider_data";
pub const HAS_DPA: &str = "has_dpa";
pub const DPA_LINK: &str = "dpa_link";
pub const TRANSFERS_EEA_DATA: &str = "transfers_eea_data";
pub const TRANSFER_MECHANISM: &str = "transfer_mechanism";
pub const TRANSFER_MECHANISM_DETAILS: &str = "transfer_mechanism_details";
// Security
pub const BUG_BOUNTY: &str = "bug_bounty";
pub const SECURITY_CONTACT: &str = "security_contact";
pub const SECURITY_POLICY: &str = "security_policy";
pub const CAIQ_LITE: &str = "caiq_lite";
pub const CAIQ_LITE_LINK: &str = "caiq_lite_link";
pub const DISK_ENCRYPTION: &str = "disk_encryption";
pub const INTEGRATION_PERMISSIONS: &str = "integration_permissions";
pub const HAS_CERTIFICATIONS: &str = "has_certifications";
pub const CERTIFICATIONS: &str = "certifications";
pub const PRIVACY_POLICY: &str = "privacy_policy";

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
