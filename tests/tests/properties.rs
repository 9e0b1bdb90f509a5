//! Properties over generated inputs: the IIN check digit, serde round trips of arbitrary valid
//! records, and deserializers that never panic, whatever JSON they are given.

use dactylo_records::jiff::ToSpan;
use dactylo_records::jiff::civil::{Date, date};
use dactylo_records::{
    Absence, Address, AddressLine, Authority, Birth, Capture, Citizenship, Country, CourtAct,
    CourtActKind, DocumentNumber, Ethnicity, Expulsion, ExpulsionOrReadmissionRecord,
    FingerPosition, Fingerprints, FingerprintsAndPalms, FullName, IdentityDocument,
    IdentityDocumentRecord, Iin, ImageFormat, Impression, ImpressionFormat, Name,
    PermanentResidenceRecord, PermitKind, Photo, Place, PriorPermit, Registration,
    RegistrationBasis, Sex, Signature, TemporaryResidenceRecord, Visa, VisaRecord,
};
use proptest::prelude::*;
use serde_json::Value;

/// The IIN check digit computed the plain way, to check the crate's against.
fn reference_check_digit(prefix: &[u8; 11]) -> Option<u8> {
    let weighted = |first_weight: u32| -> u32 {
        let mut sum = 0;
        for (index, &digit) in prefix.iter().enumerate() {
            let weight = (first_weight - 1 + index as u32) % 11 + 1;
            sum += u32::from(digit) * weight;
        }
        sum % 11
    };
    match (weighted(1), weighted(3)) {
        (10, 10) => None,
        (10, second) => Some(second as u8),
        (first, _) => Some(first as u8),
    }
}

fn iin_text(prefix: [u8; 11], check: u8) -> String {
    prefix
        .iter()
        .chain([&check])
        .map(|digit| char::from(b'0' + digit))
        .collect()
}

proptest! {
    #[test]
    fn iin_generation_and_validation_agree(prefix in prop::array::uniform11(0_u8..10)) {
        let expected = reference_check_digit(&prefix);
        prop_assert_eq!(Iin::check_digit(prefix), expected);
        let valid: Vec<u8> = (0..10).filter(|&check| Iin::new(&iin_text(prefix, check)).is_ok()).collect();
        // At most one check digit completes any 11 digits, and it is the generated one.
        prop_assert!(valid.len() <= 1, "{:?}", valid);
        prop_assert_eq!(valid.first().copied(), expected);
    }
}

// Strategies for valid values.

const LETTERS: &str = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяӘәҒғҚқҢңӨөҰұҮүҺһІіAZaz\
                       ÄäÖöÜüÑñÇçĞğŞşÉéØø";

fn name() -> impl Strategy<Value = Name> {
    let letter = prop::sample::select(LETTERS.chars().collect::<Vec<_>>());
    let character =
        prop_oneof![8 => letter.clone(), 1 => prop::sample::select(vec![' ', '-', '\'', '’'])];
    (letter, prop::collection::vec(character, 0..24))
        .prop_filter_map("a valid name", |(first, rest)| {
            Name::new(&std::iter::once(first).chain(rest).collect::<String>()).ok()
        })
}

/// Any text of printable characters, for the value types with no alphabet.
fn text<T: for<'a> TryFrom<&'a str> + std::fmt::Debug>() -> impl Strategy<Value = T> {
    "\\PC{1,40}".prop_filter_map("a non-blank text", |text| T::try_from(text.as_str()).ok())
}

fn document_number() -> impl Strategy<Value = DocumentNumber> {
    "[A-Z0-9№-]{1,12}".prop_filter_map("a document number", |text| DocumentNumber::new(&text).ok())
}

fn day() -> impl Strategy<Value = Date> {
    (1900_i16..2100, 1_i8..=12, 1_i8..=28).prop_map(|(year, month, day)| date(year, month, day))
}

/// A start and an end not before it.
fn period() -> impl Strategy<Value = (Date, Date)> {
    (day(), 0_i32..20_000).prop_map(|(start, days)| (start, start.saturating_add(days.days())))
}

fn iin() -> impl Strategy<Value = Iin> {
    prop::array::uniform11(0_u8..10).prop_filter_map("a prefix with a check digit", |prefix| {
        Iin::check_digit(prefix).and_then(|check| Iin::new(&iin_text(prefix, check)).ok())
    })
}

