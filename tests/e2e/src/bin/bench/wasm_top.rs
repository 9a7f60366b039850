//! What is biggest in a wasm module, like `twiggy top`: the size of every function body, named
//! from the module's name section, and the same grouped by crate.
//!
//! The shipped wasm has no names (wasm-opt drops them), so the benchmark optimises Trunk's
//! wasm-bindgen output again with `wasm-opt -Oz -g` (the same passes, names kept) and reads
//! that; its code section is compared with the shipped one to show they match.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

pub struct Module {
    /// (body size, function name), biggest first.
    pub functions: Vec<(u64, String)>,
    /// Section name (`code`, `data`, a custom section's own name…) → bytes.
    pub sections: BTreeMap<String, u64>,
}

impl Module {
    pub fn code(&self) -> u64 {
        self.sections.get("code").copied().unwrap_or(0)
    }

    /// Bytes of function bodies per crate, biggest first.
    pub fn by_crate(&self) -> Vec<(String, u64)> {
        let mut totals: BTreeMap<String, u64> = BTreeMap::new();
        for (size, name) in &self.functions {
            *totals.entry(crate_of(name)).or_default() += size;
        }
        let mut totals: Vec<(String, u64)> = totals.into_iter().collect();
        totals.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        totals
    }

    pub fn to_json(&self, top: usize) -> Value {
        json!({
            "sections": self.sections,
            "topFunctions": self.functions.iter().take(top).map(|(size, name)| json!({ "bytes": size, "name": name })).collect::<Vec<_>>(),
            "byCrate": self.by_crate().iter().map(|(name, size)| json!({ "crate": name, "bytes": size })).collect::<Vec<_>>(),
        })
    }
}

/// Runs `wasm-opt -Oz -g` on `input` (wasm-bindgen's output) into `output` and reads it.
pub fn named_optimised(input: &Path, output: &Path) -> Result<Module, String> {
    let status = Command::new("wasm-opt")
        .arg("-Oz")
        .arg("-g")
        .arg(input)
        .arg("-o")
        .arg(output)
        .status()
        .map_err(|e| format!("cannot run wasm-opt ({e}): run scripts/setup"))?;
    if !status.success() {
        return Err(format!("wasm-opt failed on {}", input.display()));
    }
    read(output)
}

pub fn read(path: &Path) -> Result<Module, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let byte = *self.bytes.get(self.at).ok_or("unexpected end of module")?;
        self.at += 1;
        Ok(byte)
    }

    fn leb(&mut self) -> Result<u64, String> {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
            if shift > 63 {
                return Err("LEB128 number too long".into());
            }
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let slice = self.bytes.get(self.at..self.at + n).ok_or("unexpected end of module")?;
        self.at += n;
        Ok(slice)
    }

    fn name(&mut self) -> Result<String, String> {
        let len = self.leb()? as usize;
        Ok(String::from_utf8_lossy(self.take(len)?).into_owned())
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        Ok(())
    }
}

fn parse(bytes: &[u8]) -> Result<Module, String> {
    if bytes.get(..4) != Some(b"\0asm") {
        return Err("not a wasm module".into());
    }
    let mut reader = Reader { bytes, at: 8 };
    let mut sections = BTreeMap::new();
    let mut imported_functions = 0u64;
    let mut bodies = Vec::new();
    let mut names = BTreeMap::new();
    while reader.at < bytes.len() {
        let id = reader.byte()?;
        let size = reader.leb()? as usize;
        let start = reader.at;
        let mut body = Reader { bytes: &bytes[..start + size], at: start };
        let label = match id {
            0 => {
                let name = body.name()?;
                if name == "name" {
                    read_function_names(&mut body, &mut names)?;
                }
                name
            }
            2 => {
                imported_functions = count_imported_functions(&mut body)?;
                "import".into()
            }
            10 => {
                for _ in 0..body.leb()? {
                    let header = body.at;
                    let len = body.leb()? as usize;
                    body.take(len)?;
                    bodies.push((body.at - header) as u64);
                }
                "code".into()
            }
            11 => "data".into(),
            other => [
                "custom",
                "type",
                "import",
                "function",
                "table",
                "memory",
                "global",
                "export",
                "start",
                "element",
                "code",
                "data",
                "datacount",
            ]
            .get(other as usize)
            .map_or_else(|| format!("section {other}"), |name| (*name).to_owned()),
        };
        *sections.entry(label).or_insert(0) += size as u64 + 1 + leb_len(size as u64);
        reader.at = start + size;
    }
    let mut functions: Vec<(u64, String)> = bodies
        .into_iter()
        .enumerate()
        .map(|(index, size)| {
            let name =
                names.remove(&(index as u64 + imported_functions)).unwrap_or_else(|| format!("function {index}"));
            (size, name)
        })
        .collect();
    functions.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    Ok(Module { functions, sections })
}

