//! The checked-in generated files are exactly what the spec gives, generation is deterministic,
//! and only generated files carry the generated header.

use std::fs;
use std::path::{Path, PathBuf};

use dactylo_codegen::{Output, Spec, is_generated};

const WORKSPACE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// What `cargo run -p dactylo-codegen` generates, and where.
fn outputs() -> Vec<(Output, PathBuf)> {
    let workspace = Path::new(WORKSPACE);
    let spec = Spec::load(workspace.join("spec/resolution-939.yaml"))
        .expect("the spec is valid")
        .with_label("spec/resolution-939.yaml");
    vec![
        (spec.crate_sources().unwrap(), workspace.join("generated")),
        (
            spec.compile_fail_cases("dactylo_records").unwrap(),
            workspace.join("tests/compile-fail"),
        ),
        (
            spec.composites_table().unwrap(),
            workspace.join("codegen/src/names"),
        ),
        (
            spec.test_fixtures("dactylo_records").unwrap(),
            workspace.join("tests/src"),
        ),
        (readme(&spec), workspace.to_owned()),
    ]
}

/// The workspace's README, its regions as the spec gives them: a hand-written file, so not
/// marked as generated.
fn readme(spec: &Spec) -> Output {
    let text = fs::read_to_string(Path::new(WORKSPACE).join("README.md")).unwrap();
    spec.readme_regions(&text, "README.md").unwrap()
}

#[test]
fn generated_files_match_the_spec() {
    let mut stale = Vec::new();
    for (output, dir) in outputs() {
        stale.extend(output.check(&dir).unwrap());
    }
    let report: Vec<String> = stale.iter().map(ToString::to_string).collect();
    assert!(
        stale.is_empty(),
        "{} generated file(s) differ from what the spec gives:\n\n{}\n\n\
         Run `cargo run -p dactylo-codegen` to regenerate them, then review and commit the result.",
        stale.len(),
        report.join("\n")
    );
}

#[test]
fn generating_twice_gives_the_same_bytes() {
    let first: Vec<_> = outputs()
        .into_iter()
        .map(|(output, _)| output.files().to_vec())
        .collect();
    let second: Vec<_> = outputs()
        .into_iter()
        .map(|(output, _)| output.files().to_vec())
        .collect();
    assert_eq!(first, second);
}

#[test]
fn every_generated_file_says_so_and_no_hand_written_file_does() {
    let mut generated = Vec::new();
    let marked = outputs()
        .into_iter()
        .filter(|(_, dir)| dir != Path::new(WORKSPACE));
    for (output, dir) in marked {
        for file in output.files() {
            assert!(
                is_generated(file.contents.as_bytes()),
                "{}",
                file.path.display()
            );
            assert!(
                file.contents.contains("spec/resolution-939.yaml"),
                "{}",
                file.path.display()
            );
            generated.push(dir.join(&file.path).canonicalize().unwrap());
        }
    }
    let mut sources = Vec::new();
    for dir in ["codegen", "generated", "tests"] {
        rust_sources(&Path::new(WORKSPACE).join(dir), &mut sources);
    }
    let hand_written: Vec<&PathBuf> = sources
        .iter()
        .filter(|path| !generated.contains(&path.canonicalize().unwrap()))
        .collect();
    assert!(
        hand_written.len() > 10,
        "found too few hand-written files: {hand_written:?}"
    );
    for path in hand_written {
        let text = fs::read_to_string(path).unwrap();
        assert!(
            !is_generated(text.as_bytes()),
            "{} is hand-written",
            path.display()
        );
    }
}

fn rust_sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && path.file_name().is_some_and(|name| name != "target") {
            rust_sources(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
}
