//! The answers file made for hand editing: one copy of the answers, keyed by question id in
//! catalogue order, with no timestamp, read strictly. Format-neutral: it works on a JSON value,
//! so the command line can keep it as TOML (with comments) and read it back as the same value.
//!
//! ```toml
//! format = "privacy-tab-answers"
//! version = 1
//! app = "com.example.app"
//!
//! [answers]
//! stores_eud = "yes"
//! security_contact = "security@example.com"
//! retention_days = { min = "30", max = "90" }
//! ```
//!
//! A file pulled from the Marketplace whose answers have problems the Marketplace approved (a
//! field error, a contradiction) also keeps, in `[as_approved]`, the answers those problems are
//! about (and the answers they follow up) as the Marketplace holds them, in the same notation;
//! `unanswered` lists those it holds no answer to. They are the held answers `check` tells the
//! Marketplace's problems from the partner's by (`crate::held`): while the answers are as
//! approved, their problems are warnings.
//!
//! ```toml
//! [as_approved]
//! stores_eud = "yes"
//! disk_encryption = "no"
//! unanswered = ["dpa_link"]
//! ```

use serde_json::{json, Map, Value};

use crate::answers::{Answer, Answers, ThirdParty};
use crate::catalogue::{self, Kind, Question, QuestionId};
use crate::held;

pub const FORMAT: &str = "privacy-tab-answers";
pub const VERSION: u64 = 1;

const TOP_KEYS: &[&str] = &["format", "version", "app", "answers", "as_approved"];
/// The key of `[as_approved]` that lists the questions the Marketplace holds no answer to.
const UNANSWERED_KEY: &str = "unanswered";
const DAYS_KEYS: &[&str] = &["min", "max"];
const PARTY_KEYS: &[&str] = &["name", "domain", "countries", "purpose"];
const CERTIFICATION_KEYS: &[&str] = &["picked", "other"];
/// How a response the Marketplace returned and no choice knows is kept: `{ unknown = "RAW" }`.
const UNKNOWN_KEY: &str = "unknown";

/// An answers file's content.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswersFile {
    pub app_key: String,
    pub answers: Answers,
    pub as_approved: Option<AsApproved>,
}

/// The `[as_approved]` table: the answers the problems of a pulled record are about, as the
/// Marketplace holds them.
#[derive(Debug, Clone, PartialEq)]
pub struct AsApproved {
    /// The questions the table covers, in catalogue order (with or without an answer).
    pub questions: Vec<QuestionId>,
    /// Their answers (none for those the Marketplace holds unanswered).
    pub answers: Answers,
}

impl AsApproved {
    /// For the answers of a record as pulled: the table of the questions its problems involve,
    /// or none when it has none.
    pub fn of(pulled: &Answers) -> Option<AsApproved> {
        let questions = held::involved(pulled);
        let mut answers = Answers::new();
        for &id in &questions {
            if let Some(answer) = pulled.get(id).filter(|answer| answer.is_given()) {
                answers.set(id, answer.clone());
            }
        }
        (!questions.is_empty()).then_some(AsApproved { questions, answers })
    }

    /// The held answers `check` compares `answers` (the file's) with: see [`held::held_in_part`].
    pub fn held(&self, answers: &Answers) -> Answers {
        held::held_in_part(answers, &self.questions, &self.answers)
    }

    /// The table's keys and values: the answers in catalogue order, then `unanswered`.
    pub fn entries(&self) -> Vec<(String, Value)> {
        let mut entries = Vec::new();
        let mut unanswered = Vec::new();
        for &id in &self.questions {
            match self.answers.get(id) {
                Some(answer) => entries.push((id.to_string(), answer_value(answer))),
                None => unanswered.push(json!(id.as_str())),
            }
        }
        if !unanswered.is_empty() {
            entries.push((UNANSWERED_KEY.to_owned(), Value::Array(unanswered)));
        }
        entries
    }

    /// The table as a value.
    pub fn to_value(&self) -> Map<String, Value> {
        self.entries().into_iter().collect()
    }
}

/// Whether the value says it is an answers file (then [`read`] tells what is wrong with it).
pub fn is_answers_file(value: &Value) -> bool {
    value.get("format").and_then(Value::as_str) == Some(FORMAT)
}

