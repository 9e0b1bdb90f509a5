//! The value types the spec refers to by name (its `values` section), written by hand.
//!
//! The generated records and composites hold these; this is the one place to deepen them
//! (validation, redaction) without touching the generator.

use std::fmt;

/// A text value: a newtype over the text as written, so that a name cannot be passed where an
/// address is meant.
macro_rules! text_value {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(transparent))]
        pub struct $name(String);

        impl $name {
            /// Wraps the text as written.
            pub fn new(text: impl Into<String>) -> Self {
                Self(text.into())
            }

            /// The text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    };
}

/// A binary value: the encoded bytes. `Debug` shows only their length, since they are
/// biometric data and can be large.
macro_rules! bytes_value {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(transparent))]
        pub struct $name(Vec<u8>);

        impl $name {
            /// Wraps the encoded bytes.
            pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
                Self(bytes.into())
            }

            /// The encoded bytes.
            pub fn as_bytes(&self) -> &[u8] {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name)).field("bytes", &self.0.len()).finish()
            }
        }
    };
}

/// A calendar date.
pub type Date = jiff::civil::Date;

text_value! {
    /// A surname, given name or patronymic as written in the identity document.
    Name
}

text_value! {
    /// A place of birth.
    Place
}

text_value! {
    /// Nationality in the sense of ethnicity, recorded only at the holder's wish.
    Ethnicity
}

text_value! {
    /// Citizenship, which may be "stateless".
    Citizenship
}

text_value! {
    /// The number of an identity document.
    DocumentNumber
}

text_value! {
    /// An individual identification number (IIN).
    Iin
}

text_value! {
    /// The basis on which dactyloscopic registration was carried out.
    RegistrationBasis
}

text_value! {
    /// The name of a state authority.
    Authority
}

text_value! {
    /// A postal address.
    Address
}

text_value! {
    /// The court verdict or decision, in legal force, on which an expulsion rests.
    ExpulsionGrounds
}

bytes_value! {
    /// A photograph of the face.
    Photo
}

bytes_value! {
    /// An image of the holder's signature.
    Signature
}

bytes_value! {
    /// The papillary patterns of the ten fingers.
    Fingerprints
}

bytes_value! {
    /// The papillary patterns of the ten fingers of both hands and of both palms.
    FingerprintsAndPalms
}

/// The person's sex.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Sex {
    /// Male, written `M`.
    #[cfg_attr(feature = "serde", serde(rename = "M"))]
    Male,
    /// Female, written `F`.
    #[cfg_attr(feature = "serde", serde(rename = "F"))]
    Female,
}

/// Whether a prior permit is a visa or a temporary residence permit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PermitKind {
    /// A visa of the Republic of Kazakhstan.
    Visa,
    /// A temporary residence permit in the Republic of Kazakhstan.
    TemporaryResidencePermit,
}
