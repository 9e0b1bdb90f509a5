//! An interrupted or failing run leaves every output file either as it was or as the spec gives
//! it, never half written, and `--check` names exactly the files still as they were; two runs at
//! once never mix their files.
//!
//! The run is interrupted at points chosen, not timed, so that the test does not depend on the
//! machine's speed or load: the file the run is to compare next is a FIFO, which blocks the run
//! in its read until the test has opened the FIFO's other end, and kills it there. It runs on
//! the small golden spec, which does not need the real one.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support;
use crate::support::files::{generator, is_temporary, paths};

const SPEC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/golden.yaml");

fn codegen(spec: &Path, out: &Path) -> Command {
    let mut command = generator();
    command
        .arg("--spec")
        .arg(spec)
        .arg("--out")
        .arg(out.join("crate"))
        .arg("--cases")
        .arg(out.join("cases"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// Every file under `dir` with its bytes; the temporary files of an interrupted write apart.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    support::files::files(dir)
        .into_iter()
        .filter(|(path, _)| !is_temporary(path))
        .collect()
}

/// The output of an older spec (another act number changes every record and case) and of the
/// current one.
fn old_and_new(root: &Path) -> (BTreeMap<PathBuf, Vec<u8>>, BTreeMap<PathBuf, Vec<u8>>) {
    let old_spec = root.join("old.yaml");
    let text = fs::read_to_string(SPEC)
        .unwrap()
        .replacen("number: 1\n", "number: 2\n", 1);
    fs::write(&old_spec, text).unwrap();
    let (old, new) = (root.join("old"), root.join("new"));
    assert!(codegen(&old_spec, &old).status().unwrap().success());
    assert!(codegen(Path::new(SPEC), &new).status().unwrap().success());
    (files(&old), files(&new))
}

fn copy(files: &BTreeMap<PathBuf, Vec<u8>>, to: &Path) {
    let _ = fs::remove_dir_all(to);
    for (path, bytes) in files {
        let path = to.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
}

/// Each file is the old or the new version; returns how many are new.
fn assert_old_or_new(
    out: &Path,
    old: &BTreeMap<PathBuf, Vec<u8>>,
    new: &BTreeMap<PathBuf, Vec<u8>>,
) -> usize {
    let now = files(out);
    assert_eq!(
        now.keys().collect::<Vec<_>>(),
        old.keys().collect::<Vec<_>>()
    );
    let mut renewed = 0;
    for (path, bytes) in &now {
        if bytes == &new[path] {
            renewed += 1;
        } else {
            assert!(
                bytes == &old[path],
                "{} is neither its old nor its new version",
                path.display()
            );
        }
    }
    renewed
}

/// The files a run writes, in the order it writes them, as `--list` prints them.
fn write_order(out: &Path) -> Vec<PathBuf> {
    let output = codegen(Path::new(SPEC), out)
        .arg("--list")
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| Path::new(line).strip_prefix(out).unwrap().to_owned())
        .collect()
}

/// Runs the generator on `out` until it opens `fifo` to read it, and kills it there.
#[cfg(unix)]
fn kill_at(fifo: &Path, spec: &Path, out: &Path) {
    let _ = fs::remove_file(fifo);
    let made = Command::new("mkfifo")
        .arg(fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let mut child = codegen(spec, out).spawn().unwrap();
    // Opening a FIFO to write blocks until a reader has opened it: the run is in its read.
    let writer = fs::OpenOptions::new().write(true).open(fifo).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    drop(writer);
    fs::remove_file(fifo).unwrap();
}

#[cfg(unix)]
#[test]
fn a_run_killed_before_each_file_leaves_every_file_old_or_new() {
    let root = tempfile::tempdir().unwrap();
    let (old, new) = old_and_new(root.path());
    // The crate, its schemas and one compile-fail program per record.
    assert!(old.len() >= 9 && old != new, "{} files", old.len());
    let out = root.path().join("out");
    let order = write_order(&out);
    assert_eq!(order.len(), new.len(), "{order:?}");

    // Killed while it reads the spec: nothing is written.
    copy(&old, &out);
    let fifo_spec = root.path().join("fifo.yaml");
    kill_at(&fifo_spec, &fifo_spec, &out);
    assert_eq!(files(&out), old);

    // Killed as it comes to each file in turn: the files before it are new, the rest old.
    for (index, at) in order.iter().enumerate() {
        copy(&old, &out);
        kill_at(&out.join(at), Path::new(SPEC), &out);
        fs::write(out.join(at), &old[at]).unwrap();
        for (done, path) in order.iter().enumerate() {
            let expected = if done < index { &new[path] } else { &old[path] };
            assert!(
                &files(&out)[path] == expected,
                "killed at {}: {} is not as expected",
                at.display(),
                path.display()
            );
        }
        assert_check_names_the_old_files(&out, &new);
    }

    // A run to completion replaces what an interrupted one left.
    assert!(codegen(Path::new(SPEC), &out).status().unwrap().success());
    assert_eq!(files(&out), new);
    assert!(temporary_files(&out).is_empty());
}

/// `--check` reports as stale exactly the files that are not yet new, and every temporary file
/// left behind, as such.
fn assert_check_names_the_old_files(out: &Path, new: &BTreeMap<PathBuf, Vec<u8>>) {
    let check = codegen(Path::new(SPEC), out)
        .arg("--check")
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&check.stderr);
    let mut named: Vec<String> = report
        .lines()
        .filter_map(|line| line.strip_prefix("stale: "))
        .filter_map(|line| line.strip_suffix(" differs from the spec:"))
        .map(str::to_owned)
        .collect();
    named.sort();
    let mut old: Vec<String> = files(out)
        .into_iter()
        .filter(|(path, bytes)| bytes != &new[path])
        .map(|(path, _)| out.join(path).display().to_string())
        .collect();
    old.sort();
    assert_eq!(named, old, "{report}");
    let leftovers = report
        .lines()
        .filter(|line| line.ends_with("is a temporary file of an interrupted run"))
        .count();
    assert_eq!(leftovers, temporary_files(out).len(), "{report}");
    let expected = if named.is_empty() && leftovers == 0 {
        0
    } else {
        1
    };
    assert_eq!(check.status.code(), Some(expected), "{report}");
}

fn temporary_files(dir: &Path) -> Vec<PathBuf> {
    paths(dir)
        .into_iter()
        .filter(|path| is_temporary(path))
        .collect()
}

#[test]
fn two_runs_at_once_never_mix_their_files() {
    let root = tempfile::tempdir().unwrap();
    let (old, new) = old_and_new(root.path());
    let old_spec = root.path().join("old.yaml");
    let out = root.path().join("out");
    let mut outcomes = Vec::new();
    for _ in 0..20 {
        copy(&old, &out);
        let mut first = codegen(Path::new(SPEC), &out).spawn().unwrap();
        let mut second = codegen(&old_spec, &out).spawn().unwrap();
        let statuses = [first.wait().unwrap(), second.wait().unwrap()];
        let codes: Vec<Option<i32>> = statuses.iter().map(|status| status.code()).collect();
        for (child, code) in [&mut first, &mut second].into_iter().zip(&codes) {
            let mut message = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut message).unwrap();
            match code {
                Some(0) => {}
                Some(4) => assert!(message.contains("another dactylo-codegen run"), "{message}"),
                other => panic!("a run ended with {other:?}: {message}"),
            }
        }
        let now = files(&out);
        assert!(now == old || now == new, "the runs mixed their files");
        if codes == [Some(0), Some(4)] {
            assert_eq!(now, new, "only the run of the current spec wrote");
        }
        outcomes.push(codes);
        assert!(temporary_files(&out).is_empty());
    }
    eprintln!("exit statuses of the two runs: {outcomes:?}");
}

#[test]
fn a_failing_write_leaves_each_file_old_or_new() {
    let root = tempfile::tempdir().unwrap();
    let (old, new) = old_and_new(root.path());
    let out = root.path().join("out");
    copy(&old, &out);
    // A directory where a file should be replaced makes that write fail midway through the run.
    let blocked = out.join("crate/src/records/visit.rs");
    fs::remove_file(&blocked).unwrap();
    fs::create_dir(&blocked).unwrap();
    fs::write(blocked.join("keep"), "not a file to replace").unwrap();

    let output = codegen(Path::new(SPEC), &out).output().unwrap();
    assert_eq!(output.status.code(), Some(3), "an I/O failure exits 3");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("visit.rs: Is a directory"), "{stderr}");

    fs::remove_dir_all(&blocked).unwrap();
    let mut old_without_blocked = old.clone();
    let mut new_without_blocked = new.clone();
    let key = PathBuf::from("crate/src/records/visit.rs");
    old_without_blocked.remove(&key);
    new_without_blocked.remove(&key);
    let renewed = assert_old_or_new(&out, &old_without_blocked, &new_without_blocked);
    assert!(
        renewed > 0 && renewed < old_without_blocked.len(),
        "{renewed} files renewed"
    );
}
