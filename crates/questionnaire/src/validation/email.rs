//! A hand check of one e-mail address: the common mistakes, not all of RFC 5322.

use super::link::is_domain;
use crate::catalogue::limits::MAX_EMAIL_CHARS;

const EXAMPLE: &str = "security@example.com";
/// What RFC 5322 allows unquoted before the @, besides letters and digits.
const LOCAL_SPECIALS: &str = "!#$%&'*+/=?^_`{|}~.-";

/// Ok, or what to do to fix the address, in plain English.
pub fn check_email(text: &str) -> Result<(), String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("Enter an e-mail address, like {EXAMPLE}."));
    }
    if text.get(..7).is_some_and(|prefix| prefix.eq_ignore_ascii_case("mailto:")) {
        return Err(format!("Leave out “mailto:” and enter just the address, like {EXAMPLE}."));
    }
    if text.contains([',', ';']) || text.matches('@').count() > 1 {
        return Err(format!("Enter one e-mail address only, like {EXAMPLE}."));
    }
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("Remove the spaces from the e-mail address.".into());
    }
    if text.chars().count() > MAX_EMAIL_CHARS {
        return Err(format!("Shorten the e-mail address to at most {MAX_EMAIL_CHARS} characters."));
    }
    let Some((local, domain)) = text.split_once('@') else {
        return Err(format!("Add the @ and the domain, like {EXAMPLE}."));
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| c.is_alphanumeric() || LOCAL_SPECIALS.contains(c));
    if !local_ok {
        return Err(format!("Check the part before the @: it should look like “security” in {EXAMPLE}."));
    }
    if !is_domain(domain) {
        return Err(format!("Check the part after the @: it should be a domain, like “example.com” in {EXAMPLE}."));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses() {
        for email in [
            "security@example.com",
            "first.last+tag@sub.example.co.uk",
            " psirt@acme.io ",
            "o'brien@example.ie",
            "sécurité@exemple.fr",
        ] {
            assert_eq!(check_email(email), Ok(()), "{email}");
        }
    }

    #[test]
    fn rejects_common_mistakes_with_advice() {
        let advice = |email: &str| check_email(email).unwrap_err();
        assert!(advice("").contains("Enter an e-mail address"));
        assert!(advice("mailto:security@example.com").contains("Leave out “mailto:”"));
        assert!(advice("a@example.com, b@example.com").contains("one e-mail address"));
        assert!(advice("a@b@example.com").contains("one e-mail address"));
        assert!(advice("security @example.com").contains("spaces"));
        assert!(advice("security.example.com").contains("Add the @"));
        assert!(advice("@example.com").contains("before the @"));
        assert!(advice(".security@example.com").contains("before the @"));
        assert!(advice("se..curity@example.com").contains("before the @"));
        assert!(advice("<security>@example.com").contains("before the @"));
        assert!(advice("security@").contains("after the @"));
        assert!(advice("security@localhost").contains("after the @"));
        assert!(advice("security@example..com").contains("after the @"));
        assert!(advice(&format!("{}@example.com", "a".repeat(250))).contains("Shorten"));
    }
}
