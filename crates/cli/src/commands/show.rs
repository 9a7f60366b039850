//! `privacy-tab show FILE`: the tab as customers will read it, in the words of the app's
//! preview (`src/preview/`): each row's label, then the answer, a yes/no answer followed by
//! what it means for customers, an unanswered one as "Response not provided by the partner".

use std::path::PathBuf;

use questionnaire::catalogue::View;
use questionnaire::listing::{rows_by_section, ListedThirdParty, ListingValue};
use questionnaire::statements::statements;

use crate::files;
use crate::outcome::{Ended, Outcome};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A draft export, draft or API body
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Every question, as the tab's expanded view shows them (default: the default view)
    #[arg(long)]
    expanded: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    /// For a pull-request comment
    Markdown,
}

/// The third-party details as the preview labels them.
const DOMAIN: &str = "Domain";
const STORES_DATA_IN: &str = "Stores data in";
const PURPOSE: &str = "Purpose";

pub fn run(args: Args) -> Ended {
    let loaded = files::load(&args.file)?;
    let answers = &loaded.draft.answers;
    let view = if args.expanded { View::Expanded } else { View::Default };
    let sentences = statements(answers);
    let markdown = args.format == Format::Markdown;
    let view_name = if args.expanded { "expanded view" } else { "default view" };
    let mut out = String::new();
    out.push_str(&if markdown {
        format!("## Privacy & Security ({view_name})\n")
    } else {
        format!("Privacy & Security ({view_name})\n")
    });
    for (section, rows) in rows_by_section(answers, view) {
        out.push('\n');
        out.push_str(&if markdown { format!("### {}\n", section.title) } else { format!("== {} ==\n", section.title) });
        for row in rows {
            let statement = sentences.get(&row.question.id).copied();
            if markdown {
                out.push_str(&format!("\n**{}**  \n", escape(row.label)));
                out.push_str(&markdown_value(&row.value, statement));
            } else {
                out.push_str(&format!("\n{}\n", row.label));
                out.push_str(&text_value(&row.value, statement));
            }
        }
    }
    print!("{out}");
    Ok(Outcome::Done)
}

/// The answer, and for a yes/no answer the sentence on a line of its own, as the preview
/// sets it (`.statement` is a block).
fn with_statement(text: &str, statement: Option<&str>) -> Vec<String> {
    std::iter::once(text.to_owned()).chain(statement.map(str::to_owned)).collect()
}

fn text_value(value: &ListingValue, statement: Option<&str>) -> String {
    const INDENT: &str = "    ";
    match value {
        ListingValue::Text(text) => {
            with_statement(text, statement).iter().map(|line| format!("{INDENT}{line}\n")).collect()
        }
        ListingValue::List(items) if !items.is_empty() => {
            items.iter().map(|item| format!("{INDENT}- {item}\n")).collect()
        }
        ListingValue::ThirdParties(parties) if !parties.is_empty() => parties
            .iter()
            .map(|party| {
                let mut lines = format!("{INDENT}- {}\n", party.name);
                for (label, detail) in details(party) {
                    lines.push_str(&format!("{INDENT}  {label}: {detail}\n"));
                }
                lines
            })
            .collect(),
        // Links, e-mail addresses, "not provided" and Atlassian's own: one line, as the
        // preview's plain reading gives it.
        other => format!("{INDENT}{}\n", other.to_plain()),
    }
}

fn markdown_value(value: &ListingValue, statement: Option<&str>) -> String {
    match value {
        ListingValue::Text(text) => {
            with_statement(text, statement).iter().map(|line| escape(line)).collect::<Vec<_>>().join("  \n") + "\n"
        }
        ListingValue::List(items) if !items.is_empty() => {
            items.iter().map(|item| format!("- {}\n", escape(item))).collect()
        }
        ListingValue::ThirdParties(parties) if !parties.is_empty() => parties
            .iter()
            .map(|party| {
                let mut lines = format!("- {}\n", escape(&party.name));
                for (label, detail) in details(party) {
                    lines.push_str(&format!("  - {label}: {}\n", escape(&detail)));
                }
                lines
            })
            .collect(),
        ListingValue::NotProvided | ListingValue::ProvidedByAtlassian => {
            format!("_{}_\n", value.to_plain())
        }
        // An autolink: escaping inside a URL would change it. Only http(s) links get here.
        ListingValue::Link { href, .. } if !href.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') => {
            format!("<{href}>\n")
        }
        other => format!("{}\n", escape(&other.to_plain())),
    }
}

/// A third party's details that are given, blank ones left out as the preview leaves them.
fn details(party: &ListedThirdParty) -> Vec<(&'static str, String)> {
    [(DOMAIN, party.domain.clone()), (STORES_DATA_IN, party.countries.join(", ")), (PURPOSE, party.purpose.clone())]
        .into_iter()
        .filter(|(_, detail)| !detail.is_empty())
        .collect()
}

/// Partner-typed text as literal Markdown: no emphasis, links, headings or HTML of its own.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '&' => escaped.push_str("&amp;"),
            '\n' | '\r' => escaped.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                escaped.push('\\');
                escaped.push(c);
            }
            _ => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn partner_text_cannot_become_markup() {
        assert_eq!(escape("**x** <script> [a](b) | #1"), r"\*\*x\*\* &lt;script&gt; \[a\](b) \| \#1");
    }
}
