//! How each value type of the records is written as the text of a Type-2 field.

use super::NistProblem;
use crate::catalogue::{Carriage, Carried};
use crate::{
    Absence, AddressLine, Authority, BirthDate, Citizenship, Country, CourtActKind, Date,
    DocumentNumber, Ethnicity, Iin, ImageFormat, ImpressionFormat, Name, Place, RegistrationBasis,
    Sex, ValidityEnd,
};

/// A value written as the text of one Type-2 field, and read back from it, as its
/// [`Carriage`](crate::catalogue::Carriage) says: text in UTF-8, as field 1.015 DCS declares;
/// dates as `YYYYMMDD`, as the standard writes dates.
pub trait NistText: Sized {
    /// Appends the value's text to `out`.
    fn write_nist(&self, out: &mut Vec<u8>);

    /// Reads a value from the field's text.
    ///
    /// # Errors
    ///
    /// When the text is not of the value's form, or the value breaks its type's rule. The
    /// problem never repeats the text.
    fn read_nist(text: &str) -> Result<Self, NistProblem>;
}

/// Values written as the string they hold (a text, a number, a code), and read through their
/// `new`.
macro_rules! as_text {
    ($($name:ident => $text:ident),* $(,)?) => {$(
        impl NistText for $name {
            fn write_nist(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(self.$text().as_bytes());
            }

            fn read_nist(text: &str) -> Result<Self, NistProblem> {
                $name::new(text).map_err(|error| NistProblem::Value(error.to_string()))
            }
        }
    )*};
}

as_text!(
    Name => as_str,
    DocumentNumber => as_str,
    Place => as_str,
    Ethnicity => as_str,
    RegistrationBasis => as_str,
    Authority => as_str,
    AddressLine => as_str,
    Iin => as_str,
    Country => alpha3,
    Citizenship => code,
);

/// Enums of a few kinds, written as their wire names.
macro_rules! as_variant {
    ($($name:ident),* $(,)?) => {$(
        impl NistText for $name {
            fn write_nist(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(self.wire_name().as_bytes());
            }

            fn read_nist(text: &str) -> Result<Self, NistProblem> {
                $name::WIRE_NAMES
                    .iter()
                    .position(|name| *name == text)
                    .map(|index| $name::VARIANTS[index])
                    .ok_or(NistProblem::Form(encoding::<Self>()))
            }
        }
    )*};
}

impl Sex {
    const VARIANTS: [Sex; 3] = [Sex::Male, Sex::Female, Sex::Unspecified];
}

impl CourtActKind {
    const VARIANTS: [CourtActKind; 2] = [CourtActKind::Verdict, CourtActKind::Decision];
}

impl Absence {
    const VARIANTS: [Absence; 2] = [Absence::Amputated, Absence::UnableToPrint];
}

impl ImageFormat {
    const VARIANTS: [ImageFormat; 3] = [ImageFormat::Jpeg, ImageFormat::Jpeg2000, ImageFormat::Png];
}

impl ImpressionFormat {
    const VARIANTS: [ImpressionFormat; 4] = [
        ImpressionFormat::Wsq,
        ImpressionFormat::Jpeg2000,
        ImpressionFormat::Png,
        ImpressionFormat::Iso19794_2,
    ];
}

as_variant!(Sex, CourtActKind, Absence, ImageFormat, ImpressionFormat);

/// The encoding a value's field holds, as the reference gives it.
fn encoding<T: Carried>() -> &'static str {
    match T::CARRIAGE {
        Carriage::Text { encoding } | Carriage::Images { encoding, .. } => encoding,
    }
}

impl NistText for Date {
    fn write_nist(&self, out: &mut Vec<u8>) {
        write_date(out, self.year(), self.month(), self.day());
    }

    fn read_nist(text: &str) -> Result<Self, NistProblem> {
        let (year, month, day) = date_digits(text).ok_or(NistProblem::Form(encoding::<Self>()))?;
        Date::new(year, month, day).map_err(|error| NistProblem::Value(error.to_string()))
    }
}

impl NistText for ValidityEnd {
    fn write_nist(&self, out: &mut Vec<u8>) {
        match self {
            ValidityEnd::Until(day) => day.write_nist(out),
            ValidityEnd::Indefinite => {
                out.extend_from_slice(ValidityEnd::Indefinite.to_string().as_bytes())
            }
        }
    }

    fn read_nist(text: &str) -> Result<Self, NistProblem> {
        match text {
            "indefinite" => Ok(ValidityEnd::Indefinite),
            _ => Date::read_nist(text)
                .map(ValidityEnd::Until)
                .map_err(|problem| match problem {
                    NistProblem::Form(_) => NistProblem::Form(encoding::<Self>()),
                    other => other,
                }),
        }
    }
}

impl NistText for BirthDate {
    fn write_nist(&self, out: &mut Vec<u8>) {
        match self.date() {
            Some(date) => date.write_nist(out),
            None => write_date(out, self.year(), self.month().unwrap_or(0), 0),
        }
    }

    fn read_nist(text: &str) -> Result<Self, NistProblem> {
        let value = |error: crate::DateError| NistProblem::Value(error.to_string());
        match date_digits(text).ok_or(NistProblem::Form(encoding::<Self>()))? {
            (year, 0, 0) => BirthDate::from_year(year).map_err(value),
            (year, month, 0) => BirthDate::from_year_month(year, month).map_err(value),
            (_, 0, _) => Err(NistProblem::Form(encoding::<Self>())),
            (year, month, day) => Date::new(year, month, day)
                .map(BirthDate::from_date)
                .map_err(value),
        }
    }
}

fn write_date(out: &mut Vec<u8>, year: i16, month: i8, day: i8) {
    out.extend_from_slice(format!("{year:04}{month:02}{day:02}").as_bytes());
}

/// The year, month and day of eight ASCII digits.
pub(crate) fn date_digits(text: &str) -> Option<(i16, i8, i8)> {
    let bytes = text.as_bytes();
    if bytes.len() != 8 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0i16, |sum, digit| sum * 10 + i16::from(digit - b'0'))
    };
    let month = i8::try_from(number(4..6)).ok()?;
    let day = i8::try_from(number(6..8)).ok()?;
    Some((number(0..4), month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(value: &impl NistText) -> String {
        let mut out = Vec::new();
        value.write_nist(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn dates_are_eight_digits_with_zeros_for_what_is_not_known() {
        let date = Date::new(1990, 3, 4).unwrap();
        assert_eq!(written(&date), "19900304");
        assert_eq!(written(&BirthDate::from_year(985).unwrap()), "09850000");
        assert_eq!(
            written(&BirthDate::from_year_month(1985, 7).unwrap()),
            "19850700"
        );
        for text in ["19900304", "09850000", "19850700"] {
            assert_eq!(written(&BirthDate::read_nist(text).unwrap()), text);
        }
        for text in [
            "1990034",
            "1990-03-04",
            "19900230",
            "19850007",
            "00000000",
            "١٩٩٠٠٣٠٤",
        ] {
            assert!(BirthDate::read_nist(text).is_err(), "{text}");
        }
        assert!(Date::read_nist("19900300").is_err());
    }

    #[test]
    fn codes_and_kinds_read_back_and_refuse_other_spellings() {
        assert_eq!(Sex::read_nist("X").unwrap(), Sex::Unspecified);
        assert!(Sex::read_nist("x").is_err());
        assert_eq!(written(&CourtActKind::Decision), "decision");
        assert_eq!(written(&Citizenship::new("XXA").unwrap()), "XXA");
        assert!(Country::read_nist("kaz").is_err());
    }
}
