//! Whatever text it is given, the generator answers with a spec or with problems, never a panic:
//! arbitrary bytes, and the real spec with random damage, go through loading, checking and (when
//! accepted) every output. A spec `Spec::parse` accepts may still not fit an output (a value
//! type `dactylo-records` lacks fits a build script's own values, not the records crate): each
//! output either generates or refuses it with every problem placed in the text. For longer runs,
//! see `.ci/fresh-seeds` and the `cargo fuzz` target in `codegen/fuzz/`.

use dactylo_codegen::{Error, Output, Serde, SingleFile, Spec};
use proptest::prelude::*;

use crate::seeds;

const SPEC: &str = include_str!("../../../spec/resolution-939.yaml");
const FROZEN: &str = include_str!("../data/resolution-939.yaml");

/// An output either generated, or refused as an invalid spec with every problem placed.
fn generated_or_located(what: &str, output: Result<Output, Error>) -> Result<(), TestCaseError> {
    match output {
        Ok(_) => Ok(()),
        Err(Error::InvalidSpec { problems, .. }) => {
            prop_assert!(!problems.is_empty(), "{what}: refused with no problem");
            for problem in &problems {
                prop_assert!(
                    problem.span.is_some(),
                    "{what}: an unplaced problem: {problem:?}"
                );
            }
            Ok(())
        }
        Err(other) => Err(TestCaseError::fail(format!(
            "{what}: unexpected error: {other}"
        ))),
    }
}

/// Runs the whole pipeline but the writing, for every output; a panic fails the property.
fn generate(text: &str) -> Result<(), TestCaseError> {
    match Spec::parse(text, "spec.yaml") {
        Ok(spec) => {
            generated_or_located("the crate", spec.crate_sources())?;
            generated_or_located("the cases", spec.compile_fail_cases("dactylo_records"))?;
            // The records crate's values with serde behind a feature, which emits the serde code
            // and its gates; values of one's own without serde.
            let options = SingleFile::new("records.rs").serde(Serde::Feature("serde".to_owned()));
            generated_or_located("a single file", spec.single_file(&options))?;
            let own_values = SingleFile::new("records.rs").values("crate::values");
            generated_or_located(
                "a single file of its own values",
                spec.single_file(&own_values),
            )?;
        }
        Err(Error::InvalidSpec { problems, .. }) => prop_assert!(!problems.is_empty()),
        Err(other) => return Err(TestCaseError::fail(format!("unexpected error: {other}"))),
    }
    Ok(())
}

/// The spec whose damage once made this test fail at random: two lines swapped turn a composite
/// into a value type. `Spec::parse` accepts it (a build script may supply the type); generating
/// `dactylo-records` refuses it, at the value type, with a message that says why.
#[test]
fn a_composite_turned_value_type_is_refused_where_the_records_crate_is_generated() {
    let swapped = swap_lines(FROZEN, "  Sex:", "  PriorPermits:");
    let spec = Spec::parse(&swapped, "spec.yaml").expect("the damaged spec is a valid spec");
    let Err(Error::InvalidSpec { problems, .. }) = spec.crate_sources() else {
        panic!("dactylo-records was generated with a value type it lacks");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path.as_deref(), Some("values.PriorPermits"));
    assert_eq!(
        problems[0].message,
        "`PriorPermits` is not a value type of dactylo-records"
    );
    let line = swapped
        .lines()
        .position(|line| line == "  PriorPermits:")
        .unwrap();
    assert_eq!(
        problems[0].span.as_ref().map(|span| span.line),
        Some(line + 1)
    );
    generate(&swapped).unwrap();
}

/// `text` with the line `a` and the line `b` swapped.
fn swap_lines(text: &str, a: &str, b: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    let find = |wanted: &str| lines.iter().position(|line| *line == wanted).unwrap();
    let (a, b) = (find(a), find(b));
    lines.swap(a, b);
    lines.join("\n") + "\n"
}

/// Damage a person editing the spec could do, and some they would not.
#[derive(Debug, Clone)]
enum Damage {
    DeleteLine(prop::sample::Index),
    RepeatLine(prop::sample::Index),
    SwapLines(prop::sample::Index, prop::sample::Index),
    Truncate(prop::sample::Index),
    ReplaceCharacter(prop::sample::Index, char),
    ReplaceWord(prop::sample::Index, &'static str),
}

fn damage() -> impl Strategy<Value = Damage> {
    let index = any::<prop::sample::Index>;
    let character = prop::sample::select(vec![
        ':', '-', ' ', '\t', '\n', '{', '}', '[', ']', '"', '\'', '#', '&', '*', '!', '|', '>',
        '%', '@', '`', 'ә', '0',
    ]);
    let word = prop::sample::select(vec![
        "type",
        "Self",
        "optional",
        "true",
        "null",
        "~",
        "0",
        "-1",
        "99999999999",
        "Date",
        "FullName",
        "Unknown",
        "[]",
        "{}",
        "\"\"",
        "build",
        "maybe_iin",
        "periods",
        "repealed",
        "1e9",
        "2024-02-30",
        "*anchor",
        "&anchor",
    ]);
    prop_oneof![
        index().prop_map(Damage::DeleteLine),
        index().prop_map(Damage::RepeatLine),
        (index(), index()).prop_map(|(a, b)| Damage::SwapLines(a, b)),
        index().prop_map(Damage::Truncate),
        (index(), character).prop_map(|(at, c)| Damage::ReplaceCharacter(at, c)),
        (index(), word).prop_map(|(at, w)| Damage::ReplaceWord(at, w)),
    ]
}

fn apply(text: &str, damage: &Damage) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    let characters: Vec<char> = text.chars().collect();
    match damage {
        Damage::DeleteLine(at) => {
            lines.remove(at.index(lines.len()));
        }
        Damage::RepeatLine(at) => {
            let index = at.index(lines.len());
            lines.insert(index, lines[index]);
        }
        Damage::SwapLines(a, b) => {
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(a, b);
        }
        Damage::Truncate(at) => return characters[..at.index(characters.len())].iter().collect(),
        Damage::ReplaceCharacter(at, c) => {
            let mut characters = characters;
            let index = at.index(characters.len());
            characters[index] = *c;
            return characters.into_iter().collect();
        }
        Damage::ReplaceWord(at, word) => {
            let words: Vec<&str> = text.split_inclusive(char::is_whitespace).collect();
            let index = at.index(words.len());
            let mut damaged = String::new();
            for (position, original) in words.iter().enumerate() {
                if position == index {
                    damaged.push_str(word);
                    damaged.extend(original.chars().filter(|c| c.is_whitespace()));
                } else {
                    damaged.push_str(original);
                }
            }
            return damaged;
        }
    }
    lines.join("\n") + "\n"
}

proptest! {
    #![proptest_config(seeds::config(256))]

    #[test]
    fn damaged_specs_never_panic(damages in prop::collection::vec(damage(), 1..4)) {
        let text = damages.iter().fold(SPEC.to_owned(), |text, damage| apply(&text, damage));
        generate(&text)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        generate(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn arbitrary_yaml_shaped_text_never_panics(text in "[a-z_:{}\\[\\], \\n-]{0,200}") {
        generate(&text)?;
    }
}
