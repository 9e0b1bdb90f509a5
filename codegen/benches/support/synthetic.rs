//! Specs of any size, for the benchmarks: `records` lists of `fields` required items each, all
//! of one hand-written value type.

use std::fmt::Write;

/// The text of a spec with `records` records of `fields` fields of the type `Text`, which the
/// compile-time benchmark's crates define.
#[allow(dead_code, reason = "each benchmark uses one of the two")]
pub fn spec(records: usize, fields: usize) -> String {
    spec_of("Text", records, fields)
}

/// The text of a spec with `records` records of `fields` fields of the value type `value`, a
/// text type of `dactylo-records` or of the crate the spec is generated into.
pub fn spec_of(value: &str, records: usize, fields: usize) -> String {
    let mut spec = format!(
        "act:
  kind: {{ kk: қаулысы, en: Resolution }}
  number: 1
  date: 2024-01-01
  title: {{ kk: атауы, en: title }}
  legal_basis: {{ kk: негізі, en: basis }}
  issuer: {{ kk: Үкімет, en: the Government }}
  signatory: {{ kk: Премьер-Министр, en: the Prime Minister }}
  in_force: {{ rule: {{ kk: қолданысқа енгізіледі, en: enters into force }}, on: 2024-01-11 }}
  citations:
    paragraph: {{ kk_label: \"{{paragraph}}-тармақ\", en: \"paragraph {{paragraph}}\" }}
    item: {{ kk_label: \"{{paragraph}}-тармақтың {{item}}) тармақшасы\", en: \"paragraph {{paragraph}}, subparagraph {{item}})\" }}
  status: in_force
values:
  {value}: {{ en: A text., example: '{value}::new(\"мәтін\")' }}
records:
"
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
                "      - {{ ident: field_{field}, type: {value}, citation: {{ paragraph: {paragraph}, item: {item} }}, kk: мәлімет, en: datum }}"
            );
        }
    }
    spec
}
