//! One run at a time per output directory.
//!
//! A run that writes holds an exclusive lock on each directory it writes, and a check a shared
//! one, for as long as it works there: a second run fails at once with [`Error::Busy`] rather
//! than interleave its files with the first's, or remove the first's temporary files as
//! leftovers. The operating system releases the lock when the process ends, however it ends.
//!
//! On Unix the directory itself is locked (`flock`), which leaves nothing behind in it; elsewhere
//! a lock file, `.dactylo-codegen.lock`, is created in the directory and left there.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// The lock file, where a directory cannot be locked itself.
#[cfg(not(unix))]
pub(crate) const LOCK_FILE: &str = ".dactylo-codegen.lock";

/// Whether a run writes (and excludes every other run) or only reads (and excludes writers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    Write,
    Read,
}

/// A lock on an output directory, held until dropped.
#[derive(Debug)]
pub(crate) struct DirectoryLock {
    _file: File,
}

/// Locks `dir`, which exists, for `access`.
pub(crate) fn lock(dir: &Path, access: Access) -> Result<DirectoryLock, Error> {
    let file = open(dir).map_err(|source| Error::Write {
        path: dir.to_owned(),
        source,
    })?;
    let locked = match access {
        Access::Write => file.try_lock(),
        Access::Read => file.try_lock_shared(),
    };
    match locked {
        Ok(()) => Ok(DirectoryLock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::Busy {
            dir: dir.to_owned(),
        }),
        Err(std::fs::TryLockError::Error(source)) => Err(Error::Write {
            path: lock_path(dir),
            source,
        }),
    }
}

#[cfg(unix)]
fn open(dir: &Path) -> io::Result<File> {
    File::open(dir)
}

#[cfg(not(unix))]
fn open(dir: &Path) -> io::Result<File> {
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))
}

fn lock_path(dir: &Path) -> PathBuf {
    #[cfg(unix)]
    {
        dir.to_owned()
    }
    #[cfg(not(unix))]
    {
        dir.join(LOCK_FILE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_or_reader_is_refused_while_a_writer_works() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock(dir.path(), Access::Write).unwrap();
        assert!(matches!(
            lock(dir.path(), Access::Write),
            Err(Error::Busy { .. })
        ));
        assert!(matches!(
            lock(dir.path(), Access::Read),
            Err(Error::Busy { .. })
        ));
        drop(first);
        let reader = lock(dir.path(), Access::Read).unwrap();
        let another_reader = lock(dir.path(), Access::Read).unwrap();
        assert!(matches!(
            lock(dir.path(), Access::Write),
            Err(Error::Busy { .. })
        ));
        drop((reader, another_reader));
        lock(dir.path(), Access::Write).unwrap();
    }
}
