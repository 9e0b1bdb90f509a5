//! The value types a spec of `dactylo-records` may name under `values`, each with its JSON
//! Schema (draft 2020-12): what `dactylo-codegen` reads to write the records' schemas.
//!
//! Each type's schema is written beside the type, from the constants and lists its checks use
//! (a limit, the names its variants are written with, the ISO code list), so that a rule lives
//! once. The rules of characters of texts and names are stated as patterns computed from the very
//! functions the types check with ([`Characters::pattern`]). Four rules no schema can state, and
//! the descriptions say so: an IIN's check digit, a period's end not before its start, bytes
//! beginning with their format's signature, and a name staying in its alphabets once composed to
//! NFC.

mod carriage;
mod json;
mod patterns;

pub use carriage::{Carriage, Carried};

pub(crate) use json::{Object, thousands};

use crate::{
    Absence, AddressLine, Authority, BirthDate, Citizenship, Country, CourtActKind, Date,
    DocumentNumber, Ethnicity, Fingerprints, FingerprintsAndPalms, Iin, ImageFormat,
    ImpressionFormat, Name, Photo, Place, RegistrationBasis, Sex, Signature, ValidityEnd,
};

/// A value type a spec may name.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct ValueType {
    /// Its name, as a spec writes it and this crate exports it.
    pub name: &'static str,
    /// Its JSON Schema, as JSON text.
    pub schema: fn() -> String,
    /// The rule of characters its text follows, which a schema states as a pattern beside it.
    pub characters: Option<Characters>,
    /// How it travels in an ANSI/NIST-ITL transaction.
    pub carriage: Carriage,
}

impl ValueType {
    /// The value type named `name`.
    pub fn named(name: &str) -> Option<&'static ValueType> {
        VALUE_TYPES.iter().find(|value| value.name == name)
    }
}

/// A rule of characters: which characters a value's text holds, and in what order. A new rule
/// is a change the generator must learn of, so the enum is exhaustive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Characters {
    /// A text ([`Place`] and its kind): no character of the categories Cc, Cf, Zl, Zp, Co, Cs
    /// or Cn, no white space at either end, and a letter, number, punctuation mark or symbol.
    Text,
    /// A name ([`Name`]): words of Latin letters (with Uzbek's `ʻ`), or of the Cyrillic letters
    /// of Russian, Kazakh, Kyrgyz, Tajik and Uzbek, each letter with its combining marks,
    /// between spaces, hyphens and apostrophes.
    Name,
}

impl Characters {
    /// The rule as a pattern the whole text matches, of explicit character classes of literal
    /// characters, which mean the same in ECMA-262 (with the `u` flag, as Ajv compiles them),
    /// Rust's `regex` and Python's `re`, unlike `\S` or `\p{L}`. Computing it visits every code
    /// point: it takes a moment, so compute it once.
    pub fn pattern(self) -> String {
        match self {
            Characters::Text => patterns::text(),
            Characters::Name => patterns::name(),
        }
    }
}

/// The subschema every schema with a `pattern` refuses with `not`, as JSON text: a string with a
/// line feed. Python's `re` lets `$` match before a final line feed, where ECMA-262 and Rust's
/// `regex` do not, so a pattern alone would let Python's validators accept `"Smith\n"`. No value
/// type holds a line feed anywhere, so the keyword refuses nothing a type accepts.
pub const LINE_FEED: &str = r#"{"type": "string", "pattern": "\n"}"#;

/// A value type's JSON Schema and rule of characters, implemented beside the type.
pub(crate) trait Schema {
    /// The type's JSON Schema.
    fn schema() -> Object;

    /// The rule of characters its text follows, if it is a text with one.
    const CHARACTERS: Option<Characters> = None;
}

/// What a record's field holds: every value type is one.
#[cfg(feature = "serde")]
trait Field:
    std::fmt::Debug + Clone + PartialEq + Eq + serde::Serialize + serde::de::DeserializeOwned
{
}

#[cfg(feature = "serde")]
impl<T> Field for T where
    T: std::fmt::Debug + Clone + PartialEq + Eq + serde::Serialize + serde::de::DeserializeOwned
{
}

/// What a record's field holds: every value type is one.
#[cfg(not(feature = "serde"))]
trait Field: std::fmt::Debug + Clone + PartialEq + Eq {}

#[cfg(not(feature = "serde"))]
impl<T> Field for T where T: std::fmt::Debug + Clone + PartialEq + Eq {}

fn holdable<T: Field>() {}

/// [`VALUE_TYPES`] from the types' names, each checked to be what a record's field holds.
macro_rules! catalogue {
    ($($name:ident),* $(,)?) => {
        /// Every value type a spec may name, sorted by name.
        pub const VALUE_TYPES: &[ValueType] = &[$(ValueType {
            name: stringify!($name),
            schema: || <$name as Schema>::schema().text(),
            characters: <$name as Schema>::CHARACTERS,
            carriage: <$name as Carried>::CARRIAGE,
        }),*];

        // Does not compile while a type lacks what a record's field must be.
        const _: fn() = || {
            $(holdable::<$name>();)*
        };
    };
}

catalogue![
    Absence,
    AddressLine,
    Authority,
    BirthDate,
    Citizenship,
    Country,
    CourtActKind,
    Date,
    DocumentNumber,
    Ethnicity,
    Fingerprints,
    FingerprintsAndPalms,
    Iin,
    ImageFormat,
    ImpressionFormat,
    Name,
    Photo,
    Place,
    RegistrationBasis,
    Sex,
    Signature,
    ValidityEnd,
];

/// The schema of a value written as one of a few names: a string of one of them.
pub(crate) fn one_of(names: &[&str]) -> Object {
    Object::new()
        .with("type", "string")
        .with("enum", names.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_type_has_a_schema_that_parses_and_is_listed_once_in_order() {
        let names: Vec<&str> = VALUE_TYPES.iter().map(|value| value.name).collect();
        assert!(names.is_sorted(), "keep the catalogue sorted: {names:?}");
        assert!(names.windows(2).all(|pair| pair[0] != pair[1]), "{names:?}");
        for value in VALUE_TYPES {
            let schema: serde_json::Value = serde_json::from_str(&(value.schema)())
                .unwrap_or_else(|error| panic!("{}: {error}", value.name));
            assert!(schema["type"].is_string(), "{}: {schema}", value.name);
        }
        assert!(ValueType::named("Name").is_some() && ValueType::named("Nom").is_none());
    }
}
