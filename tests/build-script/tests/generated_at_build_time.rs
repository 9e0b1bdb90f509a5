//! The records generated at build time work like the checked-in ones, and hold the very
//! composites of `dactylo-records`, since their spec's composites are the same.

use dactylo_build_script_example::{
    Birth, FullName, IdentityDocument, IdentityDocumentRecord, Registration,
};
use dactylo_records::{
    Authority, Capture, Citizenship, Date, DocumentNumber, FingerPosition, Fingerprints,
    ImageFormat, Impression, ImpressionFormat, Name, Photo, Place, RegistrationBasis, Sex,
    Signature, ValueError,
};

fn date(year: i16, month: i8, day: i8) -> Date {
    Date::new(year, month, day).expect("a valid date")
}

fn person(surname: &str) -> Result<FullName, ValueError> {
    Ok(FullName {
        surname: Name::new(surname)?,
        given_name: Some(Name::new("Әйгерім")?),
        patronymic: None,
    })
}

#[test]
fn a_record_builds_from_types_generated_by_the_build_script() -> Result<(), ValueError> {
    let wsq = Impression::new(ImpressionFormat::Wsq, vec![0xFF, 0xA0, 0xFF, 0xA8])?;
    let fingerprints = Fingerprints::new(
        FingerPosition::ALL.map(|position| (position, Capture::Impression(wsq.clone()))),
    )?;
    let record = IdentityDocumentRecord::builder()
        .full_name(person("Сейітова")?)
        .birth(Birth {
            date: date(1990, 3, 14).into(),
            place: Place::new("Алматы")?,
        })
        .sex(Sex::Female)
        .citizenship(Citizenship::new("XXA")?)
        .photo(Photo::new(ImageFormat::Jpeg, vec![0xFF, 0xD8, 0xFF, 0xE0])?)
        .fingerprints(fingerprints)
        .identity_document(IdentityDocument::new(
            DocumentNumber::new("N1")?,
            date(2024, 1, 1),
            date(2034, 1, 1),
        )?)
        .signature(Signature::new(
            ImageFormat::Jpeg,
            vec![0xFF, 0xD8, 0xFF, 0xDB],
        )?)
        .registration(Registration {
            date: date(2024, 1, 1),
            basis: RegistrationBasis::new("application")?,
        })
        .issuing_authority(Authority::new("Ministry of Internal Affairs")?)
        .registering_officer(person("Ахметов")?)
        .build();

    assert_eq!(record.full_name, person("Сейітова")?);
    // The same type, not a copy of it: a value built for one crate fits the other's records.
    let shared: dactylo_records::FullName = record.full_name.clone();
    let _ = dactylo_records::VisaRecord::builder().full_name(shared);
    assert_eq!(record.iin, None);
    let json = serde_json::to_value(&record).unwrap();
    assert_eq!(json["sex"], "F");
    assert_eq!(json["citizenship"], "XXA");
    // The checked composite generated here checks its period like the checked-in one.
    assert!(
        IdentityDocument::new(
            DocumentNumber::new("N1")?,
            date(2024, 1, 1),
            date(2023, 1, 1)
        )
        .is_err()
    );
    Ok(())
}
