//! `privacy-tab check FILE…`: the form's checks on files, for a pull-request check.

use std::path::PathBuf;

use questionnaire::catalogue::QuestionId;
use questionnaire::catalogue::Wire;
use questionnaire::completeness::{summary, ViewSummary};
use questionnaire::consistency::{findings, Finding, Severity};
use questionnaire::held::{are_as_held, is_missing_and_cannot_be_carried};
use questionnaire::validation::{field_errors, FieldError};
use questionnaire::wire::{unsent, Unsent, UnsentReason};
use questionnaire::Answers;
use serde_json::{json, Value};

use super::show::escape;
use super::{named, named_id};
use crate::endpoint::EndpointArgs;
use crate::files::{self, kind_name};
use crate::outcome::Outcome;
use crate::plan::{summary_markdown, summary_text, Format, Row};
use crate::targets::{read_manifest, MANIFEST_NAME};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Draft exports, drafts or API bodies [default: the apps of ./privacy-tab.toml]
    #[arg(value_name = "FILE", conflicts_with = "manifest")]
    files: Vec<PathBuf>,
    /// A manifest: each app's answers are checked as push would send them
    #[arg(long, value_name = "FILE")]
    manifest: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Everything said about one file's answers.
struct Report {
    errors: Vec<FieldError>,
    findings: Vec<Finding>,
    /// Errors and contradictions in answers as the Marketplace holds them, and details only the
    /// Marketplace's own form takes: warnings.
    as_held: Vec<AsHeld>,
    completeness: questionnaire::completeness::Completeness,
    unsent: Vec<questionnaire::wire::Unsent>,
}

/// A problem that comes with the Marketplace's record, not with the partner's edits.
struct AsHeld {
    questions: Vec<QuestionId>,
    message: String,
}

impl Report {
    /// `held`: the answers of the Marketplace record the file was pulled from, if it was.
    fn of(answers: &Answers, held: Option<&Answers>) -> Report {
        let is_held = |ids: &[QuestionId]| held.is_some_and(|held| are_as_held(ids, answers, held));
        let (held_errors, errors): (Vec<FieldError>, Vec<FieldError>) = field_errors(answers)
            .into_iter()
            .partition(|error| is_missing_and_cannot_be_carried(error.question, answers) || is_held(&[error.question]));
        let (held_findings, findings): (Vec<Finding>, Vec<Finding>) = findings(answers)
            .into_iter()
            .partition(|finding| finding.severity == Severity::Error && is_held(&finding.questions));
        let as_held = held_errors
            .into_iter()
            .map(|error| AsHeld { questions: vec![error.question], message: error.message })
            .chain(
                held_findings
                    .into_iter()
                    .map(|finding| AsHeld { questions: finding.questions, message: finding.message }),
            )
            .collect();
        Report { errors, findings, as_held, completeness: summary(answers), unsent: unsent(answers) }
    }

    /// Valid as the form counts it: no field error and no contradiction (warnings are advice).
    fn is_valid(&self) -> bool {
        self.errors.is_empty() && !self.findings.iter().any(|finding| finding.severity == Severity::Error)
    }
}

/// Whether `check` passes these answers (`held`: see [`Report::of`]).
pub fn is_valid(answers: &Answers, held: Option<&Answers>) -> bool {
    Report::of(answers, held).is_valid()
}

/// What makes these answers fail `check`, a line each: field errors and contradictions.
pub fn blocking_problems(answers: &Answers, held: Option<&Answers>) -> Vec<String> {
    let report = Report::of(answers, held);
    let errors = report.errors.iter().map(|error| format!("{}: {}", named_id(error.question), error.message));
    let contradictions = report.findings.iter().filter(|finding| finding.severity == Severity::Error).map(|finding| {
        let about: Vec<String> = finding.questions.iter().copied().map(named_id).collect();
        format!("{} (about {})", finding.message, about.join(", "))
    });
    errors.chain(contradictions).collect()
}

/// One set of answers to check: a file, or an app of a manifest with where its answers come from.
struct Subject {
    name: String,
    kind: String,
    answers: Result<Answers, String>,
    /// The answers of the Marketplace record they were pulled from.
    held: Option<Answers>,
}

fn subjects(args: &Args) -> Result<(Vec<Subject>, bool), String> {
    let manifest = match (&args.manifest, args.files.is_empty()) {
        (Some(manifest), _) => manifest.clone(),
        (None, false) => {
            let subjects = args
                .files
                .iter()
                .map(|path| match files::load(path) {
                    Ok(loaded) => Subject {
                        name: path.display().to_string(),
                        kind: kind_name(loaded.kind).to_owned(),
                        held: files::held_answers(&loaded),
                        answers: Ok(loaded.draft.answers),
                    },
                    Err(problem) => Subject {
                        name: path.display().to_string(),
                        kind: String::new(),
                        answers: Err(problem),
                        held: None,
                    },
                })
                .collect();
            return Ok((subjects, false));
        }
        (None, true) if std::path::Path::new(MANIFEST_NAME).is_file() => PathBuf::from(MANIFEST_NAME),
        (None, true) => {
            return Err(format!("Nothing to check: give FILE…, or --manifest (or run where {MANIFEST_NAME} is)."))
        }
    };
    let targets = read_manifest(&manifest, &mut EndpointArgs::default())?;
    let subjects = targets
        .into_iter()
        .map(|target| Subject { name: target.key, kind: target.source, answers: Ok(target.answers), held: target.held })
        .collect();
    Ok((subjects, true))
}

