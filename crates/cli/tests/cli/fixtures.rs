use questionnaire::draft::{export_json, import, ImportKind};

use crate::common::*;

/// The committed fixture stays byte for byte what the app's "Export draft" writes for its
/// answers: when the export format changes, it must be written anew (and the CLI checked
/// against the new format).
#[test]
fn the_committed_fixture_is_what_the_app_exports_today() {
    let text = std::fs::read_to_string(fixture("partial-export.json")).unwrap();
    let imported = import(&text, "", 0.0).unwrap();
    assert_eq!(imported.kind, ImportKind::Export);
    assert_eq!(export_json(&imported.draft), text.trim_end());
}
