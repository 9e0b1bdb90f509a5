//! The generated crate's README, also its rustdoc front page: the act, the matrix of data
//! against lists, and one section a record with its items and an example that builds it.

use std::collections::BTreeSet;
use std::fmt::Write;

use proc_macro2::{Ident, TokenStream};

use super::docs::{self, kazakh};
use super::examples;
use super::markdown::markdown;
use crate::error::Error;
use crate::model::{Field, InForce, Model, Presence, Record, Status};
use crate::plan::Plan;

/// The README's Markdown, but for the generated header; each record's example comes formatted
/// by `format_rust`.
pub(crate) fn readme(
    plan: &Plan,
    crate_name: &Ident,
    format_rust: impl Fn(TokenStream) -> Result<String, Error>,
) -> Result<String, Error> {
    let model = plan.model;
    let mut text = String::new();
    act(&mut text, model);
    if !model.data.is_empty() {
        matrix(&mut text, model);
    }
    for module in &plan.records {
        let program = format_rust(examples::record_program(plan, module, crate_name)?)?;
        record_section(&mut text, model, module.record, &program);
    }
    Ok(text)
}

fn act(text: &mut String, model: &Model) {
    let act = &model.act;
    let kind = markdown(&act.kind.en);
    let number = act.number;
    let cited = model
        .records
        .first()
        .and_then(|record| record.fields.first())
        .map(|field| {
            let cited = act.cite(field.citation);
            format!(
                "| Cited as | {} — {} |\n",
                markdown(&cited.kk),
                markdown(&cited.en)
            )
        })
        .unwrap_or_default();
    let _ = writeln!(
        text,
        "# The lists of the Rules approved by {kind} No. {number}\n\n\
         Record types, compile-time-checked builders and JSON Schemas for the data that, under the \
         Rules approved by {kind} No. {number} of {date}, a material carrier of dactyloscopic \
         (fingerprint) information must contain: one record per list. A record that lacks an item \
         the act requires does not compile.\n\n\
         Kazakh in «guillemets» quotes the act verbatim; Kazakh marked \"label:\" is this \
         project's own name for a datum the act gives no words of its own. The English is a \
         working rendering; the Kazakh text is authoritative.\n\n\
         ## The act\n\n\
         | | |\n|---|---|\n\
         | Act | {kind} No. {number} of {date} of {issuer_en} ({issuer_kk}) |\n\
         | Title (kk) | {title_kk} |\n\
         | Title (en) | {title_en} |\n\
         | Legal basis | {basis_kk} — {basis_en} |\n\
         | Signed by | {signatory_kk} — {signatory_en} |\n\
         | Entry into force | {in_force} |\n\
         | Status | {status} |\n\
         {cited}",
        date = act.date,
        issuer_en = markdown(&act.issuer.en),
        issuer_kk = kazakh(&act.issuer),
        title_kk = kazakh(&act.title),
        title_en = markdown(&act.title.en),
        basis_kk = kazakh(&act.legal_basis),
        basis_en = markdown(&act.legal_basis.en),
        signatory_kk = kazakh(&act.signatory),
        signatory_en = markdown(&act.signatory.en),
        in_force = in_force(&act.in_force, act.date, &act.kind.en),
        status = status(model),
    );
    let _ = writeln!(
        text,
        "The crate holds these dates as data: `ACT`, whose `applied_on(day)` says whether a day \
         fell while the act applied, or that a publication day not recorded here decides it.\n"
    );
    if !act.references.is_empty() {
        let _ = writeln!(text, "The act refers to other acts:\n");
        for reference in &act.references {
            let registration = reference
                .registration
                .map(|number| format!(", state registration No. {number}"))
                .unwrap_or_default();
            let _ = writeln!(
                text,
                "- {}: {} — {} (No. {} of {}{registration})",
                markdown(&act.cite_paragraph(reference.paragraph).en),
                kazakh(&reference.title),
                markdown(&reference.title.en),
                reference.number,
                reference.date,
            );
        }
        let _ = writeln!(text);
    }
}

/// The rule in the act's words, the first day it gives, and its reading. The paragraph is the
/// act's own (`kind`), not one of the Rules it approved.
fn in_force(in_force: &InForce, adopted: jiff::civil::Date, kind: &str) -> String {
    let paragraph = in_force
        .paragraph
        .map(|paragraph| format!("paragraph {paragraph} of the {kind}: "))
        .unwrap_or_default();
    format!(
        "{paragraph}{} — {}. It took effect {}.{}",
        kazakh(&in_force.rule),
        markdown(&in_force.rule.en),
        docs::force(in_force, adopted),
        reading(in_force),
    )
}

