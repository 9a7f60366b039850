//! Which app keys (v2) and product IDs (v3) a client may put into a URL. Checked before any
//! request, so a typo or a `..` never reaches another path of the API.

use crate::api_config::ApiVersion;

/// Connect and Forge app keys use these characters only (letters, digits, `.`, `-`, `_`).
const LONGEST_APP_KEY: usize = 255;

/// Why `key` cannot name an app of this API version, as a sentence; `None` when it can.
pub fn key_problem(version: ApiVersion, key: &str) -> Option<String> {
    match version {
        ApiVersion::V2 => app_key_problem(key),
        ApiVersion::V3 => product_id_problem(key),
    }
}

fn app_key_problem(key: &str) -> Option<String> {
    if key.is_empty() {
        return Some("An app key cannot be empty.".to_owned());
    }
    if key.chars().all(|c| c == '.') {
        return Some(format!("“{key}” is not an app key."));
    }
    if key.len() > LONGEST_APP_KEY {
        return Some(format!("An app key has at most {LONGEST_APP_KEY} characters; this one has {}.", key.len()));
    }
    if let Some(bad) = key.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))) {
        return Some(format!(
            "The app key “{}” contains “{}”: app keys hold only letters, digits, “.”, “-” and “_”.",
            key.escape_debug(),
            bad.escape_debug()
        ));
    }
    None
}

/// v3 names products by UUID (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hexadecimal).
fn product_id_problem(id: &str) -> Option<String> {
    let groups: Vec<&str> = id.split('-').collect();
    let shaped = groups.iter().map(|group| group.len()).eq([8, 4, 4, 4, 12])
        && groups.iter().all(|group| group.chars().all(|c| c.is_ascii_hexdigit()));
    (!shaped).then(|| {
        format!(
            "“{}” is not a product ID: v3 names products by UUID, like 6a1b2c3d-0000-4000-8000-000000000001 \
             (for an app key, use API version 2).",
            id.escape_debug()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_tricks_and_empty_keys_are_refused_and_real_keys_pass() {
        for bad in ["", ".", "..", "...", "com.example/other", "a b", "com.example\u{0}", "é"] {
            assert!(key_problem(ApiVersion::V2, bad).is_some(), "{bad:?}");
        }
        for good in ["com.example.cli-app", "my_app.2", "a"] {
            assert_eq!(key_problem(ApiVersion::V2, good), None, "{good}");
        }
    }

    #[test]
    fn product_ids_are_uuids() {
        assert_eq!(key_problem(ApiVersion::V3, "6a1b2c3d-0000-4000-8000-000000000001"), None);
        for bad in [
            "",
            "..",
            "com.example.app",
            "6a1b2c3d-0000-4000-8000-00000000000g",
            "6a1b2c3d/0000-4000-8000-000000000001",
        ] {
            assert!(key_problem(ApiVersion::V3, bad).unwrap().contains("UUID"), "{bad:?}");
        }
    }
}
