//! The records generated at build time work like the checked-in ones.

use dactylo_build_script_example::{
    Birth, FullName, IdentityDocument, IdentityDocumentRecord, Registration,
};
use dactylo_records::jiff::civil::date;
use dactylo_records::{
    Authority, Citizenship, DocumentNumber, Fingerprints, Name, Photo, Place, RegistrationBasis,
    Sex, Signature,
};

fn person(surname: &str) -> FullName {
    FullName {
        surname: Name::new(surname),
        given_name: Name::new("Әйгерім"),
        patronymic: None,
    }
}

#[test]
fn a_record_builds_from_types_generated_by_the_build_script() {
    let record = IdentityDocumentRecord::builder()
        .full_name(person("Сейітова"))
        .birth(Birth {
            date: date(1990, 3, 14),
            place: Place::new("Алматы"),
        })
        .sex(Sex::Female)
        .citizenship(Citizenship::new("KAZ"))
        .photo(Photo::new(vec![0xFF, 0xD8]))
        .fingerprints(Fingerprints::new(vec![0xFF, 0xA0]))
        .identity_document(IdentityDocument {
            number: DocumentNumber::new("N1"),
            issued_on: date(2024, 1, 1),
            valid_until: date(2034, 1, 1),
        })
        .signature(Signature::new(vec![1]))
        .registration(Registration {
            date: date(2024, 1, 1),
            basis: RegistrationBasis::new("application"),
        })
        .issuing_authority(Authority::new("Ministry of Internal Affairs"))
        .registering_officer(person("Ахметов"))
        .build();

    assert_eq!(record.full_name, person("Сейітова"));
    assert_eq!(record.iin, None);
    let json = serde_json::to_value(&record).unwrap();
    assert_eq!(json["sex"], "F");
}
