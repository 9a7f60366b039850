//! The retention period: two whole numbers of days, minimum first.

use super::{FieldError, FieldPart};
use crate::catalogue::{ids, limits::MAX_DAYS, question, QuestionId};

pub(super) fn check(id: QuestionId, min: &str, max: &str, errors: &mut Vec<FieldError>) {
    let min_days = parse(id, FieldPart::Min, "minimum", 0, min, errors);
    let max_days = parse(id, FieldPart::Max, "maximum", 30, max, errors);
    if let (Some(min_days), Some(max_days)) = (min_days, max_days) {
        if min_days > max_days {
            errors.push(FieldError::at(
                id,
                FieldPart::Max,
                format!("The maximum ({max_days} days) is less than the minimum ({min_days} days): make the maximum at least as large."),
            ));
        }
    }
}

fn parse(
    id: QuestionId,
    part: FieldPart,
    which: &str,
    example: u32,
    typed: &str,
    errors: &mut Vec<FieldError>,
) -> Option<u32> {
    let typed = typed.trim();
    let problem = if typed.is_empty() {
        format!("Enter the {which} number of days, like {example}.")
    } else if typed.strip_prefix('-').is_some_and(|rest| is_decimal(rest.trim())) {
        format!("The {which} can't be negative: enter 0 or more days.")
    } else if !typed.bytes().all(|b| b.is_ascii_digit()) {
        format!("Enter the {which} number of days as a whole number, like {example}.")
    } else {
        match typed.parse::<u32>() {
            Ok(days) if days <= MAX_DAYS => return Some(days),
            _ => format!(
                "Enter at most {MAX_DAYS} days (100 years) as the {which}. If there is no limit, tick “{}” instead.",
                question(ids::RETENTION_INDEFINITE).label()
            ),
        }
    };
    errors.push(FieldError::at(id, part, problem));
    None
}

/// `12`, `7.5`, `.5`: enough to tell a negative number from other text. Not `str::parse::<f64>`,
/// whose exact-rounding table alone is 10 KB of the app's download that brotli cannot shrink.
fn is_decimal(text: &str) -> bool {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    !(whole.is_empty() && fraction.is_empty()) && digits(whole) && digits(fraction)
}
