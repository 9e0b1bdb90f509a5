//! `Debug` of a record shows its structure and never a datum about the person: every member of
//! every record, optional ones included, gets a canary from [`Canaries`], and no canary may
//! appear in the output. Names, sex, citizenship, dates (of birth, of documents, of expulsion
//! and bans), places, addresses, numbers and court acts are all canaries; what may show is an
//! item's presence, an image's format and size, and the finger positions.

use dactylo_records::{
    Absence, AddressLine, Authority, BirthDate, Capture, Citizenship, Country, CourtActKind, Date,
    DocumentNumber, Ethnicity, FingerPosition, Fingerprints, FingerprintsAndPalms, Iin,
    ImageFormat, Impression, ImpressionFormat, Name, Photo, Place, RegistrationBasis, Sex,
    Signature, ValidityEnd,
};
use dactylo_tests::date;
use dactylo_tests::fixtures::{EachRecord, Record, Values, each_record};
use dactylo_tests::signatures::{JPEG, PNG, WSQ};

/// Valid as a name, a text and an address line.
const CANARY: &str = "Канарейка";
/// Valid as a document number.
const CANARY_DOCUMENT: &str = "CANARYDOC42";
const CANARY_IIN: &str = "791028302728";
const CANARY_BYTES: &[u8] = b"CANARYBYTES";
/// A year no other value of the records holds: every date of the records is in it.
const CANARY_YEAR: i16 = 1957;
/// A country and a citizenship without a country, with the words that name them.
const CANARY_COUNTRY: &str = "NZL";
const CANARY_CITIZENSHIP: &str = "XXA";
/// The names of the variants the canaries hold, of every kind a record holds.
const CANARY_VARIANTS: [&str; 5] = [
    "Unspecified",
    "Stateless",
    "Zealand",
    "ecision",
    "Amputated",
];

/// A canary for every value that is personal or biometric; a plain value for the rest. Every
/// optional member is given.
struct Canaries;

fn canary_text<T: for<'a> TryFrom<&'a str, Error: std::fmt::Debug>>() -> T {
    T::try_from(CANARY).unwrap()
}

fn canary_bytes(signature: &[u8]) -> Vec<u8> {
    [signature, CANARY_BYTES].concat()
}

fn canary_capture() -> Capture {
    Capture::Impression(Impression::new(ImpressionFormat::Wsq, canary_bytes(WSQ)).unwrap())
}

impl Values for Canaries {
    fn draw_name(&mut self, _: &str) -> Name {
        canary_text()
    }

    fn draw_date(&mut self, _: &str) -> Date {
        date(CANARY_YEAR, 3, 11)
    }

    fn draw_birth_date(&mut self, _: &str) -> BirthDate {
        date(CANARY_YEAR, 3, 11).into()
    }

    fn draw_place(&mut self, _: &str) -> Place {
        canary_text()
    }

    fn draw_sex(&mut self, _: &str) -> Sex {
        Sex::Unspecified
    }

    fn draw_ethnicity(&mut self, _: &str) -> Ethnicity {
        canary_text()
    }

    fn draw_country(&mut self, _: &str) -> Country {
        Country::new(CANARY_COUNTRY).unwrap()
    }

    fn draw_citizenship(&mut self, _: &str) -> Citizenship {
        Citizenship::new(CANARY_CITIZENSHIP).unwrap()
    }

    fn draw_photo(&mut self, _: &str) -> Photo {
        Photo::new(ImageFormat::Jpeg, canary_bytes(JPEG)).unwrap()
    }

    fn draw_signature(&mut self, _: &str) -> Signature {
        Signature::new(ImageFormat::Png, canary_bytes(PNG)).unwrap()
    }

    fn draw_fingerprints(&mut self, _: &str) -> Fingerprints {
        Fingerprints::new(FingerPosition::ALL.map(|position| (position, canary_capture()))).unwrap()
    }

    fn draw_fingerprints_and_palms(&mut self, at: &str) -> FingerprintsAndPalms {
        FingerprintsAndPalms::new(
            self.draw_fingerprints(at),
            canary_capture(),
            Capture::Absent(Absence::Amputated),
        )
    }

