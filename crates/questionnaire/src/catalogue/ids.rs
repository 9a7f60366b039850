//! Question ids and choice ids as constants, so a typo is a compile error rather than a rule
//! that silently never fires. The values are the keys of drafts and exports: never change one.
//! Question ids are made here and nowhere else, one constant per question of the catalogue.

use super::QuestionId;

/// The constants, and (for the catalogue's tests) the list of them all.
macro_rules! question_ids {
    ($($name:ident = $id:literal;)*) => {
        $(pub const $name: QuestionId = QuestionId::new($id);)*

        /// Every question id made here, in the order above.
        #[cfg(test)]
        pub(super) const ALL: &[QuestionId] = &[$($name),*];
    };
}

question_ids! {
    // Data storage and processing
    STORES_EUD = "stores_eud";
    STORED_DATA_TYPES = "stored_data_types";
    PROCESSES_EUD = "processes_eud";
    PROCESSED_DATA_TYPES = "processed_data_types";
    SAME_DATA_PROCESSED_AND_STORED = "same_data_processed_and_stored";
    // Logging
    LOGS_EUD = "logs_eud";
    LOGS_OUTSIDE_ATLASSIAN = "logs_outside_atlassian";
    // Third parties
    SHARES_EUD = "shares_eud";
    SUB_PROCESSOR_LIST = "sub_processor_list";
    THIRD_PARTIES = "third_parties";
    SHARES_LOGS = "shares_logs";
    LOG_SHARING_INTEGRAL = "log_sharing_integral";
    // Data residency
    DATA_RESIDENCY = "data_residency";
    RESIDENCY_LOCATIONS = "residency_locations";
    IN_SCOPE_DATA_TYPES = "in_scope_data_types";
    RESIDENCY_MIGRATION = "residency_migration";
    // Data retention
    RETAINS_AFTER_UNINSTALL = "retains_after_uninstall";
    RETENTION_DAYS = "retention_days";
    RETENTION_INDEFINITE = "retention_indefinite";
    CUSTOM_RETENTION = "custom_retention";
    // Privacy and compliance
    USES_PETS = "uses_pets";
    PETS_USED = "pets_used";
    GDPR_CONTROLLER = "gdpr_controller";
    GDPR_CONTROLLER_DATA = "gdpr_controller_data";
    GDPR_PROCESSOR = "gdpr_processor";
    GDPR_PROCESSOR_DATA = "gdpr_processor_data";
    CCPA_BUSINESS = "ccpa_business";
    CCPA_BUSINESS_DATA = "ccpa_business_data";
    CCPA_SERVICE_PROVIDER = "ccpa_service_provider";
    CCPA_SERVICE_PROVIDER_DATA = "ccpa_service_provider_data";
    HAS_DPA = "has_dpa";
    DPA_LINK = "dpa_link";
    TRANSFERS_EEA_DATA = "transfers_eea_data";
    TRANSFER_MECHANISM = "transfer_mechanism";
    TRANSFER_MECHANISM_DETAILS = "transfer_mechanism_details";
    // Security
    BUG_BOUNTY = "bug_bounty";
    SECURITY_CONTACT = "security_contact";
    SECURITY_POLICY = "security_policy";
    CAIQ_LITE = "caiq_lite";
    CAIQ_LITE_LINK = "caiq_lite_link";
    DISK_ENCRYPTION = "disk_encryption";
    INTEGRATION_PERMISSIONS = "integration_permissions";
    HAS_CERTIFICATIONS = "has_certifications";
    CERTIFICATIONS = "certifications";
    PRIVACY_POLICY = "privacy_policy";
}

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
