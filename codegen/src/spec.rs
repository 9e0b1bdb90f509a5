//! The spec as written in YAML, before any check.
//!
//! These types mirror the file's keys one to one and reject unknown keys, so a typo is an error
//! rather than a silently ignored line. Everything that needs more than one key to judge (a type
//! reference, a citation against its paragraph, a name used twice) is left to [`crate::check`].

use jiff::civil::Date;
use serde::Deserialize;

/// The whole spec file, as the loader assembles it: each section's entries in document order.
#[derive(Debug)]
pub(crate) struct SpecFile {
    pub(crate) act: ActSpec,
    pub(crate) data: Vec<(String, TextsSpec)>,
    pub(crate) values: Vec<(String, ValueSpec)>,
    pub(crate) composites: Vec<(String, CompositeSpec)>,
    pub(crate) records: Vec<(String, RecordSpec)>,
}

/// The legal act whose lists the spec holds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActSpec {
    pub(crate) kind: TextsSpec,
    pub(crate) number: u32,
    pub(crate) date: Date,
    pub(crate) title: TextsSpec,
    pub(crate) legal_basis: TextsSpec,
    pub(crate) status: StatusSpec,
    pub(crate) repealed_by: Option<ActRefSpec>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum StatusSpec {
    InForce,
    Repealed,
}

/// Another act, named by its number and date.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActRefSpec {
    pub(crate) number: u32,
    pub(crate) date: Date,
}

/// A text in Kazakh (the authoritative language) and its English rendering.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TextsSpec {
    pub(crate) kk: String,
    pub(crate) en: String,
}

/// A value type written by hand in the generated crate's `values` module.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ValueSpec {
    pub(crate) en: String,
    /// A Rust expression creating one, inside a function returning `Result<_, ValueError>`.
    pub(crate) example: String,
    /// Its JSON Schema.
    pub(crate) schema: serde_json::Value,
    /// A code list whose codes the schema's `enum` also accepts.
    pub(crate) codes: Option<CodeList>,
    /// The rule of characters the schema states as a pattern.
    pub(crate) characters: Option<CharactersSpec>,
}

/// The rules of characters the generator can state as a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CharactersSpec {
    /// Any text of `dactylo-records`' text values.
    Text,
    /// A name, as `dactylo-records`' `Name`.
    Name,
}

/// Code lists the generator knows, from the same crates the value types check against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub(crate) enum CodeList {
    /// ISO 3166-1 alpha-3 country codes.
    #[serde(rename = "iso3166-alpha3")]
    Iso3166Alpha3,
}

/// A type for an item that bundles several data. The loader reads its parts one by one (`M` is
/// first the YAML of a part, then a [`MemberSpec`]), so that each bad part is reported.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CompositeSpec<M = MemberSpec> {
    pub(crate) kk: String,
    pub(crate) en: String,
    pub(crate) parts: Vec<M>,
    #[serde(default)]
    pub(crate) periods: Vec<PeriodSpec>,
}

/// Two date parts of a composite whose end may not be before its start.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PeriodSpec {
    pub(crate) start: String,
    pub(crate) end: String,
}

/// One list: a paragraph of the act. Its fields are read one by one, like a composite's parts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RecordSpec<M = MemberSpec> {
    pub(crate) paragraph: u32,
    pub(crate) lead_in: TextsSpec,
    pub(crate) fields: Vec<M>,
}

/// A record's field (one numbered item, with a citation) or a composite's part (without one).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MemberSpec {
    pub(crate) ident: String,
    #[serde(rename = "type")]
    pub(crate) ty: String,
    pub(crate) citation: Option<CitationSpec>,
    pub(crate) kk: String,
    pub(crate) en: String,
    #[serde(default)]
    pub(crate) optional: bool,
    pub(crate) condition: Option<TextsSpec>,
    /// The rows of the matrix a record field fills; by default, the datum named like its ident.
    pub(crate) data: Option<Vec<String>>,
    /// A Rust expression for this part's example, instead of its type's.
    pub(crate) example: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CitationSpec {
    pub(crate) paragraph: u32,
    pub(crate) item: u32,
}
