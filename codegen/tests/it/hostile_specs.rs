//! Every spec the checker accepts generates code that compiles, lints and documents clean.
//!
//! Specs are made from the real one by renaming its records, composites, fields and parts after
//! a hostile pool (the prelude's names, std's traits, every name the generator gives its own
//! items, keywords, names that differ only in case) and by replacing its texts with hostile
//! ones (Markdown, HTML, URLs, quotes, braces, invisible and right-to-left characters). Each spec
//! is either refused, with every problem placed in the text, or generated: as a module directory
//! (as `dactylo-records` holds it) and as a single file (as a build script writes it, with each
//! kind of serde support). All the generated modules go into one scratch crate, so that one
//! `cargo clippy -D warnings` and one `cargo doc` with warnings denied cover them all, with and
//! without its `serde` feature.
//!
//! The specs are drawn from the fixed seed of the property tests, so that every run checks the
//! same ones; `DACTYLO_SEED=<number>` or `DACTYLO_SEED=fresh` draws others, and
//! `DACTYLO_HOSTILE_SPECS=<count>` more.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use dactylo_codegen::{Error, ITEMS_LIMIT, NAME_LIMIT, Serde, SingleFile, Spec};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_yaml::{Mapping, Value};

const SPEC: &str = include_str!("../../../spec/resolution-939.yaml");
const RECORDS_CRATE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../generated");
const LOCKFILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock");
const DEFAULT_SPECS: usize = 32;

/// Record and composite names: the prelude's and std's, serde's, the generator's own items and
/// modules, helpers it once had, keywords, single letters its generics use, and names that differ
/// from the real spec's only in case.
const PASCAL: &[&str] = &[
    "Option",
    "Result",
    "Box",
    "Vec",
    "String",
    "Some",
    "None",
    "Ok",
    "Err",
    "TryFrom",
    "From",
    "Into",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Drop",
    "Send",
    "Sync",
    "Sized",
    "PhantomData",
    "Serialize",
    "Deserialize",
    "Deserializer",
    "Self",
    "Unset",
    "Empty",
    "Node",
    "Set",
    "Here",
    "Left",
    "Right",
    "Replace",
    "Filled",
    "Composites",
    "States",
    "Typestate",
    "Records",
    "Values",
    "Jiff",
    "Mod",
    "Type",
    "Crate",
    "Super",
    "Main",
    "S",
    "T",
    "D",
    "L",
    "P",
    "R",
    "Parts",
    "Error",
    "ValueError",
    "Capture",
    "PeriodError",
    "CompositeError",
    "NoneGivenError",
    "Act",
    "EntryIntoForce",
    "Name",
    "Date",
    "FullName",
    "VisaRecord",
    "VisaRecordBuilder",
    "VisaUnchecked",
    "FullNameIsSet",
    "SetFullName",
    "FullNameItem",
    "SetPhoto",
    "PhotoIsUnset",
    "Birth",
    "Visarecord",
    "Fullname",
    "VISARecord",
    "Serde",
    "Core",
    "Std",
    "Union",
    "Gen",
    "Sealed",
    "Holds",
    "Place",
    "Value",
    "Items",
    "C0",
    "X1",
    "A0",
    "V",
];

/// Field and part names: methods of std's traits, the builder's own methods and fields, what
/// clippy reads as conventions, keywords, modules the generated code names.
const SNAKE: &[&str] = &[
    "new",
    "state",
    "_state",
    "build",
    "builder",
    "maybe_iin",
    "maybe_state",
    "value",
    "self_",
    "type",
    "clone",
    "add",
    "sub",
    "deref",
    "as_ref",
    "borrow",
    "into",
    "fmt",
    "eq",
    "hash",
    "serialize",
    "deserialize",
    "deserializer",
    "main",
    "option",
    "result",
    "some",
    "none",
    "ok",
    "err",
    "core",
    "std",
    "serde",
    "jiff",
    "drop",
    "default",
    "from",
    "try_from",
    "into_iter",
    "next",
    "to_date",
    "from_date",
    "is_valid",
    "as_of",
    "into_force",
    "to_owned",
    "parts",
    "s",
    "t",
    "d",
    "unset",
    "typestate",
    "states",
    "composites",
    "values",
    "records",
    "full_name",
    "fullname",
    "iin",
    "photo",
    "gen",
    "union",
    "raw",
    "static",
    "r",
    "l",
    "p",
    "super_",
    "crate_name",
    "self",
    "sealed",
    "received",
    "written",
    "transaction",
    "record",
    "image",
    "part_0",
    "to_nist",
    "from_nist",
    "put_0_of_11",
    "items",
    "x0",
    "c1",
];

