//! The .gz and .br copies a host serves instead of compressing per request (nginx's
//! gzip_static, Netlify, Cloudflare Pages, the stand-in).

use std::io::Write;
use std::path::Path;

use brotlic::{BrotliEncoderOptions, CompressionMode, CompressorWriter, Quality, WindowSize};
use flate2::write::GzEncoder;
use flate2::Compression;

/// Extensions worth compressing.
pub const COMPRESSIBLE: [&str; 10] = ["html", "js", "mjs", "css", "wasm", "json", "svg", "txt", "map", "ico"];

/// A file's size as served: as it is, gzip'd, brotli'd (a copy that is not smaller is not
/// written, and the file is served as it is).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

pub fn is_compressible(file: &str) -> bool {
    file.rsplit_once('.').is_some_and(|(_, extension)| COMPRESSIBLE.contains(&extension))
}

/// Gzip at its best level.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// Brotli at its best quality and largest window, in text mode for text.
pub fn brotli(bytes: &[u8], text: bool) -> Vec<u8> {
    let encoder = BrotliEncoderOptions::new()
        .quality(Quality::best())
        .window_size(WindowSize::best())
        .mode(if text { CompressionMode::Text } else { CompressionMode::Generic })
        .size_hint(u32::try_from(bytes.len()).unwrap_or(u32::MAX))
        .build()
        .expect("valid brotli settings");
    let mut writer = CompressorWriter::with_encoder(encoder, Vec::new());
    writer.write_all(bytes).expect("compressing in memory");
    writer.into_inner().expect("compressing in memory")
}

/// Writes `path.gz` and `path.br` where they are smaller than `path`; returns the sizes served.
pub fn write_copies(path: &Path) -> std::io::Result<Sizes> {
    let bytes = std::fs::read(path)?;
    let raw = bytes.len() as u64;
    let mut sizes = Sizes { raw, gzip: raw, brotli: raw };
    let text = path.extension().is_none_or(|extension| extension != "wasm");
    let gz = gzip(&bytes);
    if (gz.len() as u64) < raw {
        std::fs::write(format!("{}.gz", path.display()), &gz)?;
        sizes.gzip = gz.len() as u64;
    }
    let br = brotli(&bytes, text);
    if (br.len() as u64) < raw {
        std::fs::write(format!("{}.br", path.display()), &br)?;
        sizes.brotli = br.len() as u64;
    }
    Ok(sizes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn the_copies_decompress_to_the_original() {
        let dir = std::env::temp_dir().join(format!("privacy-tab-bundle-compress-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("page.html");
        let original = "<p>Privacy &amp; Security tab</p>\n".repeat(200);
        std::fs::write(&path, &original).unwrap();
        let sizes = write_copies(&path).unwrap();

        let mut gunzipped = String::new();
        flate2::read::GzDecoder::new(&std::fs::read(dir.join("page.html.gz")).unwrap()[..])
            .read_to_string(&mut gunzipped)
            .unwrap();
        assert_eq!(gunzipped, original);
        let mut unbrotlied = String::new();
        brotlic::DecompressorReader::new(&std::fs::read(dir.join("page.html.br")).unwrap()[..])
            .read_to_string(&mut unbrotlied)
            .unwrap();
        assert_eq!(unbrotlied, original);
        assert_eq!(sizes.raw, original.len() as u64);
        assert!(sizes.brotli < sizes.gzip && sizes.gzip < sizes.raw, "{sizes:?}");
        assert_eq!(sizes.brotli, std::fs::metadata(dir.join("page.html.br")).unwrap().len());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A host serves a copy only if it exists: one that is not smaller is not written.
    #[test]
    fn a_copy_that_is_not_smaller_is_not_written() {
        let dir = std::env::temp_dir().join(format!("privacy-tab-bundle-tiny-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.txt");
        std::fs::write(&path, "a").unwrap();
        assert_eq!(write_copies(&path).unwrap(), Sizes { raw: 1, gzip: 1, brotli: 1 });
        assert!(!dir.join("a.txt.gz").exists() && !dir.join("a.txt.br").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn text_and_wasm_are_compressible_routing_files_are_not() {
        assert!(
            is_compressible("widget/index.html") && is_compressible("app_bg.wasm") && is_compressible("robots.txt")
        );
        assert!(!is_compressible("_headers") && !is_compressible("_redirects") && !is_compressible("a.png"));
    }
}
