//! The file system as the writer uses it: it reads and replaces files only inside its output
//! directories, never through a symbolic link, and replaces each file whole.

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use crate::error::Error;

/// The prefix of the temporary files a write goes through.
pub(crate) const TEMPORARY_PREFIX: &str = ".dactylo-";

/// The suffix of the temporary files a write goes through.
pub(crate) const TEMPORARY_SUFFIX: &str = ".tmp";

/// Refuses `relative` (a path under `root`) if any of its components below `root` is a symbolic
/// link, or climbs out of `root`: the writer neither writes nor removes through a link, which
/// could lead it out of the directory it was given. `root` itself may be a link; the caller
/// chose it.
pub(crate) fn guard(root: &Path, relative: &Path) -> Result<(), Error> {
    let mut path = root.to_owned();
    for component in relative.components() {
        match component {
            Component::Normal(name) => path.push(name),
            Component::CurDir => continue,
            _ => {
                return Err(Error::InvalidOption(format!(
                    "`{}` does not stay inside {}",
                    relative.display(),
                    root.display()
                )));
            }
        }
        match fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                return Err(Error::Link { path });
            }
            Ok(_) => {}
            // Nothing more exists below a missing component.
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(source) => return Err(Error::Read { path, source }),
        }
    }
    Ok(())
}

pub(crate) fn read_if_present(path: &Path) -> Result<Option<Vec<u8>>, Error> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Read {
            path: path.to_owned(),
            source,
        }),
    }
}

/// The regular files of `dir`, sorted; links and directories are left out.
pub(crate) fn regular_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
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
        let file_type = entry.file_type().map_err(|source| Error::Read {
            path: entry.path(),
            source,
        })?;
        if file_type.is_file() {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

/// Whether `path` is a temporary file of a write that did not finish.
pub(crate) fn is_temporary(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with(TEMPORARY_PREFIX) && name.ends_with(TEMPORARY_SUFFIX))
}

/// Writes `contents` beside `path` and renames it into place.
pub(crate) fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let mut temporary = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_link_below_the_root_is_refused_and_the_root_may_be_one() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        let root = dir.path().join("root");
        fs::create_dir_all(&outside).unwrap();
        fs::create_dir_all(&root).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("schema")).unwrap();
        assert!(matches!(
            guard(&root, Path::new("schema/a.json")),
            Err(Error::Link { path }) if path == root.join("schema")
        ));
        assert!(guard(&root, Path::new("src/records/mod.rs")).is_ok());
        let linked_root = dir.path().join("linked");
        std::os::unix::fs::symlink(&root, &linked_root).unwrap();
        assert!(guard(&linked_root, Path::new("src/x.rs")).is_ok());
        assert!(matches!(
            guard(&root, Path::new("../outside/x.rs")),
            Err(Error::InvalidOption(_))
        ));
    }

    #[test]
    fn temporary_files_are_recognised_by_prefix_and_suffix() {
        assert!(is_temporary(Path::new("a/.dactylo-x1y2.tmp")));
        assert!(!is_temporary(Path::new("a/.dactylo-codegen.lock")));
        assert!(!is_temporary(Path::new("a/mod.rs")));
    }
}
