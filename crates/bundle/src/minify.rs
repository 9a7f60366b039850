//! Minifies the JS Trunk wrote (wasm-bindgen's glue keeps its comments, long names and spacing:
//! a third of it, by Lighthouse's count; the widget's loader shim), in place, with terser
//! (scripts/setup installs it into .tools/).
//!
//! Not Trunk's own `minify`: Trunk 0.21.14 minifies JS with minify-js 0.5.6, which cannot parse
//! wasm-bindgen 0.2.130's glue (`export { initSync, __wbg_init as default }`: "RequiredTokenNotFound
//! (Identifier) around default"), and then copies it unminified with only a warning: 75 KB
//! instead of 34 KB, over the size budget.

use std::path::Path;
use std::process::{Command, Stdio};

/// Minifies every `.js`/`.mjs` file directly in `dir`, as ES modules (exports, imports and
/// `import.meta.url` stay as they are).
pub fn scripts_in(dir: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut scripts: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.is_file() && path.extension().is_some_and(|extension| extension == "js" || extension == "mjs")
        })
        .collect();
    scripts.sort();
    for path in scripts {
        let status = Command::new("terser")
            .arg(&path)
            .args(["--module", "--compress", "--mangle", "--output"])
            .arg(&path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status()
            .map_err(|e| format!("cannot run terser ({e}): run scripts/setup, then `. scripts/lib/env.sh`"))?;
        if !status.success() {
            return Err(format!("terser could not minify {}", path.display()));
        }
    }
    Ok(())
}
