//! The corpus of malformed specs in `tests/bad-specs/`, one mistake per file (the first line says
//! which). For each, the generator is run as a person editing the spec runs it, writing the crate
//! and its compile-fail cases, into a scratch directory (so that a spec accepted by mistake
//! cannot touch the workspace): it must exit 2, print the message in the committed snapshot
//! (`snapshots/it__bad_specs__corpus@<file>.snap`), and write nothing.
//!
//! After a change to the messages, review and accept the new snapshots with
//! `INSTA_UPDATE=always cargo test -p dactylo-codegen --test it bad_specs` and `git diff`.

use std::path::{Path, PathBuf};

use crate::support::files::generator;

const EXIT_INVALID_SPEC: i32 = 2;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

#[test]
fn corpus() {
    let workspace = workspace();
    let scratch = tempfile::tempdir().unwrap();
    let (out, compile_fail) = (scratch.path().join("crate"), scratch.path().join("cases"));
    let mut cases = 0;
    insta::glob!("../../../tests/bad-specs", "*.yaml", |path| {
        cases += 1;
        let spec = path.strip_prefix(&workspace).unwrap();
        let output = generator()
            .current_dir(&workspace)
            .arg("--spec")
            .arg(spec)
            .arg("--out")
            .arg(&out)
            .arg("--cases")
            .arg(&compile_fail)
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
            !out.exists() && !compile_fail.exists(),
            "{} wrote files",
            spec.display()
        );
    });
    assert!(cases >= 30, "the corpus has {cases} cases");
}
