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
    /// The ANSI/NIST-ITL domain of the records' transactions, when they are exported.
    pub(crate) nist: Option<NistSpec>,
}

/// The `nist` section: the domain written in field 1.013 DOM of every transaction.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NistSpec {
    pub(crate) domain: String,
    pub(crate) version: String,
}

/// A field's `nist` key: the Type-2 field that holds a value (`2.031`), or a mapping of a
/// composite's parts to theirs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NistFieldSpec {
    /// A field number, or the text the spec wrote where it is not one (reported by the check).
    Field(Result<u32, String>),
    /// A composite's parts, by ident, in the spec's order.
    Parts(Vec<(String, NistFieldSpec)>),
}

impl<'de> Deserialize<'de> for NistFieldSpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NistFieldVisitor)
    }
}

struct NistFieldVisitor;

/// The Type-2 field number of a tag written `2.NNN`: YAML reads it as a number, whose three
/// decimals are the field number.
fn type_2_field(tag: f64) -> Option<u32> {
    let thousandths = (tag - 2.0) * 1000.0;
    let field = thousandths.round();
    ((thousandths - field).abs() < 1e-6 && (1.0..=999.0).contains(&field))
        .then(|| format!("{field}").parse().ok())
        .flatten()
}

impl<'de> serde::de::Visitor<'de> for NistFieldVisitor {
    type Value = NistFieldSpec;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a Type-2 field written like `2.031`, or a mapping of parts to fields")
    }

    fn visit_f64<E: serde::de::Error>(self, tag: f64) -> Result<Self::Value, E> {
        Ok(NistFieldSpec::Field(
            type_2_field(tag).ok_or_else(|| format!("{tag}")),
        ))
    }

    fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<Self::Value, E> {
        Ok(NistFieldSpec::Field(Err(number.to_string())))
    }

    fn visit_i64<E: serde::de::Error>(self, number: i64) -> Result<Self::Value, E> {
        Ok(NistFieldSpec::Field(Err(number.to_string())))
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
        let field = text
            .strip_prefix("2.")
            .filter(|digits| digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|digits| digits.parse().ok());
        Ok(NistFieldSpec::Field(field.ok_or_else(|| text.to_owned())))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut parts = Vec::new();
        while let Some((part, field)) = map.next_entry::<String, NistFieldSpec>()? {
            parts.push((part, field));
        }
        Ok(NistFieldSpec::Parts(parts))
    }
}

/// The legal act whose lists the spec holds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActSpec {
    pub(crate) kind: TextsSpec,
    /// Who adopted it.
    pub(crate) issuer: TextsSpec,
    pub(crate) number: u32,
    pub(crate) date: Date,
    pub(crate) title: TextsSpec,
    pub(crate) legal_basis: TextsSpec,
    /// Who signed it.
    pub(crate) signatory: TextsSpec,
    /// When it entered into force.
    pub(crate) in_force: InForceSpec,
    /// How its provisions are cited.
    pub(crate) citations: CitationFormsSpec,
    /// Other acts it refers to.
    #[serde(default)]
    pub(crate) references: Vec<ReferenceSpec>,
    pub(crate) status: StatusSpec,
    pub(crate) repealed_by: Option<ActRefSpec>,
}

/// When an act enters into force: on a date, or a number of calendar days after its first
/// official publication, on a date known or not.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct InForceSpec {
    /// The act's words that say when.
    pub(crate) rule: TextsSpec,
    /// The paragraph of the act that says it, if it is the act's own.
    pub(crate) paragraph: Option<u32>,
    /// A fixed date.
    pub(crate) on: Option<Date>,
    /// The calendar days that must pass after the day of first official publication.
    pub(crate) days_after_publication: Option<u16>,
    /// The day of first official publication, when the spec knows it.
    pub(crate) published: Option<Date>,
    /// How the project reads the rule.
    pub(crate) reading: Option<String>,
}

/// The forms of a citation, with `{paragraph}` and `{item}` for the numbers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CitationFormsSpec {
    /// A paragraph of the act's lists.
    pub(crate) paragraph: TextsSpec,
    /// A numbered item (subparagraph) of a paragraph.
    pub(crate) item: TextsSpec,
}

/// An act the lists' act refers to.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReferenceSpec {
    /// The paragraph of the act that refers to it.
    pub(crate) paragraph: u32,
    /// What it is, as the act names it.
    pub(crate) title: TextsSpec,
    pub(crate) number: u32,
    pub(crate) date: Date,
    /// Its number in the state register of normative legal acts, if it has one.
    pub(crate) registration: Option<u32>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum StatusSpec {
    InForce,
    Repealed,
}

/// The act that repealed this one: its number and date, and when it took effect.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActRefSpec {
    pub(crate) number: u32,
    pub(crate) date: Date,
    pub(crate) in_force: InForceSpec,
    /// A source that states the repeal, and the day it was read.
    pub(crate) stated: Option<StatedSpec>,
}

/// The day a source stating an act's repeal was read, and how the project reads it: the repeal
/// had taken effect by then.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatedSpec {
    pub(crate) on: Date,
    pub(crate) reading: String,
}

/// A text in Kazakh and its English rendering. The Kazakh is either a quotation of the act
/// (`kk`), or the project's own words (`kk_label`), such as a name for a datum the act gives no
/// words of its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TextsSpec {
    pub(crate) kk: Option<String>,
    pub(crate) kk_label: Option<String>,
    pub(crate) en: String,
}

/// A value type written by hand (in `dactylo-values`, for the records crate), as the spec
/// describes it for the lists; its JSON Schema is written beside the type.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ValueSpec {
    pub(crate) en: String,
    /// A Rust expression creating one, inside a function returning `Result<_, ValueError>`.
    pub(crate) example: String,
}

/// A type for an item that bundles several data. The loader reads its parts one by one (`M` is
/// first the YAML of a part, then a [`MemberSpec`]), so that each bad part is reported.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CompositeSpec<M = MemberSpec> {
    pub(crate) kk: Option<String>,
    pub(crate) kk_label: Option<String>,
    pub(crate) en: String,
    pub(crate) parts: Vec<M>,
    #[serde(default)]
    pub(crate) periods: Vec<PeriodSpec>,
    /// Optional parts of which at least one is given.
    #[serde(default)]
    pub(crate) at_least_one_of: Vec<String>,
    /// How the project reads the item the composite holds.
    pub(crate) reading: Option<String>,
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
    /// How the project reads the paragraph as a whole.
    pub(crate) reading: Option<String>,
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
    pub(crate) kk: Option<String>,
    pub(crate) kk_label: Option<String>,
    pub(crate) en: String,
    #[serde(default)]
    pub(crate) optional: bool,
    pub(crate) condition: Option<TextsSpec>,
    /// The rows of the matrix a record field fills; by default, the datum named like its ident.
    pub(crate) data: Option<Vec<String>>,
    /// A Rust expression for this part's example, instead of its type's.
    pub(crate) example: Option<String>,
    /// How the project reads the item or part, where the text needed reading.
    pub(crate) reading: Option<String>,
    /// The Type-2 field (or, for a composite, the fields of its parts) of a record's field.
    pub(crate) nist: Option<NistFieldSpec>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CitationSpec {
    pub(crate) paragraph: u32,
    pub(crate) item: u32,
}
