//! What changed between two specs, and what it means for `dactylo-records` under semver.
//!
//! Each change is judged by what a downstream crate, stored JSON and the schemas' validators
//! experience: a change that makes code that compiled fail to compile, or JSON that read or
//! validated fail to, is `major`; one that only adds (a list, an optional item, a type) is
//! `minor`; one that changes only words, citations or data the types do not encode is `patch`.
//! `spec/README.md` has the table of rules; the modules `records`, `types`, `act`, `nist` and
//! `schemas` apply it, and the oracle test (`codegen/tests/it/oracle.rs`) holds them to it.

mod act;
mod data;
mod nist;
mod records;
mod render;
mod schemas;
mod types;

use std::fmt;

use crate::model::Model;

pub use render::Format;
pub use schemas::RecordSchema;

/// How a change moves the version of `dactylo-records` under semver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Semver {
    /// Nothing changed.
    None,
    /// Only docs, messages, schema descriptions or the values of constants change.
    Patch,
    /// Something is added; everything that compiled still compiles, and JSON that read still
    /// reads.
    Minor,
    /// Code that compiled, or JSON that read, may no longer.
    Major,
}

impl fmt::Display for Semver {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(match self {
            Semver::None => "none",
            Semver::Patch => "patch",
            Semver::Minor => "minor",
            Semver::Major => "major",
        })
    }
}

/// Where a change is: a list, a type, the data of the matrix, or the act.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// The act: its provenance, dates of force and forms of citation.
    Act,
    /// A list, by its record's name (in the newer spec, or the older one for a list removed)
    /// and paragraph.
    List {
        /// The record's name.
        name: String,
        /// Its paragraph.
        paragraph: u32,
    },
    /// A composite type, by name.
    Composite(String),
    /// A value type, by name.
    Value(String),
    /// The data of the matrix that compares the lists.
    Data,
    /// The lists as a whole: their order.
    Lists,
    /// A record's JSON Schema, as its validators read it.
    Schema {
        /// The record's name.
        record: String,
        /// The schema's file in `schema/`.
        file: String,
    },
}

/// Which section of a changelog a change belongs to (Keep a Changelog).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Something new.
    Added,
    /// Something that is there before and after.
    Changed,
    /// Something gone.
    Removed,
}

/// One change, with its verdict and the reason for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Where it is.
    pub place: Place,
    /// Its changelog section.
    pub section: Section,
    /// What changed, and what that does to a downstream crate or to stored JSON:
    /// "`VisaRecord.purpose` (paragraph 7, subparagraph 12) added as required: every
    /// `VisaRecordBuilder::build()` call must now set it, and JSON without it no longer reads".
    pub what: String,
    /// Its verdict.
    pub semver: Semver,
}

/// The changes from one spec to another, in the order of the newer spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    changes: Vec<Change>,
}

impl Diff {
    /// Compares `older` with `newer`.
    pub fn new(older: &Model, newer: &Model) -> Diff {
        let mut changes = Vec::new();
        act::compare(&older.act, &newer.act, &mut changes);
        records::compare(older, newer, &mut changes);
        types::compare(older, newer, &mut changes);
        data::compare(older, newer, &mut changes);
        nist::compare(older, newer, &mut changes);
        Diff { changes }
    }

    /// Adds what the records' JSON Schemas, `older` and `newer`, say that the specs' changes do
    /// not: a keyword that accepts more is minor, any other change of what validators read
    /// major; descriptions and other words are left out. Schemas are compared by record name.
    pub fn with_schemas(mut self, older: &[RecordSchema], newer: &[RecordSchema]) -> Diff {
        schemas::compare(older, newer, &mut self.changes);
        self
    }

    /// Every change found.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The verdict: the largest of the changes', or [`Semver::None`] when nothing changed.
    pub fn semver(&self) -> Semver {
        self.changes
            .iter()
            .map(|change| change.semver)
            .max()
            .unwrap_or(Semver::None)
    }

    /// The report in `format`, ending with the line `semver: <verdict>`.
    pub fn render(&self, format: Format) -> String {
        render::render(self, format)
    }
}

/// Collects changes of one place.
struct Changes<'a> {
    place: Place,
    found: &'a mut Vec<Change>,
}

impl Changes<'_> {
    fn push(&mut self, section: Section, semver: Semver, what: impl Into<String>) {
        self.found.push(Change {
            place: self.place.clone(),
            section,
            what: what.into(),
            semver,
        });
    }

    fn added(&mut self, semver: Semver, what: impl Into<String>) {
        self.push(Section::Added, semver, what);
    }

    fn changed(&mut self, semver: Semver, what: impl Into<String>) {
        self.push(Section::Changed, semver, what);
    }

    fn removed(&mut self, what: impl Into<String>) {
        self.push(Section::Removed, Semver::Major, what);
    }
}

/// Which of a text's languages changed: "the Kazakh", "the English", "the Kazakh and English".
fn texts_changed(older: &crate::model::Texts, newer: &crate::model::Texts) -> Option<&'static str> {
    let kk = older.kk != newer.kk || older.quotes_the_act != newer.quotes_the_act;
    match (kk, older.en != newer.en) {
        (false, false) => None,
        (true, false) => Some("Kazakh"),
        (false, true) => Some("English"),
        (true, true) => Some("Kazakh and English"),
    }
}

/// The words for a change that reaches only docs and messages.
const ONLY_WORDS: &str = "only the docs, compiler messages and schema descriptions change";

/// The changes of words to a member kept from `older` to `newer` (`at` names it): its texts,
/// condition, reading and example, each patch.
fn member_words(
    older: &crate::model::Member,
    newer: &crate::model::Member,
    at: &str,
    changes: &mut Changes<'_>,
) {
    use crate::model::Presence;
    if let Some(languages) = texts_changed(&older.texts, &newer.texts) {
        changes.changed(
            Semver::Patch,
            format!("{at}: its text changed in {languages}: {ONLY_WORDS}"),
        );
    }
    let condition = |member: &crate::model::Member| match &member.presence {
        Presence::Optional { condition } => condition.clone(),
        Presence::Required => None,
    };
    let (old_condition, new_condition) = (condition(older), condition(newer));
    if let (Some(old_condition), Some(new_condition)) = (&old_condition, &new_condition)
        && let Some(languages) = texts_changed(old_condition, new_condition)
    {
        changes.changed(
            Semver::Patch,
            format!("{at}: its condition changed in {languages}: {ONLY_WORDS}"),
        );
    } else if older.is_required() == newer.is_required()
        && old_condition.is_some() != new_condition.is_some()
    {
        changes.changed(
            Semver::Patch,
            format!("{at}: its condition changed: {ONLY_WORDS}"),
        );
    }
    if older.reading != newer.reading {
        changes.changed(
            Semver::Patch,
            format!("{at}: its reading changed: {ONLY_WORDS}"),
        );
    }
    if older.example != newer.example {
        changes.changed(
            Semver::Patch,
            format!("{at}: its example changed: only the generated examples change"),
        );
    }
}
