//! How each value type travels in an ANSI/NIST-ITL transaction, as the reference's tables give
//! it: a text in a Type-2 field, with its encoding, or images in records of their own.

use crate::{
    Absence, AddressLine, Authority, BirthDate, Citizenship, Country, CourtActKind, Date,
    DocumentNumber, Ethnicity, Fingerprints, FingerprintsAndPalms, Iin, ImageFormat,
    ImpressionFormat, Name, Photo, Place, RegistrationBasis, Sex, Signature, ValidityEnd,
};

/// Where a value travels in a transaction, and how it is written there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carriage {
    /// In the Type-2 field the spec maps its item to, as this text.
    Text {
        /// How the text is written, e.g. `` `YYYYMMDD` ``.
        encoding: &'static str,
    },
    /// In image records of its own, found by their type, not by a field number.
    Images {
        /// The records and the fields that tell them apart.
        records: &'static str,
        /// How the images, and any absence, are written.
        encoding: &'static str,
    },
}

/// A value type's [`Carriage`].
pub trait Carried {
    /// How it travels.
    const CARRIAGE: Carriage;
}

/// The text of every text and name: as the value holds it, NFC, in UTF-8 (field 1.015 DCS).
const TEXT: &str = "the text as the value holds it (UTF-8, declared in 1.015 DCS)";

macro_rules! carried {
    ($($name:ident => $carriage:expr),* $(,)?) => {$(
        impl Carried for $name {
            const CARRIAGE: Carriage = $carriage;
        }
    )*};
}

const fn text(encoding: &'static str) -> Carriage {
    Carriage::Text { encoding }
}

carried! {
    Absence => text("`XX` (amputated) or `UP` (unable to print)"),
    AddressLine => text(TEXT),
    Authority => text(TEXT),
    BirthDate => text("`YYYYMMDD`, with `00` for a month or day the document does not give"),
    Citizenship => text("the three-letter code: ISO 3166-1 alpha-3, or a nationality code of ICAO Doc 9303 Part 3 (`GBD`, `UNO`, `XXA`, ...)"),
    Country => text("the ISO 3166-1 alpha-3 code"),
    CourtActKind => text("`verdict` or `decision`"),
    Date => text("`YYYYMMDD`"),
    DocumentNumber => text(TEXT),
    Ethnicity => text(TEXT),
    Fingerprints => Carriage::Images {
        records: "Type-14, one per finger (14.013 FGP 1 to 10)",
        encoding: "the image as captured (14.011 CGA `WSQ20`, `JP2`, `JP2L` or `PNG`); a finger without one as 14.018 AMP (`XX` or `UP`)",
    },
    FingerprintsAndPalms => Carriage::Images {
        records: "Type-14 per finger (FGP 1 to 10), Type-15 per full palm (15.013 FGP 21 and 23)",
        encoding: "the image as captured (CGA `WSQ20`, `JP2`, `JP2L` or `PNG`); a finger or palm without one as AMP (`XX` or `UP`)",
    },
    Iin => text("the 12 digits"),
    ImageFormat => text("`jpeg`, `jpeg2000` or `png`"),
    ImpressionFormat => text("`wsq`, `jpeg2000`, `png` or `iso_19794_2`"),
    Name => text(TEXT),
    Photo => Carriage::Images {
        records: "Type-10 (10.003 IMT `FACE`)",
        encoding: "the image as captured (10.011 CGA `JPEGB`, `JPEGL`, `JP2`, `JP2L` or `PNG`)",
    },
    Place => text(TEXT),
    RegistrationBasis => text(TEXT),
    Sex => text("`M`, `F` or `X`"),
    Signature => Carriage::Images {
        records: "Type-20 (20.003 CAR `S`, 20.020 COM `SIGNATURE`)",
        encoding: "the image as captured (20.011 CGA `JPEGB`, `JPEGL`, `JP2`, `JP2L` or `PNG`)",
    },
    ValidityEnd => text("`YYYYMMDD`, or `indefinite`"),
}
