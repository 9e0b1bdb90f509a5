//! Writing generated files, or checking that the files on disk are what the spec gives.
//!
//! A file is replaced through a temporary file and a rename, so that an interrupted run leaves
//! each file either as it was or as it should be, never half written; and only when its bytes
//! change, so that a regeneration that changes nothing touches nothing.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::layout;

/// The prefix of the temporary files a write goes through.
const TEMPORARY_PREFIX: &str = ".dactylo-";

/// Diff lines shown for a stale file; the rest is counted, not shown.
const DIFF_LINES_SHOWN: usize = 40;

/// A generated file, its path relative to the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Where it goes, relative to the output directory.
    pub path: PathBuf,
    /// What it holds.
    pub contents: String,
}

/// The files generated for one output directory.
///
/// In the subdirectories it owns, a file that begins with the generated marker but that the spec
/// no longer gives is stale: writing removes it, checking reports it.
#[derive(Debug, Clone)]
pub struct Output {
    files: Vec<GeneratedFile>,
    owned_dirs: Vec<PathBuf>,
    companion_extensions: Vec<String>,
}

/// What [`Output::write`] changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files created or replaced, as joined to the output directory.
    pub written: Vec<PathBuf>,
    /// Stale generated files removed.
    pub removed: Vec<PathBuf>,
    /// Files already up to date, left untouched.
    pub unchanged: usize,
}

/// A file on disk that is not what the spec gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stale {
    /// The file differs; `diff` is a short unified diff from disk to the spec's version.
    Differs {
        /// The file, as joined to the output directory.
        path: PathBuf,
        /// The first lines of a unified diff.
        diff: String,
    },
    /// The spec gives the file, but it is not on disk.
    Missing {
        /// The file, as joined to the output directory.
        path: PathBuf,
    },
    /// A generated file the spec no longer gives.
    Orphan {
        /// The file, as joined to the output directory.
        path: PathBuf,
    },
}

impl fmt::Display for Stale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stale::Differs { path, diff } => {
                write!(f, "{} differs from the spec:\n{diff}", path.display())
            }
            Stale::Missing { path } => write!(f, "{} is missing", path.display()),
            Stale::Orphan { path } => {
                write!(
                    f,
                    "{} is generated, but the spec no longer gives it",
                    path.display()
                )
            }
        }
    }
}

impl Output {
    pub(crate) fn new(files: Vec<GeneratedFile>) -> Self {
        Output {
            files,
            owned_dirs: Vec::new(),
            companion_extensions: Vec::new(),
        }
    }

    /// Claims `dir` (relative to the output directory): stale generated files in it go.
    pub(crate) fn owning(mut self, dir: impl Into<PathBuf>) -> Self {
        self.owned_dirs.push(dir.into());
        self
    }

    /// Files with the same stem and this extension go with a stale file (a compile-fail case's
    /// `.stderr` snapshot goes with the case).
    pub(crate) fn with_companions(mut self, extension: &str) -> Self {
        self.companion_extensions.push(extension.to_owned());
        self
    }

    /// The generated files.
    pub fn files(&self) -> &[GeneratedFile] {
        &self.files
    }

    /// Writes every file that differs under `root`, then removes stale generated files.
    ///
    /// # Errors
    ///
    /// [`Error::Read`] or [`Error::Write`] when the file system refuses; files written before
    /// the failure are complete.
    pub fn write(&self, root: &Path) -> Result<WriteReport, Error> {
        let mut report = WriteReport::default();
        for file in &self.files {
            let path = root.join(&file.path);
            if read_if_present(&path)?.as_deref() == Some(file.contents.as_bytes()) {
                report.unchanged += 1;
            } else {
                write_atomically(&path, file.contents.as_bytes()).map_err(|source| {
                    Error::Write {
                        path: path.clone(),
                        source,
                    }
                })?;
                report.written.push(path);
            }
        }
        for path in self.orphans(root)? {
            fs::remove_file(&path).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
            report.removed.push(path);
        }
        Ok(report)
    }

    /// Compares the files under `root` with the spec's, writing nothing.
    ///
    /// # Errors
    ///
    /// [`Error::Read`] when a file exists but cannot be read.
    pub fn check(&self, root: &Path) -> Result<Vec<Stale>, Error> {
        let mut stale = Vec::new();
        for file in &self.files {
            let path = root.join(&file.path);
            match read_if_present(&path)? {
                None => stale.push(Stale::Missing { path }),
                Some(bytes) if bytes != file.contents.as_bytes() => {
                    let diff = short_diff(&String::from_utf8_lossy(&bytes), &file.contents);
                    stale.push(Stale::Differs { path, diff });
                }
                Some(_) => {}
            }
        }
        stale.extend(
            self.orphans(root)?
                .into_iter()
                .map(|path| Stale::Orphan { path }),
        );
        Ok(stale)
    }

