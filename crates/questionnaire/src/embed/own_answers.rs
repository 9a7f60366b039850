//! The answers themselves, as privacy-tab writes them into an inline snippet and into draft
//! exports: every answer the preview shows, including those the Marketplace API has no field
//! for.

use serde_json::{json, Value};

use crate::answers::Answers;
use crate::draft::{self, tagged};
use crate::visibility::effective;

/// The inline snippet's own section, beside the `appTrustInformation` anyone else can read:
/// `{"privacyTab": {"version": 1, "answers": {…}}}`.
pub const SECTION_KEY: &str = "privacyTab";
/// The version of [`SECTION_KEY`] this build writes and reads; a newer one is left aside (the
/// `TrustInfo` beside it is read instead).
pub const SECTION_VERSION: u64 = 1;

/// The section for these answers: only what the tab shows (hidden answers stay private), in
/// the draft format's encoding of an answer.
pub fn section(answers: &Answers) -> Value {
    json!({ "version": SECTION_VERSION, "answers": effective(answers) })
}

/// The answers a document carries itself, when it is an inline snippet's data or a draft
/// (exported or not) of a version this build reads.
pub fn read(document: &Value) -> Option<Answers> {
    let entries = match document.get(SECTION_KEY) {
        Some(section) => version_is(section, SECTION_VERSION).then(|| section.get("answers"))??,
        None if document.get("format").and_then(Value::as_str) == Some(draft::FORMAT) => {
            version_is(document, u64::from(draft::VERSION)).then(|| document.get("answers"))??
        }
        None => return None,
    };
    let mut answers = Answers::new();
    for (id, entry) in entries.as_object()? {
        if let Some(answer) = tagged::answer(entry) {
            answers.set(id, answer);
        }
    }
    Some(answers)
}

fn version_is(document: &Value, version: u64) -> bool {
    document.get("version").and_then(Value::as_u64) == Some(version)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Written by serde's derive, read by hand (a derive costs the widget its download):
        /// the two stay in step for every kind of answer.
        #[test]
        fn the_section_reads_back_as_the_answers_the_tab_shows(answers in crate::property_tests::answers()) {
            let document = json!({ SECTION_KEY: section(&answers) });
            prop_assert_eq!(read(&document), Some(effective(&answers)));
        }
    }
}