fn reading(in_force: &InForce) -> String {
    in_force
        .reading
        .as_ref()
        .map(|reading| format!(" Reading: {}", markdown(reading)))
        .unwrap_or_default()
}

fn status(model: &Model) -> String {
    let act = &model.act;
    let kind = markdown(&act.kind.en);
    match &act.status {
        Status::InForce => "in force".to_owned(),
        Status::Repealed {
            by_number,
            by_date,
            takes_effect,
            stated,
        } => format!(
            "**repealed** by {kind} No. {by_number} of {by_date}, which took effect {}: \
             No. {} applied until the day before, not until {by_date}. The rule of {kind} No. \
             {by_number}: {} — {}.{}{}",
            docs::force(takes_effect, *by_date),
            act.number,
            kazakh(&takes_effect.rule),
            markdown(&takes_effect.rule.en),
            reading(takes_effect),
            stated
                .as_ref()
                .map(|stated| format!(
                    " The repeal had taken effect by {} at the latest: {}",
                    stated.on,
                    markdown(&stated.reading)
                ))
                .unwrap_or_default(),
        ),
    }
}

/// One row a datum, one column a list: the item numbers that hold the datum.
fn matrix(text: &mut String, model: &Model) {
    let _ = writeln!(
        text,
        "## What each list holds\n\n\
         Each column is a list, by its paragraph; each cell gives the numbers of the list's \
         subparagraphs that hold the datum, and an empty cell says that the list does not hold \
         it.\n"
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
            kazakh(&datum.texts),
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
        "## {name}: paragraph {paragraph} of the Rules\n\n\
         Cited as {cited} (kk: {cited_kk}).\n\n\
         > {kk}\n>\n> {en}\n\n\
         | Subparagraph | Field | Type | Presence | Kazakh | English |\n\
         |---|---|---|---|---|---|",
        name = record.name,
        paragraph = record.paragraph,
        cited = markdown(&act.cite_paragraph(record.paragraph).en),
        cited_kk = markdown(&act.cite_paragraph(record.paragraph).kk),
        kk = kazakh(&record.lead_in),
        en = markdown(&record.lead_in.en),
    );
    for field in &record.fields {
        let _ = writeln!(text, "{}", item_row(field));
    }
    super::transaction_table::section(text, model, record);
    let readings = readings(model, record);
    if !readings.is_empty() {
        let _ = writeln!(text, "\nHow the text is read:\n");
        for reading in readings {
            let _ = writeln!(text, "- {reading}");
        }
    }
    let _ = writeln!(
        text,
        "\nBuilt with every item ({}):\n\n```rust\n{}```\n",
        markdown(&act.cite_paragraph(record.paragraph).en),
        program
    );
}

/// The notes on how the record's paragraph, its items and the types they hold are read, each
/// type's once.
fn readings(model: &Model, record: &Record) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(reading) = &record.reading {
        notes.push(format!("The paragraph: {}", markdown(reading)));
    }
    let mut seen = BTreeSet::new();
    for field in &record.fields {
        if let Some(reading) = &field.member.reading {
            notes.push(format!(
                "Subparagraph {}) (`{}`): {}",
                field.citation.item,
                field.member.ident,
                markdown(reading)
            ));
        }
        composite_readings(model, field.member.ty.name(), &mut seen, &mut notes);
    }
    notes
}

fn composite_readings(
    model: &Model,
    name: &str,
    seen: &mut BTreeSet<String>,
    notes: &mut Vec<String>,
) {
    let Some(composite) = model.composite(name) else {
        return;
    };
    if !seen.insert(name.to_owned()) {
        return;
    }
    if let Some(reading) = &composite.reading {
        notes.push(format!("`{name}`: {}", markdown(reading)));
    }
    for part in &composite.parts {
        if let Some(reading) = &part.reading {
            notes.push(format!("`{name}.{}`: {}", part.ident, markdown(reading)));
        }
        composite_readings(model, part.ty.name(), seen, notes);
    }
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
        kazakh(&member.texts),
        markdown(&member.texts.en)
    )
}
