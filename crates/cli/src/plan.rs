//! What publishing would change, app by app: the record the Marketplace holds now, the body
//! that would be sent over it, and the questions whose answer on the tab would differ. `diff`
//! prints it; `push` prints it, skips apps without a change, and sends the rest.

use questionnaire::api_config::ApiVersion;
use questionnaire::diff::{changes, Change};
use questionnaire::record::changed_unknown_fields;
use questionnaire::wire::{from_trust_info, to_put_body_over, to_v3_put_body_over, unsent};
use serde_json::{json, Value};

use crate::api::{Client, Version};
use crate::commands::named;
use crate::commands::show::escape;
use crate::targets::Target;

/// How results are written: for people, for a pull-request comment, for programs.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    /// For a pull-request comment or a CI step summary
    Markdown,
    Json,
}

/// What would be sent to one app and what it would change there.
pub struct Planned {
    pub changes: Vec<Change>,
    pub body: Value,
    /// Nothing was stored for the app (a 404 the partner allowed): every answer is new.
    pub nothing_there: bool,
    /// Fields this tool cannot show that changed on the Marketplace since the file was pulled.
    pub changed_unknown: Vec<String>,
}

/// Why an app could not be planned (or sent), and whether the credentials were refused, which
/// stops the whole run: every other app would be refused too.
pub struct Failure {
    pub message: String,
    pub credentials_refused: bool,
}

impl Failure {
    pub fn of(error: &crate::api::ApiError, client: &Client, key: &str) -> Failure {
        Failure { message: error.advice(&client.endpoint, key), credentials_refused: error.is_refused_credentials() }
    }
}

/// Reads the app's record (`tab`) and builds the body over it. A 404 is an error (a wrong
/// key or `--api-base` answers 404 too) unless `allow_missing` says the app has nothing yet.
pub fn plan(client: &Client, target: &Target, tab: Version, allow_missing: bool) -> Result<Planned, Failure> {
    let (record, nothing_there) = match client.read(&target.key, tab) {
        Ok(record) => (record, false),
        Err(error) if error.is_not_found() && allow_missing => (Value::Null, true),
        Err(error) if error.is_not_found() => {
            return Err(Failure {
                message: format!(
                    "{} answered 404 for the {} “{}”: the key or --api-base is wrong, or the app has nothing on \
                     the Marketplace yet. Nothing was compared; for an app with nothing yet, pass --allow-missing.",
                    client.endpoint.base,
                    client.endpoint.key_label(),
                    target.key
                ),
                credentials_refused: false,
            })
        }
        Err(error) => return Err(Failure::of(&error, client, &target.key)),
    };
    let body = match client.endpoint.version {
        ApiVersion::V2 => to_put_body_over(&record, &target.answers),
        ApiVersion::V3 => to_v3_put_body_over(&record, &target.answers),
    };
    let changed_unknown = match &target.file_base {
        Some(earlier) if !nothing_there => changed_unknown_fields(earlier, &record),
        _ => Vec::new(),
    };
    Ok(Planned {
        changes: changes(&from_trust_info(&record), &from_trust_info(&body)),
        body,
        nothing_there,
        changed_unknown,
    })
}

/// "the live tab", as a plan names what it compares with.
pub fn compared_with(tab: Version) -> &'static str {
    match tab {
        Version::Live => "the live tab",
        Version::Draft => "the Marketplace draft",
        Version::Current => "the Marketplace's current version",
    }
}

fn answers_count(n: usize) -> String {
    if n == 1 {
        "1 answer".to_owned()
    } else {
        format!("{n} answers")
    }
}

/// One app's plan for people: a line, then each change as "now" and "after".
pub fn text(target: &Target, planned: &Planned, tab: Version) -> String {
    let what = compared_with(tab);
    let mut out = String::new();
    if planned.changes.is_empty() {
        out.push_str(&format!("Publishing {} would change nothing on {what} of {}.\n", target.source, target.key));
        return out;
    }
    out.push_str(&format!(
        "Publishing {} would change {} on {what} of {}:\n",
        target.source,
        answers_count(planned.changes.len()),
        target.key
    ));
    for change in &planned.changes {
        out.push_str(&format!("\n{}\n  now:   {}\n  after: {}\n", named(change.question), change.before, change.after));
    }
    out
}

