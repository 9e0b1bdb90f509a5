//! The generated crate's README, also its rustdoc front page: the act, the matrix of data
//! against lists, and one section a record with its items and an example that builds it.

use std::fmt::Write;

use proc_macro2::{Ident, TokenStream};

use super::examples;
use super::markdown::markdown;
use crate::error::Error;
use crate::model::{Field, Model, Presence, Record, Status};

/// The README's Markdown, but for the generated header; each record's example comes formatted
/// by `format_rust`.
pub(crate) fn readme(
    model: &Model,
    crate_name: &Ident,
    format_rust: impl Fn(TokenStream) -> Result<String, Error>,
) -> Result<String, Error> {
    let mut text = String::new();
    act(&mut text, model);
    if !model.data.is_empty() {
        matrix(&mut text, model);
    }
    for record in &model.records {
        let program = format_rust(examples::record_program(model, record, crate_name)?)?;
        record_section(&mut text, model, record, &program);
    }
    Ok(text)
}

fn act(text: &mut String, model: &Model) {
    let act = &model.act;
    let kind = markdown(&act.kind.en);
    let status = match &act.status {
        Status::InForce => "in force".to_owned(),
        Status::Repealed { by_number, by_date } => {
            format!("**repealed** by {kind} No. {by_number} of {by_date}")
        }
    };
    let _ = writeln!(
        text,
        "# The lists of {kind} No. {number}\n\n\
         Record types, compile-time-checked builders and JSON Schemas for the data that, under {kind} \
         No. {number} of {date}, a material carrier of dactyloscopic (fingerprint) information must \
         contain: one record a list. A record that lacks an item the act requires does not compile.\n\n\
         ## The act\n\n\
         | | |\n|---|---|\n\
         | Number and date | {kind} No. {number} of {date} |\n\
         | Title (kk) | {title_kk} |\n\
         | Title (en) | {title_en} |\n\
         | Legal basis | {basis_kk} — {basis_en} |\n\
         | Status | {status} |\n",
        number = act.number,
        date = act.date,
        title_kk = markdown(&act.title.kk),
        title_en = markdown(&act.title.en),
        basis_kk = markdown(&act.legal_basis.kk),
        basis_en = markdown(&act.legal_basis.en),
    );
}

/// One row a datum, one column a list: the item numbers that hold the datum.
fn matrix(text: &mut String, model: &Model) {
    let _ = writeln!(
        text,
        "## What each list holds\n\n\
         Each cell gives the numbers of the items of the list (the paragraph of the act) that hold \
         the datum; an empty cell, that the list does not hold it.\n"
    );
    let paragraphs: Vec<String> = model
        .records
        .iter()
        .map(|record| record.paragraph.to_string())
        .collect();
    let _ = writeln!(text, "| Datum | {} |", paragraphs.join(" | "));
    let _ = writeln!(text, "|---|{}", "---|".repeat(model.records.len()));
    for datum in &model.data {
        let cells: Vec<String> = model
            .records
            .iter()
            .map(|record| {
                record
                    .fields
                    .iter()
                    .filter(|field| field.data.contains(&datum.key))
                    .map(|field| match field.member.presence {
                        Presence::Required => field.citation.item.to_string(),
                        Presence::Optional { .. } => format!("{} (optional)", field.citation.item),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect();
        let _ = writeln!(
            text,
            "| {} ({}) | {} |",
            markdown(&datum.texts.en),
            markdown(&datum.texts.kk),
            cells.join(" | ")
        );
    }
    let _ = writeln!(text);
    for record in &model.records {
        let _ = writeln!(
            text,
            "- {}: `{}`, {} items",
            record.paragraph,
            record.name,
            record.fields.len()
        );
    }
    let _ = writeln!(text);
}

fn record_section(text: &mut String, model: &Model, record: &Record, program: &str) {
    let act = &model.act;
    let _ = writeln!(
        text,
        "## {name}: paragraph {paragraph}\n\n\
         > {kk}\n>\n> {en}\n\n\
         | Item | Field | Type | Presence | Kazakh | English |\n\
         |---|---|---|---|---|---|",
        name = record.name,
        paragraph = record.paragraph,
        kk = markdown(&record.lead_in.kk),
        en = markdown(&record.lead_in.en),
    );
    for field in &record.fields {
        let _ = writeln!(text, "{}", item_row(field));
    }
    let _ = writeln!(
        text,
        "\nBuilt with every item ({} {}, paragraph {}):\n\n```rust\n{}```\n",
        markdown(&act.kind.en),
        act.number,
        record.paragraph,
        program
    );
}

fn item_row(field: &Field) -> String {
    let member = &field.member;
    let presence = match &member.presence {
        Presence::Required => "required".to_owned(),
        Presence::Optional {
            condition: Some(condition),
        } => format!("optional: {}", markdown(&condition.en)),
        Presence::Optional { condition: None } => "optional".to_owned(),
    };
    format!(
        "| {} | `{}` | `{}` | {} | {} | {} |",
        field.citation.item,
        member.ident,
        member.ty.name(),
        presence,
        markdown(&member.texts.kk),
        markdown(&member.texts.en)
    )
}
