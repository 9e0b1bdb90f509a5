//! The generated reference (`generated/README.md`, also the crate's rustdoc front page) sets out
//! every list as the spec does, and the top-level README quotes it faithfully. Its examples run
//! as doctests of `dactylo-records`.

use dactylo_codegen::Spec;
use dactylo_codegen::model::Model;

const REFERENCE: &str = include_str!("../../../generated/README.md");
const SPEC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/resolution-939.yaml");

fn model() -> Model {
    Spec::load(SPEC).unwrap().model().clone()
}

/// The rows of the Markdown table that follows `heading`.
fn table_after<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    let start = text
        .find(heading)
        .unwrap_or_else(|| panic!("no `{heading}`"));
    text[start..]
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .collect()
}

/// `markdown` as it reads once its backslash escapes are applied.
fn unescaped(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    let mut characters = markdown.chars().peekable();
    while let Some(c) = characters.next() {
        match characters.peek() {
            Some(next) if c == '\\' && next.is_ascii_punctuation() => {}
            _ => text.push(c),
        }
    }
    text
}

#[test]
fn the_matrix_has_a_row_a_datum_and_a_column_a_list() {
    let model = model();
    let rows = table_after(REFERENCE, "## What each list holds");
    assert_eq!(rows.len(), model.data.len());
    for (row, datum) in rows.iter().zip(&model.data) {
        assert!(
            unescaped(row).starts_with(&format!("| {} ", datum.texts.en)),
            "{row}"
        );
        assert_eq!(row.matches('|').count(), model.records.len() + 2, "{row}");
        // Each cell: the subparagraphs of the list that hold the datum, marked when optional.
        let cells: Vec<String> = model
            .records
            .iter()
            .map(|record| {
                record
                    .fields
                    .iter()
                    .filter(|field| field.data.contains(&datum.key))
                    .map(|field| {
                        let item = field.citation.item;
                        if field.member.is_required() {
                            item.to_string()
                        } else {
                            format!("{item} (optional)")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect();
        let expected = format!("| {} |", cells.join(" | "));
        assert!(
            row.ends_with(&expected),
            "{row}\nexpected to end with {expected}"
        );
    }
}

#[test]
fn each_list_has_a_section_with_its_items_and_an_example() {
    let model = model();
    for record in &model.records {
        let heading = format!("## {}: paragraph {}", record.name, record.paragraph);
        let rows = table_after(REFERENCE, &heading);
        assert_eq!(rows.len(), record.fields.len(), "{}", record.name);
        for (row, field) in rows.iter().zip(&record.fields) {
            let presence = if field.member.is_required() {
                "required"
            } else {
                "optional"
            };
            assert!(
                row.starts_with(&format!(
                    "| {} | `{}` |",
                    field.citation.item, field.member.ident
                )),
                "{row}"
            );
            assert!(row.contains(presence), "{row}");
        }
        let section = &REFERENCE[REFERENCE.find(&heading).unwrap()..];
        let example = &section[section.find("```rust\n").unwrap()..];
        assert!(
            example.contains(&format!("{}::builder()", record.name)),
            "{}",
            record.name
        );
        assert!(
            example.find(".build()") < example.find("\n```\n"),
            "{}",
            record.name
        );
    }
}

/// The row of the act's table named `name`, unescaped.
fn act_row(name: &str) -> String {
    let rows = table_after(REFERENCE, "## The act");
    let row = rows
        .iter()
        .find(|row| row.starts_with(&format!("| {name} |")))
        .unwrap_or_else(|| panic!("no row `{name}` in {rows:#?}"));
    unescaped(row)
}

#[test]
fn the_act_and_its_whole_provenance_lead_the_reference() {
    assert_eq!(
        act_row("Act"),
        "| Act | Resolution No. 939 of 2024-11-08 of the Government of the Republic of \
         Kazakhstan («Қазақстан Республикасының Үкіметі») |"
    );
    assert!(
        act_row("Legal basis")
            .contains("Заңының 12-бабына сәйкес» — in accordance with Article 12")
    );
    assert!(
        act_row("Signed by").contains("«Қазақстан Республикасының Премьер-Министрі О. Бектенов»")
    );

    let in_force = act_row("Entry into force");
    assert!(
        in_force.starts_with(
            "| Entry into force | paragraph 2 of the Resolution: «Осы қаулы алғашқы ресми"
        ),
        "{in_force}"
    );
    assert!(
        in_force.contains("from 2024-11-19 at the earliest"),
        "{in_force}"
    );

    let status = act_row("Status");
    assert!(
        status.starts_with(
            "| Status | **repealed** by Resolution No. 829 of 2025-10-08, which took effect"
        ),
        "{status}"
    );
    assert!(
        status.contains("from 2025-10-19 at the earliest"),
        "{status}"
    );
    assert!(
        status.contains("No. 939 applied until the day before, not until 2025-10-08"),
        "{status}"
    );

    assert_eq!(
        act_row("Cited as"),
        "| Cited as | Қағидалардың 6-тармағының 1) тармақшасы — Rules approved by Resolution No. \
         939, paragraph 6, subparagraph 1) |"
    );
    let references = &REFERENCE[REFERENCE.find("The act refers to other acts:").unwrap()..];
    let order = references.lines().nth(2).unwrap();
    assert!(order.starts_with("- Rules approved by Resolution No. 939, paragraph 5: «Қазақстан Республикасы Ішкі істер министрінің"), "{order}");
    assert!(
        order.ends_with("(No. 730 of 2024-09-30, state registration No. 35161)"),
        "{order}"
    );
}

#[test]
fn the_docs_never_make_the_repealing_acts_date_the_last_day() {
    let sources = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../generated/src/records"
    ))
    .unwrap()
    .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap());
    let schemas = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../generated/schema"))
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap());
    let mut mentions = 0;
    for text in std::iter::once(REFERENCE.to_owned())
        .chain(sources)
        .chain(schemas)
    {
        for (at, _) in text.match_indices("2025-10-08") {
            mentions += 1;
            let before = &text[..at];
            assert!(
                before.ends_with("No. 829 of ") || before.ends_with("not until "),
                "2025-10-08 named otherwise than as the day No. 829 was adopted: …{}",
                &before[before.len().saturating_sub(80)..]
            );
        }
    }
    assert!(mentions > 5, "{mentions}");
}

#[test]
fn the_readings_are_in_the_reference_and_in_the_rustdoc_of_their_items() {
    let model = model();
    let rustdoc: String = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../generated/src/records"
    ))
    .unwrap()
    .map(|entry| unescaped(&std::fs::read_to_string(entry.unwrap().path()).unwrap()))
    .collect();
    let reference = unescaped(REFERENCE);
    let mut readings = Vec::new();
    for record in &model.records {
        readings.extend(&record.reading);
        for field in &record.fields {
            readings.extend(&field.member.reading);
        }
    }
    for composite in &model.composites {
        readings.extend(&composite.reading);
        for part in &composite.parts {
            readings.extend(&part.reading);
        }
    }
    assert!(readings.len() >= 10, "{}", readings.len());
    for reading in readings {
        let reading = reading.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            reference.contains(&reading),
            "the reference lacks «{reading}»"
        );
        assert!(
            rustdoc.contains(&format!("/// Reading: {reading}")),
            "the rustdoc lacks «{reading}»"
        );
    }
}

