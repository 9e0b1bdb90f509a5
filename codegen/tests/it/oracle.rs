//! The oracle of `diff`'s verdicts: for each amendment of `diff.rs`'s table, the crates of the
//! older and the amended spec are generated into one scratch workspace, and what a downstream
//! user meets is tried (`support/downstream.rs` writes the code):
//!
//! - code written against the older crate (its README's builder calls, with and without the
//!   optional items, a generic helper for each required item, every field read at its type)
//!   compiled against the newer: if it does not compile, the change is major;
//! - the older crate's JSON of each record, complete and minimal, read by the newer crate and
//!   written back: refused, or written back otherwise, is major;
//! - the same JSON validated by the newer crate's JSON Schemas: refused is major;
//! - code written against the newer crate compiled against the older: if it does not compile,
//!   the newer adds something, at least minor;
//! - any generated file that differs: at least patch.
//!
//! An amendment whose crate holds the same Rust as the older one needs no building: code and
//! JSON behave alike, and only its schemas and files are compared.
//!
//! Each verdict must be at least what the oracle finds; the oracle's own finding for each
//! amendment is stated too, so that an oracle that stops seeing is caught. Where the verdict is
//! above the finding, the table says why the oracle cannot see it (no amendment needs that now:
//! even two names swapped break a generic helper). The compilations are batched: one
//! `cargo check` of the code written against each newer crate, then one lean `cargo build` of
//! the code written against the older, in the scratch target directory the other tests share,
//! offline. About 40 CPU-seconds cold, so `.ci/run` runs it, not `cargo test --workspace`.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use dactylo_codegen::diff::Semver;
use dactylo_codegen::{Output, Spec};

use crate::diff::{AMENDMENTS, SPEC, SPEC_PATH, amended};
use crate::support::{downstream, scratch};

const WORKSPACE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// What the oracle finds for each amendment, and, where the verdict is above it, why.
const FINDINGS: &[(&str, Semver, &str)] = &[
    ("nothing", Semver::None, ""),
    ("required_item_added", Semver::Major, ""),
    ("optional_item_added_first", Semver::Minor, ""),
    ("item_renamed", Semver::Major, ""),
    ("item_retyped", Semver::Major, ""),
    ("item_made_optional", Semver::Major, ""),
    ("item_removed", Semver::Major, ""),
    ("texts_changed", Semver::Patch, ""),
    ("list_added", Semver::Minor, ""),
    ("list_renamed", Semver::Major, ""),
    ("composite_part_added", Semver::Major, ""),
    ("act_publication_known", Semver::Patch, ""),
    ("required_items_reordered", Semver::Major, ""),
    ("names_of_two_items_swapped", Semver::Major, ""),
    ("lists_reordered", Semver::Patch, ""),
    ("composite_parts_reordered", Semver::Patch, ""),
    ("checked_composite_parts_reordered", Semver::Major, ""),
    ("value_exported_anyway_named", Semver::Patch, ""),
    ("data_row_text_changed", Semver::Patch, ""),
    ("data_rows_reordered", Semver::Patch, ""),
    ("reference_registration_changed", Semver::Patch, ""),
    ("value_example_changed", Semver::Patch, ""),
];

/// A generated `dactylo-records` in `dir`, as package `package`: the workspace's hand-written
/// root, and `sources`, a spec's generated files.
fn records_crate(sources: &Output, dir: &Path, package: &str) {
    fs::create_dir_all(dir.join("src")).unwrap();
    let workspace = Path::new(WORKSPACE).canonicalize().unwrap();
    fs::copy(
        workspace.join("generated/src/lib.rs"),
        dir.join("src/lib.rs"),
    )
    .unwrap();
    let values = workspace.join("generated/values");
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{package}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n[features]\ndefault = [\"serde\"]\n\
             serde = [\"dep:serde\", \"dactylo-values/serde\"]\nnist = [\"dactylo-values/nist\"]\n\n\
             [dependencies]\n\
             dactylo-values = {{ path = {values:?}, default-features = false }}\n\
             serde = {{ version = \"1\", optional = true }}\n"
        ),
    )
    .unwrap();
    sources.write(dir).unwrap();
}

/// A downstream program, `source`, in `dir`, as package `package`, using the records crate
/// `records` as `dactylo_records`.
fn downstream_crate(dir: &Path, package: &str, records: &str, source: &str) {
    fs::create_dir_all(dir.join("src")).unwrap();
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{package}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n[dependencies]\n\
             dactylo-records = {{ package = \"{records}\", path = \"../{records}\" }}\n\
             serde = \"1\"\nserde_json = \"1\"\n"
        ),
    )
    .unwrap();
    fs::write(dir.join("src/main.rs"), source).unwrap();
}

