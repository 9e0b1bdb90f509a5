//! Strategies for valid values and records, shared by the tests that generate them.

use dactylo_records::jiff::ToSpan;
use dactylo_records::{
    Absence, Address, AddressLine, Authority, Birth, BirthDate, Capture, Citizenship, Country,
    CourtAct, CourtActKind, Date, DocumentNumber, Ethnicity, Expulsion,
    ExpulsionOrReadmissionRecord, FingerPosition, Fingerprints, FingerprintsAndPalms, FullName,
    IdentityDocument, IdentityDocumentRecord, Iin, ImageFormat, Impression, ImpressionFormat, Name,
    PermanentResidenceRecord, Photo, Place, PriorPermits, Registration, RegistrationBasis, Sex,
    Signature, TemporaryResidencePermit, TemporaryResidenceRecord, Visa, VisaRecord,
};
use proptest::prelude::*;

pub fn iin_text(prefix: [u8; 11], check: u8) -> String {
    prefix
        .iter()
        .chain([&check])
        .map(|digit| char::from(b'0' + digit))
        .collect()
}

const CYRILLIC: &str =
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяӘәҒғҚқҢңӨөҰұҮүҺһІі";
const LATIN: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÄäÖöÜüÑñÇçĞğŞşÉéØøıßŁł";

/// A word of one alphabet.
fn word() -> impl Strategy<Value = String> {
    let letters = |alphabet: &str| {
        prop::collection::vec(
            prop::sample::select(alphabet.chars().collect::<Vec<_>>()),
            1..12,
        )
        .prop_map(|letters| letters.into_iter().collect::<String>())
    };
    prop_oneof![letters(CYRILLIC), letters(LATIN)]
}

pub fn name() -> impl Strategy<Value = Name> {
    let separator = prop::sample::select(vec![" ", "-", "'", "’", "ʼ"]);
    (word(), prop::collection::vec((separator, word()), 0..3)).prop_map(|(first, rest)| {
        let mut name = first;
        for (separator, word) in rest {
            name.push_str(separator);
            name.push_str(&word);
        }
        Name::new(&name).expect("words of one alphabet between separators")
    })
}

/// Any text of printable characters, for the value types with no alphabet.
pub fn text<T: for<'a> TryFrom<&'a str> + std::fmt::Debug>() -> impl Strategy<Value = T> {
    "\\PC{1,40}".prop_filter_map("a valid text", |text| T::try_from(text.as_str()).ok())
}

pub fn document_number() -> impl Strategy<Value = DocumentNumber> {
    "[A-Z0-9]{1,24}".prop_map(|text| DocumentNumber::new(&text).unwrap())
}

pub fn day() -> impl Strategy<Value = Date> {
    (1_i16..=9999, 1_i8..=12, 1_i8..=28)
        .prop_map(|(year, month, day)| Date::new(year, month, day).unwrap())
}

pub fn birth_date() -> impl Strategy<Value = BirthDate> {
    prop_oneof![
        3 => day().prop_map(BirthDate::from),
        1 => (1_i16..=9999, 1_i8..=12).prop_map(|(year, month)| BirthDate::from_year_month(year, month).unwrap()),
        1 => (1_i16..=9999).prop_map(|year| BirthDate::from_year(year).unwrap()),
    ]
}

/// A start and an end not before it, within the years 1 to 9999.
pub fn period() -> impl Strategy<Value = (Date, Date)> {
    (day(), 0_i32..20_000).prop_map(|(start, days)| {
        let end = start.to_civil().saturating_add(days.days());
        (start, Date::try_from(end).unwrap_or(start))
    })
}

pub fn iin() -> impl Strategy<Value = Iin> {
    prop::array::uniform11(0_u8..10).prop_filter_map("a prefix with a check digit", |prefix| {
        Iin::check_digit(prefix).and_then(|check| Iin::new(&iin_text(prefix, check)).ok())
    })
}

pub fn country() -> impl Strategy<Value = Country> {
    prop::sample::select(vec![
        "KAZ", "RUS", "UZB", "KGZ", "CHN", "TUR", "DEU", "GBR", "USA", "AFG", "SSD",
    ])
    .prop_map(|code| Country::new(code).unwrap())
}

pub fn citizenship() -> impl Strategy<Value = Citizenship> {
    prop_oneof![
        country().prop_map(Citizenship::Country),
        prop::sample::select(vec!["XXA", "XXB", "XXC", "XXX"])
            .prop_map(|code| Citizenship::new(code).unwrap()),
    ]
}

