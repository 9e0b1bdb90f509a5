//! The schemas as validators someone else wrote judge them, run as they run by default (formats
//! not asserted): Python's `jsonschema` 4.26.0, whose `pattern` is Python's `re` (where `$`
//! matches before a final line feed), and, where Node is installed, Ajv 8.17.1 in strict mode.
//! Each judges the complete records with every string near-missed ([`EDITS`]) and records
//! mutated from a fixed seed; each must accept what Rust accepts and refuse what Rust refuses,
//! but for the rules no schema states ([`UNSTATED_RULES`]).
//!
//! Without Python, the test says it skipped Python, unless `DACTYLO_VALIDATORS=required` (as
//! `.ci/run` sets it) makes that a failure; without Node, or when npm cannot install Ajv, it
//! says it skipped Ajv. It prints which validators ran.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use dactylo_tests::fixtures::{EachRecord, Record, each_record};
use dactylo_tests::{any_record, complete};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use serde_json::Value;

use super::schema_agreement::{EDITS, UNSTATED_RULES, leaves, mutated, mutation};
use crate::support::json::node_mut;
use crate::support::python::venv;

const SCRIPTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/validators");
const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../generated/schema");
const AJV: &str = "ajv@8.17.1";

/// What Rust says of an instance: a schema must say the same, or either where Rust refuses it
/// for a rule no schema states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Accepted,
    Refused,
    EitherWay,
}

fn verdict<R: Record>(instance: &Value) -> Verdict {
    match serde_json::from_value::<R>(instance.clone()) {
        Ok(_) => Verdict::Accepted,
        Err(error)
            if UNSTATED_RULES
                .iter()
                .any(|rule| error.to_string().contains(rule)) =>
        {
            Verdict::EitherWay
        }
        Err(_) => Verdict::Refused,
    }
}

/// Writes each record's schema and instances into `directory`, keeping Rust's verdicts.
struct Corpus<'d> {
    directory: &'d Path,
    instances: BTreeMap<String, Vec<(Value, Verdict)>>,
}

impl EachRecord for Corpus<'_> {
    fn record<R: Record>(&mut self) {
        let mut instances = Vec::new();
        let json = serde_json::to_value(complete::<R>()).unwrap();
        instances.push(json.clone());
        // One leaf of each place: the ten fingers' impressions are judged alike.
        let mut places = std::collections::BTreeSet::new();
        for path in leaves(&json) {
            let place: Vec<&str> = path
                .iter()
                .map(|step| match step.parse::<usize>() {
                    Ok(_) => "*",
                    Err(_) => step.as_str(),
                })
                .collect();
            if !places.insert(place.join(".")) {
                continue;
            }
            let Value::String(text) = node_mut(&mut json.clone(), &path).clone() else {
                continue;
            };
            for edit in EDITS {
                for variant in [format!("{edit}{text}"), format!("{text}{edit}")] {
                    let mut instance = json.clone();
                    *node_mut(&mut instance, &path) = Value::from(variant);
                    instances.push(instance);
                }
            }
        }
        let drawn = RefCell::new(Vec::new());
        let mut runner = TestRunner::new(ProptestConfig {
            failure_persistence: None,
            ..dactylo_tests::seeds::config(48)
        });
        runner
            .run(
                &(any_record::<R>(), prop::collection::vec(mutation(), 0..3)),
                |(record, mutations)| {
                    drawn.borrow_mut().push(mutated(&record, &mutations));
                    Ok(())
                },
            )
            .unwrap();
        instances.extend(drawn.into_inner());
        let name = R::SCHEMA.strip_suffix(".schema.json").unwrap();
        std::fs::copy(
            Path::new(SCHEMAS).join(R::SCHEMA),
            self.directory.join(R::SCHEMA),
        )
        .unwrap();
        std::fs::write(
            self.directory.join(format!("{name}.instances.json")),
            serde_json::to_vec(&instances).unwrap(),
        )
        .unwrap();
        let judged = instances
            .into_iter()
            .map(|instance| {
                let verdict = verdict::<R>(&instance);
                (instance, verdict)
            })
            .collect();
        self.instances.insert(name.to_owned(), judged);
    }
}