/// The file as a value: the answers given, in catalogue order (with a map that keeps insertion
/// order; a sorted one gives a stable order too).
pub fn to_value(app_key: &str, answers: &Answers) -> Value {
    let mut given = Map::new();
    for question in catalogue::questions() {
        if let Some(answer) = answers.get(question.id).filter(|answer| answer.is_given()) {
            given.insert(question.id.to_string(), answer_value(answer));
        }
    }
    json!({"format": FORMAT, "version": VERSION, "app": app_key, "answers": given})
}

/// One answer as it is written: a choice by its id, text as text, a list as a list.
pub fn answer_value(answer: &Answer) -> Value {
    match answer {
        Answer::Choice(id) => json!(id),
        Answer::Unknown(raw) => json!({ UNKNOWN_KEY: raw }),
        Answer::Text(text) => json!(text),
        Answer::List(items) => json!(items),
        Answer::Flag(ticked) => json!(ticked),
        Answer::DaysRange { min, max } => json!({"min": min, "max": max}),
        Answer::ThirdParties(parties) => parties
            .iter()
            .map(|party| {
                json!({"name": party.name, "domain": party.domain, "countries": party.countries, "purpose": party.purpose})
            })
            .collect(),
        Answer::Certifications { picked, other } => json!({"picked": picked, "other": other}),
    }
}

/// The file's app and answers, or every problem found, each naming the key or value and what
/// is allowed there.
pub fn read(value: &Value) -> Result<AnswersFile, Vec<String>> {
    let mut problems = Vec::new();
    let Some(top) = value.as_object() else {
        return Err(vec!["An answers file is a table of format, version, app and answers.".to_owned()]);
    };
    unknown_keys(top, TOP_KEYS, "at the top of the file", &mut problems);
    match top.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(newer) if newer > VERSION => problems.push(format!(
            "This answers file is of version {newer}; this privacy-tab reads version {VERSION}: update privacy-tab."
        )),
        _ => problems.push(format!("Give the version of the format: version = {VERSION}.")),
    }
    let app_key = match top.get("app") {
        None => String::new(),
        Some(Value::String(app)) => app.clone(),
        Some(_) => {
            problems.push("app must be text: the app key (or product ID) the answers are for.".to_owned());
            String::new()
        }
    };
    let mut answers = Answers::new();
    match top.get("answers") {
        None => {}
        Some(Value::Object(given)) => read_answers(given, "answers", &[], &mut answers, &mut problems),
        Some(_) => problems.push("answers must be a table of question ids and their answers.".to_owned()),
    }
    let as_approved = match top.get("as_approved") {
        None => None,
        Some(Value::Object(table)) => Some(read_as_approved(table, &mut problems)),
        Some(_) => {
            problems.push(
                "as_approved must be a table of question ids and their answers as the Marketplace holds them."
                    .to_owned(),
            );
            None
        }
    };
    if problems.is_empty() {
        Ok(AnswersFile { app_key, answers, as_approved })
    } else {
        Err(problems)
    }
}

/// The answers of a table keyed by question id (`extra`: other keys it allows).
fn read_answers(
    table: &Map<String, Value>,
    place: &str,
    extra: &[&str],
    answers: &mut Answers,
    problems: &mut Vec<String>,
) {
    for (key, value) in table.iter().filter(|(key, _)| !extra.contains(&key.as_str())) {
        let Some(question) = catalogue::find(key) else {
            let known: Vec<&str> =
                catalogue::questions().map(|question| question.id.as_str()).chain(extra.iter().copied()).collect();
            problems.push(format!("{place}: “{key}” is not a question id. The ids are: {}.", known.join(", ")));
            continue;
        };
        match answer_of(question, value) {
            Ok(answer) => answers.set(question.id, answer),
            Err(problem) => problems.push(format!("{place}.{key}: {problem}")),
        }
    }
}

