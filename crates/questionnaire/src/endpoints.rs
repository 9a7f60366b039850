//! Where the Marketplace keeps one app's Privacy & Security information, for every client: the
//! browser app, the command line and the widget build their URLs here. (Without `format!`: the
//! widget calls it, and formatting machinery weighs in its download.)

use crate::api_config::ApiVersion;

/// Which version of the tab a read asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TabVersion {
    Live,
    Draft,
    /// No `state` asked: for the app's partner, the draft if there is one, else live; for
    /// anyone else, live. The newest version, which a submit writes over.
    Current,
}

impl TabVersion {
    pub fn query(self) -> &'static str {
        match self {
            TabVersion::Live => "?state=live",
            TabVersion::Draft => "?state=draft",
            TabVersion::Current => "",
        }
    }
}

/// The resource of one app (v2, by app key) or product (v3, by product ID) on the API at
/// `api_base`: what is read, PUT, and (v3) published.
pub fn resource_url(api_base: &str, version: ApiVersion, key: &str) -> String {
    let base = api_base.trim().trim_end_matches('/');
    let key = encode_path_segment(key.trim());
    match version {
        ApiVersion::V2 => [base, "/addons/", &key, "/privacy-and-security"].concat(),
        ApiVersion::V3 => [base, "/privacy-and-security/products/", &key].concat(),
    }
}

/// The read of one version of the tab.
pub fn read_url(api_base: &str, version: ApiVersion, key: &str, tab: TabVersion) -> String {
    resource_url(api_base, version, key) + tab.query()
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so a key can never change
/// the path.
pub fn encode_path_segment(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => encoded.push(char::from(byte)),
            _ => {
                encoded.push('%');
                encoded.push(char::from(HEX[usize::from(byte >> 4)]));
                encoded.push(char::from(HEX[usize::from(byte & 0x0f)]));
            }
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_address_per_app_and_version_with_the_key_kept_inside_its_segment() {
        assert_eq!(
            read_url("https://x.example/rest/2/", ApiVersion::V2, "com.example app/..", TabVersion::Live),
            "https://x.example/rest/2/addons/com.example%20app%2F../privacy-and-security?state=live"
        );
        assert_eq!(
            resource_url("/rest/3", ApiVersion::V3, "b1c2-é"),
            "/rest/3/privacy-and-security/products/b1c2-%C3%A9"
        );
        assert_eq!(
            read_url("/rest/2", ApiVersion::V2, "k", TabVersion::Current),
            "/rest/2/addons/k/privacy-and-security"
        );
        assert_eq!(TabVersion::Draft.query(), "?state=draft");
    }
}
