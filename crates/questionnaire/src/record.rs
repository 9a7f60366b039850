//! The Marketplace's record that a submit is written over. The answers replace every field the
//! catalogue knows; the rest (fields this app cannot show) go back as the record has them. So
//! the record must be the current one: before a submit the app reads it again, and tells the
//! partner when fields it cannot show changed since the version it opened.

use serde_json::Value;

use crate::catalogue::{self, QuestionId};
use crate::draft::answer_text;
use crate::unsorted::set_of;
use crate::wire::{from_trust_info, trust_info_of, unknown_fields};

/// What the Marketplace's record holds for a question, as the listing words it: what it keeps
/// when the partner's answer is not sent. `None`: it holds no answer there.
pub fn held_text(raw: &Value, id: QuestionId) -> Option<String> {
    let held = from_trust_info(raw);
    let answer = held.get(id).filter(|answer| answer.is_given())?;
    Some(answer_text(Some(catalogue::question(id)), Some(answer)))
}

/// Dotted paths of the fields this app cannot show whose value differs between the record read
/// earlier and the one read now (added, removed or changed), in a stable order.
pub fn changed_unknown_fields(earlier: &Value, now: &Value) -> Vec<String> {
    let (earlier, now) = (trust_info_of(earlier), trust_info_of(now));
    let paths = set_of(unknown_fields(earlier).into_iter().chain(unknown_fields(now)));
    paths.into_iter().filter(|path| at(earlier, path) != at(now, path)).collect()
}

fn at<'v>(info: &'v Value, dotted: &str) -> Option<&'v Value> {
    dotted.split('.').try_fold(info, |node, key| node.get(key))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn names_the_unknown_fields_that_changed_and_nothing_the_form_shows() {
        let earlier = json!({"security": {"securityContact": "a@x.io", "permissionsJustification": "old",
            "requiresUsersToProvidePATs": false}, "newGroup": {"flag": true}});
        let now = json!({"appTrustInformation": {"security": {"securityContact": "b@x.io",
            "permissionsJustification": "new", "requiresUsersToProvidePATs": false}, "later": 1}});
        assert_eq!(changed_unknown_fields(&earlier, &now), ["later", "newGroup", "security.permissionsJustification"]);
        assert!(changed_unknown_fields(&now, &now).is_empty());
    }

    #[test]
    fn says_what_the_marketplace_keeps_for_an_answer_not_sent() {
        use crate::catalogue::ids;
        let raw = json!({"security": {"publicSecurityPoliciesLink": "https://vendor.example.com/security"}});
        assert_eq!(held_text(&raw, ids::SECURITY_POLICY).as_deref(), Some("https://vendor.example.com/security"));
        assert_eq!(held_text(&raw, ids::SECURITY_CONTACT), None);
        assert_eq!(held_text(&Value::Null, ids::SECURITY_POLICY), None);
    }
}
