//! The spec as written in YAML, before any check.
//!
//! These types mirror the file's keys one to one and reject unknown keys, so a typo is an error
//! rather than a silently ignored line. Everything that needs more than one key to judge (a type
//! reference, a citation against its paragraph, a duplicate name) is left to [`crate::check`].

use std::fmt;
use std::marker::PhantomData;

use jiff::civil::Date;
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};

/// The whole spec file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SpecFile {
    pub(crate) act: ActSpec,
    pub(crate) values: Entries<ValueSpec>,
    pub(crate) composites: Entries<CompositeSpec>,
    pub(crate) records: Entries<RecordSpec>,
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
}

/// A type for an item that bundles several data.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CompositeSpec {
    pub(crate) kk: String,
    pub(crate) en: String,
    pub(crate) parts: Vec<MemberSpec>,
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

/// One list: a paragraph of the act.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RecordSpec {
    pub(crate) paragraph: u32,
    pub(crate) lead_in: TextsSpec,
    pub(crate) fields: Vec<MemberSpec>,
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
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CitationSpec {
    pub(crate) paragraph: u32,
    pub(crate) item: u32,
}

/// A YAML mapping read in document order.
///
/// Unlike a `BTreeMap`, it keeps the author's order (records are emitted in it) and keeps
/// duplicate keys, which the checker reports instead of letting the last one win silently.
#[derive(Debug)]
pub(crate) struct Entries<T>(pub(crate) Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
            type Value = Entries<T>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a mapping from names to definitions")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}