/// Whether two generated crates hold the same Rust: then code compiles against both alike, and
/// both read and write the same JSON, so neither needs building.
fn same_code(newer: &Output, older: &Output) -> bool {
    let rust = |output: &Output| -> Vec<dactylo_codegen::GeneratedFile> {
        output
            .files()
            .iter()
            .filter(|file| file.path.starts_with("src"))
            .cloned()
            .collect()
    };
    rust(newer) == rust(older)
}

/// The package names of a records crate and of the two downstream crates of an amendment.
fn packages(name: &str) -> [String; 3] {
    let name = name.replace('_', "-");
    [
        format!("records-{name}"),
        format!("older-code-with-{name}"),
        format!("{name}-code-with-older"),
    ]
}

/// Runs `cargo <args> --keep-going --message-format=json` for `packages` in the scratch
/// workspace `root`, and returns the packages whose binary compiled, with its file, and what
/// cargo printed to stderr.
fn compiled(root: &Path, args: &[&str], packages: &[String]) -> (Vec<(String, PathBuf)>, String) {
    let mut command = scratch::command(root, args);
    command.args(["--keep-going", "--message-format=json"]);
    for package in packages {
        command.args(["-p", package]);
    }
    let output = command.output().unwrap();
    let built = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-artifact")
        .filter(|message| message["target"]["kind"][0] == "bin")
        .map(|message| {
            let name = message["target"]["name"].as_str().unwrap().to_owned();
            let file = message["executable"]
                .as_str()
                .or_else(|| message["filenames"][0].as_str())
                .unwrap();
            (name, PathBuf::from(file))
        })
        .collect();
    (built, String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Each JSON file the older crate wrote, its record's name, and the JSON.
fn stored_json(dir: &Path) -> Vec<(String, String, serde_json::Value)> {
    let mut found: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .map(|path| {
            let file = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let record = file.split('.').next().unwrap().to_owned();
            let json = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
            (file, record, json)
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// The validators of the schemas met so far, by the schema's text: most amendments leave a
/// record's schema as it was.
#[derive(Default)]
struct Validators(HashMap<String, jsonschema::Validator>);

impl Validators {
    /// What the newer crate's schemas say of the stored JSON: each file refused, with why.
    fn refusals(
        &mut self,
        newer: &Spec,
        crate_dir: &Path,
        stored: &[(String, String, serde_json::Value)],
    ) -> Vec<String> {
        let plan = newer.plan();
        let schemas = &plan.files.as_ref().unwrap().schemas;
        stored
            .iter()
            .filter_map(|(file, record, json)| {
                let Some(index) = plan
                    .records
                    .iter()
                    .position(|module| module.name.as_str() == record)
                else {
                    return Some(format!("{file}: no schema of `{record}`"));
                };
                let path = crate_dir.join("schema").join(schemas[index].as_str());
                let text = fs::read_to_string(path).unwrap();
                let validator = self.0.entry(text).or_insert_with_key(|text| {
                    jsonschema::validator_for(&serde_json::from_str(text).unwrap()).unwrap()
                });
                let errors: Vec<String> = validator
                    .iter_errors(json)
                    .map(|error| match error.instance_path().as_str() {
                        "" => error.to_string(),
                        path => format!("{error} (at {path})"),
                    })
                    .collect();
                (!errors.is_empty()).then(|| format!("{file}: {}", errors.join("; ")))
            })
            .collect()
    }
}

#[test]
#[ignore = "about 40 CPU-seconds cold, past the test command's budget: `.ci/run` runs it, as \
            `cargo test -p dactylo-codegen --test it -- --ignored oracle`"]
fn every_verdict_is_at_least_what_downstream_code_stored_json_and_schemas_see() {
    let scratch_dir = tempfile::tempdir().unwrap();
    let root = scratch_dir.path();
    let older = Spec::parse(SPEC, SPEC_PATH).unwrap();
    // Both named as the frozen spec, so that the generated headers agree.
    let newer: Vec<Spec> = AMENDMENTS
        .iter()
        .map(|amendment| Spec::parse(&amended(amendment), SPEC_PATH).unwrap())
        .collect();

    let older_source = downstream::program(&older);
    let older_sources = older.crate_sources().unwrap();
    let newer_sources: Vec<Output> = newer
        .iter()
        .map(|spec| spec.crate_sources().unwrap())
        .collect();
    records_crate(&older_sources, &root.join("records-older"), "records-older");
    downstream_crate(
        &root.join("older-code-with-older"),
        "older-code-with-older",
        "records-older",
        &older_source,
    );
    let mut members = vec![
        "records-older".to_owned(),
        "older-code-with-older".to_owned(),
    ];
    for ((amendment, spec), sources) in AMENDMENTS.iter().zip(&newer).zip(&newer_sources) {
        let [records, older_with_newer, newer_with_older] = packages(amendment.name);
        records_crate(sources, &root.join(&records), &records);
        if same_code(sources, &older_sources) {
            members.push(records);
            continue;
        }
        downstream_crate(
            &root.join(&older_with_newer),
            &older_with_newer,
            &records,
            &older_source,
        );
        downstream_crate(
            &root.join(&newer_with_older),
            &newer_with_older,
            "records-older",
            &downstream::program(spec),
        );
        members.extend([records, older_with_newer, newer_with_older]);
    }
    fs::write(
        root.join("Cargo.toml"),
        format!("[workspace]\nresolver = \"3\"\nmembers = {members:?}\n"),
    )
    .unwrap();
    fs::copy(
        Path::new(WORKSPACE).join("Cargo.lock"),
        root.join("Cargo.lock"),
    )
    .unwrap();

    // The newer code is only checked against the older crate; the older code is built against
    // each newer one, to read the JSON where it compiles.
    let (newer_code, older_code): (Vec<String>, Vec<String>) = members
        .iter()
        .filter(|member| !member.starts_with("records-"))
        .cloned()
        .partition(|member| {
            member.ends_with("-code-with-older") && member != "older-code-with-older"
        });
    let checked: BTreeSet<String> = compiled(root, &["check"], &newer_code)
        .0
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    // Built lean: only this test builds binaries in the scratch target directory, while the
    // check above shares its dependencies with the other tests' checks.
    let lean = [
        "build",
        "--config=profile.dev.debug=0",
        "--config=profile.dev.incremental=false",
        "--config=profile.dev.codegen-units=1",
    ];
    let (built, stderr) = compiled(root, &lean, &older_code);
    let program = |name: &str| {
        built
            .iter()
            .find(|(built, _)| built == name)
            .map(|(_, file)| file.clone())
    };
    let writer = program("older-code-with-older")
        .unwrap_or_else(|| panic!("the older code does not build with its crate:\n{stderr}"));
    let json_dir = root.join("older-json");
    fs::create_dir_all(&json_dir).unwrap();
    let written = std::process::Command::new(&writer)
        .arg("write")
        .arg(&json_dir)
        .output()
        .unwrap();
    assert!(written.status.success(), "{written:?}");
    let stored = stored_json(&json_dir);
    assert_eq!(stored.len(), 2 * older.model().records.len());

    let mut validators = Validators::default();
    let mut report = String::new();
    let mut wrong = Vec::new();
    for ((amendment, spec), sources) in AMENDMENTS.iter().zip(&newer).zip(&newer_sources) {
        let [records, older_with_newer, newer_with_older] = packages(amendment.name);
        let mut seen: Vec<(Semver, String)> = Vec::new();
        if sources.files() != older_sources.files() {
            seen.push((Semver::Patch, "generated files differ".to_owned()));
        }
        let same = same_code(sources, &older_sources);
        if !same && !checked.contains(&newer_with_older) {
            seen.push((
                Semver::Minor,
                "newer code does not compile with the older crate".into(),
            ));
        }
        if same {
            // The same Rust compiles to the same API and reads and writes the same JSON.
        } else if let Some(reader) = program(&older_with_newer) {
            let read = std::process::Command::new(reader)
                .arg("read")
                .arg(&json_dir)
                .output()
                .unwrap();
            assert!(read.status.success(), "{read:?}");
            for line in String::from_utf8(read.stdout).unwrap().lines() {
                if !line.ends_with(": same") {
                    seen.push((Semver::Major, format!("stored JSON {line}")));
                }
            }
        } else {
            seen.push((
                Semver::Major,
                "older code does not compile with the newer crate".into(),
            ));
        }
        for refusal in validators.refusals(spec, &root.join(&records), &stored) {
            seen.push((Semver::Major, format!("schema refuses {refusal}")));
        }
        let finding = seen
            .iter()
            .map(|(semver, _)| *semver)
            .max()
            .unwrap_or(Semver::None);
        let verdict = older.diff(spec).semver();
        let (_, expected, why) = FINDINGS
            .iter()
            .find(|(name, ..)| *name == amendment.name)
            .unwrap_or_else(|| panic!("`{}` has no finding in the table", amendment.name));
        writeln!(
            report,
            "{}: verdict {verdict}, oracle {finding}{}",
            amendment.name,
            if why.is_empty() {
                String::new()
            } else {
                format!(" ({why})")
            }
        )
        .unwrap();
        for (semver, what) in &seen {
            writeln!(report, "  {semver}: {what}").unwrap();
        }
        // A verdict above the finding says why, and only then.
        if verdict < finding || finding != *expected || why.is_empty() != (verdict == finding) {
            wrong.push(amendment.name);
        }
    }
    assert!(
        wrong.is_empty(),
        "verdicts below the oracle, oracle findings other than the table's, or a reason missing \
         or not needed: {wrong:?}\n{report}"
    );
}
