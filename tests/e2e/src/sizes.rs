//! What a browser downloads for each page of the bundle: the files scripts/build listed in
//! `dist-hosting/bundle.json`, measured on disk (`x`, `x.gz`, `x.br` as a host serves them).

use std::path::Path;

use serde_json::{json, Value};

pub struct FileSize {
    pub file: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
    /// Downloaded before a partner can answer (bundle.json's `beforeInput`: the page and its
    /// stylesheets when the form is prerendered). `None` when the build does not say.
    pub before_input: Option<bool>,
}

pub struct PageSizes {
    /// `app`, or the name of another page (the widget's).
    pub name: String,
    pub html: String,
    pub files: Vec<FileSize>,
}

impl PageSizes {
    pub fn total(&self) -> FileSize {
        sum("total", self.files.iter())
    }

    /// What arrives before the page takes input, when the build says; else everything.
    pub fn first_load(&self) -> FileSize {
        if self.files.iter().all(|f| f.before_input.is_none()) {
            return sum("first load", self.files.iter());
        }
        sum("first load", self.files.iter().filter(|f| f.before_input == Some(true)))
    }

    pub fn to_json(&self) -> Value {
        let file = |f: &FileSize| json!({ "file": f.file, "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli });
        json!({ "page": self.name, "html": self.html, "files": self.files.iter().map(file).collect::<Vec<_>>(),
                "firstLoad": file(&self.first_load()), "total": file(&self.total()) })
    }
}

fn sum<'a>(name: &str, files: impl Iterator<Item = &'a FileSize> + Clone) -> FileSize {
    FileSize {
        file: name.into(),
        raw: files.clone().map(|f| f.raw).sum(),
        gzip: files.clone().map(|f| f.gzip).sum(),
        brotli: files.map(|f| f.brotli).sum(),
        before_input: None,
    }
}

pub fn read(root: &Path) -> Result<Vec<PageSizes>, String> {
    let manifest = root.join("dist-hosting/bundle.json");
    let text = std::fs::read_to_string(&manifest)
        .map_err(|e| format!("cannot read {} ({e}): build with scripts/build", manifest.display()))?;
    let bundle: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let dist = root.join("dist");
    let size = |name: &str| std::fs::metadata(dist.join(name)).map(|m| m.len()).ok();
    let mut pages = Vec::new();
    for page in bundle["pages"].as_array().ok_or("bundle.json has no pages")? {
        let mut files = Vec::new();
        for entry in page["files"].as_array().ok_or("a page without files")? {
            let file = entry["file"].as_str().ok_or("a file without a name")?.to_owned();
            let raw = size(&file).ok_or_else(|| format!("dist/{file} is missing: rebuild with scripts/build"))?;
            // Without a compressed twin (not smaller), the host sends the file as it is.
            let gzip = size(&format!("{file}.gz")).unwrap_or(raw);
            let brotli = size(&format!("{file}.br")).unwrap_or(raw);
            files.push(FileSize { file, raw, gzip, brotli, before_input: entry["beforeInput"].as_bool() });
        }
        pages.push(PageSizes {
            name: page["name"].as_str().unwrap_or("?").to_owned(),
            html: page["html"].as_str().unwrap_or("?").to_owned(),
            files,
        });
    }
    if pages.is_empty() {
        return Err("bundle.json lists no pages".into());
    }
    Ok(pages)
}

/// `617.6 KB` (1 KB = 1000 bytes, as transfer sizes are usually quoted).
pub fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}
