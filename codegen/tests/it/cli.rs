//! The `dactylo-codegen` command as a person editing the spec uses it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::SystemTime;

use crate::support::files::{files, generator};

const SPEC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/resolution-939.yaml");

fn codegen(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut command = generator();
    for arg in args {
        command.arg(arg);
    }
    command.output().expect("dactylo-codegen runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file under `dir`, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files(dir)
}

fn modified_times(dir: &Path) -> BTreeMap<PathBuf, SystemTime> {
    snapshot(dir)
        .into_keys()
        .map(|path| {
            let time = fs::metadata(dir.join(&path)).unwrap().modified().unwrap();
            (path, time)
        })
        .collect()
}

/// Generates into a fresh directory: the crate sources and, with `--cases`, the cases.
fn generate(out: &Path, cases: &Path) -> Output {
    let output = codegen(&[&"--spec", &SPEC, &"--out", &out, &"--cases", &cases]);
    assert!(output.status.success(), "{}", stderr(&output));
    output
}

#[test]
fn regenerating_without_changes_touches_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let (out, cases) = (dir.path().join("out"), dir.path().join("cases"));
    let first = generate(&out, &cases);
    assert!(out.join("src/records/mod.rs").is_file());
    assert!(out.join("src/records/visa_record.rs").is_file());
    assert!(cases.join("visa_record.rs").is_file());
    assert!(
        stdout(&first).contains("0 removed, 0 unchanged"),
        "{}",
        stdout(&first)
    );
    let times = modified_times(dir.path());

    let second = generate(&out, &cases);
    assert!(
        stdout(&second).contains("0 written, 0 removed"),
        "{}",
        stdout(&second)
    );
    assert_eq!(modified_times(dir.path()), times);
}

#[test]
fn out_without_cases_writes_only_the_crate_sources() {
    let dir = tempfile::tempdir().unwrap();
    let output = codegen(&[&"--spec", &SPEC, &"--out", &dir.path()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let files: Vec<PathBuf> = snapshot(dir.path()).into_keys().collect();
    assert!(
        files.iter().all(|path| {
            path.starts_with("src/records")
                || path.starts_with("schema")
                || path == Path::new("README.md")
                || path == Path::new("examples/nist/records.rs")
        }),
        "{files:?}"
    );
    assert!(
        files.contains(&PathBuf::from("schema/visa_record.schema.json")),
        "{files:?}"
    );
}

#[test]
fn two_runs_in_separate_processes_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("first"), dir.path().join("second"));
    generate(&first.join("out"), &first.join("cases"));
    generate(&second.join("out"), &second.join("cases"));
    let first = snapshot(&first);
    assert!(first.len() > 15, "{} files", first.len());
    assert_eq!(first, snapshot(&second));
}

#[test]
fn check_names_each_stale_file_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (out, cases) = (dir.path().join("out"), dir.path().join("cases"));
    generate(&out, &cases);
    let clean = codegen(&[
        &"--spec", &SPEC, &"--out", &out, &"--cases", &cases, &"--check",
    ]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert!(stdout(&clean).contains("up to date"), "{}", stdout(&clean));

    let edited = out.join("src/records/visa_record.rs");
    let text = fs::read_to_string(&edited).unwrap();
    fs::write(
        &edited,
        text.replace(
            "pub struct VisaRecord {",
            "pub struct VisaRecord { // edited",
        ),
    )
    .unwrap();
    fs::remove_file(cases.join("visa_record.rs")).unwrap();
    let orphan = cases.join("citizenship_record.rs");
    fs::copy(cases.join("identity_document_record.rs"), &orphan).unwrap();
    let before = snapshot(dir.path());

    let stale = codegen(&[
        &"--spec", &SPEC, &"--out", &out, &"--cases", &cases, &"--check",
    ]);
    assert_eq!(stale.status.code(), Some(1));
    let message = stderr(&stale);
    assert!(
        message.contains("visa_record.rs differs from the spec"),
        "{message}"
    );
    assert!(message.contains("+pub struct VisaRecord {"), "{message}");
    assert!(
        message.contains("compile-fail/visa_record.rs is missing")
            || message.contains("cases/visa_record.rs is missing"),
        "{message}"
    );
    assert!(
        message.contains("citizenship_record.rs is generated, but the spec no longer gives it"),
        "{message}"
    );
    assert!(
        message.contains("run `cargo run -p dactylo-codegen`"),
        "{message}"
    );
    assert_eq!(snapshot(dir.path()), before, "--check wrote something");

    generate(&out, &cases);
    assert!(!orphan.exists());
    let after = codegen(&[
        &"--spec", &SPEC, &"--out", &out, &"--cases", &cases, &"--check",
    ]);
    assert_eq!(after.status.code(), Some(0), "{}", stderr(&after));
}

