//! Strategies for valid values of each value type, written by hand as the types are: the
//! source of [`crate::Random`], which the generated fixtures draw records from.

use dactylo_records::jiff::ToSpan;
use dactylo_records::{
    Absence, BirthDate, Capture, Citizenship, Country, CourtActKind, Date, DocumentNumber,
    FingerPosition, Fingerprints, FingerprintsAndPalms, Iin, ImageFormat, Impression,
    ImpressionFormat, Name, Photo, Sex, Signature, ValidityEnd,
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

/// A number of a machine-readable zone, or a Soviet or CIS number with a Cyrillic series.
pub fn document_number() -> impl Strategy<Value = DocumentNumber> {
    prop_oneof![
        3 => "[A-Z0-9]{1,24}",
        1 => "([IVXLC]{1,4}-)?[А-ЯЁ]{2} [0-9]{6}",
    ]
    .prop_map(|text| DocumentNumber::new(&text).unwrap())
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

/// An end of validity: mostly a day, sometimes none.
pub fn validity_end() -> impl Strategy<Value = ValidityEnd> {
    prop_oneof![
        4 => day().prop_map(ValidityEnd::from),
        1 => Just(ValidityEnd::Indefinite),
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
        "KAZ", "RUS", "UZB", "KGZ", "CHN", "TUR", "DEU", "GBR", "USA", "AFG", "SSD", "ATA",
    ])
    .prop_map(|code| Country::new(code).unwrap())
}

pub fn citizenship() -> impl Strategy<Value = Citizenship> {
    prop_oneof![
        country().prop_map(Citizenship::Country),
        prop::sample::select(vec![
            "XXA", "XXB", "XXC", "XXX", "GBD", "GBN", "UNO", "UNK", "EUE", "XOM", "XPO"
        ])
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

pub fn sex() -> impl Strategy<Value = Sex> {
    prop::sample::select(vec![Sex::Male, Sex::Female, Sex::Unspecified])
}

pub fn court_act_kind() -> impl Strategy<Value = CourtActKind> {
    prop::sample::select(vec![CourtActKind::Verdict, CourtActKind::Decision])
}

pub fn photo() -> impl Strategy<Value = Photo> {
    image().prop_map(|(format, bytes)| Photo::new(format, bytes).unwrap())
}

pub fn signature() -> impl Strategy<Value = Signature> {
    image().prop_map(|(format, bytes)| Signature::new(format, bytes).unwrap())
}

// Images whose headers give their size, as a transaction's image records need: the bytes a
// scanner or a camera writes at the start of each format, then any bytes.

/// A width or a height.
fn side() -> impl Strategy<Value = u16> {
    1_u16..4_000
}

/// A PNG image: the signature and an IHDR chunk (greyscale or RGB, 8 bits a sample).
pub fn png_bytes() -> impl Strategy<Value = Vec<u8>> {
    (side(), side(), prop::sample::select(vec![0_u8, 2]), tail()).prop_map(
        |(width, height, colour, tail)| {
            let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
            bytes.extend_from_slice(&u32::from(width).to_be_bytes());
            bytes.extend_from_slice(&u32::from(height).to_be_bytes());
            bytes.extend_from_slice(&[8, colour, 0, 0, 0, 0x12, 0x34, 0x56, 0x78]);
            bytes.extend(tail);
            bytes
        },
    )
}

/// A baseline JPEG image: SOI, a JFIF APP0 segment with a density, and a start of frame.
pub fn jpeg_bytes() -> impl Strategy<Value = Vec<u8>> {
    (
        side(),
        side(),
        0_u8..3,
        prop::sample::select(vec![1_u8, 3]),
        tail(),
    )
        .prop_map(|(width, height, unit, components, tail)| {
            let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
            bytes.extend_from_slice(b"JFIF\0\x01\x02");
            bytes.extend_from_slice(&[unit, 0x01, 0xF4, 0x01, 0xF4, 0, 0]);
            let length = 8 + 3 * u16::from(components);
            bytes.extend_from_slice(&[0xFF, 0xC0]);
            bytes.extend_from_slice(&length.to_be_bytes());
            bytes.push(8);
            bytes.extend_from_slice(&height.to_be_bytes());
            bytes.extend_from_slice(&width.to_be_bytes());
            bytes.push(components);
            for component in 1..=components {
                bytes.extend_from_slice(&[component, 0x11, 0]);
            }
            bytes.extend(tail);
            bytes
        })
}

/// A JPEG 2000 codestream: SOC, SIZ with one greyscale component, and COD with the lossy or
/// the lossless wavelet.
pub fn jpeg2000_bytes() -> impl Strategy<Value = Vec<u8>> {
    (side(), side(), any::<bool>(), tail()).prop_map(|(width, height, lossless, tail)| {
        let mut bytes = vec![0xFF, 0x4F, 0xFF, 0x51, 0, 41, 0, 0];
        for value in [
            u32::from(width),
            u32::from(height),
            0,
            0,
            u32::from(width),
            u32::from(height),
            0,
            0,
        ] {
            bytes.extend_from_slice(&value.to_be_bytes());
        }
        bytes.extend_from_slice(&[0, 1, 7, 1, 1]);
        bytes.extend_from_slice(&[
            0xFF,
            0x52,
            0,
            12,
            0,
            0,
            0,
            1,
            0,
            5,
            4,
            4,
            0,
            u8::from(lossless),
        ]);
        bytes.extend(tail);
        bytes
    })
}

/// A WSQ image: SOI, sometimes a `NIST_COM` comment with its resolution, and a start of frame.
pub fn wsq_bytes() -> impl Strategy<Value = Vec<u8>> {
    (side(), side(), any::<bool>(), tail()).prop_map(|(width, height, comment, tail)| {
        let mut bytes = vec![0xFF, 0xA0];
        if comment {
            let text = b"NIST_COM 3\nPIX_WIDTH 500\nPPI 500\n";
            bytes.extend_from_slice(&[0xFF, 0xA8]);
            bytes.extend_from_slice(&(text.len() as u16 + 2).to_be_bytes());
            bytes.extend_from_slice(text);
        }
        bytes.extend_from_slice(&[0xFF, 0xA2, 0, 17, 0, 255]);
        bytes.extend_from_slice(&height.to_be_bytes());
        bytes.extend_from_slice(&width.to_be_bytes());
        bytes.extend_from_slice(&[2, 0x12, 0x34, 0, 0, 0, 2, 0, 0]);
        bytes.extend(tail);
        bytes
    })
}

/// What follows a header: any bytes, separators of the traditional encoding among them.
fn tail() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..64)
}

/// A photo or signature image whose header gives its size.
pub fn headed_image() -> impl Strategy<Value = (ImageFormat, Vec<u8>)> {
    prop_oneof![
        jpeg_bytes().prop_map(|bytes| (ImageFormat::Jpeg, bytes)),
        jpeg2000_bytes().prop_map(|bytes| (ImageFormat::Jpeg2000, bytes)),
        png_bytes().prop_map(|bytes| (ImageFormat::Png, bytes)),
    ]
}

/// A finger or palm capture whose impression, if any, is an image with a header.
pub fn headed_capture() -> impl Strategy<Value = Capture> {
    let impression = |format, bytes| Capture::Impression(Impression::new(format, bytes).unwrap());
    prop_oneof![
        4 => wsq_bytes().prop_map(move |bytes| impression(ImpressionFormat::Wsq, bytes)),
        1 => jpeg2000_bytes().prop_map(move |bytes| impression(ImpressionFormat::Jpeg2000, bytes)),
        1 => png_bytes().prop_map(move |bytes| impression(ImpressionFormat::Png, bytes)),
        1 => prop::sample::select(vec![Absence::Amputated, Absence::UnableToPrint]).prop_map(Capture::Absent),
    ]
}

/// Ten captures of [`headed_capture`].
pub fn headed_fingerprints() -> impl Strategy<Value = Fingerprints> {
    prop::array::uniform10(headed_capture()).prop_map(|captures| {
        Fingerprints::new(FingerPosition::ALL.into_iter().zip(captures)).unwrap()
    })
}

/// Ten fingers and two palms of [`headed_capture`].
pub fn headed_palms() -> impl Strategy<Value = FingerprintsAndPalms> {
    (headed_fingerprints(), headed_capture(), headed_capture())
        .prop_map(|(fingers, right, left)| FingerprintsAndPalms::new(fingers, right, left))
}
