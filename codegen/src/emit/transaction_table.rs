//! The reference's table of a record's ANSI/NIST-ITL transaction: where each item, and each part
//! of a composite, travels, and how its value is written there.

use std::fmt::Write;

use dactylo_values::catalogue::{Carriage, ValueType};

use super::markdown::markdown;
use crate::model::{Model, Record, TypeRef};

/// The section of `record`'s transaction, when the spec exports the records.
pub(super) fn section(text: &mut String, model: &Model, record: &Record) {
    let Some(domain) = &model.nist else {
        return;
    };
    let _ = writeln!(
        text,
        "\nAs an ANSI/NIST-ITL 1-2011 transaction (feature `nist`: `{name}::to_nist`, \
         `{name}::from_nist`; domain {domain}, version {version}, in field 1.013 DOM):\n\n\
         | Item | Subparagraph | Record and field | Written as |\n\
         |---|---|---|---|",
        name = record.name,
        domain = markdown(&domain.name),
        version = markdown(&domain.version),
    );
    for field in &record.fields {
        let item = field.citation.item;
        match &field.nist {
            Some(mapping) => {
                for (path, number) in mapping.fields() {
                    let (ident, ty) = leaf(model, &field.member.ty, &field.member.ident, &path);
                    let _ = writeln!(
                        text,
                        "| `{ident}` | {item}) | Type-2, 2.{number:03} | {} |",
                        encoding(&ty)
                    );
                }
            }
            None => {
                let (records, encoding) = match carriage(field.member.ty.name()) {
                    Some(Carriage::Images { records, encoding }) => (records, encoding),
                    _ => ("", ""),
                };
                let _ = writeln!(
                    text,
                    "| `{}` | {item}) | {records} | {encoding} |",
                    field.member.ident
                );
            }
        }
    }
}

/// The item path and the value type of the leaf at `path` (`surname`, `visa.issued_on`) of the
/// field `ident` of type `ty`.
fn leaf(model: &Model, ty: &TypeRef, ident: &str, path: &str) -> (String, String) {
    let mut ty = ty.name().to_owned();
    for part in path.split('.').filter(|part| !part.is_empty()) {
        let found = model
            .composite(&ty)
            .and_then(|composite| composite.parts.iter().find(|member| member.ident == part));
        if let Some(member) = found {
            ty = member.ty.name().to_owned();
        }
    }
    let item = if path.is_empty() {
        ident.to_owned()
    } else {
        format!("{ident}.{path}")
    };
    (item, ty)
}

fn carriage(value_type: &str) -> Option<Carriage> {
    ValueType::named(value_type).map(|value| value.carriage)
}

fn encoding(value_type: &str) -> &'static str {
    match carriage(value_type) {
        Some(Carriage::Text { encoding }) => encoding,
        _ => "",
    }
}
