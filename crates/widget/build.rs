//! The widget's stylesheet, as compiled into it: the app's listing-tab CSS and the widget's
//! own, without comments and runs of white space (a tenth of the widget's download, before
//! this). Only changes that cannot alter a rule: no space is removed around `:` (it would turn
//! `a :hover` into `a:hover`) or inside a quoted string.

use std::path::Path;

const SOURCES: [&str; 2] = ["../../style/listing-tab.css", "../../style/widget.css"];

fn main() {
    let mut css = String::new();
    for source in SOURCES {
        println!("cargo::rerun-if-changed={source}");
        css.push_str(&std::fs::read_to_string(source).expect("the widget's CSS sources are in style/"));
        css.push('\n');
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("widget.css"), compact(&css)).expect("OUT_DIR is writable");
}

/// Comments dropped, white space collapsed to one space, and none kept next to `{`, `}`, `;`
/// or `,`. Quoted strings are copied as they are.
fn compact(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                push_space(&mut out, &mut pending_space, c);
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c {
                        break;
                    }
                }
            }
            c => {
                push_space(&mut out, &mut pending_space, c);
                out.push(c);
            }
        }
    }
    out
}

/// The one space a run of white space leaves, unless punctuation makes it needless. (A
/// comment leaves nothing: in CSS it does not separate tokens either.)
fn push_space(out: &mut String, pending: &mut bool, next: char) {
    let needless = |c: char| matches!(c, '{' | '}' | ';' | ',');
    if std::mem::take(pending) && !out.is_empty() && !needless(next) && !out.ends_with(needless) {
        out.push(' ');
    }
}
