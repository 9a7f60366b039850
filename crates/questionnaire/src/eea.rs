//! Whether a country, as a partner types it, is in the European Economic Area: the 27 EU
//! member states plus Iceland, Liechtenstein and Norway. Used only for warnings, so a name it
//! does not recognise counts as "not known to be in the EEA".

/// English names (and common alternatives), ISO 3166 alpha-2 and alpha-3 codes.
const MEMBERS: &[&[&str]] = &[
    &["austria", "at", "aut"],
    &["belgium", "be", "bel"],
    &["bulgaria", "bg", "bgr"],
    &["croatia", "hr", "hrv"],
    &["cyprus", "cy", "cyp"],
    &["czechia", "czech republic", "cz", "cze"],
    &["denmark", "dk", "dnk"],
    &["estonia", "ee", "est"],
    &["finland", "fi", "fin"],
    &["france", "fr", "fra"],
    &["germany", "de", "deu"],
    &["greece", "gr", "el", "grc"],
    &["hungary", "hu", "hun"],
    &["ireland", "republic of ireland", "ie", "irl"],
    &["italy", "it", "ita"],
    &["latvia", "lv", "lva"],
    &["lithuania", "lt", "ltu"],
    &["luxembourg", "lu", "lux"],
    &["malta", "mt", "mlt"],
    &["netherlands", "holland", "nl", "nld"],
    &["poland", "pl", "pol"],
    &["portugal", "pt", "prt"],
    &["romania", "ro", "rou"],
    &["slovakia", "sk", "svk"],
    &["slovenia", "si", "svn"],
    &["spain", "es", "esp"],
    &["sweden", "se", "swe"],
    &["iceland", "is", "isl"],
    &["liechtenstein", "li", "lie"],
    &["norway", "no", "nor"],
    &["eu", "european union", "eea", "european economic area"],
];

pub fn is_in_eea(country: &str) -> bool {
    let normalised = country.trim().trim_end_matches('.').replace('.', "").to_ascii_lowercase();
    let name = normalised.strip_prefix("the ").unwrap_or(&normalised);
    MEMBERS.iter().any(|names| names.contains(&name))
}

#[cfg(test)]
mod tests {
    use super::is_in_eea;

    #[test]
    fn recognises_members_by_name_and_code() {
        for country in ["Germany", " IE ", "the Netherlands", "Norway", "E.U.", "EEA", "deu", "Czech Republic"] {
            assert!(is_in_eea(country), "{country}");
        }
        for country in ["United States", "US", "UK", "Switzerland", "India", "", "Global"] {
            assert!(!is_in_eea(country), "{country}");
        }
    }
}