fn read_as_approved(table: &Map<String, Value>, problems: &mut Vec<String>) -> AsApproved {
    let mut answers = Answers::new();
    read_answers(table, "as_approved", &[UNANSWERED_KEY], &mut answers, problems);
    let mut covered: Vec<QuestionId> = answers.iter().filter_map(|(id, _)| catalogue::find(id)).map(|q| q.id).collect();
    match table.get(UNANSWERED_KEY).map(texts) {
        None => {}
        Some(Ok(ids)) => {
            for id in ids {
                match catalogue::find(&id) {
                    Some(question) => covered.push(question.id),
                    None => problems.push(format!("as_approved.{UNANSWERED_KEY}: “{id}” is not a question id.")),
                }
            }
        }
        Some(Err(problem)) => problems.push(format!("as_approved.{UNANSWERED_KEY}: {problem} of question ids")),
    }
    let questions = catalogue::questions().map(|question| question.id).filter(|id| covered.contains(id)).collect();
    AsApproved { questions, answers }
}

fn unknown_keys(table: &Map<String, Value>, allowed: &[&str], place: &str, problems: &mut Vec<String>) {
    for key in table.keys().filter(|key| !allowed.contains(&key.as_str())) {
        problems.push(format!("“{key}” is not a key {place}: use {}.", allowed.join(", ")));
    }
}

fn answer_of(question: &Question, value: &Value) -> Result<Answer, String> {
    match question.kind {
        Kind::OneOf(choices) => {
            if let Some(raw) = value.as_object().and_then(|table| table.get(UNKNOWN_KEY)).and_then(Value::as_str) {
                return Ok(Answer::Unknown(raw.to_owned()));
            }
            let picked =
                value.as_str().ok_or_else(|| format!("give one of {}", quoted(choices.iter().map(|c| c.id))))?;
            match choices.iter().find(|choice| choice.id == picked) {
                Some(choice) => Ok(Answer::Choice(choice.id.to_owned())),
                None => {
                    Err(format!("“{picked}” is not one of its responses: use {}", quoted(choices.iter().map(|c| c.id))))
                }
            }
        }
        Kind::Text { .. } | Kind::Link | Kind::Email => Ok(Answer::Text(text(value)?)),
        Kind::List { .. } => Ok(Answer::List(texts(value)?)),
        Kind::Checkbox => value.as_bool().map(Answer::Flag).ok_or_else(|| "give true or false".to_owned()),
        Kind::DaysRange => {
            let table = table_of(value, DAYS_KEYS, "{ min = \"30\", max = \"90\" }")?;
            let days = |key: &str| match table.get(key) {
                None => Ok(String::new()),
                Some(Value::Number(number)) => Ok(number.to_string()),
                Some(Value::String(days)) => Ok(days.clone()),
                Some(_) => Err(format!("{key} is a number of days")),
            };
            Ok(Answer::DaysRange { min: days("min")?, max: days("max")? })
        }
        Kind::ThirdParties => {
            let rows =
                value.as_array().ok_or("give a list of third parties, each { name, domain, countries, purpose }")?;
            let parties = rows
                .iter()
                .enumerate()
                .map(|(index, row)| {
                    let at = |problem: String| format!("third party {}: {problem}", index + 1);
                    let table = table_of(row, PARTY_KEYS, "{ name = …, domain = …, countries = […], purpose = … }")
                        .map_err(at)?;
                    let field = |key: &str| {
                        table
                            .get(key)
                            .map(text)
                            .transpose()
                            .map(Option::unwrap_or_default)
                            .map_err(|e| at(format!("{key}: {e}")))
                    };
                    Ok(ThirdParty {
                        name: field("name")?,
                        domain: field("domain")?,
                        countries: table
                            .get("countries")
                            .map(texts)
                            .transpose()
                            .map_err(|e| at(format!("countries: {e}")))?
                            .unwrap_or_default(),
                        purpose: field("purpose")?,
                    })
                })
                .collect::<Result<Vec<_>, String>>()?;
            Ok(Answer::ThirdParties(parties))
        }
        Kind::Certifications { options } => {
            let table = table_of(value, CERTIFICATION_KEYS, "{ picked = [\"SOC2\"], other = \"\" }")?;
            let picked = table.get("picked").map(texts).transpose()?.unwrap_or_default();
            if let Some(unknown) = picked.iter().find(|picked| !options.contains(&picked.as_str())) {
                return Err(format!(
                    "“{unknown}” is not a certification to pick: use {} (others go in other)",
                    quoted(options.iter().copied())
                ));
            }
            let other = table.get("other").map(text).transpose()?.unwrap_or_default();
            Ok(Answer::Certifications { picked, other })
        }
        Kind::Provided => Err("Atlassian supplies this answer: remove it from the file".to_owned()),
    }
}

