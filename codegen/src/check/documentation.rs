//! The checks of what the spec says for the documentation: the data rows of the matrix and the
//! examples (Rust expressions).

use std::collections::BTreeSet;

use super::Checker;
use crate::error::Finding;
use crate::model::{Datum, Record};
use crate::spec::TextsSpec;
use crate::suggest;

impl Checker {
    pub(super) fn data(&mut self, data: Vec<(String, TextsSpec)>) -> Vec<Datum> {
        data.into_iter()
            .map(|(key, texts)| Datum {
                texts: self.label_or_quote(&format!("data.{key}"), texts),
                key,
            })
            .collect()
    }

    /// The data rows a field fills: those it names, or the one named like it. A spec without
    /// `data` has no matrix, and no field fills a row.
    pub(super) fn field_data(
        &mut self,
        path: &str,
        ident: &str,
        named: Option<Vec<String>>,
        data: &[Datum],
    ) -> Vec<String> {
        let keys: Vec<&str> = data.iter().map(|datum| datum.key.as_str()).collect();
        let (named, explicit) = match named {
            Some(named) => (named, true),
            None if data.is_empty() => return Vec::new(),
            None => (vec![ident.to_owned()], false),
        };
        if explicit && named.is_empty() {
            self.report(
                format!("{path}.data"),
                "a field fills at least one data row",
            );
        }
        for (index, key) in named.iter().enumerate() {
            if keys.contains(&key.as_str()) {
                continue;
            }
            let finding = if explicit {
                Finding::at(
                    format!("{path}.data[{index}]"),
                    format!("unknown datum `{key}`"),
                )
                .maybe_help(suggest::did_you_mean(key, keys.iter().copied()))
                .help_or("declare it under `data`")
            } else {
                Finding::at(path, format!("no datum is named `{key}`"))
                    .help("say which rows of `data` the field fills: `data: [...]`")
            };
            self.report_finding(finding);
        }
        named
    }

    /// A row no field fills would be an empty line of the matrix.
    pub(super) fn reject_unused_data(&mut self, data: &[Datum], records: &[Record]) {
        let used: BTreeSet<&str> = records
            .iter()
            .flat_map(|record| &record.fields)
            .flat_map(|field| &field.data)
            .map(String::as_str)
            .collect();
        for datum in data
            .iter()
            .filter(|datum| !used.contains(datum.key.as_str()))
        {
            let finding = Finding::at(
                format!("data.{}", datum.key),
                format!("no field fills the datum `{}`", datum.key),
            )
            .on_key()
            .help("remove it, or name it in a field's `data`");
            self.report_finding(finding);
        }
    }

    /// An example is pasted into generated code, so it must be one Rust expression.
    pub(super) fn example(&mut self, path: &str, example: &str) {
        self.reject_bidi_controls(path, example, "the example");
        if let Err(error) = syn::parse_str::<syn::Expr>(example) {
            let finding = Finding::at(
                path,
                format!("the example is not a Rust expression: {error}"),
            )
            .help("write an expression that creates the value, such as `Name::new(\"Сейітова\")?`");
            self.report_finding(finding);
        }
    }
}
