//! Writing a file the partner named with `-o`: never over an existing file unless `--force`
//! says so, never through a symbolic link, and all at once (a temporary file beside it, then a
//! rename), so an interrupted write leaves the old file or the new one, never half of one.

use std::io::Write;
use std::path::Path;

/// Whether `path` may be written, said before any work is done for it.
pub fn check_destination(path: &Path, force: bool) -> Result<(), String> {
    let shown = path.display();
    if let Ok(existing) = std::fs::symlink_metadata(path) {
        if existing.file_type().is_symlink() {
            return Err(format!(
                "{shown} is a symbolic link: privacy-tab does not write through one. Give the path of the file itself."
            ));
        }
        if existing.is_dir() {
            return Err(format!("{shown} is a folder: give the path of a file."));
        }
        if !force {
            return Err(format!("{shown} already exists: pass --force to replace it, or give another path."));
        }
    }
    Ok(())
}

/// Writes `text` to `path`, or says why not and what to do.
pub fn write_file(path: &Path, text: &str, force: bool) -> Result<(), String> {
    check_destination(path, force)?;
    let shown = path.display();
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let cannot = |e: std::io::Error| format!("{shown}: cannot be written ({e}).");
    let mut temporary = tempfile::Builder::new().prefix(".privacy-tab-").tempfile_in(folder).map_err(cannot)?;
    temporary.write_all(text.as_bytes()).map_err(cannot)?;
    temporary.as_file().sync_all().map_err(cannot)?;
    make_readable_by_others(temporary.path()).map_err(cannot)?;
    if force {
        // A rename replaces the directory entry; a link put there meanwhile is replaced, not followed.
        temporary.persist(path).map_err(|e| cannot(e.error))?;
    } else {
        // Fails if the file appeared since it was looked for.
        temporary.persist_noclobber(path).map_err(|e| cannot(e.error))?;
    }
    Ok(())
}

/// The temporary file is created for its owner only; the answers file is kept in a repository,
/// readable as any file written by an editor.
#[cfg(unix)]
fn make_readable_by_others(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn make_readable_by_others(_: &Path) -> std::io::Result<()> {
    Ok(())
}
