//! Whatever text it is given, the generator answers with a spec or with problems, never a panic:
//! arbitrary bytes, and the real spec with random damage, go through loading, checking and (when
//! accepted) emission. For longer runs, see the `cargo fuzz` target in `codegen/fuzz/`.

use dactylo_codegen::{Error, Spec};
use proptest::prelude::*;

const SPEC: &str = include_str!("../../spec/resolution-939.yaml");

/// Runs the whole pipeline but the writing; a panic fails the property.
fn generate(text: &str) -> Result<(), TestCaseError> {
    match Spec::parse(text, "spec.yaml") {
        Ok(spec) => {
            spec.crate_sources()
                .map_err(|error| TestCaseError::fail(error.to_string()))?;
            spec.compile_fail_cases("dactylo_records")
                .map_err(|error| TestCaseError::fail(error.to_string()))?;
        }
        Err(Error::InvalidSpec { problems, .. }) => prop_assert!(!problems.is_empty()),
        Err(other) => return Err(TestCaseError::fail(format!("unexpected error: {other}"))),
    }
    Ok(())
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
    #![proptest_config(ProptestConfig::with_cases(256))]

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
