//! The law changes: a copy of this workspace gets an amended spec (a required item added, an
//! item renamed, a list added, to the frozen copy of the spec in `data/`, so that the
//! amendments outlive changes of the live spec), is regenerated, and its generated crate and
//! the generated fixtures of its tests must compile, with nothing edited by hand.
//!
//! The copy is built in `target/amendments/` (its own target directory, kept between runs so
//! that the dependencies are built once), offline and with the committed `Cargo.lock`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::amendments::{ITEM_RENAMED, LIST_ADDED, REQUIRED_ITEM_ADDED};

const WORKSPACE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// The edits: a required item added, an item renamed, a list added.
const AMENDMENTS: [(&str, &str); 3] = [REQUIRED_ITEM_ADDED, ITEM_RENAMED, LIST_ADDED];

/// Copies `from` into `to`, but for build output.
fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        let (source, destination) = (entry.path(), to.join(&name));
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&source, &destination);
        } else {
            fs::copy(&source, &destination).unwrap();
        }
    }
}

fn run(command: &mut Command) -> String {
    let output = command.output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{command:?} failed:\n{text}");
    text
}

#[test]
fn an_amended_spec_regenerates_into_a_crate_and_fixtures_that_compile() {
    let workspace = Path::new(WORKSPACE).canonicalize().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let copy = scratch.path();
    for file in ["Cargo.toml", "Cargo.lock", "README.md"] {
        fs::copy(workspace.join(file), copy.join(file)).unwrap();
    }
    for dir in ["codegen", "generated", "spec", "tests"] {
        copy_tree(&workspace.join(dir), &copy.join(dir));
    }

    let frozen = workspace.join("codegen/tests/data/resolution-939.yaml");
    let spec_path = copy.join("spec/resolution-939.yaml");
    let mut spec = fs::read_to_string(&frozen).unwrap();
    for (old, new) in AMENDMENTS {
        assert_eq!(
            spec.matches(old).count(),
            1,
            "the spec does not hold once:\n{old}"
        );
        spec = spec.replace(old, new);
    }
    fs::write(&spec_path, &spec).unwrap();

    let generator = env!("CARGO_BIN_EXE_dactylo-codegen");
    let report = run(Command::new(generator).args([
        "diff",
        frozen.to_str().unwrap(),
        spec_path.to_str().unwrap(),
    ]));
    assert!(report.ends_with("semver: major\n"), "{report}");
    // The copy's own run, as its Cargo.toml configures it, from one of its directories.
    run(Command::new(generator).current_dir(copy.join("tests")));

    let target: PathBuf = workspace.join("target/amendments");
    run(Command::new(env!("CARGO"))
        .args(["check", "--offline", "--locked", "--quiet"])
        .args(["-p", "dactylo-records", "-p", "dactylo-tests", "--lib"])
        .arg("--manifest-path")
        .arg(copy.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS"));
    let fixtures = fs::read_to_string(newest_fixtures(&target)).unwrap();
    for amended in [
        "purpose_of_visit",
        "considering_authority",
        "CitizenshipRecord",
    ] {
        assert!(fixtures.contains(amended), "the fixtures lack `{amended}`");
    }
    assert!(!fixtures.contains("reviewing_authority"));
}

/// The fixtures the tests' build script wrote last in `target`.
fn newest_fixtures(target: &Path) -> PathBuf {
    fs::read_dir(target.join("debug/build"))
        .unwrap()
        .map(|entry| entry.unwrap().path().join("out/fixtures.rs"))
        .filter(|path| path.exists())
        .max_by_key(|path| fs::metadata(path).unwrap().modified().unwrap())
        .expect("the tests' build script wrote its fixtures")
}