pub fn with_signature(signature: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..64).prop_map(move |rest| [signature, &rest].concat())
}

pub fn image() -> impl Strategy<Value = (ImageFormat, Vec<u8>)> {
    prop_oneof![
        with_signature(&[0xFF, 0xD8, 0xFF]).prop_map(|bytes| (ImageFormat::Jpeg, bytes)),
        with_signature(&[0xFF, 0x4F, 0xFF, 0x51]).prop_map(|bytes| (ImageFormat::Jpeg2000, bytes)),
        with_signature(b"\x89PNG\r\n\x1a\n").prop_map(|bytes| (ImageFormat::Png, bytes)),
    ]
}

pub fn capture() -> impl Strategy<Value = Capture> {
    prop_oneof![
        4 => with_signature(&[0xFF, 0xA0]).prop_map(|bytes| Capture::Impression(Impression::new(ImpressionFormat::Wsq, bytes).unwrap())),
        1 => with_signature(b"FMR\0").prop_map(|bytes| Capture::Impression(Impression::new(ImpressionFormat::Iso19794_2, bytes).unwrap())),
        1 => prop::sample::select(vec![Absence::Amputated, Absence::UnableToPrint]).prop_map(Capture::Absent),
    ]
}

/// Ten captures, handed over in any order.
pub fn fingerprints() -> impl Strategy<Value = Fingerprints> {
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

pub fn palms() -> impl Strategy<Value = FingerprintsAndPalms> {
    (fingerprints(), capture(), capture())
        .prop_map(|(fingers, right, left)| FingerprintsAndPalms::new(fingers, right, left))
}

pub fn full_name() -> impl Strategy<Value = FullName> {
    // A person whose document shows one name has no given name.
    (name(), prop::option::of(name()), prop::option::of(name())).prop_map(
        |(surname, given_name, patronymic)| FullName {
            surname,
            given_name,
            patronymic,
        },
    )
}

pub fn identity_document() -> impl Strategy<Value = IdentityDocument> {
    (document_number(), period())
        .prop_map(|(number, (issued, until))| IdentityDocument::new(number, issued, until).unwrap())
}

pub fn registration() -> impl Strategy<Value = Registration> {
    (day(), text::<RegistrationBasis>()).prop_map(|(date, basis)| Registration { date, basis })
}

pub fn address() -> impl Strategy<Value = Address> {
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
pub fn common() -> impl Strategy<
    Value = (
        FullName,
        BirthDate,
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
        birth_date(),
        prop::sample::select(vec![Sex::Male, Sex::Female, Sex::Unspecified]),
        citizenship(),
        image().prop_map(|(format, bytes)| Photo::new(format, bytes).unwrap()),
        identity_document(),
        registration(),
        full_name(),
    )
}

pub fn identity_document_record() -> impl Strategy<Value = IdentityDocumentRecord> {
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

pub fn visa_record() -> impl Strategy<Value = VisaRecord> {
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

pub fn temporary_residence_record() -> impl Strategy<Value = TemporaryResidenceRecord> {
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

pub fn expulsion_or_readmission_record() -> impl Strategy<Value = ExpulsionOrReadmissionRecord> {
    let court_act = (
        prop::sample::select(vec![CourtActKind::Verdict, CourtActKind::Decision]),
        prop::option::of(text::<Authority>()),
        period(),
        any::<(bool, bool)>(),
    )
        .prop_map(|(kind, court, (date, in_force), (dated, in_force_known))| {
            let date = dated.then_some(date);
            let in_force = in_force_known.then_some(in_force);
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

pub fn permanent_residence_record() -> impl Strategy<Value = PermanentResidenceRecord> {
    let visa = period().prop_map(|(issued, until)| Visa::new(issued, until).unwrap());
    let residence =
        period().prop_map(|(issued, until)| TemporaryResidencePermit::new(issued, until).unwrap());
    // At least one of the two.
    let permit = (prop::option::of(visa), prop::option::of(residence))
        .prop_filter("at least one permit", |(visa, residence)| {
            visa.is_some() || residence.is_some()
        })
        .prop_map(|(visa, residence)| PriorPermits::new(visa, residence).unwrap());
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
                .prior_permits(permit)
                .intended_permanent_address(address)
                .reviewing_authority(authority)
                .build()
        },
    )
}