#[test]
fn an_invalid_spec_is_located_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (out, cases) = (dir.path().join("out"), dir.path().join("cases"));
    generate(&out, &cases);
    let before = snapshot(&out);

    let spec = dir.path().join("edited.yaml");
    let valid = fs::read_to_string(SPEC).unwrap();
    // A typo in a key, found while reading the YAML: reported with line and column.
    fs::write(
        &spec,
        valid.replacen("        optional: true", "        optinal: true", 1),
    )
    .unwrap();
    let output = codegen(&[&"--spec", &spec, &"--out", &out, &"--cases", &cases]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    let line = valid
        .lines()
        .position(|line| line == "        optional: true")
        .unwrap()
        + 1;
    assert!(
        message.contains(&format!("edited.yaml:{line}:9\n")),
        "{message}"
    );
    assert!(message.contains("optinal: true\n"), "{message}");
    assert!(
        message.contains("help: did you mean `optional`?"),
        "{message}"
    );
    assert!(message.contains("unknown field `optinal`"), "{message}");
    assert!(message.contains("nothing was written"), "{message}");

    // Two mistakes found after reading: both reported, each with its path in the spec.
    let two_mistakes = valid
        .replacen(
            "type: BirthDate\n        data: [date_of_birth]\n        citation: { paragraph: 7, item: 2 }",
            "type: Datum\n        data: [date_of_birth]\n        citation: { paragraph: 7, item: 2 }",
            1,
        )
        .replacen("{ paragraph: 8, item: 3 }", "{ paragraph: 8, item: 4 }", 1);
    fs::write(&spec, two_mistakes).unwrap();
    let output = codegen(&[&"--spec", &spec, &"--out", &out, &"--cases", &cases]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    let datum_at = valid
        .find("type: BirthDate\n        data: [date_of_birth]\n        citation: { paragraph: 7, item: 2 }")
        .unwrap();
    let datum_line = 1 + valid[..datum_at].matches('\n').count();
    for expected in [
        "error: unknown type `Datum`".to_owned(),
        format!("edited.yaml:{datum_line}:15"),
        "^^^^^ records.VisaRecord.fields[1].type".to_owned(),
        "error: cites item 4, but field 3 of the list must be item 3".to_owned(),
        "records.TemporaryResidenceRecord.fields[2].citation".to_owned(),
        "error: item 4 is cited twice in this record".to_owned(),
        "3 problems in the spec; nothing was written".to_owned(),
    ] {
        assert!(
            message.contains(&expected),
            "`{expected}` is not in {message}"
        );
    }

    assert_eq!(snapshot(&out), before);
}

#[test]
fn an_unreadable_spec_is_an_io_failure() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-spec.yaml");
    let output = codegen(&[&"--spec", &missing, &"--out", &dir.path().join("out")]);
    assert_eq!(output.status.code(), Some(3));
    assert!(
        stderr(&output).contains("cannot read"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.path().join("out").exists());
}

/// The exit statuses `--help` lists, and those the manual's table lists, are the same, in the
/// same words (the manual quotes code).
#[test]
fn help_and_the_manual_give_the_same_exit_statuses() {
    let help = stdout(&codegen(&[&"--help"]));
    let from_help: Vec<(String, String)> = help
        .lines()
        .skip_while(|line| *line != "Exit status:")
        .skip(1)
        .take_while(|line| !line.trim().is_empty())
        .map(|line| {
            let (status, meaning) = line.trim().split_once("  ").unwrap();
            (status.to_owned(), meaning.trim().to_owned())
        })
        .collect();
    let manual = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let from_manual: Vec<(String, String)> = manual
        .lines()
        .skip_while(|line| *line != "| Status | Meaning |")
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            (cells[1].to_owned(), cells[2].replace('`', ""))
        })
        .collect();
    assert_eq!(from_help.len(), 7, "{help}");
    assert_eq!(from_help, from_manual);
}

#[test]
fn cases_inside_the_crate_or_around_it_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    generate(&out, &dir.path().join("cases"));
    let before = snapshot(dir.path());
    for (out, cases) in [
        (out.clone(), out.join("src/records")),
        (out.join("src"), out.clone()),
        (out.clone(), out.clone()),
    ] {
        let output = codegen(&[&"--spec", &SPEC, &"--out", &out, &"--cases", &cases]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("needs a place of its own"),
            "{}",
            stderr(&output)
        );
    }
    assert_eq!(snapshot(dir.path()), before);
}

