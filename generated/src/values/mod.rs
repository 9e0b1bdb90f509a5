//! The value types the spec refers to by name (its `values` section), written by hand.
//!
//! Every type here is valid by construction: its constructor checks what the value must be and
//! returns a typed error saying what is wrong, and deserialization runs the same checks, so a
//! value that exists is valid. `Debug` never shows personal or biometric content: names,
//! numbers, addresses and free texts are redacted, and images and impressions show only their
//! format and size.

/// The conversions every value written as a string has: `FromStr`, `TryFrom<&str>` and
/// `TryFrom<String>` through `new`, and serde as that string (`$text` gives it), deserialized
/// through the same `new`, so that invalid input never yields a value.
macro_rules! string_value {
    ($name:ident, $error:ty, $text:ident) => {
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

        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.$text())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Self::new(&text).map_err(::serde::de::Error::custom)
            }
        }
    };
}

/// `Debug` as `Name(<redacted>)`: the type, never the personal data it holds.
macro_rules! redacted_debug {
    ($name:ident) => {
        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(concat!(stringify!($name), "(<redacted>)"))
            }
        }
    };
}

mod country;
mod encoded;
mod fingerprints;
mod iin;
mod kinds;
mod name;
mod period;
mod text;

pub use country::{Citizenship, CodeError, Country};
pub use encoded::{EncodingError, EncodingProblem, ImageFormat, Photo, Signature};
pub use fingerprints::{
    Absence, Capture, CaptureSetError, FingerPosition, Fingerprints, FingerprintsAndPalms,
    Impression, ImpressionFormat, PalmPosition,
};
pub use iin::{Iin, IinError};
pub use kinds::{CourtActKind, PermitKind, Sex};
pub use name::{DocumentNumber, Name};
pub use period::{Date, PeriodError};
pub use text::{
    AddressLine, Authority, Ethnicity, Place, RegistrationBasis, TextError, TextProblem,
};

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
    /// A period that ends before it starts.
    Period(#[from] PeriodError),
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
