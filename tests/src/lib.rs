//! Acceptance tests of dactylo, written as a downstream user of `dactylo-records` writes code.
//!
//! This library holds what several tests share: a realistic value of every type the records
//! hold. The tests themselves are in `tests/`, and the generated compile-fail programs in
//! `compile-fail/`.

use dactylo_records::jiff::civil::date;
use dactylo_records::{
    Address, Authority, Birth, Citizenship, DocumentNumber, Ethnicity, Expulsion, ExpulsionGrounds,
    Fingerprints, FingerprintsAndPalms, FullName, IdentityDocument, Iin, Name, PermitKind, Photo,
    Place, PriorPermit, Registration, RegistrationBasis, Signature, Visa,
};

/// The top-level README's Rust examples, compiled and run as doctests so that they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;

/// The person a record is about.
pub fn holder() -> FullName {
    FullName {
        surname: Name::new("Сейітова"),
        given_name: Name::new("Әйгерім"),
        patronymic: Some(Name::new("Қайратқызы")),
    }
}

/// A foreigner whose identity document shows no patronymic.
pub fn foreign_holder() -> FullName {
    FullName {
        surname: Name::new("Smith"),
        given_name: Name::new("Anna"),
        patronymic: None,
    }
}

/// The officer who carried out the dactyloscopic registration.
pub fn officer() -> FullName {
    FullName {
        surname: Name::new("Ахметов"),
        given_name: Name::new("Нұрлан"),
        patronymic: Some(Name::new("Серікұлы")),
    }
}

pub fn birth() -> Birth {
    Birth {
        date: date(1990, 3, 14),
        place: Place::new("Алматы"),
    }
}

pub fn citizenship() -> Citizenship {
    Citizenship::new("KAZ")
}

pub fn ethnicity() -> Ethnicity {
    Ethnicity::new("қазақ")
}

pub fn iin() -> Iin {
    Iin::new("900314400123")
}

pub fn photo() -> Photo {
    Photo::new(vec![0xFF, 0xD8, 0xFF, 0xE0])
}

pub fn signature() -> Signature {
    Signature::new(vec![0x89, b'P', b'N', b'G'])
}

pub fn fingerprints() -> Fingerprints {
    Fingerprints::new(vec![0xFF, 0xA0, 0xFF, 0xA8])
}

pub fn fingerprints_and_palms() -> FingerprintsAndPalms {
    FingerprintsAndPalms::new(vec![0xFF, 0xA0, 0xFF, 0xA8, 0x00])
}

pub fn identity_document() -> IdentityDocument {
    IdentityDocument {
        number: DocumentNumber::new("N12345678"),
        issued_on: date(2024, 12, 2),
        valid_until: date(2034, 12, 1),
    }
}

pub fn registration() -> Registration {
    Registration {
        date: date(2024, 12, 2),
        basis: RegistrationBasis::new("application for an identity card"),
    }
}

pub fn authority() -> Authority {
    Authority::new("Migration Service of the Ministry of Internal Affairs")
}

pub fn visa() -> Visa {
    Visa {
        issued_on: date(2025, 1, 10),
        valid_until: date(2025, 4, 10),
    }
}

pub fn prior_permit() -> PriorPermit {
    PriorPermit {
        kind: PermitKind::TemporaryResidencePermit,
        issued_on: date(2023, 5, 1),
        valid_until: date(2026, 4, 30),
    }
}

pub fn address(line: &str) -> Address {
    Address::new(line)
}

pub fn expulsion() -> Expulsion {
    Expulsion {
        date: date(2025, 2, 1),
        grounds: ExpulsionGrounds::new(
            "decision of the Specialised Inter-District Administrative Court of Astana of 2025-01-15, in force",
        ),
    }
}

/// A complete record of every list, built through its builder with every item, optional ones
/// included: the lists of paragraphs 7 to 10 have no optional item.
pub mod complete {
    use dactylo_records::jiff::civil::date;
    use dactylo_records::{
        ExpulsionOrReadmissionRecord, IdentityDocumentRecord, PermanentResidenceRecord, Sex,
        TemporaryResidenceRecord, VisaRecord,
    };

    use super::*;

    pub fn identity_document_record() -> IdentityDocumentRecord {
        IdentityDocumentRecord::builder()
            .full_name(holder())
            .birth(birth())
            .sex(Sex::Female)
            .ethnicity(ethnicity())
            .citizenship(citizenship())
            .photo(photo())
            .fingerprints(fingerprints())
            .identity_document(identity_document())
            .signature(signature())
            .iin(iin())
            .registration(registration())
            .issuing_authority(authority())
            .registering_officer(officer())
            .build()
    }

    pub fn visa_record() -> VisaRecord {
        VisaRecord::builder()
            .full_name(foreign_holder())
            .birth_date(date(1985, 7, 1))
            .sex(Sex::Female)
            .fingerprints(fingerprints())
            .citizenship(citizenship())
            .photo(photo())
            .identity_document(identity_document())
            .visa(visa())
            .registration(registration())
            .issuing_authority(authority())
            .registering_officer(officer())
            .build()
    }

    pub fn temporary_residence_record() -> TemporaryResidenceRecord {
        TemporaryResidenceRecord::builder()
            .full_name(foreign_holder())
            .birth_date(date(1985, 7, 1))
            .sex(Sex::Male)
            .fingerprints_and_palms(fingerprints_and_palms())
            .citizenship(citizenship())
            .photo(photo())
            .residence_abroad(address("Tashkent, Amir Temur 1"))
            .temporary_residence(address("Astana, Mangilik El 55"))
            .receiving_party_address(address("Astana, Kabanbay Batyr 2"))
            .identity_document(identity_document())
            .registration(registration())
            .registering_officer(officer())
            .build()
    }

    pub fn expulsion_or_readmission_record() -> ExpulsionOrReadmissionRecord {
        ExpulsionOrReadmissionRecord::builder()
            .full_name(foreign_holder())
            .birth_date(date(1985, 7, 1))
            .sex(Sex::Male)
            .fingerprints_and_palms(fingerprints_and_palms())
            .citizenship(citizenship())
            .photo(photo())
            .identity_document(identity_document())
            .registration(registration())
            .registering_officer(officer())
            .expulsion(expulsion())
            .entry_banned_until(date(2030, 2, 1))
            .build()
    }

    pub fn permanent_residence_record() -> PermanentResidenceRecord {
        PermanentResidenceRecord::builder()
            .full_name(foreign_holder())
            .birth_date(date(1985, 7, 1))
            .sex(Sex::Female)
            .fingerprints_and_palms(fingerprints_and_palms())
            .citizenship(citizenship())
            .photo(photo())
            .identity_document(identity_document())
            .registration(registration())
            .registering_officer(officer())
            .visa_or_temporary_permit(prior_permit())
            .intended_permanent_address(address("Almaty, Abay 10"))
            .reviewing_authority(authority())
            .build()
    }
}
