//! The answers file made for hand editing, as TOML: comments allowed, one answer a line keyed
//! by question id in catalogue order, each with its label (and the responses to pick from) in
//! a comment above it. The content is `questionnaire::answers_file`'s; this file only writes
//! and reads TOML.

use questionnaire::answers_file::{answer_value, AsApproved, FORMAT, VERSION};
use questionnaire::catalogue::{self, Kind};
use questionnaire::Answers;
use serde_json::Value;

/// The file for `app_key`'s answers; `as_approved`, for a pulled record whose answers have
/// problems the Marketplace approved, the answers they are about as it holds them.
pub fn render(app_key: &str, answers: &Answers, as_approved: Option<&AsApproved>) -> String {
    let mut out = format!(
        "# The Privacy & Security answers of {app_key}, for hand editing. `privacy-tab check FILE` checks them\n\
         # and names any key or value it does not know; `privacy-tab diff` shows what publishing would change.\n\
         format = \"{FORMAT}\"\nversion = {VERSION}\napp = {}\n\n[answers]\n",
        string(app_key)
    );
    for question in catalogue::questions() {
        let Some(answer) = answers.get(question.id).filter(|answer| answer.is_given()) else { continue };
        let hint = match question.kind {
            Kind::OneOf(choices) => {
                let ids: Vec<String> = choices.iter().map(|choice| string(choice.id)).collect();
                format!(" (one of {})", ids.join(", "))
            }
            _ => String::new(),
        };
        out.push_str(&format!(
            "# {}{hint}\n{} = {}\n",
            question.listing_label,
            question.id,
            inline(&answer_value(answer))
        ));
    }
    if let Some(as_approved) = as_approved {
        out.push_str(
            "\n# As the Marketplace approved them: the answers its problems above are about, for `check` alone.\n\
             # While [answers] still says the same, those problems are warnings; change one and they are yours.\n\
             [as_approved]\n",
        );
        for (key, value) in as_approved.entries() {
            out.push_str(&format!("{key} = {}\n", inline(&value)));
        }
    }
    out
}

/// The TOML text as the JSON value `answers_file::read` takes.
pub fn parse(text: &str) -> Result<Value, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| format!("not a TOML file: {}", e.to_string().trim()))?;
    serde_json::to_value(table).map_err(|e| format!("not an answers file: {e}"))
}

fn string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// A value on one line (an array of third parties, one a line).
fn inline(value: &Value) -> String {
    match value {
        Value::String(text) => string(text),
        Value::Array(items) if items.iter().any(Value::is_object) => {
            let rows: Vec<String> = items.iter().map(|item| format!("  {},\n", inline(item))).collect();
            format!("[\n{}]", rows.concat())
        }
        Value::Array(items) => format!("[{}]", items.iter().map(inline).collect::<Vec<_>>().join(", ")),
        Value::Object(table) => {
            let pairs: Vec<String> = table.iter().map(|(key, value)| format!("{key} = {}", inline(value))).collect();
            format!("{{ {} }}", pairs.join(", "))
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use questionnaire::answers_file::read;
    use questionnaire::sample;

    use super::*;

    #[test]
    fn every_sample_reads_back_from_its_toml() {
        for n in 0..4 {
            let answers = sample::complete(n);
            let text = render("com.example.app", &answers, None);
            let file = read(&parse(&text).unwrap()).unwrap_or_else(|problems| panic!("{problems:?}\n{text}"));
            let given: Vec<_> = answers.iter().filter(|(_, answer)| answer.is_given()).collect();
            assert_eq!(file.answers.iter().collect::<Vec<_>>(), given, "{text}");
        }
    }

    #[test]
    fn the_as_approved_table_reads_back_from_its_toml() {
        use questionnaire::catalogue::ids::{self, choice};
        let mut pulled = sample::complete(1);
        pulled.set(ids::DISK_ENCRYPTION, questionnaire::Answer::Choice(choice::NO.into()));
        pulled.set(ids::HAS_DPA, questionnaire::Answer::Choice(choice::YES.into()));
        pulled.clear(ids::DPA_LINK);
        let table = AsApproved::of(&pulled);
        let text = render("com.example.app", &pulled, table.as_ref());
        let file = read(&parse(&text).unwrap()).unwrap_or_else(|problems| panic!("{problems:?}\n{text}"));
        assert_eq!(file.as_approved, table, "{text}");
        let approved = text.split_once("[as_approved]\n").expect("the table").1;
        assert_eq!(
            approved,
            "stores_eud = \"yes\"\nhas_dpa = \"yes\"\ndisk_encryption = \"no\"\nunanswered = [\"dpa_link\"]\n",
            "{text}"
        );
    }
}