    /// Files in owned directories that were generated (or left by an interrupted write) but are
    /// not among this output's files, with their companions.
    fn orphans(&self, root: &Path) -> Result<Vec<PathBuf>, Error> {
        let produced: BTreeSet<PathBuf> = self
            .files
            .iter()
            .map(|file| root.join(&file.path))
            .collect();
        let mut orphans = BTreeSet::new();
        for dir in &self.owned_dirs {
            for path in files_in(&root.join(dir))? {
                if produced.contains(&path) || !is_generated(&path)? {
                    continue;
                }
                for extension in &self.companion_extensions {
                    let companion = path.with_extension(extension);
                    if companion.is_file() && !produced.contains(&companion) {
                        orphans.insert(companion);
                    }
                }
                orphans.insert(path);
            }
        }
        Ok(orphans.into_iter().collect())
    }
}

fn files_in(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::Read {
                path: dir.to_owned(),
                source,
            });
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| Error::Read {
            path: dir.to_owned(),
            source,
        })?;
        let path = entry.path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn is_generated(path: &Path) -> Result<bool, Error> {
    let leftover = path
        .file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with(TEMPORARY_PREFIX));
    let bytes = read_if_present(path)?.unwrap_or_default();
    Ok(leftover || layout::is_generated(&bytes))
}

fn read_if_present(path: &Path) -> Result<Option<Vec<u8>>, Error> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Read {
            path: path.to_owned(),
            source,
        }),
    }
}

/// Writes `contents` beside `path` and renames it into place.
fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let mut temporary = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    // A temporary file is private to its owner; the result should look like any other source.
    let permissions = match fs::metadata(path) {
        Ok(metadata) => Some(metadata.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(permissions) = permissions {
        temporary.as_file().set_permissions(permissions)?;
    }
    temporary.persist(path).map_err(|error| error.error)?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    None
}

fn short_diff(on_disk: &str, from_spec: &str) -> String {
    let diff = similar::TextDiff::from_lines(on_disk, from_spec);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header("on disk", "from the spec")
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= DIFF_LINES_SHOWN {
        return text;
    }
    let mut shown = lines[..DIFF_LINES_SHOWN].join("\n");
    shown.push_str(&format!(
        "\n… {} more diff lines\n",
        lines.len() - DIFF_LINES_SHOWN
    ));
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generated(path: &str, body: &str) -> GeneratedFile {
        GeneratedFile {
            path: PathBuf::from(path),
            contents: format!("// {} from test.\n{body}\n", layout::GENERATED_MARKER),
        }
    }

    #[test]
    fn writes_only_what_changed_and_removes_orphans_with_companions() {
        let root = tempfile::tempdir().unwrap();
        let first = Output::new(vec![generated("a/one.rs", "1"), generated("a/two.rs", "2")])
            .owning("a")
            .with_companions("stderr");
        let report = first.write(root.path()).unwrap();
        assert_eq!(report.written.len(), 2);
        fs::write(root.path().join("a/two.stderr"), "snapshot").unwrap();
        fs::write(root.path().join("a/hand-written.rs"), "// mine").unwrap();

        let again = first.write(root.path()).unwrap();
        assert_eq!(
            again,
            WriteReport {
                unchanged: 2,
                ..WriteReport::default()
            }
        );

        let second = Output::new(vec![generated("a/one.rs", "1 changed")])
            .owning("a")
            .with_companions("stderr");
        let stale = second.check(root.path()).unwrap();
        assert_eq!(stale.len(), 3, "{stale:#?}");
        assert!(matches!(&stale[0], Stale::Differs { diff, .. } if diff.contains("+1 changed")));
        let report = second.write(root.path()).unwrap();
        assert_eq!(report.written, vec![root.path().join("a/one.rs")]);
        assert_eq!(
            report.removed,
            vec![
                root.path().join("a/two.rs"),
                root.path().join("a/two.stderr")
            ]
        );
        assert!(root.path().join("a/hand-written.rs").exists());
        assert_eq!(second.check(root.path()).unwrap(), Vec::new());
    }

    #[test]
    fn check_reports_missing_files_and_writes_nothing() {
        let root = tempfile::tempdir().unwrap();
        let output = Output::new(vec![generated("x.rs", "x")]);
        let stale = output.check(root.path()).unwrap();
        assert_eq!(
            stale,
            vec![Stale::Missing {
                path: root.path().join("x.rs")
            }]
        );
        assert!(!root.path().join("x.rs").exists());
    }

    #[test]
    fn a_long_diff_is_cut_short() {
        let old: String = (0..100).map(|n| format!("{n}\n")).collect();
        let new: String = (0..100).map(|n| format!("{}\n", n * 2)).collect();
        let diff = short_diff(&old, &new);
        assert_eq!(diff.lines().count(), DIFF_LINES_SHOWN + 1);
        assert!(diff.ends_with("more diff lines\n"), "{diff}");
    }

    #[cfg(unix)]
    #[test]
    fn written_files_are_readable_like_other_sources() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        Output::new(vec![generated("x.rs", "x")])
            .write(root.path())
            .unwrap();
        let mode = fs::metadata(root.path().join("x.rs"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}