/// Runs `command`, which prints `{NAME: [bool, ...]}`, and returns what it printed.
fn verdicts(mut command: Command) -> BTreeMap<String, Vec<bool>> {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Node with Ajv installed under `root/node`, or why there is none (`None` when Node is absent).
fn ajv(root: &Path) -> Result<PathBuf, Option<String>> {
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|output| output.status.success()) {
        return Err(None);
    }
    let prefix = root.join("node");
    if !prefix.join("node_modules/ajv/package.json").exists() {
        let installed = Command::new("npm")
            .args(["install", "--silent", "--no-save", "--prefix"])
            .arg(&prefix)
            .arg(AJV)
            .output()
            .map_err(|error| Some(format!("npm did not run ({error})")))?;
        if !installed.status.success() {
            return Err(Some(format!(
                "npm could not install {AJV}: {}",
                String::from_utf8_lossy(&installed.stderr)
            )));
        }
    }
    Ok(PathBuf::from("node"))
}

/// Every instance a validator judges otherwise than Rust, described without its bulk.
fn disagreements(
    validator: &str,
    instances: &BTreeMap<String, Vec<(Value, Verdict)>>,
    judged: &BTreeMap<String, Vec<bool>>,
) -> Vec<String> {
    let mut found = Vec::new();
    for (name, instances) in instances {
        let verdicts = &judged[name];
        assert_eq!(verdicts.len(), instances.len(), "{validator}: {name}");
        for ((instance, rust), accepted) in instances.iter().zip(verdicts) {
            let agrees = match rust {
                Verdict::Accepted => *accepted,
                Verdict::Refused => !*accepted,
                Verdict::EitherWay => true,
            };
            if !agrees {
                let mut shown = instance.to_string();
                shown.truncate(600);
                found.push(format!(
                    "{validator} {} what Rust {rust:?} in {name}: {shown}",
                    if *accepted { "accepts" } else { "refuses" }
                ));
            }
        }
    }
    found
}

#[test]
fn validators_of_other_languages_judge_as_rust_does() {
    let required = std::env::var("DACTYLO_VALIDATORS").as_deref() == Ok("required");
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("validators");
    let directory = root.join("instances");
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).unwrap();
    let mut corpus = Corpus {
        directory: &directory,
        instances: BTreeMap::new(),
    };
    each_record(&mut corpus);
    let mut ran = Vec::new();
    let mut found = Vec::new();
    match venv(&root, "jsonschema==4.26.0", "import jsonschema") {
        Ok(python) => {
            let mut command = Command::new(python);
            command
                .arg(Path::new(SCRIPTS).join("check.py"))
                .arg(&directory);
            found.extend(disagreements(
                "jsonschema (Python)",
                &corpus.instances,
                &verdicts(command),
            ));
            ran.push("Python jsonschema 4.26.0");
        }
        Err(reason) if !required => eprintln!("SKIPPED Python jsonschema: {reason}"),
        Err(reason) => panic!("DACTYLO_VALIDATORS=required, and {reason}"),
    }
    match ajv(&root) {
        Ok(node) => {
            let mut command = Command::new(node);
            command
                .arg(Path::new(SCRIPTS).join("check.mjs"))
                .arg(&directory);
            found.extend(disagreements("Ajv", &corpus.instances, &verdicts(command)));
            ran.push("Ajv 8.17.1 (strict)");
        }
        Err(None) => eprintln!("SKIPPED Ajv: Node is not installed"),
        Err(Some(reason)) => eprintln!("SKIPPED Ajv: {reason}"),
    }
    let judged: usize = corpus.instances.values().map(Vec::len).sum();
    eprintln!("{judged} instances judged by {}", ran.join(" and "));
    assert!(found.is_empty(), "{}", found.join("\n"));
}