fn table_of<'v>(value: &'v Value, allowed: &[&str], example: &str) -> Result<&'v Map<String, Value>, String> {
    let table = value.as_object().ok_or_else(|| format!("give a table like {example}"))?;
    if let Some(key) = table.keys().find(|key| !allowed.contains(&key.as_str())) {
        return Err(format!("“{key}” is not a key here: use {}", allowed.join(", ")));
    }
    Ok(table)
}

fn text(value: &Value) -> Result<String, String> {
    value.as_str().map(str::to_owned).ok_or_else(|| "give text, in quotes".to_owned())
}

fn texts(value: &Value) -> Result<Vec<String>, String> {
    value.as_array().ok_or("give a list, like [\"one\", \"two\"]")?.iter().map(text).collect()
}

fn quoted<'a>(values: impl Iterator<Item = &'a str>) -> String {
    values.map(|value| format!("“{value}”")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::ids;
    use crate::sample;

    #[test]
    fn every_sample_reads_back_as_written() {
        for n in 0..4 {
            let answers = sample::complete(n);
            let file = read(&to_value("com.example.app", &answers)).unwrap();
            assert_eq!(file.app_key, "com.example.app");
            let given: Vec<_> = answers.iter().filter(|(_, answer)| answer.is_given()).collect();
            let read_back: Vec<_> = file.answers.iter().collect();
            assert_eq!(read_back, given, "sample {n}");
        }
    }

    #[test]
    fn unknown_keys_and_values_are_named_with_what_is_allowed() {
        let mut value = to_value("k", &sample::complete(1));
        value["answers"]["disk_encrpytion"] = json!("yes");
        value["answers"][ids::STORES_EUD.as_str()] = json!("Yes");
        value["colour"] = json!("blue");
        let problems = read(&value).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.contains("“disk_encrpytion” is not a question id")
                    && p.contains(ids::DISK_ENCRYPTION.as_str())),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("“Yes” is not one of its responses: use “yes”, “no”")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("“colour” is not a key at the top of the file: use format, version, app, answers")),
            "{problems:?}"
        );
    }

    #[test]
    fn the_as_approved_table_reads_back_and_is_read_strictly() {
        let mut pulled = sample::complete(1);
        pulled.set(ids::DISK_ENCRYPTION, Answer::Choice(crate::catalogue::ids::choice::NO.into()));
        pulled.set(ids::HAS_DPA, Answer::Choice(crate::catalogue::ids::choice::YES.into()));
        pulled.clear(ids::DPA_LINK);
        let table = AsApproved::of(&pulled).expect("problems approved");
        assert!(table.questions.contains(&ids::DPA_LINK) && table.answers.get(ids::DPA_LINK).is_none());
        assert_eq!(AsApproved::of(&sample::complete(2)), None, "no problem, no table");

        let mut value = to_value("k", &pulled);
        value["as_approved"] = Value::Object(table.to_value());
        assert_eq!(value["as_approved"][UNANSWERED_KEY], json!([ids::DPA_LINK.as_str()]));
        let file = read(&value).unwrap();
        assert_eq!(file.as_approved.as_ref(), Some(&table));
        let held = table.held(&file.answers);
        assert!(held::are_as_held(&[ids::STORES_EUD, ids::DISK_ENCRYPTION], &file.answers, &held));

        value["as_approved"]["disk_encrpytion"] = json!("no");
        value["as_approved"][UNANSWERED_KEY] = json!(["dpa_lnk"]);
        let problems = read(&value).unwrap_err();
        assert!(
            problems.iter().any(|p| p.starts_with("as_approved: “disk_encrpytion” is not a question id")
                && p.contains(ids::DISK_ENCRYPTION.as_str())
                && p.contains(UNANSWERED_KEY)),
            "{problems:?}"
        );
        assert!(problems.iter().any(|p| p.contains("as_approved.unanswered: “dpa_lnk” is not a question id")));
    }
}
