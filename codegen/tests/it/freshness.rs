//! The workspace's generated files are exactly what its spec gives, as its `Cargo.toml` lists
//! them: `dactylo-codegen --check`, run as CI runs it, finds nothing stale; every file the run
//! writes says it is generated, and no other file does; and generating twice gives the same
//! bytes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use dactylo_codegen::{Spec, is_generated};

use crate::support::files::{generator, paths};

const WORKSPACE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// The generator, run in the workspace's root with no paths: its default run.
fn default_run(flag: &str) -> Output {
    generator()
        .current_dir(WORKSPACE)
        .arg(flag)
        .output()
        .expect("dactylo-codegen runs")
}

#[test]
fn generated_files_match_the_spec() {
    let check = default_run("--check");
    assert!(
        check.status.success(),
        "{}\nRun `cargo run -p dactylo-codegen` to regenerate them, then review and commit the \
         result.",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn generating_twice_gives_the_same_bytes() {
    let generate = || {
        let spec = Spec::load(Path::new(WORKSPACE).join("spec/resolution-939.yaml")).unwrap();
        let crate_sources = spec.crate_sources().unwrap();
        let cases = spec.compile_fail_cases("dactylo_records").unwrap();
        [crate_sources.files().to_vec(), cases.files().to_vec()]
    };
    assert_eq!(generate(), generate());
}

#[test]
fn every_generated_file_says_so_and_no_hand_written_file_does() {
    let list = default_run("--list");
    assert!(
        list.status.success(),
        "{}",
        String::from_utf8_lossy(&list.stderr)
    );
    let workspace = Path::new(WORKSPACE).canonicalize().unwrap();
    let generated: Vec<PathBuf> = String::from_utf8(list.stdout)
        .unwrap()
        .lines()
        .map(|line| workspace.join(line).canonicalize().unwrap())
        .collect();
    assert!(generated.len() > 15, "{generated:?}");
    for path in &generated {
        let text = fs::read_to_string(path).unwrap();
        assert!(
            is_generated(text.as_bytes()),
            "{} is not marked",
            path.display()
        );
        assert!(
            text.contains("spec/resolution-939.yaml"),
            "{} does not name its spec",
            path.display()
        );
    }
    let files: Vec<PathBuf> = ["codegen", "generated", "spec", "tests"]
        .into_iter()
        .flat_map(|dir| {
            let dir = workspace.join(dir);
            paths(&dir).into_iter().map(move |path| dir.join(path))
        })
        .collect();
    let hand_written: Vec<&PathBuf> = files
        .iter()
        .filter(|path| !generated.contains(&path.canonicalize().unwrap()))
        .collect();
    assert!(
        hand_written.len() > 100,
        "too few hand-written files: {hand_written:?}"
    );
    for path in hand_written {
        let bytes = fs::read(path).unwrap();
        assert!(!is_generated(&bytes), "{} is hand-written", path.display());
    }
}