fn country() -> impl Strategy<Value = Country> {
    prop::sample::select(vec![
        "KAZ", "RUS", "UZB", "KGZ", "CHN", "TUR", "DEU", "GBR", "USA", "AFG", "SSD",
    ])
    .prop_map(|code| Country::new(code).unwrap())
}

fn citizenship() -> impl Strategy<Value = Citizenship> {
    prop_oneof![
        country().prop_map(Citizenship::Country),
        prop::sample::select(vec!["XXA", "XXB", "XXC", "XXX"])
            .prop_map(|code| Citizenship::new(code).unwrap()),
    ]
}

fn with_signature(signature: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..64).prop_map(move |rest| [signature, &rest].concat())
}

fn image() -> impl Strategy<Value = (ImageFormat, Vec<u8>)> {
    prop_oneof![
        with_signature(&[0xFF, 0xD8, 0xFF]).prop_map(|bytes| (ImageFormat::Jpeg, bytes)),
        with_signature(&[0xFF, 0x4F, 0xFF, 0x51]).prop_map(|bytes| (ImageFormat::Jpeg2000, bytes)),
        with_signature(b"\x89PNG\r\n\x1a\n").prop_map(|bytes| (ImageFormat::Png, bytes)),
    ]
}

fn capture() -> impl Strategy<Value = Capture> {
    prop_oneof![
        4 => with_signature(&[0xFF, 0xA0]).prop_map(|bytes| Capture::Impression(Impression::new(ImpressionFormat::Wsq, bytes).unwrap())),
        1 => with_signature(b"FMR\0").prop_map(|bytes| Capture::Impression(Impression::new(ImpressionFormat::Iso19794_2, bytes).unwrap())),
        1 => prop::sample::select(vec![Absence::Amputated, Absence::UnableToPrint]).prop_map(Capture::Absent),
    ]
}

