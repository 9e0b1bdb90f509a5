//! The value types of `dactylo-records`, written by hand: what the spec of the records names
//! under `values`, and their parts, kinds, limits and errors. `dactylo-records` re-exports
//! every one a record holds.
//!
//! Every type here is valid by construction: its constructor checks what the value must be and
//! returns a typed error saying what is wrong, and deserialization runs the same checks, so a
//! value that exists is valid. `Debug` never shows personal or biometric content: names,
//! numbers, addresses, free texts, sex, countries, citizenship, dates, court acts and absences
//! are redacted, and images and impressions show only their format and size.
//!
//! [`catalogue`] lists the types a spec may name, each with its JSON Schema, written beside the
//! type: `dactylo-codegen` reads it to write the records' schemas.
//!
//! ## Features
//!
//! - `serde` (default): `Serialize` and `Deserialize` for every value, from self-describing
//!   formats, with errors that name the path of a value and never repeat it.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use jiff;

/// The conversions every value written as a string has: `FromStr`, `TryFrom<&str>` and
/// `TryFrom<String>` through its `new`, and serde as that string (`$text` gives it), read
/// through the same `FromStr`, so that invalid input never yields a value. `$expected` says what
/// a deserialization error expected, in place of the input it never repeats.
macro_rules! string_value {
    ($name:ident, $error:ty, $text:ident, $expected:literal) => {
        impl ::std::str::FromStr for $name {
            type Err = $error;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Self::new(text)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = $error;

            fn try_from(text: &str) -> Result<Self, Self::Error> {
                Self::new(text)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $error;

            fn try_from(text: String) -> Result<Self, Self::Error> {
                Self::new(&text)
            }
        }

        serde_as_string!($name, $text, $expected);
    };
}

/// Serde as the string `$text` gives, read through `FromStr`.
macro_rules! serde_as_string {
    ($name:ident, $text:ident, $expected:literal) => {
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.$text())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> $crate::de::DeserializeAt<'de> for $name {
            fn deserialize_at<D: ::serde::Deserializer<'de>>(
                deserializer: D,
                at: $crate::de::Path<'_>,
            ) -> Result<Self, D::Error> {
                $crate::de::text(deserializer, at, $expected, |text| {
                    text.parse::<Self>().map_err(|error| error.to_string())
                })
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                <Self as $crate::de::DeserializeAt<'de>>::deserialize_at(
                    deserializer,
                    $crate::de::Path::Root,
                )
            }
        }
    };
}

/// Serde for a unit enum as the names its variants are written with: `$name::$variant` is
/// `$text`. Deserializing refuses any other name without repeating it.
macro_rules! named_variants {
    ($name:ident, $expected:literal, { $($variant:ident => $text:literal),* $(,)? }) => {
        impl $name {
            /// The names the variants are written with, in order.
            pub(crate) const WIRE_NAMES: &'static [&'static str] = &[$($text),*];

            /// The name the variant is written with.
            #[cfg_attr(not(feature = "serde"), allow(dead_code))]
            pub(crate) fn wire_name(self) -> &'static str {
                match self {
                    $($name::$variant => $text),*
                }
            }
        }

        impl $crate::catalogue::Schema for $name {
            fn schema() -> $crate::catalogue::Object {
                $crate::catalogue::one_of(Self::WIRE_NAMES)
            }
        }

        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.wire_name())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> $crate::de::DeserializeAt<'de> for $name {
            fn deserialize_at<D: ::serde::Deserializer<'de>>(
                deserializer: D,
                at: $crate::de::Path<'_>,
            ) -> Result<Self, D::Error> {
                $crate::de::variant(
                    deserializer,
                    at,
                    $expected,
                    &[$($text),*],
                    &[$($name::$variant),*],
                )
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <Self as $crate::de::DeserializeAt<'de>>::deserialize_at(
                    deserializer,
                    $crate::de::Path::Root,
                )
            }
        }
    };
}

/// `Debug` as `Name(<redacted>)`: the type, never the personal data it holds (for an enum, which
/// variant a person's value is: a sex, a court act's kind, a finger's absence).
macro_rules! redacted_debug {
    ($($name:ident),+) => {
        $(impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(concat!(stringify!($name), "(<redacted>)"))
            }
        })+
    };
}

mod act;
pub mod catalogue;
mod composite;
mod country;
mod date;
/// How the records deserialize: for generated code (`dactylo-codegen`'s single files too), not
/// an API of its own.
#[cfg(feature = "serde")]
#[doc(hidden)]
pub mod de;
mod document_number;
mod encoded;
mod fingerprints;
mod icao;
mod iin;
mod kinds;
mod name;
#[cfg(feature = "nist")]
pub mod nist;
mod text;
mod validity;

pub use act::{Act, Applied, EntryIntoForce, Repeal};
pub use composite::{CompositeError, NoneGivenError, PeriodDay, PeriodError};
pub use country::{Citizenship, CodeError, Country, IcaoNationality};
pub use date::{BirthDate, Date, DateError, DateProblem, Known};
pub use document_number::{DOCUMENT_NUMBER_LIMIT, DocumentNumber, SERIES_LETTERS};
pub use encoded::{Base64Problem, EncodingError, EncodingProblem, ImageFormat, Photo, Signature};
pub use encoded::{FINGER_IMPRESSION_LIMIT, IMPRESSION_LIMIT, PHOTO_LIMIT, SIGNATURE_LIMIT};
pub use fingerprints::{
    Absence, Capture, CaptureSetError, FingerPosition, Fingerprints, FingerprintsAndPalms,
    Impression, ImpressionFormat, PalmPosition,
};
pub use iin::{Iin, IinError};
pub use kinds::{CourtActKind, Sex};
pub use name::{NAME_LIMIT, Name};
pub use text::{
    AddressLine, Authority, Ethnicity, Place, RegistrationBasis, TEXT_LIMIT, TextError, TextProblem,
};
pub use validity::ValidityEnd;

/// Any value's error, for code that creates values of several types and reports them alike.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(transparent)]
#[non_exhaustive]
pub enum ValueError {
    /// A text, name or document number.
    Text(#[from] TextError),
    /// An IIN.
    Iin(#[from] IinError),
    /// A country or citizenship code.
    Code(#[from] CodeError),
    /// A photo, signature or impression.
    Encoding(#[from] EncodingError),
    /// A set of finger or palm captures.
    CaptureSet(#[from] CaptureSetError),
    /// A composite whose parts break a rule across them.
    Composite(#[from] CompositeError),
    /// A date, or a date of birth.
    Date(#[from] DateError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_errors_read_as_the_error_they_carry() {
        let error: ValueError = Name::new("").unwrap_err().into();
        assert_eq!(error.to_string(), "Name: the text is empty");
        let error: ValueError = Iin::new("1").unwrap_err().into();
        assert_eq!(error.to_string(), "an IIN has 12 digits, not 1");
    }
}
