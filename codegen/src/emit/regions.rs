//! The regions of a hand-written Markdown file that the generator keeps, so that the
//! workspace's README follows the spec: between `<!-- dactylo-codegen: NAME -->` and
//! `<!-- end of dactylo-codegen: NAME -->`, `lists` is a table of the lists and `example` a
//! program that builds the last list with every item (a doctest where the README is one).

use std::fmt::Write;

use proc_macro2::{Ident, TokenStream};

use super::examples;
use crate::error::Error;
use crate::model::Model;
use crate::plan::Plan;

/// The names of the regions, and what each holds.
const REGIONS: [&str; 2] = ["lists", "example"];

/// `markdown` with each region's content replaced by what the spec gives. Text outside the
/// regions is kept byte for byte.
pub(crate) fn refresh(
    plan: &Plan,
    markdown: &str,
    file: &str,
    crate_name: &Ident,
    format_rust: impl Fn(TokenStream) -> Result<String, Error>,
) -> Result<String, Error> {
    let mut text = markdown.to_owned();
    for name in REGIONS {
        let begin = format!("<!-- dactylo-codegen: {name} -->\n");
        let end = format!("<!-- end of dactylo-codegen: {name} -->");
        let Some(start) = text.find(&begin) else {
            continue;
        };
        let inside = start + begin.len();
        let finish = text[inside..]
            .find(&end)
            .map(|offset| inside + offset)
            .ok_or_else(|| {
                Error::InvalidOption(format!(
                    "{file}: the region `{name}` opens with `{}` but never ends with `{end}`",
                    begin.trim_end()
                ))
            })?;
        let content = match name {
            "lists" => lists(plan.model),
            _ => example(plan, crate_name, &format_rust)?,
        };
        text.replace_range(inside..finish, &content);
    }
    Ok(text)
}

/// One row per list: its paragraph, its record, and how many items it has, how many optional.
fn lists(model: &Model) -> String {
    let mut text = String::from("| Paragraph | Record | Items |\n|---|---|---|\n");
    for record in &model.records {
        let optional = record
            .fields
            .iter()
            .filter(|field| !field.member.is_required())
            .count();
        let items = match optional {
            0 => record.fields.len().to_string(),
            _ => format!("{} ({optional} optional)", record.fields.len()),
        };
        let _ = writeln!(
            text,
            "| {} | `{}` | {items} |",
            record.paragraph, record.name
        );
    }
    text
}

/// The program that builds the last list with every item, from the spec's examples.
fn example(
    plan: &Plan,
    crate_name: &Ident,
    format_rust: &impl Fn(TokenStream) -> Result<String, Error>,
) -> Result<String, Error> {
    let Some(module) = plan.records.last() else {
        return Ok(String::new());
    };
    let program = format_rust(examples::record_program(plan, module, crate_name)?)?;
    Ok(format!("```rust\n{program}```\n"))
}
