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
//! does not compile: the compiler names the item and its citation. The record types, builders
//! and composites are generated from `spec/resolution-939.yaml` by `dactylo-codegen`; the value
//! types they hold are written by hand.
//!
//! ```
//! use dactylo_records::jiff::civil::date;
//! use dactylo_records::{
//!     Authority, Birth, Citizenship, DocumentNumber, Fingerprints, FullName, IdentityDocument,
//!     IdentityDocumentRecord, Iin, Name, Photo, Place, Registration, RegistrationBasis, Sex,
//!     Signature,
//! };
//!
//! let holder = FullName {
//!     surname: Name::new("Сейітова"),
//!     given_name: Name::new("Әйгерім"),
//!     patronymic: Some(Name::new("Қайратқызы")),
//! };
//! let officer = FullName {
//!     surname: Name::new("Ахметов"),
//!     given_name: Name::new("Нұрлан"),
//!     patronymic: None,
//! };
//! let holder_has_an_iin = true;
//!
//! let mut builder = IdentityDocumentRecord::builder()
//!     .full_name(holder)
//!     .birth(Birth { date: date(1990, 3, 14), place: Place::new("Алматы") })
//!     .sex(Sex::Female)
//!     .citizenship(Citizenship::new("KAZ"))
//!     .photo(Photo::new(vec![0xFF, 0xD8, 0xFF]))
//!     .fingerprints(Fingerprints::new(vec![0xFF, 0xA0]))
//!     .identity_document(IdentityDocument {
//!         number: DocumentNumber::new("N12345678"),
//!         issued_on: date(2024, 12, 2),
//!         valid_until: date(2034, 12, 1),
//!     })
//!     .signature(Signature::new(vec![0x89, b'P', b'N', b'G']))
//!     .registration(Registration {
//!         date: date(2024, 12, 2),
//!         basis: RegistrationBasis::new("application for an identity card"),
//!     })
//!     .issuing_authority(Authority::new("Ministry of Internal Affairs"))
//!     .registering_officer(officer);
//! // Optional items (paragraph 6, items 4 and 10) leave the builder's type unchanged.
//! if holder_has_an_iin {
//!     builder = builder.iin(Iin::new("900314400123"));
//! }
//! let record = builder.build();
//!
//! assert_eq!(record.sex, Sex::Female);
//! assert_eq!(record.ethnicity, None);
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
