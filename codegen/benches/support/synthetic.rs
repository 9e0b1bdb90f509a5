//! Specs of any size, for the benchmarks: `records` lists of `fields` required items each, all
//! of one hand-written value type `Text`.

use std::fmt::Write;

/// The text of a spec with `records` records of `fields` fields.
pub fn spec(records: usize, fields: usize) -> String {
    let mut spec = String::from(
        "act:
  kind: { kk: қаулысы, en: Resolution }
  number: 1
  date: 2024-01-01
  title: { kk: атауы, en: title }
  legal_basis: { kk: негізі, en: basis }
  status: in_force
values:
  Text: { en: A text., example: 'Text::new(\"мәтін\")', schema: { type: string } }
records:
",
    );
    for record in 0..records {
        let paragraph = record + 1;
        let _ = write!(
            spec,
            "  Record{record}:\n    paragraph: {paragraph}\n    lead_in: {{ kk: мәліметтер, en: data }}\n    fields:\n"
        );
        for field in 0..fields {
            let item = field + 1;
            let _ = writeln!(
                spec,
                "      - {{ ident: field_{field}, type: Text, citation: {{ paragraph: {paragraph}, item: {item} }}, kk: мәлімет, en: datum }}"
            );
        }
    }
    spec
}