/// Pieces of hostile texts.
const TEXT: &[&str] = &[
    "тегі, аты",
    "Әйгерім",
    " ",
    "\n",
    "\t",
    "*",
    "**",
    "_",
    "`",
    "``",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "<b>",
    "</b>",
    "<script>",
    "<!--",
    "&",
    "&amp;",
    "#",
    "|",
    "~~",
    "\\",
    "\"",
    "'",
    "-",
    "--",
    "---",
    "+",
    "=",
    "...",
    "![",
    "[^1]",
    "[ ]",
    "{",
    "}",
    "{0}",
    "{{",
    "*/",
    "/*",
    "https://adilet.zan.kz/kaz/docs/P2400000939",
    "http://example.com/a_b?c=1&d=2",
    "www.x.kz",
    "1.",
    "2)",
    "\u{00A0}",
    "\u{200B}",
    "\u{200F}",
    "\u{FEFF}",
    "\u{2028}",
    "\u{0085}",
    "\r",
    "🙂",
    "العربية",
    "中文",
    "x\u{0301}",
    "\u{202E}",
];

#[derive(Debug, Clone)]
enum Mutation {
    RenameRecord(prop::sample::Index, &'static str),
    RenameComposite(prop::sample::Index, &'static str),
    RenameField(prop::sample::Index, prop::sample::Index, &'static str),
    RenamePart(prop::sample::Index, prop::sample::Index, &'static str),
    Text(prop::sample::Index, String),
    /// A copy of a record under another name, as a new paragraph's list.
    CopyRecord(prop::sample::Index, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<prop::sample::Index>;
    let pascal = || prop::sample::select(PASCAL);
    let snake = || prop::sample::select(SNAKE);
    let text =
        prop::collection::vec(prop::sample::select(TEXT), 1..10).prop_map(|pieces| pieces.concat());
    prop_oneof![
        (index(), pascal()).prop_map(|(at, name)| Mutation::RenameRecord(at, name)),
        (index(), pascal()).prop_map(|(at, name)| Mutation::RenameComposite(at, name)),
        (index(), index(), snake())
            .prop_map(|(at, field, name)| Mutation::RenameField(at, field, name)),
        (index(), index(), snake())
            .prop_map(|(at, part, name)| Mutation::RenamePart(at, part, name)),
        (index(), text).prop_map(|(at, text)| Mutation::Text(at, text)),
        (index(), pascal()).prop_map(|(at, name)| Mutation::CopyRecord(at, name)),
    ]
}

fn section<'a>(spec: &'a mut Value, name: &str) -> &'a mut Mapping {
    spec.get_mut(name)
        .and_then(Value::as_mapping_mut)
        .expect("the spec has the section")
}

/// `mapping` with the key at `index` renamed to `name`, in place.
fn rename_key(mapping: &mut Mapping, index: usize, name: &str) -> Option<String> {
    let entries: Vec<(Value, Value)> = std::mem::take(mapping).into_iter().collect();
    let old = entries[index].0.as_str().map(str::to_owned);
    for (position, (key, value)) in entries.into_iter().enumerate() {
        let key = if position == index {
            Value::from(name)
        } else {
            key
        };
        mapping.insert(key, value);
    }
    old
}

/// Every text node of the spec (act, data, composites, records), readings included, as a
/// mutable reference.
fn texts(spec: &mut Value) -> Vec<&mut Value> {
    fn collect<'a>(value: &'a mut Value, key: Option<&str>, found: &mut Vec<&'a mut Value>) {
        match value {
            Value::Mapping(mapping) => {
                for (key, value) in mapping.iter_mut() {
                    let key = key.as_str();
                    if key == Some("example") {
                        continue;
                    }
                    collect(value, key, found);
                }
            }
            Value::Sequence(items) => items.iter_mut().for_each(|item| collect(item, None, found)),
            Value::String(_) if matches!(key, Some("kk" | "kk_label" | "en" | "reading")) => {
                found.push(value);
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    collect(spec, None, &mut found);
    found
}

fn apply(spec: &mut Value, mutation: &Mutation) {
    match mutation {
        Mutation::RenameRecord(at, name) => {
            let records = section(spec, "records");
            let index = at.index(records.len());
            rename_key(records, index, name);
        }
        Mutation::RenameComposite(at, name) => {
            let composites = section(spec, "composites");
            let index = at.index(composites.len());
            let Some(old) = rename_key(composites, index, name) else {
                return;
            };
            // Every field and part of that type follows the rename.
            for section_name in ["composites", "records"] {
                for (_, entry) in section(spec, section_name).iter_mut() {
                    for key in ["parts", "fields"] {
                        let Some(Value::Sequence(members)) = entry.get_mut(key) else {
                            continue;
                        };
                        for member in members {
                            if member.get("type").and_then(Value::as_str) == Some(old.as_str()) {
                                member["type"] = Value::from(*name);
                            }
                        }
                    }
                }
            }
        }
        Mutation::RenameField(at, field, name) => {
            let records = section(spec, "records");
            let index = at.index(records.len());
            let (_, record) = records.iter_mut().nth(index).expect("in range");
            if let Some(Value::Sequence(fields)) = record.get_mut("fields") {
                let position = field.index(fields.len());
                let field = &mut fields[position];
                // The datum the field fills stays the one its old name gave it.
                if field.get("data").is_none() {
                    let old = field["ident"].clone();
                    field["data"] = Value::Sequence(vec![old]);
                }
                field["ident"] = Value::from(*name);
            }
        }
        Mutation::RenamePart(at, part, name) => {
            let composites = section(spec, "composites");
            let index = at.index(composites.len());
            let (_, composite) = composites.iter_mut().nth(index).expect("in range");
            let Some(Value::Sequence(parts)) = composite.get_mut("parts") else {
                return;
            };
            let part = part.index(parts.len());
            let old = parts[part]["ident"].as_str().map(str::to_owned);
            parts[part]["ident"] = Value::from(*name);
            // A period names its parts: it follows the rename.
            if let Some(Value::Sequence(periods)) = composite.get_mut("periods") {
                for period in periods {
                    for end in ["start", "end"] {
                        if period.get(end).and_then(Value::as_str) == old.as_deref() {
                            period[end] = Value::from(*name);
                        }
                    }
                }
            }
        }
        Mutation::Text(at, text) => {
            let mut found = texts(spec);
            let index = at.index(found.len());
            *found[index] = Value::from(text.as_str());
        }
        Mutation::CopyRecord(at, name) => {
            let records = section(spec, "records");
            let index = at.index(records.len());
            let (_, record) = records.iter().nth(index).expect("in range");
            let mut copy = record.clone();
            let paragraph = 11 + records.len() as u64;
            copy["paragraph"] = Value::from(paragraph);
            if let Some(Value::Sequence(fields)) = copy.get_mut("fields") {
                for field in fields {
                    field["citation"]["paragraph"] = Value::from(paragraph);
                }
            }
            records.insert(Value::from(*name), copy);
        }
    }
}

/// The act and value types of the small golden spec, before its composites.
const GOLDEN: &str = include_str!("../data/golden.yaml");

/// Specs of every shape the lints meet: records of 0, 1, 16, 17, 64 and 200 items, all required
/// or all optional, a composite of one part, and names at the length limit and beyond it. Each
/// is named for what it is, and says whether the checker accepts it.
fn shapes() -> Vec<(String, String, bool)> {
    let head = &GOLDEN[..GOLDEN.find("composites:").unwrap()];
    let item = |paragraph: usize, number: usize, ty: &str, optional: bool| {
        let (kk, optional) = if optional {
            (
                " (бар болса)",
                ", optional: true, condition: { kk: бар болса, en: if any }",
            )
        } else {
            ("", "")
        };
        format!(
            "      - {{ ident: item_{number}, type: {ty}, citation: {{ paragraph: {paragraph}, item: {number} }}, \
             kk: мәлімет {number}{kk}, en: datum {number}{optional} }}\n"
        )
    };
    let record = |name: &str, paragraph: usize, items: &str| {
        let fields = if items.is_empty() { " []\n" } else { "\n" };
        format!(
            "  {name}:\n    paragraph: {paragraph}\n    lead_in: {{ kk: \"мәліметтер:\", en: \"data:\" }}\n    \
             fields:{fields}{items}"
        )
    };
    let of = |paragraph: usize, count: usize, optional: bool, ty: &str| -> String {
        (1..=count)
            .map(|number| item(paragraph, number, ty, optional))
            .collect()
    };
    let one_part = "composites:\n  Only:\n    kk: бір\n    en: one\n    parts:\n      - { ident: only, type: Name, kk: бір, en: one }\n";
    let long = |length: usize| format!("R{}", "x".repeat(length - 1));
    let mut specs = Vec::new();
    for count in [0, 1, 16, 17, 64, 200] {
        for optional in [false, true] {
            let name = if optional { "Optional" } else { "Required" };
            let text = format!(
                "{head}records:\n{}",
                record(name, 1, &of(1, count, optional, "Name"))
            );
            let accepted = (1..=ITEMS_LIMIT).contains(&count);
            specs.push((format!("{count} items, {name}"), text, accepted));
        }
    }
    let text = format!(
        "{head}{one_part}records:\n{}{}",
        record("OnePart", 1, &of(1, 1, false, "Only")),
        record("OneOptionalPart", 2, &of(2, 1, true, "Only"))
    );
    specs.push(("a composite of one part".to_owned(), text, true));
    for length in [NAME_LIMIT, NAME_LIMIT + 1] {
        let text = format!(
            "{head}records:\n{}",
            record(&long(length), 1, &of(1, 2, false, "Date"))
        );
        let accepted = length <= NAME_LIMIT;
        specs.push((
            format!("a record name of {length} characters"),
            text,
            accepted,
        ));
    }
    specs
}

/// A spec the checker refused: every problem is placed in the text, with a message.
fn assert_located(error: &Error, text: &str) {
    let Error::InvalidSpec { problems, .. } = error else {
        panic!("a spec is refused as invalid, not with: {error}\n\n{text}");
    };
    assert!(!problems.is_empty());
    for problem in problems {
        assert!(
            problem.span.is_some() && !problem.message.is_empty(),
            "an unplaced problem: {problem:?}\n\n{text}"
        );
    }
}

/// The serde support of the `index`th single file: each kind in turn.
fn serde_of(index: usize) -> Serde {
    match index % 3 {
        0 => Serde::Off,
        1 => Serde::On,
        _ => Serde::Feature("serde".to_owned()),
    }
}

/// What the scratch crate's `lib.rs` says of the accepted spec `index`.
fn modules(index: usize, serde: &Serde) -> String {
    let gate = if *serde == Serde::On {
        "#[cfg(feature = \"serde\")]\n"
    } else {
        ""
    };
    format!(
        "/// Spec {index}, as `dactylo-records` holds its module.\npub mod spec_{index};\n\
         /// Spec {index}, as a build script generates it.\n{gate}pub mod single_{index} {{\n    \
         include!(\"single_{index}.rs\");\n}}\n"
    )
}

struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new() -> Scratch {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-specs");
        let _ = fs::remove_dir_all(dir.join("src"));
        fs::create_dir_all(dir.join("src")).unwrap();
        let manifest = format!(
            "[package]\nname = \"hostile-specs\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [workspace]\n\n\
             [features]\ndefault = [\"serde\", \"nist\"]\nserde = [\"dep:serde\", \"dactylo-records/serde\"]\n\
             nist = [\"dactylo-records/nist\"]\n\n\
             [dependencies]\ndactylo-records = {{ path = {RECORDS_CRATE:?}, default-features = false }}\n\
             serde = {{ version = \"1\", features = [\"derive\"], optional = true }}\n"
        );
        fs::write(dir.join("Cargo.toml"), manifest).unwrap();
        // The workspace's versions, so that no dependency is fetched or resolved anew.
        fs::copy(LOCKFILE, dir.join("Cargo.lock")).unwrap();
        Scratch { dir }
    }

    fn cargo(&self, args: &[&str], rustdocflags: bool) -> (bool, String) {
        crate::support::scratch::cargo(&self.dir, args, rustdocflags)
    }
}

fn count() -> usize {
    std::env::var("DACTYLO_HOSTILE_SPECS")
        .ok()
        .and_then(|count| count.parse().ok())
        .unwrap_or(DEFAULT_SPECS)
}

#[test]
fn every_accepted_spec_compiles_lints_and_documents_clean() {
    let seed = crate::seeds::seed();
    let mut bytes = [0; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = prop::collection::vec(mutation(), 1..5);
    let real: Value = serde_yaml::from_str(SPEC).unwrap();

    let scratch = Scratch::new();
    let mut lib = String::from(
        "//! Modules generated from hostile specs.\n#![deny(missing_docs)]\n\n\
         mod values {\n    pub use dactylo_records::*;\n}\n\n",
    );
    let (mut accepted, mut refused) = (Vec::new(), Vec::new());
    let drawn = (0..count()).map(|_| {
        let mutations = strategy.new_tree(&mut runner).unwrap().current();
        let mut spec = real.clone();
        for mutation in &mutations {
            apply(&mut spec, mutation);
        }
        (
            format!("{mutations:?}"),
            serde_yaml::to_string(&spec).unwrap(),
            None,
        )
    });
    let shapes = shapes()
        .into_iter()
        .map(|(what, text, accepted)| (what, text, Some(accepted)));
    let specs: Vec<(String, String, Option<bool>)> = shapes.chain(drawn).collect();
    for (index, (what, text, expected)) in specs.iter().enumerate() {
        let generated = Spec::parse(text, format!("spec-{index}.yaml")).and_then(|spec| {
            let crate_sources = spec.crate_sources()?;
            let options = SingleFile::new(format!("single_{index}.rs")).serde(serde_of(index));
            Ok((crate_sources, spec.single_file(&options)?))
        });
        if let Some(expected) = expected {
            assert_eq!(
                generated.is_ok(),
                *expected,
                "{what}: {:?}",
                generated.as_ref().err()
            );
        }
        match generated {
            Err(error) => {
                assert_located(&error, text);
                let first = match &error {
                    Error::InvalidSpec { problems, .. } => problems[0].message.clone(),
                    _ => unreachable!(),
                };
                refused.push(format!("spec {index} ({what}): {first}"));
            }
            Ok((crate_sources, single_file)) => {
                let module_dir = scratch.dir.join(format!("src/spec_{index}"));
                for file in crate_sources.files() {
                    if let Ok(relative) = file.path.strip_prefix("src/records") {
                        let path = module_dir.join(relative);
                        fs::create_dir_all(path.parent().unwrap()).unwrap();
                        fs::write(path, &file.contents).unwrap();
                    }
                }
                single_file.write(&scratch.dir.join("src")).unwrap();
                lib.push_str(&modules(index, &serde_of(index)));
                fs::write(scratch.dir.join(format!("spec-{index}.yaml")), text).unwrap();
                accepted.push(format!("spec {index}: {what}"));
            }
        }
    }
    fs::write(scratch.dir.join("src/lib.rs"), &lib).unwrap();
    eprintln!(
        "seed {seed}: {} specs accepted, {} refused:\n{}",
        accepted.len(),
        refused.len(),
        refused.join("\n")
    );
    assert!(
        accepted.len() * 4 >= count(),
        "too few specs were accepted to prove anything: {}",
        accepted.len()
    );

    let mut failures = String::new();
    for (args, rustdocflags) in [
        (&["clippy", "--", "-D", "warnings"][..], false),
        (
            &["clippy", "--no-default-features", "--", "-D", "warnings"][..],
            false,
        ),
        (&["doc", "--no-deps"][..], true),
        (&["doc", "--no-deps", "--no-default-features"][..], true),
    ] {
        let (ok, stderr) = scratch.cargo(args, rustdocflags);
        if !ok {
            let _ = write!(failures, "\n`cargo {}` failed:\n{stderr}", args.join(" "));
        }
    }
    assert!(
        failures.is_empty(),
        "seed {seed}; the specs are in {}:\n{}\n{failures}",
        scratch.dir.display(),
        accepted.join("\n")
    );
}

/// The reference's programs glob-import the crate: where the spec names a type like a prelude
/// item (`Result`, `Some`), they write the prelude's by its path from `core`, and only there.
#[test]
fn reference_programs_reach_the_prelude_past_spec_names() {
    let readme = |text: &str| {
        let sources = Spec::parse(text, "golden.yaml")
            .unwrap()
            .crate_sources()
            .unwrap();
        let file = sources
            .files()
            .iter()
            .find(|file| file.path.ends_with("README.md"))
            .unwrap();
        String::from_utf8(file.contents.clone().into()).unwrap()
    };
    let plain = readme(GOLDEN);
    assert!(
        plain.contains("fn main() -> Result<(), ValueError>"),
        "{plain}"
    );
    assert!(!plain.contains("::core::result"), "{plain}");
    let renamed = GOLDEN.replace("Holder", "Result").replace("Span", "Some");
    let shadowed = readme(&renamed);
    assert!(
        shadowed.contains("fn main() -> ::core::result::Result<(), ValueError>"),
        "{shadowed}"
    );
    assert!(!shadowed.contains("-> Result<"), "{shadowed}");
}

/// A record without a required item builds with nothing set, so no compile-fail case of it is
/// written: every case written fails to compile.
#[test]
fn no_compile_fail_case_is_written_for_a_record_that_builds_with_nothing_set() {
    for (what, text, accepted) in shapes() {
        if !accepted || what.contains("record name") {
            continue;
        }
        let cases = Spec::parse(&text, "shape.yaml")
            .unwrap()
            .compile_fail_cases("dactylo_records")
            .unwrap();
        let expected = usize::from(!what.ends_with("Optional"));
        let files = cases.files().len();
        assert!(
            if what.starts_with("a composite") {
                files == 1
            } else {
                files == expected
            },
            "{what}: {files} case files"
        );
    }
}
