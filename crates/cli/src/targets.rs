//! Which apps a command works on, and each one's answers: one file for the apps named with
//! `--app` and `--apps`, or a manifest (`privacy-tab.toml`) giving each app its own answers, or
//! a shared base with per-app overrides.

use std::path::{Path, PathBuf};

use questionnaire::api_config::ApiVersion;
use questionnaire::wire::from_trust_info;
use questionnaire::Answers;
use serde::Deserialize;
use serde_json::Value;

use crate::endpoint::EndpointArgs;
use crate::files;

/// The manifest read when no file and no `--manifest` are given, as Cargo reads `Cargo.toml`.
pub const MANIFEST_NAME: &str = "privacy-tab.toml";

#[derive(clap::Args, Debug)]
pub struct TargetArgs {
    /// An app key (v2) or product ID (v3); may be given more than once [default: the app the file names]
    #[arg(long, value_name = "KEY", conflicts_with = "manifest")]
    pub app: Vec<String>,
    /// A file of app keys or product IDs, one a line (blank lines and # comments are skipped)
    #[arg(long, value_name = "FILE", conflicts_with = "manifest")]
    pub apps: Option<PathBuf>,
    /// A manifest naming each app and its answers file [default: ./privacy-tab.toml when no FILE is given]
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// How many apps are read or sent at once
    #[arg(long, value_name = "N", default_value_t = crate::parallel::DEFAULT_JOBS)]
    pub jobs: usize,
}

/// One app and the answers meant for it.
pub struct Target {
    pub key: String,
    pub answers: Answers,
    /// Where the answers come from, for messages.
    pub source: String,
    /// The Marketplace record the answers file was pulled from, when it was pulled from this app.
    pub file_base: Option<Value>,
    /// The other app the answers file was made for (an export or draft names its app).
    pub made_for: Option<String>,
    /// The answers of `file_base`: problems in answers still as the Marketplace holds them are warnings.
    pub held: Option<Answers>,
}

pub struct Targets {
    pub list: Vec<Target>,
    /// Whether a manifest named the apps (it binds each app to its answers on purpose).
    pub from_manifest: bool,
}

impl TargetArgs {
    /// The apps and their answers. `endpoint` takes the manifest's API base and version where
    /// the command line gives none.
    pub fn resolve(&self, file: Option<&Path>, endpoint: &mut EndpointArgs) -> Result<Targets, String> {
        let manifest = match (&self.manifest, file) {
            (Some(manifest), None) => Some(manifest.clone()),
            (Some(_), Some(_)) => return Err("Give either FILE or --manifest, not both.".into()),
            (None, None) if Path::new(MANIFEST_NAME).is_file() => Some(PathBuf::from(MANIFEST_NAME)),
            (None, None) => {
                return Err(format!(
                    "No answers to work on: give FILE, or --manifest (or run where {MANIFEST_NAME} is)."
                ))
            }
            (None, Some(_)) => None,
        };
        if let Some(manifest) = manifest {
            return Ok(Targets { list: read_manifest(&manifest, endpoint)?, from_manifest: true });
        }
        let file = file.expect("no manifest, so a file");
        let loaded = files::load(file)?;
        let mut keys = self.app.clone();
        if let Some(path) = &self.apps {
            keys.extend(read_app_list(&files::read_text(path)?));
        }
        if keys.is_empty() && loaded.names_its_app() {
            // The file says which app it was made for (`pull` wrote it so).
            keys.push(loaded.draft.app_key.clone());
        }
        if keys.is_empty() {
            return Err(
                "No app to work on: give --app KEY, --apps with a file that lists app keys, or --manifest.".into()
            );
        }
        let list = keys
            .into_iter()
            .map(|key| {
                let names_its_app = loaded.names_its_app();
                let own = loaded.draft.app_key == key;
                Target {
                    answers: loaded.draft.answers.clone(),
                    source: file.display().to_string(),
                    file_base: loaded.draft.raw_trust_info.clone().filter(|_| own),
                    made_for: (names_its_app && !own).then(|| loaded.draft.app_key.clone()),
                    held: files::held_answers(&loaded).filter(|_| own),
                    key,
                }
            })
            .collect();
        Ok(Targets { list, from_manifest: false })
    }
}

