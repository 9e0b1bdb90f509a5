//! What a run without paths generates: the project's own spec and directories, which its
//! `Cargo.toml` names, found from the current directory upward as Cargo finds a workspace.
//!
//! ```toml
//! [workspace.metadata.dactylo-codegen]   # or [package.metadata.dactylo-codegen]
//! spec = "spec/resolution-939.yaml"
//! out = "generated"
//! cases = "tests/compile-fail"
//! ```
//!
//! Paths are relative to the directory of that `Cargo.toml`. Nothing depends on where the binary
//! was built: an installed `dactylo-codegen` reads the project it is run in.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The key under `[package.metadata]` or `[workspace.metadata]` that holds the configuration.
pub(crate) const KEY: &str = "dactylo-codegen";

/// A project's configuration, its paths resolved against its `Cargo.toml`'s directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Project {
    /// The directory of the `Cargo.toml` that configures it.
    pub(crate) root: PathBuf,
    pub(crate) spec: PathBuf,
    pub(crate) out: PathBuf,
    pub(crate) cases: Option<PathBuf>,
    /// Where this repository keeps the generator's table of its records crate's composites:
    /// only the repository of `dactylo-codegen` needs one.
    pub(crate) composites_table: Option<PathBuf>,
}

/// Why a project's configuration cannot be used.
#[derive(Debug)]
pub(crate) struct ConfigError {
    pub(crate) manifest: PathBuf,
    pub(crate) reason: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{}: [package.metadata.{KEY}] or [workspace.metadata.{KEY}] cannot be used: {}",
            self.manifest.display(),
            self.reason
        )
    }
}

#[derive(Deserialize)]
struct Manifest {
    package: Option<Section>,
    workspace: Option<Section>,
}

#[derive(Deserialize)]
struct Section {
    metadata: Option<Metadata>,
}

#[derive(Deserialize)]
struct Metadata {
    #[serde(rename = "dactylo-codegen")]
    codegen: Option<Config>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    spec: PathBuf,
    out: PathBuf,
    cases: Option<PathBuf>,
    upkeep: Option<Upkeep>,
}

/// What only this repository writes with the generator, beside its crate.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Upkeep {
    composites_table: Option<PathBuf>,
}

impl Project {
    /// The project of the first `Cargo.toml` at or above `dir` that configures the generator, if
    /// any. A manifest that does not parse as TOML is passed over, as Cargo would report it.
    pub(crate) fn discover(dir: &Path) -> Result<Option<Project>, ConfigError> {
        for root in dir.ancestors() {
            let manifest = root.join("Cargo.toml");
            let Ok(text) = fs::read_to_string(&manifest) else {
                continue;
            };
            if let Some(project) = Project::read(root, &manifest, &text)? {
                return Ok(Some(project));
            }
        }
        Ok(None)
    }

    fn read(root: &Path, manifest: &Path, text: &str) -> Result<Option<Project>, ConfigError> {
        // Only the generator's own table is read strictly; the rest of the manifest is Cargo's.
        let Ok(parsed) = toml::from_str::<toml::Table>(text) else {
            return Ok(None);
        };
        let configured = ["package", "workspace"].into_iter().any(|section| {
            parsed
                .get(section)
                .and_then(|section| section.get("metadata"))
                .and_then(|metadata| metadata.get(KEY))
                .is_some()
        });
        if !configured {
            return Ok(None);
        }
        let manifest_error = |reason: String| ConfigError {
            manifest: manifest.to_owned(),
            reason,
        };
        let parsed: Manifest =
            toml::from_str(text).map_err(|error| manifest_error(error.message().to_owned()))?;
        let configs: Vec<Config> = [parsed.package, parsed.workspace]
            .into_iter()
            .flatten()
            .filter_map(|section| section.metadata?.codegen)
            .collect();
        let [config] = <[Config; 1]>::try_from(configs).map_err(|_| {
            manifest_error("both the package and the workspace configure it: keep one".to_owned())
        })?;
        let resolve = |path: PathBuf| root.join(path);
        Ok(Some(Project {
            root: root.to_owned(),
            spec: resolve(config.spec),
            out: resolve(config.out),
            cases: config.cases.map(resolve),
            composites_table: config
                .upkeep
                .and_then(|upkeep| upkeep.composites_table)
                .map(resolve),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, text: &str) {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join("Cargo.toml"), text).unwrap();
    }

    #[test]
    fn the_nearest_configured_manifest_is_found_from_below() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            "[workspace]\nmembers = [\"member\"]\n\n[workspace.metadata.dactylo-codegen]\n\
             spec = \"spec/a.yaml\"\nout = \"generated\"\ncases = \"tests/cases\"\n",
        );
        write(&root.join("member"), "[package]\nname = \"member\"\n");
        let nested = root.join("member/src/deep");
        fs::create_dir_all(&nested).unwrap();
        let project = Project::discover(&nested).unwrap().unwrap();
        assert_eq!(project.root, root);
        assert_eq!(project.spec, root.join("spec/a.yaml"));
        assert_eq!(project.cases, Some(root.join("tests/cases")));
        assert_eq!(project.composites_table, None);
    }

    #[test]
    fn no_configuration_is_no_project_and_a_bad_one_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "[package]\nname = \"plain\"\n");
        assert_eq!(Project::discover(dir.path()).unwrap(), None);
        write(
            dir.path(),
            "[package.metadata.dactylo-codegen]\nspec = \"a.yaml\"\nout = \"x\"\nouts = \"y\"\n",
        );
        let error = Project::discover(dir.path()).unwrap_err();
        assert!(error.reason.contains("unknown field `outs`"), "{error}");
        write(
            dir.path(),
            "[package.metadata.dactylo-codegen]\nspec = \"a.yaml\"\n",
        );
        let error = Project::discover(dir.path()).unwrap_err();
        assert!(error.reason.contains("missing field `out`"), "{error}");
    }
}