/// The top-level README, written by hand.
const README: &str = include_str!("../../../README.md");

#[test]
fn the_readme_lists_the_records_of_the_spec() {
    let listed: Vec<(String, String)> = table_after(README, "| Paragraph | Occasion | Record |")
        .into_iter()
        .map(|row| {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            (cells[1].to_owned(), cells[3].trim_matches('`').to_owned())
        })
        .collect();
    let expected: Vec<(String, String)> = model()
        .records
        .iter()
        .map(|record| (record.paragraph.to_string(), record.name.clone()))
        .collect();
    assert_eq!(
        listed, expected,
        "README.md's table of the lists differs from the spec: give it one row per record, \
         (paragraph, record): {expected:?}"
    );
}

#[test]
fn the_readme_quotes_the_compilers_message_as_the_compile_fail_cases_hold_it() {
    let block = README
        .split("```text\n")
        .skip(1)
        .map(|rest| &rest[..rest.find("```").unwrap()])
        .find(|block| block.starts_with("error[E0277]: "))
        .expect("README.md quotes a compiler error");
    let headline = block.lines().next().unwrap();
    let record = headline
        .strip_prefix("error[E0277]: ")
        .and_then(|rest| rest.split_once(' '))
        .map(|(record, _)| record)
        .unwrap();
    let spec = Spec::load(SPEC).unwrap();
    let plan = spec.plan();
    let module = &plan
        .records
        .iter()
        .find(|module| module.name.as_str() == record)
        .unwrap_or_else(|| panic!("README.md quotes an error of `{record}`, which the spec lacks"))
        .module;
    let stderr = std::fs::read_to_string(format!(
        "{}/compile-fail/{module}.stderr",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    for line in block.lines() {
        assert!(
            stderr.lines().any(|held| held == line),
            "README.md quotes a line the compiler does not give ({module}.stderr): {line}"
        );
    }
}

/// Every generated text, with its path: the reference, the records' sources, the schemas.
fn generated_texts() -> Vec<(std::path::PathBuf, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated");
    let mut files = vec![root.join("README.md")];
    for folder in ["src/records", "schema"] {
        let mut entries: Vec<_> = std::fs::read_dir(root.join(folder))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        entries.sort();
        files.extend(entries);
    }
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path, text)
        })
        .collect()
}

/// The lists belong to the Rules the Resolution approved, not to the Resolution; and the
/// Resolution's own paragraph (its entry into force) is never cited as if it were one of the
/// Rules'.
#[test]
fn no_generated_text_gives_the_lists_to_the_resolution() {
    let act = model().act;
    let wrong = [
        format!("list of {} No. {}", act.kind.en, act.number),
        format!("lists of {} No. {}", act.kind.en, act.number),
        format!("| Entry into force | paragraph {}:", 2),
    ];
    for (path, text) in generated_texts() {
        for wrong in &wrong {
            assert!(
                !text.contains(wrong.as_str()),
                "{} says `{wrong}`",
                path.display()
            );
        }
    }
    assert!(REFERENCE.contains("# The lists of the Rules approved by Resolution No. 939"));
    assert!(REFERENCE.contains("| Entry into force | paragraph 2 of the Resolution:"));
}
