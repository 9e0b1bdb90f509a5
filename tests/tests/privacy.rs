//! `Debug` of a record shows its structure and never its personal or biometric content: every
//! field of every record gets a canary, and no canary may appear in the output. Dates of birth
//! and places of birth are personal data too; dates of documents and registration may show.

use dactylo_records::{
    Absence, Address, AddressLine, Authority, Birth, BirthDate, Capture, Citizenship, Country,
    CourtAct, CourtActKind, DocumentNumber, Ethnicity, Expulsion, ExpulsionOrReadmissionRecord,
    FingerPosition, Fingerprints, FingerprintsAndPalms, FullName, IdentityDocument,
    IdentityDocumentRecord, Iin, ImageFormat, Impression, ImpressionFormat, Name,
    PermanentResidenceRecord, Photo, Place, PriorPermits, Registration, Sex, Signature,
    TemporaryResidencePermit, TemporaryResidenceRecord, Visa, VisaRecord,
};
use dactylo_tests::date;
use dactylo_tests::signatures::{JPEG, PNG, WSQ};

/// Valid as a name, a text and an address line.
const CANARY: &str = "Канарейка";
/// Valid as a document number.
const CANARY_DOCUMENT: &str = "CANARYDOC42";
const CANARY_IIN: &str = "791028302728";
const CANARY_BYTES: &[u8] = b"CANARYBYTES";
/// A year no other date of the records has.
const CANARY_YEAR: i16 = 1957;

fn canary_birth_date() -> BirthDate {
    date(CANARY_YEAR, 3, 11).into()
}

fn canary_name() -> FullName {
    let name = || Name::new(CANARY).unwrap();
    FullName {
        surname: name(),
        given_name: Some(name()),
        patronymic: Some(name()),
    }
}

fn canary_text<T: for<'a> TryFrom<&'a str, Error: std::fmt::Debug>>() -> T {
    T::try_from(CANARY).unwrap()
}

fn canary_bytes(signature: &[u8]) -> Vec<u8> {
    [signature, CANARY_BYTES].concat()
}

fn canary_capture() -> Capture {
    Capture::Impression(Impression::new(ImpressionFormat::Wsq, canary_bytes(WSQ)).unwrap())
}

fn canary_fingerprints() -> Fingerprints {
    Fingerprints::new(FingerPosition::ALL.map(|position| (position, canary_capture()))).unwrap()
}

fn canary_palms() -> FingerprintsAndPalms {
    FingerprintsAndPalms::new(
        canary_fingerprints(),
        canary_capture(),
        Capture::Absent(Absence::Amputated),
    )
}

fn canary_photo() -> Photo {
    Photo::new(ImageFormat::Jpeg, canary_bytes(JPEG)).unwrap()
}

fn canary_document() -> IdentityDocument {
    let number = DocumentNumber::new(CANARY_DOCUMENT).unwrap();
    IdentityDocument::new(number, date(2024, 1, 1), date(2034, 1, 1)).unwrap()
}

fn canary_registration() -> Registration {
    Registration {
        date: date(2024, 1, 1),
        basis: canary_text(),
    }
}

fn canary_address() -> Address {
    let line = || Some(canary_text::<AddressLine>());
    Address {
        country: Country::new("KAZ").unwrap(),
        region: line(),
        district: line(),
        locality: canary_text(),
        street: line(),
        building: line(),
        apartment: line(),
        postal_code: line(),
    }
}

fn citizenship() -> Citizenship {
    Citizenship::new("KAZ").unwrap()
}

/// Every form in which a canary could leak: the text, the IIN, and the bytes as `Debug` of a
/// byte slice, as text and as base64.
fn assert_no_canary(debug: &str) {
    let decimal = format!("{:?}", CANARY_BYTES);
    let decimal = decimal.trim_matches(['[', ']']);
    let year = CANARY_YEAR.to_string();
    for canary in [
        CANARY,
        CANARY_IIN,
        CANARY_DOCUMENT,
        &year,
        "CANARYBYTES",
        decimal,
        "Q0FOQVJZ",
        "255, 216",
        "255, 160",
    ] {
        assert!(!debug.contains(canary), "`{canary}` leaks into {debug}");
    }
}

