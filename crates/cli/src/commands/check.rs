//! `privacy-tab check FILE…`: the form's checks on files, for a pull-request check.

use std::path::PathBuf;

use questionnaire::catalogue::QuestionId;
use questionnaire::completeness::{summary, ViewSummary};
use questionnaire::consistency::{findings, Finding, Severity};
use questionnaire::validation::{field_errors, FieldError};
use questionnaire::wire::{unsent, UnsentReason};
use questionnaire::Answers;
use serde_json::{json, Value};

use super::{named, named_id};
use crate::files::{self, kind_name};
use crate::outcome::Outcome;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Draft exports, drafts or API bodies
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

/// Everything said about one file's answers.
struct Report {
    errors: Vec<FieldError>,
    findings: Vec<Finding>,
    completeness: questionnaire::completeness::Completeness,
    unsent: Vec<questionnaire::wire::Unsent>,
}

impl Report {
    fn of(answers: &Answers) -> Report {
        Report {
            errors: field_errors(answers),
            findings: findings(answers),
            completeness: summary(answers),
            unsent: unsent(answers),
        }
    }

    /// Valid as the form counts it: no field error and no contradiction (warnings are advice).
    fn is_valid(&self) -> bool {
        self.errors.is_empty() && !self.findings.iter().any(|finding| finding.severity == Severity::Error)
    }
}

pub fn run(args: Args) -> Outcome {
    let mut outcome = Outcome::Done;
    let mut reports = Vec::new();
    for path in &args.files {
        let shown = path.display().to_string();
        match files::load(path) {
            Ok(loaded) => {
                let report = Report::of(&loaded.draft.answers);
                if !report.is_valid() {
                    outcome = outcome.max(Outcome::Failed);
                }
                match args.format {
                    Format::Text => print_text(&shown, kind_name(loaded.kind), &report),
                    Format::Json => reports.push(as_json(&shown, kind_name(loaded.kind), &report)),
                }
            }
            Err(problem) => {
                outcome = Outcome::Unusable;
                match args.format {
                    Format::Text => eprintln!("{problem}"),
                    Format::Json => reports.push(json!({"file": shown, "readable": false, "problem": problem})),
                }
            }
        }
    }
    if args.format == Format::Json {
        let all = json!({"valid": outcome == Outcome::Done, "files": reports});
        println!("{}", serde_json::to_string_pretty(&all).expect("JSON values serialise"));
    }
    outcome
}

fn print_text(file: &str, kind: &str, report: &Report) {
    let verdict = if report.is_valid() { "valid" } else { "NOT VALID" };
    println!("{file} ({kind}): {verdict}");
    if !report.errors.is_empty() {
        println!("  Field errors ({}):", report.errors.len());
        for error in &report.errors {
            println!("    - {}: {}", named_id(error.question), error.message);
        }
    }
    if !report.findings.is_empty() {
        println!("  Consistency ({}):", report.findings.len());
        for finding in &report.findings {
            let about: Vec<String> = finding.questions.iter().copied().map(named_id).collect();
            println!("    - {}: {} (about {})", severity_name(finding.severity), finding.message, about.join(", "));
        }
    }
    println!("  Completeness:");
    for view in [&report.completeness.default, &report.completeness.expanded] {
        print_view(view);
    }
    if !report.unsent.is_empty() {
        println!("  Not sent by a push ({}):", report.unsent.len());
        for unsent in &report.unsent {
            println!("    - {}: {}", named(unsent.question), reason_text(unsent.reason));
        }
    }
}

fn print_view(view: &ViewSummary) {
    let name = view_name(view);
    if view.is_complete() {
        println!("    {name} view: complete ({}/{})", view.answered, view.total);
        return;
    }
    println!(
        "    {name} view: {}/{} answered; {} shown as “{}”:",
        view.answered,
        view.total,
        view.missing.len(),
        questionnaire::listing::NOT_PROVIDED
    );
    for &id in &view.missing {
        println!("      - {}", named_id(id));
    }
}

fn view_name(view: &ViewSummary) -> &'static str {
    match view.view {
        questionnaire::catalogue::View::Default => "default",
        questionnaire::catalogue::View::Expanded => "expanded",
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Why an answer stays out of the PUT body, in the partner's terms.
pub fn reason_text(reason: UnsentReason) -> &'static str {
    match reason {
        UnsentReason::UnknownField => {
            "the Marketplace API has no known field for it: enter it in the Marketplace's own form"
        }
        UnsentReason::UnknownValue => {
            "the Marketplace API's value for this response is not known: enter it in the Marketplace's own form"
        }
        UnsentReason::ParentNotSent => "it follows up an answer that is not sent",
        UnsentReason::Invalid => "not valid yet (see the field errors)",
    }
}

fn question_json(id: QuestionId) -> Value {
    let question = questionnaire::catalogue::question(id);
    json!({"id": question.id, "label": question.listing_label})
}

fn as_json(file: &str, kind: &str, report: &Report) -> Value {
    let view = |view: &ViewSummary| {
        json!({
            "answered": view.answered,
            "total": view.total,
            "complete": view.is_complete(),
            "missing": view.missing.iter().copied().map(question_json).collect::<Vec<_>>(),
        })
    };
    json!({
        "file": file,
        "readable": true,
        "kind": kind,
        "valid": report.is_valid(),
        "fieldErrors": report.errors.iter().map(|error| json!({
            "question": question_json(error.question),
            "message": error.message,
        })).collect::<Vec<_>>(),
        "findings": report.findings.iter().map(|finding| json!({
            "check": finding.check,
            "severity": severity_name(finding.severity),
            "message": finding.message,
            "questions": finding.questions.iter().copied().map(question_json).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "completeness": {
            "default": view(&report.completeness.default),
            "expanded": view(&report.completeness.expanded),
        },
        "notSent": report.unsent.iter().map(|unsent| json!({
            "question": question_json(unsent.question.id),
            "reason": reason_text(unsent.reason),
        })).collect::<Vec<_>>(),
    })
}
