//! The corpus of malformed specs in `tests/bad-specs/`, one mistake a file (the first line says
//! which). For each, the generator is run as a person editing the spec runs it, over this
//! workspace's `generated/` and `tests/compile-fail/`: it must exit 2, print the message in the
//! committed snapshot (`snapshots/bad_specs__corpus@<file>.snap`), and leave every generated file
//! byte for byte as it was.
//!
//! After a change to the messages, review and accept the new snapshots with
//! `INSTA_UPDATE=always cargo test -p dactylo-codegen --test bad_specs` and `git diff`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const EXIT_INVALID_SPEC: i32 = 2;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

/// Every file under the directories the generator writes, with its bytes.
fn generated_files(workspace: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![
        workspace.join("generated"),
        workspace.join("tests/compile-fail"),
    ];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn corpus() {
    let workspace = workspace();
    let before = generated_files(&workspace);
    let mut cases = 0;
    insta::glob!("../../tests/bad-specs", "*.yaml", |path| {
        cases += 1;
        let spec = path.strip_prefix(&workspace).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_dactylo-codegen"))
            .current_dir(&workspace)
            .arg("--spec")
            .arg(spec)
            .output()
            .expect("dactylo-codegen runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(EXIT_INVALID_SPEC),
            "{}: {stderr}",
            spec.display()
        );
        assert!(
            output.stdout.is_empty(),
            "{}: wrote {}",
            spec.display(),
            String::from_utf8_lossy(&output.stdout)
        );
        insta::assert_snapshot!(stderr);
        assert!(
            generated_files(&workspace) == before,
            "{} changed generated files",
            spec.display()
        );
    });
    assert!(cases >= 30, "the corpus has {cases} cases");
}