fn leb_len(mut value: u64) -> u64 {
    let mut len = 1;
    while value >= 0x80 {
        value >>= 7;
        len += 1;
    }
    len
}

fn count_imported_functions(reader: &mut Reader) -> Result<u64, String> {
    let mut functions = 0;
    for _ in 0..reader.leb()? {
        reader.name()?;
        reader.name()?;
        match reader.byte()? {
            0 => {
                reader.leb()?;
                functions += 1;
            }
            1 => {
                reader.byte()?;
                reader.limits()?;
            }
            2 => reader.limits()?,
            3 => {
                reader.byte()?;
                reader.byte()?;
            }
            4 => {
                reader.byte()?;
                reader.leb()?;
            }
            kind => return Err(format!("unknown import kind {kind}")),
        }
    }
    Ok(functions)
}

fn read_function_names(reader: &mut Reader, names: &mut BTreeMap<u64, String>) -> Result<(), String> {
    while reader.at < reader.bytes.len() {
        let subsection = reader.byte()?;
        let size = reader.leb()? as usize;
        let end = reader.at + size;
        if subsection == 1 {
            for _ in 0..reader.leb()? {
                let index = reader.leb()?;
                names.insert(index, reader.name()?);
            }
        }
        reader.at = end;
    }
    Ok(())
}

/// The crate a (demangled) function name belongs to: the first `crate::` path in it, so
/// `<f64 as core[1a2b]::fmt::Display>::fmt` is `core` and `<&mut serde_json::de::…>` is
/// `serde_json`.
pub fn crate_of(name: &str) -> String {
    let bytes = name.as_bytes();
    let mut search = 0;
    while let Some(found) = name[search..].find("::") {
        let colon = search + found;
        let mut end = colon;
        // Skip a `[hash]` disambiguator.
        if end > 0 && bytes[end - 1] == b']' {
            if let Some(open) = name[..end].rfind('[') {
                end = open;
            }
        }
        let start = name[..end].rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
        let ident = &name[start..end];
        if !ident.is_empty() && ident.starts_with(|c: char| c.is_ascii_lowercase() || c == '_') {
            return ident.to_owned();
        }
        search = colon + 2;
    }
    "(other)".into()
}

#[cfg(test)]
mod tests {
    use super::crate_of;

    #[test]
    fn crates_of_demangled_names() {
        assert_eq!(
            crate_of("questionnaire::answers::_::<impl serde_core::de::Deserialize for X>::deserialize::h09"),
            "questionnaire"
        );
        assert_eq!(crate_of("<f64 as core[c5930c85a12de822]::fmt::Display>::fmt"), "core");
        assert_eq!(
            crate_of("<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_any::h90"),
            "serde_json"
        );
        assert_eq!(crate_of("<T as tachys::view::any_view::IntoAny>::into_any::rebuild::hd7"), "tachys");
        assert_eq!(crate_of("<char>::escape_debug_ext"), "(other)");
        assert_eq!(crate_of("memcpy"), "(other)");
    }
}
