//! Python with one package from PyPI, in a private virtual environment under the target
//! directory, for the tests that check the crate against readers someone else wrote.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Python of the virtual environment `root/venv` with `requirement` (`nistitl==0.6`)
/// installed, created when `check` (Python code that imports the package) fails there; or why
/// there is none.
pub fn venv(root: &Path, requirement: &str, check: &str) -> Result<PathBuf, String> {
    let venv = root.join("venv");
    let python = venv.join("bin").join("python");
    let has_package = |python: &Path| {
        Command::new(python)
            .args(["-c", check])
            .output()
            .is_ok_and(|output| output.status.success())
    };
    if has_package(&python) {
        return Ok(python);
    }
    let created = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .output()
        .map_err(|error| format!("python3 is not available ({error})"))?;
    if !created.status.success() {
        return Err(format!(
            "python3 -m venv failed: {}",
            String::from_utf8_lossy(&created.stderr)
        ));
    }
    let installed = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            requirement,
        ])
        .output()
        .map_err(|error| format!("pip did not run ({error})"))?;
    if !installed.status.success() || !has_package(&python) {
        return Err(format!(
            "pip could not install {requirement}: {}",
            String::from_utf8_lossy(&installed.stderr)
        ));
    }
    Ok(python)
}