/// One app's plan as Markdown: a heading and a table of the changes.
pub fn markdown(target: &Target, planned: &Planned, tab: Version) -> String {
    let what = compared_with(tab);
    let key = escape(&target.key);
    if planned.changes.is_empty() {
        return format!("#### {key}\n\nNo change on {what}.\n");
    }
    let mut out = format!(
        "#### {key}\n\n{} would change on {what} (from {}):\n\n| Question | Now | After |\n| --- | --- | --- |\n",
        answers_count(planned.changes.len()),
        escape(&target.source)
    );
    for change in &planned.changes {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            escape(&named(change.question)),
            escape(&change.before),
            escape(&change.after)
        ));
    }
    out
}

/// The changes for programs: each question's id and label, now and after.
pub fn changes_json(planned: &Planned) -> Value {
    planned
        .changes
        .iter()
        .map(|change| {
            json!({
                "question": {"id": change.question.id, "label": change.question.listing_label},
                "now": change.before,
                "after": change.after,
            })
        })
        .collect()
}

/// The summary line of one app; `result` says how it ended.
pub fn row(target: &Target, planned: Option<&Planned>, result: String) -> Row {
    Row {
        app: target.key.clone(),
        valid: crate::commands::check::is_valid(&target.answers, target.held.as_ref()),
        changes: planned.map(|planned| planned.changes.len()),
        not_sent: unsent(&target.answers).len(),
        result,
    }
}

/// One app for programs: its summary line, where its answers come from, the changes, and
/// (`with_body`) the body that is or would be sent.
pub fn app_json(target: &Target, planned: Option<&Planned>, row: &Row, with_body: bool) -> Value {
    let mut app = row.json();
    app["source"] = json!(target.source);
    if let Some(planned) = planned {
        app["questions"] = changes_json(planned);
        app["nothingThere"] = json!(planned.nothing_there);
        if with_body {
            app["body"] = planned.body.clone();
        }
    }
    app
}

/// One line of the summary that ends every command run over several apps.
pub struct Row {
    pub app: String,
    pub valid: bool,
    /// `None` when the app could not be compared.
    pub changes: Option<usize>,
    pub not_sent: usize,
    pub result: String,
}

const HEADINGS: [&str; 5] = ["app", "valid", "changes", "not sent", "result"];

impl Row {
    fn cells(&self) -> [String; 5] {
        [
            self.app.clone(),
            if self.valid { "yes" } else { "NO" }.to_owned(),
            self.changes.map_or("-".to_owned(), |n| n.to_string()),
            self.not_sent.to_string(),
            self.result.clone(),
        ]
    }

    pub fn json(&self) -> Value {
        json!({"app": self.app, "valid": self.valid, "changes": self.changes, "notSent": self.not_sent, "result": self.result})
    }
}

/// The summary as aligned columns.
pub fn summary_text(rows: &[Row]) -> String {
    let cells: Vec<[String; 5]> = rows.iter().map(Row::cells).collect();
    let widths: Vec<usize> = (0..5)
        .map(|column| {
            cells.iter().map(|row| row[column].chars().count()).chain([HEADINGS[column].len()]).max().unwrap_or(0)
        })
        .collect();
    let line = |values: Vec<&str>| {
        let padded: Vec<String> =
            values.iter().zip(&widths).map(|(value, width)| format!("{value:<width$}", width = *width)).collect();
        padded.join("  ").trim_end().to_owned() + "\n"
    };
    let mut out = line(HEADINGS.to_vec());
    for row in &cells {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

/// The summary as a Markdown table.
pub fn summary_markdown(rows: &[Row]) -> String {
    let mut out = format!("| {} |\n|{}\n", HEADINGS.join(" | "), " --- |".repeat(5));
    for row in rows {
        let cells: Vec<String> = row.cells().iter().map(|cell| escape(cell)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_lines_up_in_text_and_is_a_table_in_markdown() {
        let rows = [
            Row { app: "com.example.a".into(), valid: true, changes: Some(2), not_sent: 1, result: "published".into() },
            Row { app: "b".into(), valid: false, changes: None, not_sent: 0, result: "failed".into() },
        ];
        assert_eq!(
            summary_text(&rows),
            "app            valid  changes  not sent  result\n\
             com.example.a  yes    2        1         published\n\
             b              NO     -        0         failed\n"
        );
        let markdown = summary_markdown(&rows);
        assert!(
            markdown.starts_with("| app | valid | changes | not sent | result |\n| --- | --- | --- | --- | --- |\n")
        );
        assert!(markdown.contains("| b | NO | - | 0 | failed |"), "{markdown}");
    }
}
