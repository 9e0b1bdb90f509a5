//! The generated reference (`generated/README.md`, also the crate's rustdoc front page) sets out
//! every list as the spec does, and the top-level README quotes it faithfully. Its examples run
//! as doctests of `dactylo-records`.

use dactylo_codegen::Spec;
use dactylo_codegen::model::Model;

const REFERENCE: &str = include_str!("../../generated/README.md");
const README: &str = include_str!("../../README.md");
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
    }
    let iin = rows.iter().find(|row| row.contains("(IIN)")).unwrap();
    assert!(iin.ends_with("| 10 (optional) |  |  |  |  |"), "{iin}");
    let addresses = rows
        .iter()
        .find(|row| row.starts_with("| addresses"))
        .unwrap();
    assert!(
        addresses.ends_with("|  |  | 7, 8, 9 |  | 11 |"),
        "{addresses}"
    );
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

#[test]
fn the_act_and_its_status_lead_the_reference() {
    let act = table_after(REFERENCE, "## The act");
    assert!(
        act.contains(&"| Number and date | Resolution No. 939 of 2024-11-08 |"),
        "{act:#?}"
    );
    assert!(
        act.contains(&"| Status | **repealed** by Resolution No. 829 of 2025-10-08 |"),
        "{act:#?}"
    );
    assert!(
        act.iter()
            .any(|row| row.starts_with("| Legal basis |") && row.contains("Article 12"))
    );
}

#[test]
fn the_readme_quotes_the_matrix_as_generated() {
    let excerpt = table_after(README, "An excerpt of the matrix");
    assert!(excerpt.len() >= 3);
    for row in excerpt {
        assert!(
            REFERENCE.contains(row),
            "the generated matrix has no row\n{row}"
        );
    }
}