/// A project's own table inside its crate would be removed as stale by the crate's run, and
/// written again by its own: refused before anything is read or written.
#[test]
fn a_project_output_inside_another_is_refused() {
    let project = project();
    let manifest = project.path().join("Cargo.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    fs::write(
        &manifest,
        format!("{text}\n[workspace.metadata.dactylo-codegen.upkeep]\ncomposites-table = \"records/src/table.txt\"\n"),
    )
    .unwrap();
    let output = codegen_in(project.path(), &[]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "the project's `upkeep.composites-table` records/src/table.txt is inside the project's `out` records"
        ),
        "{}",
        stderr(&output)
    );
    assert!(!project.path().join("records").exists());
}

/// Outside any project, headers name the spec from the crate's directory: the same bytes
/// whatever directory the command ran in, so `--check` from another one is clean.
#[test]
fn without_a_project_headers_do_not_depend_on_the_current_directory() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("spec")).unwrap();
    fs::copy(SPEC, dir.path().join("spec/lists.yaml")).unwrap();
    let output = codegen_in(
        dir.path(),
        &["--spec", "spec/lists.yaml", "--out", "records"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let root = fs::read_to_string(dir.path().join("records/src/records/mod.rs")).unwrap();
    assert!(
        root.contains("from ../spec/lists.yaml."),
        "{}",
        &root[..200]
    );
    let check = codegen_in(
        &dir.path().join("spec"),
        &["--spec", "lists.yaml", "--out", "../records", "--check"],
    );
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn a_run_while_another_holds_the_output_fails_at_once_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (out, cases) = (dir.path().join("out"), dir.path().join("cases"));
    fs::create_dir_all(&out).unwrap();
    fs::create_dir_all(&cases).unwrap();
    // Another run holds the cases' directory: the crate must not be written either.
    let held = open_directory(&cases);
    held.try_lock().unwrap();
    let output = codegen(&[&"--spec", &SPEC, &"--out", &out, &"--cases", &cases]);
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("another dactylo-codegen run is writing to"),
        "{}",
        stderr(&output)
    );
    assert!(snapshot(dir.path()).is_empty());
    let check = codegen(&[
        &"--spec", &SPEC, &"--out", &out, &"--cases", &cases, &"--check",
    ]);
    assert_eq!(check.status.code(), Some(4), "{}", stderr(&check));
    drop(held);
    generate(&out, &cases);
}

#[cfg(unix)]
fn open_directory(dir: &Path) -> fs::File {
    fs::File::open(dir).unwrap()
}

#[cfg(not(unix))]
fn open_directory(dir: &Path) -> fs::File {
    fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".dactylo-codegen.lock"))
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_link_below_the_output_is_refused_and_nothing_beyond_it_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let outside = dir.path().join("elsewhere");
    fs::create_dir_all(&out).unwrap();
    fs::create_dir_all(&outside).unwrap();
    let marked = outside.join("someone_elses.schema.json");
    fs::write(
        &marked,
        "{\"$comment\": \"@generated by dactylo-codegen from another spec\"}\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, out.join("schema")).unwrap();
    let output = codegen(&[&"--spec", &SPEC, &"--out", &out]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("is a symbolic link"),
        "{}",
        stderr(&output)
    );
    assert!(marked.exists());
    assert_eq!(fs::read_dir(&outside).unwrap().count(), 1);
}

#[test]
fn temporary_files_are_removed_from_every_directory_written_the_crate_root_too() {
    let dir = tempfile::tempdir().unwrap();
    let (out, cases) = (dir.path().join("out"), dir.path().join("cases"));
    generate(&out, &cases);
    let leftovers = [
        out.join(".dactylo-readme.tmp"),
        out.join("schema/.dactylo-schema.tmp"),
        out.join("src/records/.dactylo-module.tmp"),
        cases.join(".dactylo-case.tmp"),
    ];
    for leftover in &leftovers {
        fs::write(leftover, "half written").unwrap();
    }
    let check = codegen(&[
        &"--spec", &SPEC, &"--out", &out, &"--cases", &cases, &"--check",
    ]);
    assert_eq!(check.status.code(), Some(1));
    for leftover in &leftovers {
        let name = leftover.file_name().unwrap().to_string_lossy();
        assert!(
            stderr(&check).contains(&format!("{name} is a temporary file of an interrupted run")),
            "{}",
            stderr(&check)
        );
    }
    let output = generate(&out, &cases);
    assert!(stdout(&output).contains("4 removed"), "{}", stdout(&output));
    assert!(leftovers.iter().all(|leftover| !leftover.exists()));
}

