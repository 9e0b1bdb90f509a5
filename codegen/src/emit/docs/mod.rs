//! The words of the generated documentation and compiler messages.
//!
//! Everything a reader of the generated crate sees in prose is composed here, from the act's own
//! texts, so that rustdoc, setters and compile errors cite items the same way: as the act's
//! form of citation gives it ("Rules approved by Resolution No. 939, paragraph 6,
//! subparagraph 1)"). Kazakh that quotes the act is shown in «guillemets»; Kazakh that is the
//! project's own label is shown as a label, never as a quotation.

mod nist;
mod records;
mod types;

use proc_macro2::TokenStream;
use quote::quote;

pub(super) use nist::*;
pub(super) use records::*;
pub(super) use types::*;

use super::markdown::{markdown, one_line};
use crate::model::{Act, Citation, Member, Presence, Texts};

/// `#[doc]` attributes, one per line, so that the formatter prints them as `///` comments.
pub(super) fn attrs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// The English citation of an item: "Rules approved by Resolution No. 939, paragraph 6,
/// subparagraph 1)".
pub(super) fn citation(act: &Act, citation: Citation) -> String {
    act.cite(citation).en
}

/// Kazakh for Markdown: a quotation of the act in «guillemets», the project's label marked as
/// one.
pub(super) fn kazakh(texts: &Texts) -> String {
    if texts.quotes_the_act {
        format!("«{}»", markdown(&texts.kk))
    } else {
        format!("label: {}", markdown(&texts.kk))
    }
}

/// Kazakh for plain text (compiler messages, schema descriptions).
pub(super) fn kazakh_plain(texts: &Texts) -> String {
    if texts.quotes_the_act {
        format!("«{}»", one_line(&texts.kk))
    } else {
        format!("label: {}", one_line(&texts.kk))
    }
}

/// A paragraph of reading notes, when there is one.
fn reading(note: Option<&String>) -> Vec<String> {
    note.map(|note| vec![String::new(), format!("Reading: {}", markdown(note))])
        .unwrap_or_default()
}

fn presence(presence: &Presence) -> String {
    match presence {
        Presence::Required => "**Required**".to_owned(),
        Presence::Optional {
            condition: Some(condition),
        } => format!(
            "**Optional**: {} (kk: {})",
            markdown(&condition.en),
            kazakh(condition)
        ),
        Presence::Optional { condition: None } => "**Optional**".to_owned(),
    }
}

fn item_texts(member: &Member) -> Vec<String> {
    let kk = if member.texts.quotes_the_act {
        format!("- kk: {}", kazakh(&member.texts))
    } else {
        format!("- kk label: {}", markdown(&member.texts.kk))
    };
    let mut lines = vec![
        String::new(),
        kk,
        format!("- en: {}", markdown(&member.texts.en)),
    ];
    lines.extend(reading(member.reading.as_ref()));
    lines
}

/// An intra-doc link to the type `name` of the generated module, from a module where it is
/// `prefix::name` (`self`: in scope). The target says it is a type, because a spec type may
/// share its name with a derive macro of the prelude (`Debug`, `Clone`).
fn type_link(name: &str, prefix: &str) -> String {
    if prefix == "self" {
        format!("[`{name}`](type@{name})")
    } else {
        format!("[`{name}`](type@{prefix}::{name})")
    }
}
