//! Acceptance tests of dactylo, written as a downstream user of `dactylo-records` writes code.
//!
//! This library holds what several tests share: a realistic value of every type the records
//! hold. The tests themselves are in `tests/`, and the generated compile-fail programs in
//! `compile-fail/`.

use dactylo_records::{
    Absence, Address, AddressLine, Authority, Birth, Capture, Citizenship, Country, CourtAct,
    CourtActKind, Date, DocumentNumber, Ethnicity, Expulsion, FingerPosition, Fingerprints,
    FingerprintsAndPalms, FullName, IdentityDocument, Iin, ImageFormat, Impression,
    ImpressionFormat, Name, Photo, Place, PriorPermits, Registration, RegistrationBasis, Signature,
    TemporaryResidencePermit, Visa,
};

/// A valid calendar date.
pub fn date(year: i16, month: i8, day: i8) -> Date {
    Date::new(year, month, day).expect("a valid date")
}

/// The top-level README's Rust examples, compiled and run as doctests so that they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;

/// The leading bytes of the formats the fixtures use.
pub mod signatures {
    pub const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0];
    pub const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    pub const WSQ: &[u8] = &[0xFF, 0xA0, 0xFF, 0xA8];
}

pub fn name(text: &str) -> Name {
    Name::new(text).expect("a valid name")
}

/// The person a record is about.
pub fn holder() -> FullName {
    FullName {
        surname: name("Сейітова"),
        given_name: Some(name("Әйгерім")),
        patronymic: Some(name("Қайратқызы")),
    }
}

/// A foreigner whose identity document shows no patronymic.
pub fn foreign_holder() -> FullName {
    FullName {
        surname: name("Smith"),
        given_name: Some(name("Anna")),
        patronymic: None,
    }
}

/// The officer who carried out the dactyloscopic registration.
pub fn officer() -> FullName {
    FullName {
        surname: name("Ахметов"),
        given_name: Some(name("Нұрлан")),
        patronymic: Some(name("Серікұлы")),
    }
}

pub fn birth() -> Birth {
    Birth {
        date: date(1990, 3, 14).into(),
        place: Place::new("Алматы").unwrap(),
    }
}

pub fn citizenship() -> Citizenship {
    Citizenship::new("KAZ").unwrap()
}

pub fn ethnicity() -> Ethnicity {
    Ethnicity::new("қазақ").unwrap()
}

pub fn iin() -> Iin {
    Iin::new("900314400120").unwrap()
}

pub fn photo() -> Photo {
    Photo::new(ImageFormat::Jpeg, [signatures::JPEG, b"face"].concat()).unwrap()
}

pub fn signature() -> Signature {
    Signature::new(ImageFormat::Png, [signatures::PNG, b"signature"].concat()).unwrap()
}

pub fn impression() -> Capture {
    let bytes = [signatures::WSQ, b"ridges"].concat();
    Capture::Impression(Impression::new(ImpressionFormat::Wsq, bytes).unwrap())
}

/// Ten impressions, but for the left little finger, amputated.
pub fn fingerprints() -> Fingerprints {
    Fingerprints::new(FingerPosition::ALL.map(|position| {
        let capture = match position {
            FingerPosition::LeftLittle => Capture::Absent(Absence::Amputated),
            _ => impression(),
        };
        (position, capture)
    }))
    .unwrap()
}

pub fn fingerprints_and_palms() -> FingerprintsAndPalms {
    FingerprintsAndPalms::new(
        fingerprints(),
        impression(),
        Capture::Absent(Absence::UnableToPrint),
    )
}

pub fn identity_document() -> IdentityDocument {
    IdentityDocument::new(
        DocumentNumber::new("N12345678").unwrap(),
        date(2024, 12, 2),
        date(2034, 12, 1),
    )
    .unwrap()
}

pub fn registration() -> Registration {
    Registration {
        date: date(2024, 12, 2),
        basis: RegistrationBasis::new("application for an identity card").unwrap(),
    }
}

pub fn authority() -> Authority {
    Authority::new("Migration Service of the Ministry of Internal Affairs").unwrap()
}

pub fn visa() -> Visa {
    Visa::new(date(2025, 1, 10), date(2025, 4, 10)).unwrap()
}

/// The temporary residence permit a permanent resident held before.
pub fn temporary_residence_permit() -> TemporaryResidencePermit {
    TemporaryResidencePermit::new(date(2023, 5, 1), date(2026, 4, 30)).unwrap()
}

/// The permits a permanent resident held before: a temporary residence permit only.
pub fn prior_permits() -> PriorPermits {
    PriorPermits::new(None, Some(temporary_residence_permit())).unwrap()
}

/// An address in `country` with just a locality and a street.
pub fn address(country: &str, locality: &str, street: &str) -> Address {
    let line = |text: &str| AddressLine::new(text).unwrap();
    Address {
        country: Country::new(country).unwrap(),
        region: None,
        district: None,
        locality: line(locality),
        street: Some(line(street)),
        building: None,
        apartment: None,
        postal_code: None,
    }
}

pub fn expulsion() -> Expulsion {
    let decision = CourtAct::new(
        CourtActKind::Decision,
        Some(Authority::new("Specialised Inter-District Administrative Court of Astana").unwrap()),
        Some(date(2025, 1, 15)),
        Some(date(2025, 1, 25)),
    )
    .unwrap();
    Expulsion {
        date: date(2025, 2, 1),
        grounds: decision,
    }
}

/// A complete record of every list, built through its builder with every item, optional ones
/// included: the lists of paragraphs 7 to 10 have no optional item.
pub mod complete {
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
            .birth_date(date(1985, 7, 1).into())
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
            .birth_date(date(1985, 7, 1).into())
            .sex(Sex::Male)
            .fingerprints_and_palms(fingerprints_and_palms())
            .citizenship(citizenship())
            .photo(photo())
            .residence_abroad(address("UZB", "Tashkent", "Amir Temur 1"))
            .temporary_residence(address("KAZ", "Astana", "Mangilik El 55"))
            .receiving_party_address(address("KAZ", "Astana", "Kabanbay Batyr 2"))
            .identity_document(identity_document())
            .registration(registration())
            .registering_officer(officer())
            .build()
    }

    pub fn expulsion_or_readmission_record() -> ExpulsionOrReadmissionRecord {
        ExpulsionOrReadmissionRecord::builder()
            .full_name(foreign_holder())
            .birth_date(date(1985, 7, 1).into())
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
            .birth_date(date(1985, 7, 1).into())
            .sex(Sex::Female)
            .fingerprints_and_palms(fingerprints_and_palms())
            .citizenship(citizenship())
            .photo(photo())
            .identity_document(identity_document())
            .registration(registration())
            .registering_officer(officer())
            .prior_permits(prior_permits())
            .intended_permanent_address(address("KAZ", "Almaty", "Abay 10"))
            .reviewing_authority(authority())
            .build()
    }
}