/// Ten captures, handed over in any order.
fn fingerprints() -> impl Strategy<Value = Fingerprints> {
    prop::array::uniform10(capture())
        .prop_map(|captures| {
            FingerPosition::ALL
                .into_iter()
                .zip(captures)
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
        .prop_map(|captures| Fingerprints::new(captures).unwrap())
}

fn palms() -> impl Strategy<Value = FingerprintsAndPalms> {
    (fingerprints(), capture(), capture())
        .prop_map(|(fingers, right, left)| FingerprintsAndPalms::new(fingers, right, left))
}

fn full_name() -> impl Strategy<Value = FullName> {
    (name(), name(), prop::option::of(name())).prop_map(|(surname, given_name, patronymic)| {
        FullName {
            surname,
            given_name,
            patronymic,
        }
    })
}

fn identity_document() -> impl Strategy<Value = IdentityDocument> {
    (document_number(), period())
        .prop_map(|(number, (issued, until))| IdentityDocument::new(number, issued, until).unwrap())
}

fn registration() -> impl Strategy<Value = Registration> {
    (day(), text::<RegistrationBasis>()).prop_map(|(date, basis)| Registration { date, basis })
}

fn address() -> impl Strategy<Value = Address> {
    let line = || prop::option::of(text::<AddressLine>());
    (
        country(),
        line(),
        line(),
        text::<AddressLine>(),
        line(),
        line(),
        line(),
        line(),
    )
        .prop_map(
            |(country, region, district, locality, street, building, apartment, postal_code)| {
                Address {
                    country,
                    region,
                    district,
                    locality,
                    street,
                    building,
                    apartment,
                    postal_code,
                }
            },
        )
}

/// The items every list begins with: full name, date of birth, sex, citizenship, photo,
/// identity document, registration and officer.
fn common() -> impl Strategy<
    Value = (
        FullName,
        Date,
        Sex,
        Citizenship,
        Photo,
        IdentityDocument,
        Registration,
        FullName,
    ),
> {
    (
        full_name(),
        day(),
        prop::sample::select(vec![Sex::Male, Sex::Female]),
        citizenship(),
        image().prop_map(|(format, bytes)| Photo::new(format, bytes).unwrap()),
        identity_document(),
        registration(),
        full_name(),
    )
}

fn identity_document_record() -> impl Strategy<Value = IdentityDocumentRecord> {
    (
        common(),
        text::<Place>(),
        prop::option::of(text::<Ethnicity>()),
        fingerprints(),
        image(),
        prop::option::of(iin()),
        text::<Authority>(),
    )
        .prop_map(
            |(
                (name, born, sex, citizenship, photo, document, registration, officer),
                place,
                ethnicity,
                fingers,
                (format, bytes),
                iin,
                authority,
            )| {
                IdentityDocumentRecord::builder()
                    .full_name(name)
                    .birth(Birth { date: born, place })
                    .sex(sex)
                    .maybe_ethnicity(ethnicity)
                    .citizenship(citizenship)
                    .photo(photo)
                    .fingerprints(fingers)
                    .identity_document(document)
                    .signature(Signature::new(format, bytes).unwrap())
                    .maybe_iin(iin)
                    .registration(registration)
                    .issuing_authority(authority)
                    .registering_officer(officer)
                    .build()
            },
        )
}

fn visa_record() -> impl Strategy<Value = VisaRecord> {
    (common(), fingerprints(), period(), text::<Authority>()).prop_map(
        |(
            (name, born, sex, citizenship, photo, document, registration, officer),
            fingers,
            (issued, until),
            authority,
        )| {
            VisaRecord::builder()
                .full_name(name)
                .birth_date(born)
                .sex(sex)
                .fingerprints(fingers)
                .citizenship(citizenship)
                .photo(photo)
                .identity_document(document)
                .visa(Visa::new(issued, until).unwrap())
                .registration(registration)
                .issuing_authority(authority)
                .registering_officer(officer)
                .build()
        },
    )
}

fn temporary_residence_record() -> impl Strategy<Value = TemporaryResidenceRecord> {
    (common(), palms(), address(), address(), address()).prop_map(
        |(
            (name, born, sex, citizenship, photo, document, registration, officer),
            palms,
            abroad,
            here,
            host,
        )| {
            TemporaryResidenceRecord::builder()
                .full_name(name)
                .birth_date(born)
                .sex(sex)
                .fingerprints_and_palms(palms)
                .citizenship(citizenship)
                .photo(photo)
                .residence_abroad(abroad)
                .temporary_residence(here)
                .receiving_party_address(host)
                .identity_document(document)
                .registration(registration)
                .registering_officer(officer)
                .build()
        },
    )
}

fn expulsion_or_readmission_record() -> impl Strategy<Value = ExpulsionOrReadmissionRecord> {
    let court_act = (
        prop::sample::select(vec![CourtActKind::Verdict, CourtActKind::Decision]),
        text::<Authority>(),
        period(),
    )
        .prop_map(|(kind, court, (date, in_force))| {
            CourtAct::new(kind, court, date, in_force).unwrap()
        });
    (common(), palms(), day(), court_act, day()).prop_map(
        |(
            (name, born, sex, citizenship, photo, document, registration, officer),
            palms,
            expelled,
            grounds,
            banned,
        )| {
            ExpulsionOrReadmissionRecord::builder()
                .full_name(name)
                .birth_date(born)
                .sex(sex)
                .fingerprints_and_palms(palms)
                .citizenship(citizenship)
                .photo(photo)
                .identity_document(document)
                .registration(registration)
                .registering_officer(officer)
                .expulsion(Expulsion {
                    date: expelled,
                    grounds,
                })
                .entry_banned_until(banned)
                .build()
        },
    )
}

fn permanent_residence_record() -> impl Strategy<Value = PermanentResidenceRecord> {
    let permit = (
        prop::sample::select(vec![PermitKind::Visa, PermitKind::TemporaryResidencePermit]),
        period(),
    )
        .prop_map(|(kind, (issued, until))| PriorPermit::new(kind, issued, until).unwrap());
    (common(), palms(), permit, address(), text::<Authority>()).prop_map(
        |(
            (name, born, sex, citizenship, photo, document, registration, officer),
            palms,
            permit,
            address,
            authority,
        )| {
            PermanentResidenceRecord::builder()
                .full_name(name)
                .birth_date(born)
                .sex(sex)
                .fingerprints_and_palms(palms)
                .citizenship(citizenship)
                .photo(photo)
                .identity_document(document)
                .registration(registration)
                .registering_officer(officer)
                .visa_or_temporary_permit(permit)
                .intended_permanent_address(address)
                .reviewing_authority(authority)
                .build()
        },
    )
}

fn round_trips<T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(
    record: &T,
) -> Result<(), TestCaseError> {
    let json =
        serde_json::to_string(record).map_err(|error| TestCaseError::fail(error.to_string()))?;
    let back: T = serde_json::from_str(&json)
        .map_err(|error| TestCaseError::fail(format!("{error}: {json}")))?;
    prop_assert_eq!(&back, record);
    Ok(())
}

/// The record's JSON is valid against the generated schema `schema`.
fn conforms<T: serde::Serialize>(record: &T, schema: &str) -> Result<(), TestCaseError> {
    let path = format!(
        "{}/../generated/schema/{schema}.schema.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let instance = serde_json::to_value(record).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|error| error.to_string())
        .collect();
    prop_assert!(errors.is_empty(), "{:#?}", errors);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn identity_document_records_round_trip_and_conform(record in identity_document_record()) {
        round_trips(&record)?;
        conforms(&record, "identity_document_record")?;
    }

    #[test]
    fn visa_records_round_trip_and_conform(record in visa_record()) {
        round_trips(&record)?;
        conforms(&record, "visa_record")?;
    }

    #[test]
    fn temporary_residence_records_round_trip_and_conform(record in temporary_residence_record()) {
        round_trips(&record)?;
        conforms(&record, "temporary_residence_record")?;
    }

    #[test]
    fn expulsion_or_readmission_records_round_trip_and_conform(record in expulsion_or_readmission_record()) {
        round_trips(&record)?;
        conforms(&record, "expulsion_or_readmission_record")?;
    }

    #[test]
    fn permanent_residence_records_round_trip_and_conform(record in permanent_residence_record()) {
        round_trips(&record)?;
        conforms(&record, "permanent_residence_record")?;
    }
}

// Deserializers never panic.

/// Any JSON, with keys that are often the records' own so that the deserializers go deep.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,16}".prop_map(Value::from),
        prop::sample::select(vec![
            "KAZ",
            "XXA",
            "M",
            "F",
            "XX",
            "UP",
            "wsq",
            "jpeg",
            "/9j/4A==",
            "2024-01-01",
            "791028302728"
        ])
        .prop_map(Value::from),
    ];
    let key = prop_oneof![
        prop::sample::select(vec![
            "full_name",
            "surname",
            "given_name",
            "patronymic",
            "birth",
            "date",
            "place",
            "sex",
            "position",
            "impression",
            "absence",
            "format",
            "data",
            "fingerprints",
            "identity_document",
            "number",
            "issued_on",
            "valid_until",
            "grounds",
            "kind",
            "in_force_since",
            "country",
            "locality",
        ])
        .prop_map(str::to_owned),
        "\\PC{0,8}",
    ];
    leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// Deserializes `json` as every record; any outcome but a panic passes.
fn deserialize_all(json: &Value) {
    let _ = serde_json::from_value::<IdentityDocumentRecord>(json.clone());
    let _ = serde_json::from_value::<VisaRecord>(json.clone());
    let _ = serde_json::from_value::<TemporaryResidenceRecord>(json.clone());
    let _ = serde_json::from_value::<ExpulsionOrReadmissionRecord>(json.clone());
    let _ = serde_json::from_value::<PermanentResidenceRecord>(json.clone());
}

/// Every node of `json`, by its path of keys and indices.
fn paths(json: &Value, prefix: &mut Vec<String>, found: &mut Vec<Vec<String>>) {
    found.push(prefix.clone());
    let children: Vec<(String, &Value)> = match json {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(index, item)| (index.to_string(), item))
            .collect(),
        Value::Object(entries) => entries
            .iter()
            .map(|(key, value)| (key.clone(), value))
            .collect(),
        _ => Vec::new(),
    };
    for (step, child) in children {
        prefix.push(step);
        paths(child, prefix, found);
        prefix.pop();
    }
}

fn node_mut<'a>(json: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(json, |node, step| match node {
        Value::Array(items) => &mut items[step.parse::<usize>().unwrap()],
        Value::Object(entries) => entries.get_mut(step).unwrap(),
        _ => unreachable!("paths only lead through arrays and objects"),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_json_never_panics_the_deserializers(json in json()) {
        deserialize_all(&json);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_deserializers(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = serde_json::from_slice::<IdentityDocumentRecord>(&bytes);
        let _ = serde_json::from_slice::<TemporaryResidenceRecord>(&bytes);
    }

    /// A valid record with one node replaced goes far into the deserializers before failing.
    #[test]
    fn mutated_records_never_panic_the_deserializers(
        record in temporary_residence_record(),
        choice in any::<prop::sample::Index>(),
        replacement in json(),
    ) {
        let mut json = serde_json::to_value(&record).unwrap();
        let mut found = Vec::new();
        paths(&json, &mut Vec::new(), &mut found);
        let path = choice.get(&found).clone();
        *node_mut(&mut json, &path) = replacement;
        deserialize_all(&json);
    }
}
