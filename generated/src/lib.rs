//! Records of the data a material carrier of dactyloscopic (fingerprint) information must hold
//! under Kazakhstan's Government Resolution No. 939 of 2024-11-08, one type a list:
//!
//! | Paragraph | When | Record |
//! |---|---|---|
//! | 6 | issuing an identity document | [`IdentityDocumentRecord`] |
//! | 7 | issuing a visa | [`VisaRecord`] |
//! | 8 | granting a temporary residence permit | [`TemporaryResidenceRecord`] |
//! | 9 | expulsion or readmission | [`ExpulsionOrReadmissionRecord`] |
//! | 10 | granting a permanent residence permit | [`PermanentResidenceRecord`] |
//!
//! **Status:** the resolution was repealed by Government Resolution No. 829 of 2025-10-08. These
//! types keep its lists as the act set them.
//!
//! Each record is created through its builder, and a record that lacks an item the act requires
//! does not compile: the compiler names the item and its citation. Every value is valid by
//! construction, and `Debug` never shows names, numbers, addresses or biometric data. The record
//! types, builders and composites are generated from `spec/resolution-939.yaml` by
//! `dactylo-codegen`; the value types they hold are written by hand.
//!
//! ```
//! use dactylo_records::jiff::civil::date;
//! use dactylo_records::{
//!     Authority, Birth, Capture, Citizenship, DocumentNumber, FingerPosition, Fingerprints,
//!     FullName, IdentityDocument, IdentityDocumentRecord, Iin, ImageFormat, Impression,
//!     ImpressionFormat, Name, Photo, Place, Registration, RegistrationBasis, Sex, Signature,
//!     ValueError,
//! };
//!
//! # let (face_jpeg, signature_png) = (vec![0xFF, 0xD8, 0xFF, 0xE0], b"\x89PNG\r\n\x1a\n".to_vec());
//! # let finger_wsq = |_| vec![0xFF, 0xA0, 0xFF, 0xA8];
//! // Every value is checked as it is created: a name's alphabet, an IIN's check digit, a
//! // photo's format against its bytes, one capture for each of the ten fingers.
//! let holder = FullName {
//!     surname: Name::new("Сейітова")?,
//!     given_name: Name::new("Әйгерім")?,
//!     patronymic: Some(Name::new("Қайратқызы")?),
//! };
//! let mut captures = Vec::new();
//! for position in FingerPosition::ALL {
//!     let impression = Impression::new(ImpressionFormat::Wsq, finger_wsq(position))?;
//!     captures.push((position, Capture::Impression(impression)));
//! }
//! let fingerprints = Fingerprints::new(captures)?;
//! let holder_has_an_iin = true;
//!
//! let mut builder = IdentityDocumentRecord::builder()
//!     .full_name(holder)
//!     .birth(Birth { date: date(1990, 3, 14), place: Place::new("Алматы")? })
//!     .sex(Sex::Female)
//!     .citizenship(Citizenship::new("KAZ")?)
//!     .photo(Photo::new(ImageFormat::Jpeg, face_jpeg)?)
//!     .fingerprints(fingerprints)
//!     .identity_document(IdentityDocument::new(
//!         DocumentNumber::new("N12345678")?,
//!         date(2024, 12, 2),
//!         date(2034, 12, 1),
//!     )?)
//!     .signature(Signature::new(ImageFormat::Png, signature_png)?)
//!     .registration(Registration {
//!         date: date(2024, 12, 2),
//!         basis: RegistrationBasis::new("application for an identity card")?,
//!     })
//!     .issuing_authority(Authority::new("Ministry of Internal Affairs")?)
//!     .registering_officer(FullName {
//!         surname: Name::new("Ахметов")?,
//!         given_name: Name::new("Нұрлан")?,
//!         patronymic: None,
//!     });
//! // Optional items (paragraph 6, items 4 and 10) leave the builder's type unchanged.
//! if holder_has_an_iin {
//!     builder = builder.iin(Iin::new("900314400120")?);
//! }
//! let record = builder.build();
//!
//! assert_eq!(record.sex, Sex::Female);
//! assert_eq!(record.ethnicity, None);
//! // Debug shows the structure and hides personal and biometric data.
//! assert!(format!("{record:?}").contains("surname: Name(<redacted>)"));
//! # Ok::<(), ValueError>(())
//! ```
//!
//! Leaving out a required item is a compile error:
//!
//! ```compile_fail,E0277
//! # use dactylo_records::{IdentityDocumentRecord, Sex};
//! let record = IdentityDocumentRecord::builder().sex(Sex::Male).build();
//! ```
//!
//! ```text
//! error[E0277]: IdentityDocumentRecord is missing `photo` (Resolution 939, paragraph 6, item 6: photograph)
//! ```
//!
//! # Features
//!
//! - `serde` (default): `Serialize` and `Deserialize` for every record and value; unknown fields
//!   are rejected and a missing required item is an error that names it.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use jiff;

mod values;
pub use values::*;

// prettyplease formats the generated modules, and `dactylo-codegen --check` compares them byte
// for byte: rustfmt must leave them alone.
#[rustfmt::skip]
mod records;
pub use records::*;