/// `command` run in `dir`.
fn codegen_in(dir: &Path, args: &[&str]) -> Output {
    generator()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("dactylo-codegen runs")
}

#[test]
fn without_a_project_the_default_run_says_what_it_needs_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = codegen_in(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains("no spec to read: give --spec PATH"),
        "{message}"
    );
    assert!(
        message.contains("[workspace.metadata.dactylo-codegen]"),
        "{message}"
    );
    let output = codegen_in(dir.path(), &["--spec", SPEC]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("give --out DIR"),
        "{}",
        stderr(&output)
    );
    assert!(snapshot(dir.path()).is_empty());
}

/// A project of its own: a copy of the spec, and a `Cargo.toml` that names it and its outputs.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("spec")).unwrap();
    fs::create_dir_all(dir.path().join("member/src")).unwrap();
    fs::copy(SPEC, dir.path().join("spec/lists.yaml")).unwrap();
    fs::write(
        dir.path().join("Cargo.toml"),
        "[workspace]\n\n[workspace.metadata.dactylo-codegen]\nspec = \"spec/lists.yaml\"\n\
         out = \"records\"\ncases = \"cases\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("member/Cargo.toml"),
        "[package]\nname = \"member\"\n",
    )
    .unwrap();
    dir
}

#[test]
fn the_default_run_generates_the_project_it_is_run_in_from_any_directory_of_it() {
    let project = project();
    let below = project.path().join("member/src");
    let output = codegen_in(&below, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("wrote ../../records/src/records/mod.rs"),
        "{}",
        stdout(&output)
    );
    let root = fs::read_to_string(project.path().join("records/src/records/mod.rs")).unwrap();
    assert!(root.contains("from spec/lists.yaml."), "{}", &root[..200]);
    assert!(project.path().join("cases/visa_record.rs").exists());
    // Nothing of this repository's upkeep: the project does not ask for it.
    // The two manifests and the spec, the crate's 14 files (its example's list of records among
    // them) and the 5 cases.
    assert_eq!(snapshot(project.path()).len(), 3 + 14 + 5);

    // The headers name the spec from the project's root, so any directory checks clean.
    for dir in [
        project.path().to_owned(),
        below,
        project.path().join("member"),
    ] {
        let check = codegen_in(&dir, &["--check"]);
        assert!(
            check.status.success(),
            "{}: {}",
            dir.display(),
            stderr(&check)
        );
    }
    let listed = stdout(&codegen_in(project.path(), &["--list"]));
    assert_eq!(listed.lines().count(), 14 + 5, "{listed}");
    assert!(
        listed
            .lines()
            .all(|line| line.starts_with("records/") || line.starts_with("cases/"))
    );
}

#[test]
fn a_project_whose_configuration_cannot_be_used_is_refused() {
    let project = project();
    fs::write(
        project.path().join("Cargo.toml"),
        "[workspace.metadata.dactylo-codegen]\nspec = \"spec/lists.yaml\"\n",
    )
    .unwrap();
    let output = codegen_in(project.path(), &[]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("Cargo.toml") && message.contains("missing field `out`"),
        "{message}"
    );
    assert!(!project.path().join("records").exists());
}

/// A hand-written file where a generated one goes is never replaced: the run stops with exit 6,
/// naming it, and writes nothing, not even the files that are not in its way.
#[test]
fn a_file_the_generator_did_not_write_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crate");
    fs::create_dir_all(&out).unwrap();
    let readme = out.join("README.md");
    fs::write(&readme, "# My own crate\n\nWritten by hand.\n").unwrap();
    let before = snapshot(&out);
    let output = codegen(&[&"--spec", &SPEC, &"--out", &out]);
    assert_eq!(output.status.code(), Some(6), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("README.md")
            && stderr(&output).contains("not written by dactylo-codegen"),
        "{}",
        stderr(&output)
    );
    assert_eq!(snapshot(&out), before, "something was written");
    // Once it carries the marker (it was generated), it is the generator's to replace.
    fs::remove_file(&readme).unwrap();
    generate(&out, &dir.path().join("cases"));
    assert!(dactylo_codegen::is_generated(&fs::read(&readme).unwrap()));
}