pub fn run(args: Args) -> Outcome {
    let (subjects, from_manifest) = match subjects(&args) {
        Ok(found) => found,
        Err(problem) => {
            eprintln!("privacy-tab: {problem}");
            return Outcome::Unusable;
        }
    };
    let mut outcome = Outcome::Done;
    let mut reports = Vec::new();
    let mut rows = Vec::new();
    for subject in &subjects {
        let shown = &subject.name;
        match &subject.answers {
            Ok(answers) => {
                let report = Report::of(answers, subject.held.as_ref());
                if !report.is_valid() {
                    outcome = outcome.max(Outcome::Failed);
                }
                rows.push(Row {
                    app: shown.clone(),
                    valid: report.is_valid(),
                    changes: None,
                    not_sent: report.unsent.len(),
                    result: if report.is_valid() { "valid" } else { "NOT VALID" }.to_owned(),
                });
                match args.format {
                    Format::Text => print_text(shown, &subject.kind, &report),
                    Format::Markdown => print_markdown(shown, &subject.kind, &report),
                    Format::Json => reports.push(as_json(shown, &subject.kind, &report)),
                }
            }
            Err(problem) => {
                outcome = Outcome::Unusable;
                rows.push(Row {
                    app: shown.clone(),
                    valid: false,
                    changes: None,
                    not_sent: 0,
                    result: "unreadable".into(),
                });
                match args.format {
                    Format::Json => reports.push(json!({"file": shown, "readable": false, "problem": problem})),
                    _ => eprintln!("{problem}"),
                }
            }
        }
    }
    let several = subjects.len() > 1 || from_manifest;
    match args.format {
        Format::Json => {
            let all = json!({"valid": outcome == Outcome::Done, "files": reports});
            println!("{}", serde_json::to_string_pretty(&all).expect("JSON values serialise"));
        }
        Format::Text if several => print!("\n{}", summary_text(&rows)),
        Format::Markdown => print!("\n{}", summary_markdown(&rows)),
        Format::Text => {}
    }
    outcome
}

/// For a pull-request comment: the verdict, and what makes it fail, per file or app.
fn print_markdown(name: &str, kind: &str, report: &Report) {
    let verdict = if report.is_valid() { "valid" } else { "**not valid**" };
    println!("#### {} ({}): {verdict}\n", escape(name), escape(kind));
    for error in &report.errors {
        println!("- {}: {}", escape(&named_id(error.question)), escape(&error.message));
    }
    for finding in &report.findings {
        println!("- {}: {}", severity_name(finding.severity), escape(&finding.message));
    }
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
    if !report.as_held.is_empty() {
        println!("  As the Marketplace holds them, or only its own form takes (warnings, {}):", report.as_held.len());
        for problem in &report.as_held {
            let about: Vec<String> = problem.questions.iter().copied().map(named_id).collect();
            println!("    - {}: {}", about.join(", "), problem.message);
        }
    }
    println!("  Completeness:");
    for view in [&report.completeness.default, &report.completeness.expanded] {
        print_view(view);
    }
    if !report.unsent.is_empty() {
        println!("  Not sent by a push ({}):", report.unsent.len());
        for unsent in &report.unsent {
            println!("    - {}: {}", named(unsent.question), reason_text(unsent));
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

/// Why an answer stays out of the PUT body, in the partner's terms: where the catalogue says
/// the answer belongs instead, when it does.
pub fn reason_text(unsent: &Unsent) -> &'static str {
    match (unsent.reason, unsent.question.wire) {
        (UnsentReason::UnknownField, Wire::Elsewhere { why }) => why,
        (UnsentReason::UnknownField, _) => "Atlassian fills it in: it is not sent",
        (UnsentReason::ParentNotSent, _) => "it follows up an answer that is not sent",
        (UnsentReason::Invalid, _) => "not valid yet (see the field errors)",
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
        "asHeld": report.as_held.iter().map(|problem| json!({
            "questions": problem.questions.iter().copied().map(question_json).collect::<Vec<_>>(),
            "message": problem.message,
        })).collect::<Vec<_>>(),
        "completeness": {
            "default": view(&report.completeness.default),
            "expanded": view(&report.completeness.expanded),
        },
        "notSent": report.unsent.iter().map(|unsent| json!({
            "question": question_json(unsent.question.id),
            "reason": reason_text(unsent),
        })).collect::<Vec<_>>(),
    })
}
