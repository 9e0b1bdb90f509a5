//! Building crates that the tests write: offline, with the workspace's `Cargo.lock`, in one
//! scratch target directory that every such build shares, so that the dependencies they have in
//! common are built once.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The target directory of every scratch build, kept between runs.
pub fn target() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("scratch-target")
}

/// `cargo <args>` for the crate or workspace in `dir`, offline and quiet, in the shared target
/// directory, with no flags from the environment.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let (subcommand, rest) = args.split_first().expect("a subcommand");
    let mut command = Command::new(env!("CARGO"));
    command
        .current_dir(dir)
        .arg(subcommand)
        .arg("--offline")
        .arg("--quiet")
        .arg("--target-dir")
        .arg(target())
        .args(rest)
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("RUSTFLAGS")
        .env_remove("RUSTDOCFLAGS");
    command
}

/// Runs `cargo <args>` for the crate in `dir`, offline, in the shared target directory, with
/// rustdoc's warnings denied when `deny_rustdoc_warnings`. Returns whether it succeeded, and
/// what it printed to stderr.
pub fn cargo(dir: &Path, args: &[&str], deny_rustdoc_warnings: bool) -> (bool, String) {
    let mut command = command(dir, args);
    if deny_rustdoc_warnings {
        command.env("RUSTDOCFLAGS", "-D warnings");
    }
    let output = command.output().expect("cargo runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
