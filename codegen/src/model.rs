//! The checked spec: every name valid, every type reference resolved, every citation in place.
//!
//! Emission reads only this model, so it never has to handle a spec that is wrong.

use jiff::civil::Date;

/// A checked spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    /// The act whose lists this is.
    pub act: Act,
    /// The distinct data the lists hold, in spec order: the rows of the matrix that compares the
    /// lists. Empty when the spec declares none.
    pub data: Vec<Datum>,
    /// Value types written by hand in the generated crate, in spec order.
    pub values: Vec<ValueType>,
    /// Types generated for items that bundle several data, in spec order.
    pub composites: Vec<Composite>,
    /// The lists, one record a paragraph, in spec order.
    pub records: Vec<Record>,
}

/// A text in Kazakh (authoritative) and English (a working rendering).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    /// Kazakh.
    pub kk: String,
    /// English.
    pub en: String,
}

/// The legal act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Act {
    /// The kind of act, e.g. "Resolution".
    pub kind: Texts,
    /// Its number.
    pub number: u32,
    /// The date it was adopted.
    pub date: Date,
    /// Its title.
    pub title: Texts,
    /// The law it was adopted under.
    pub legal_basis: Texts,
    /// Whether it is in force.
    pub status: Status,
}

impl Act {
    /// How citations name the act, e.g. "Resolution 939".
    pub fn short_name(&self) -> String {
        format!("{} {}", self.kind.en, self.number)
    }
}

/// Whether an act is in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// In force.
    InForce,
    /// Repealed by another act.
    Repealed {
        /// The repealing act's number.
        by_number: u32,
        /// The repealing act's date.
        by_date: Date,
    },
}

/// A datum some lists hold: a row of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Datum {
    /// Its key, which fields name in `data`.
    pub key: String,
    /// What it is.
    pub texts: Texts,
}

/// A value type written by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueType {
    /// Its Rust name in the values module.
    pub name: String,
    /// What it holds, in English.
    pub en: String,
    /// A Rust expression creating one, inside a function returning `Result<_, ValueError>`.
    pub example: String,
    /// Its JSON Schema, code lists included.
    pub schema: serde_json::Value,
    /// The rule its characters follow, which the schema states as a pattern, if any.
    pub characters: Option<Characters>,
}

/// A rule of characters the generated JSON Schemas state as a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Characters {
    /// A text: no character of the categories Cc, Cf, Zl, Zp, Co, Cs or Cn, no white space at
    /// either end, and a visible character (a letter, number, punctuation mark or symbol).
    Text,
    /// A name: words of Latin letters, or of Kazakh and Russian Cyrillic ones, each letter with
    /// its combining marks, between spaces, hyphens and apostrophes.
    Name,
}

/// A generated type for an item that bundles several data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composite {
    /// Its Rust name.
    pub name: String,
    /// What it holds.
    pub texts: Texts,
    /// Its parts, in spec order.
    pub parts: Vec<Member>,
    /// Pairs of parts whose end may not be before their start. A composite with any is
    /// created through a constructor that checks them.
    pub periods: Vec<Period>,
}

/// Two required parts of a composite, of the same type, the second not before the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// The part that starts the period.
    pub start: String,
    /// The part that ends it.
    pub end: String,
}

/// One list of the act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Its Rust name.
    pub name: String,
    /// The paragraph of the act that holds the list.
    pub paragraph: u32,
    /// The paragraph's words before the numbered items.
    pub lead_in: Texts,
    /// One field a numbered item, in the text's order.
    pub fields: Vec<Field>,
}

impl Record {
    /// The fields the text requires.
    pub fn required_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields
            .iter()
            .filter(|field| field.member.is_required())
    }
}

/// A record's field: one numbered item of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Name, type, texts and presence.
    pub member: Member,
    /// Where the act says it.
    pub citation: Citation,
    /// The keys of the data it holds, when the spec declares data.
    pub data: Vec<String>,
}

/// A named, typed datum: a record's field or a composite's part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Its Rust identifier (snake case).
    pub ident: String,
    /// Its type.
    pub ty: TypeRef,
    /// The act's words for it.
    pub texts: Texts,
    /// Whether the text requires it.
    pub presence: Presence,
    /// A Rust expression for its example, instead of its type's.
    pub example: Option<String>,
}

impl Member {
    /// Whether the text requires it unconditionally.
    pub fn is_required(&self) -> bool {
        matches!(self.presence, Presence::Required)
    }
}

/// A resolved reference to a type of the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeRef {
    /// A hand-written value type, by name.
    Value(String),
    /// A generated composite, by name.
    Composite(String),
}

impl TypeRef {
    /// The type's Rust name.
    pub fn name(&self) -> &str {
        match self {
            TypeRef::Value(name) | TypeRef::Composite(name) => name,
        }
    }
}

/// Whether a datum must be present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Presence {
    /// The text requires it.
    Required,
    /// The text makes it conditional, or (for a composite's part) the datum may not exist.
    Optional {
        /// The act's words that make it so; every optional record field has them.
        condition: Option<Texts>,
    },
}

/// A paragraph and item number of the act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Citation {
    /// The paragraph.
    pub paragraph: u32,
    /// The numbered item in it.
    pub item: u32,
}

/// A record field that holds a type, directly or through composites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use<'a> {
    /// The record.
    pub record: &'a Record,
    /// The field.
    pub field: &'a Field,
    /// The composite the field's type is, when the type is one of its parts (or theirs).
    pub through: Option<&'a str>,
}

impl Model {
    /// The composite named `name`.
    pub fn composite(&self, name: &str) -> Option<&Composite> {
        self.composites
            .iter()
            .find(|composite| composite.name == name)
    }

    /// The value type named `name`.
    pub fn value(&self, name: &str) -> Option<&ValueType> {
        self.values.iter().find(|value| value.name == name)
    }

    /// Every record field that holds the type `name`, in record and field order.
    pub fn uses_of(&self, name: &str) -> Vec<Use<'_>> {
        let mut uses = Vec::new();
        for record in &self.records {
            for field in &record.fields {
                let field_type = field.member.ty.name();
                if field_type == name {
                    uses.push(Use {
                        record,
                        field,
                        through: None,
                    });
                } else if self.contains(field_type, name) {
                    uses.push(Use {
                        record,
                        field,
                        through: Some(field_type),
                    });
                }
            }
        }
        uses
    }

    /// Whether the composite `outer` holds `inner` among its parts, or theirs. The checker has
    /// refused composites that contain themselves, so this ends.
    fn contains(&self, outer: &str, inner: &str) -> bool {
        self.composite(outer).is_some_and(|composite| {
            composite
                .parts
                .iter()
                .any(|part| part.ty.name() == inner || self.contains(part.ty.name(), inner))
        })
    }
}