/// Keys, one a line; `#` starts a comment, on a line of its own or after a key.
pub fn read_app_list(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or_default().trim())
        .filter(|key| !key.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `privacy-tab.toml`, strictly: a key it does not know is an error that names it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Manifest {
    api_base: Option<String>,
    api_version: Option<u32>,
    /// The answers every app starts from, unless it names its own.
    base: Option<PathBuf>,
    #[serde(default, rename = "app")]
    apps: Vec<ManifestApp>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestApp {
    /// The app key (v2) or product ID (v3).
    key: String,
    /// This app's whole answers, instead of the base.
    answers: Option<PathBuf>,
    /// Answers that replace the base's (or `answers`'), question by question.
    overrides: Option<PathBuf>,
    /// Questions this app leaves unanswered, by id, whatever the base answers: an override
    /// file can only give answers, never take one away.
    #[serde(default)]
    unanswered: Vec<String>,
}

pub fn read_manifest(path: &Path, endpoint: &mut EndpointArgs) -> Result<Vec<Target>, String> {
    let text = files::read_text(path)?;
    let manifest: Manifest =
        toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), e.to_string().trim()))?;
    if endpoint.api_base.is_none() {
        endpoint.api_base = manifest.api_base.clone();
    }
    if endpoint.api_version.is_none() {
        if let Some(number) = manifest.api_version {
            endpoint.api_version = Some(ApiVersion::parse(&number.to_string()).ok_or_else(|| {
                format!("{}: api-version = {number} is not an API version: use 2 or 3.", path.display())
            })?);
        }
    }
    if manifest.apps.is_empty() {
        return Err(format!("{}: names no app: add an [[app]] table with a key.", path.display()));
    }
    let folder = path.parent().unwrap_or(Path::new(""));
    let base =
        manifest.base.as_ref().map(|base| files::load(&folder.join(base)).map(|loaded| (base, loaded))).transpose()?;
    manifest
        .apps
        .iter()
        .map(|app| {
            let (mut answers, mut source, mut file_base) = match (&app.answers, &base) {
                (Some(own), _) => {
                    let loaded = files::load(&folder.join(own))?;
                    let pulled_from_it = loaded.draft.app_key == app.key;
                    (loaded.draft.answers, own.display().to_string(), loaded.draft.raw_trust_info.filter(|_| pulled_from_it))
                }
                (None, Some((base_path, loaded))) => (loaded.draft.answers.clone(), base_path.display().to_string(), None),
                (None, None) => {
                    return Err(format!(
                        "{}: the app “{}” has no answers: give it answers = \"FILE\", or give the manifest a base = \"FILE\".",
                        path.display(),
                        app.key
                    ))
                }
            };
            if let Some(overrides) = &app.overrides {
                let loaded = files::load(&folder.join(overrides))?;
                for (id, answer) in loaded.draft.answers.iter() {
                    answers.set(id, answer.clone());
                }
                source = format!("{source} + {}", overrides.display());
                file_base = None;
            }
            for id in &app.unanswered {
                let question = questionnaire::catalogue::find(id).ok_or_else(|| {
                    format!(
                        "{}: the app “{}” leaves “{id}” unanswered, but no question has that id: use the ids of an answers file (`privacy-tab pull -o FILE.toml` writes one).",
                        path.display(),
                        app.key
                    )
                })?;
                answers.clear(question.id);
                source = format!("{source} − {id}");
                file_base = None;
            }
            let held = file_base.as_ref().map(from_trust_info);
            Ok(Target { key: app.key.clone(), answers, source, file_base, made_for: None, held })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::read_app_list;

    #[test]
    fn comments_after_a_key_and_a_last_line_without_newline_are_read() {
        let text = "# our apps\ncom.example.a  # the first\n\n  com.example.b\ncom.example.c";
        assert_eq!(read_app_list(text), ["com.example.a", "com.example.b", "com.example.c"]);
    }
}