#[test]
fn no_record_shows_personal_or_biometric_content() {
    let identity = IdentityDocumentRecord::builder()
        .full_name(canary_name())
        .birth(Birth {
            date: canary_birth_date(),
            place: canary_text::<Place>(),
        })
        .sex(Sex::Female)
        .ethnicity(canary_text::<Ethnicity>())
        .citizenship(citizenship())
        .photo(canary_photo())
        .fingerprints(canary_fingerprints())
        .identity_document(canary_document())
        .signature(Signature::new(ImageFormat::Png, canary_bytes(PNG)).unwrap())
        .iin(Iin::new(CANARY_IIN).unwrap())
        .registration(canary_registration())
        .issuing_authority(canary_text::<Authority>())
        .registering_officer(canary_name())
        .build();
    let visa = VisaRecord::builder()
        .full_name(canary_name())
        .birth_date(canary_birth_date())
        .sex(Sex::Male)
        .fingerprints(canary_fingerprints())
        .citizenship(citizenship())
        .photo(canary_photo())
        .identity_document(canary_document())
        .visa(Visa::new(date(2025, 1, 1), date(2025, 2, 1)).unwrap())
        .registration(canary_registration())
        .issuing_authority(canary_text::<Authority>())
        .registering_officer(canary_name())
        .build();
    let temporary = TemporaryResidenceRecord::builder()
        .full_name(canary_name())
        .birth_date(canary_birth_date())
        .sex(Sex::Male)
        .fingerprints_and_palms(canary_palms())
        .citizenship(citizenship())
        .photo(canary_photo())
        .residence_abroad(canary_address())
        .temporary_residence(canary_address())
        .receiving_party_address(canary_address())
        .identity_document(canary_document())
        .registration(canary_registration())
        .registering_officer(canary_name())
        .build();
    let expulsion = ExpulsionOrReadmissionRecord::builder()
        .full_name(canary_name())
        .birth_date(canary_birth_date())
        .sex(Sex::Male)
        .fingerprints_and_palms(canary_palms())
        .citizenship(citizenship())
        .photo(canary_photo())
        .identity_document(canary_document())
        .registration(canary_registration())
        .registering_officer(canary_name())
        .expulsion(Expulsion {
            date: date(2025, 3, 1),
            grounds: CourtAct::new(
                CourtActKind::Verdict,
                Some(canary_text()),
                Some(date(2025, 1, 1)),
                Some(date(2025, 2, 1)),
            )
            .unwrap(),
        })
        .entry_banned_until(date(2030, 1, 1))
        .build();
    let permanent = PermanentResidenceRecord::builder()
        .full_name(canary_name())
        .birth_date(canary_birth_date())
        .sex(Sex::Female)
        .fingerprints_and_palms(canary_palms())
        .citizenship(citizenship())
        .photo(canary_photo())
        .identity_document(canary_document())
        .registration(canary_registration())
        .registering_officer(canary_name())
        .prior_permits(
            PriorPermits::new(
                Some(Visa::new(date(2024, 1, 1), date(2025, 1, 1)).unwrap()),
                Some(TemporaryResidencePermit::new(date(2025, 1, 2), date(2026, 1, 1)).unwrap()),
            )
            .unwrap(),
        )
        .intended_permanent_address(canary_address())
        .reviewing_authority(canary_text::<Authority>())
        .build();

    let debugs = [
        format!("{identity:?}"),
        format!("{visa:?}"),
        format!("{temporary:?}"),
        format!("{expulsion:?}"),
        format!("{permanent:?}"),
        format!("{identity:#?}"),
    ];
    for debug in &debugs {
        assert_no_canary(debug);
    }
    // The structure is still there to debug with.
    let identity = &debugs[0];
    for shown in [
        "full_name: FullName { surname: Name(<redacted>)",
        "iin: Some(Iin(<redacted>))",
        "photo: Photo { format: Jpeg, bytes: 15 }",
        "RightThumb: Impression(Impression { format: Wsq, bytes: 15 })",
        "number: DocumentNumber(<redacted>)",
        "citizenship: Country(Country(KAZ))",
        "birth: Birth { date: BirthDate(Date: <redacted>), place: Place(<redacted>) }",
        "issued_on: Date(2024-01-01)",
    ] {
        assert!(identity.contains(shown), "`{shown}` is not in {identity}");
    }
    assert!(
        debugs[2].contains("locality: AddressLine(<redacted>)"),
        "{}",
        debugs[2]
    );
}
