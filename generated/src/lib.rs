#![doc = include_str!("../README.md")]
//! ## Every value checked
//!
//! The value types are written by hand; each is valid by construction. Its constructor returns a
//! typed error saying what is wrong and where, deserialization runs the same checks, and
//! [`ValueError`] gathers them all for `?`. `Debug` shows no datum about the person (names,
//! sex, citizenship, dates, places, numbers, addresses, court acts or biometric data), and
//! biometric buffers are wiped on drop:
//!
//! ```
//! # use dactylo_records::{FullName, Name, ValueError};
//! let name = FullName {
//!     surname: Name::new("Сейітова")?,
//!     given_name: Some(Name::new("Әйгерім")?),
//!     patronymic: None,
//! };
//! assert_eq!(
//!     format!("{name:?}"),
//!     "FullName { surname: Name(<redacted>), given_name: Some(Name(<redacted>)), patronymic: None }"
//! );
//! assert!(Name::new("Anna2").is_err());
//! # Ok::<(), ValueError>(())
//! ```
//!
//! ## A missing item does not compile
//!
//! ```compile_fail,E0277
//! # use dactylo_records::{IdentityDocumentRecord, Sex};
//! let record = IdentityDocumentRecord::builder().sex(Sex::Male).build();
//! ```
//!
//! ```text
//! error[E0277]: IdentityDocumentRecord is missing `photo` (photograph): Rules approved by Resolution No. 939, paragraph 6, subparagraph 6)
//! ```
//!
//! ## Features
//!
//! - `serde` (default): `Serialize` and `Deserialize` for every record and value, from
//!   self-describing formats (JSON, CBOR, MessagePack). Unknown fields are rejected, and every
//!   error the crate raises names the path of the value (`full_name.surname`) and never repeats
//!   the input; errors the format raises itself are its own (serde_yaml's and toml's quote the
//!   input).
//!   The JSON Schemas in `schema/` describe the same JSON.
//! - `nist` (off by default, no dependency of its own): each record's `to_nist` and `from_nist`,
//!   which write and read ANSI/NIST-ITL 1-2011 transactions (traditional encoding) as the
//!   reference's tables map the items, and the module `nist` they use. The example
//!   `examples/nist` encodes a record's JSON and decodes a transaction from the command line.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use dactylo_values::jiff;

// The value types, where the generated module names them (`crate::values::Name`).
use dactylo_values as values;
/// How the records deserialize: for generated code (`dactylo-codegen`'s single files too), not
/// an API of its own.
#[cfg(feature = "serde")]
#[doc(hidden)]
pub use dactylo_values::de;
/// ANSI/NIST-ITL 1-2011 transactions: what each record's `to_nist` and `from_nist` write and
/// read, and the [`TransactionInfo`](nist::TransactionInfo) a sender gives.
#[cfg(feature = "nist")]
pub use dactylo_values::nist;
// The value types the spec names are re-exported by the generated module, with the spec's words
// and the records that use them; these are the rest: their parts, kinds, limits and errors.
pub use dactylo_values::{
    Absence, Act, Applied, Base64Problem, Capture, CaptureSetError, CodeError, CompositeError,
    DOCUMENT_NUMBER_LIMIT, DateError, DateProblem, EncodingError, EncodingProblem, EntryIntoForce,
    FINGER_IMPRESSION_LIMIT, FingerPosition, IMPRESSION_LIMIT, IcaoNationality, IinError,
    ImageFormat, Impression, ImpressionFormat, Known, NAME_LIMIT, NoneGivenError, PHOTO_LIMIT,
    PalmPosition, PeriodError, Repeal, SIGNATURE_LIMIT, TEXT_LIMIT, TextError, TextProblem,
    ValueError,
};

// prettyplease formats the generated modules, and `dactylo-codegen --check` compares them byte
// for byte: rustfmt must leave them alone.
#[rustfmt::skip]
mod records;
pub use records::*;