    fn draw_document_number(&mut self, _: &str) -> DocumentNumber {
        DocumentNumber::new(CANARY_DOCUMENT).unwrap()
    }

    fn draw_iin(&mut self, _: &str) -> Iin {
        Iin::new(CANARY_IIN).unwrap()
    }

    fn draw_registration_basis(&mut self, _: &str) -> RegistrationBasis {
        canary_text()
    }

    fn draw_authority(&mut self, _: &str) -> Authority {
        canary_text()
    }

    fn draw_address_line(&mut self, _: &str) -> AddressLine {
        canary_text()
    }

    fn draw_validity_end(&mut self, _: &str) -> ValidityEnd {
        date(CANARY_YEAR, 3, 11).into()
    }

    fn draw_court_act_kind(&mut self, _: &str) -> CourtActKind {
        CourtActKind::Decision
    }

    fn give(&mut self, _: &str) -> bool {
        true
    }
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
        CANARY_COUNTRY,
        CANARY_CITIZENSHIP,
        &year,
        "CANARYBYTES",
        decimal,
        "Q0FOQVJZ",
        "255, 216",
        "255, 160",
    ] {
        assert!(!debug.contains(canary), "`{canary}` leaks into {debug}");
    }
    for canary in CANARY_VARIANTS {
        assert!(!debug.contains(canary), "`{canary}` leaks into {debug}");
    }
}

struct NoCanaryShows;

impl EachRecord for NoCanaryShows {
    fn record<R: Record>(&mut self) {
        let record = R::draw(&mut Canaries, R::NAME);
        // A partly built builder shows its name only.
        let mut canaries = Canaries;
        let builder = format!("{:?}", R::partly_built(&mut canaries));
        assert_eq!(builder, format!("{}Builder {{ .. }}", R::NAME));
        for debug in [format!("{record:?}"), format!("{record:#?}")] {
            assert_no_canary(&debug);
            // The structure is still there to debug with.
            assert!(debug.starts_with(R::NAME), "{debug}");
            assert!(debug.contains("(<redacted>)"), "{debug}");
        }
    }
}

#[test]
fn no_record_shows_personal_or_biometric_content() {
    each_record(&mut NoCanaryShows);
}

/// What each value type shows of itself: its kind and size, never its content.
#[test]
fn each_value_shows_its_kind_and_size_only() {
    let at = "";
    let shown = [
        (format!("{:?}", Canaries.draw_name(at)), "Name(<redacted>)"),
        (
            format!("{:?}", Canaries.draw_place(at)),
            "Place(<redacted>)",
        ),
        (
            format!("{:?}", Canaries.draw_address_line(at)),
            "AddressLine(<redacted>)",
        ),
        (
            format!("{:?}", Canaries.draw_document_number(at)),
            "DocumentNumber(<redacted>)",
        ),
        (format!("{:?}", Canaries.draw_iin(at)), "Iin(<redacted>)"),
        (
            format!("{:?}", Canaries.draw_birth_date(at)),
            "BirthDate(Date: <redacted>)",
        ),
        (
            format!("{:?}", Canaries.draw_photo(at)),
            "Photo { format: Jpeg, bytes: 15 }",
        ),
        (
            format!("{:?}", canary_capture()),
            "Impression(Impression { format: Wsq, bytes: 15 })",
        ),
        (
            format!("{:?}", Canaries.draw_citizenship(at)),
            "Citizenship(<redacted>)",
        ),
        (
            format!("{:?}", Canaries.draw_country(at)),
            "Country(<redacted>)",
        ),
        (format!("{:?}", Canaries.draw_date(at)), "Date(<redacted>)"),
        (format!("{:?}", Canaries.draw_sex(at)), "Sex(<redacted>)"),
        (
            format!("{:?}", Canaries.draw_court_act_kind(at)),
            "CourtActKind(<redacted>)",
        ),
    ];
    for (debug, expected) in shown {
        assert_eq!(debug, expected);
    }
}
