//! Dates as the lists hold them: a calendar date written `YYYY-MM-DD` with a year from 0001 to
//! 9999, and a date of birth, which may be known only to the month or the year.

use std::fmt;
use std::str::FromStr;

/// Why a date was refused. It never repeats the text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value}: {problem}")]
pub struct DateError {
    /// The type the date was meant for: `Date` or `BirthDate`.
    pub value: &'static str,
    /// What is wrong.
    pub problem: DateProblem,
}

/// What is wrong with a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateProblem {
    /// Not written as the type writes dates.
    #[error("a date is written {form}, and this text of {length} characters is not")]
    Form {
        /// The forms the type accepts.
        form: &'static str,
        /// How many characters the text has.
        length: usize,
    },
    /// A year before 0001 or after 9999.
    #[error("the year is not from 0001 to 9999")]
    Year,
    /// A month that is not 1 to 12.
    #[error("the month is not from 01 to 12")]
    Month,
    /// A day that its month does not have.
    #[error("the day is not a day of its month")]
    Day,
}

const DATE_FORM: &str = "YYYY-MM-DD";
const BIRTH_DATE_FORMS: &str = "YYYY-MM-DD, YYYY-MM or YYYY";

/// A calendar date from 0001-01-01 to 9999-12-31, written `YYYY-MM-DD` and in no other way: not
/// `19850701`, not `1985-07-01T10:00`, not `+009999-12-31`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

impl Date {
    /// The day `day` of month `month` of year `year`.
    ///
    /// # Errors
    ///
    /// When the year is not from 1 to 9999, the month not from 1 to 12, or the day not in the
    /// month.
    pub fn new(year: i16, month: i8, day: i8) -> Result<Date, DateError> {
        let refuse = |problem| DateError {
            value: "Date",
            problem,
        };
        check_year_month(year, month).map_err(refuse)?;
        jiff::civil::Date::new(year, month, day)
            .map(Date)
            .map_err(|_| refuse(DateProblem::Day))
    }

    /// A date written in code, such as the dates of `dactylo_records::ACT`: checked when the
    /// program is compiled, where it is a constant.
    ///
    /// # Panics
    ///
    /// When the year is not from 1 to 9999 or the date does not exist; in a constant, the program
    /// does not compile.
    pub const fn constant(year: i16, month: i8, day: i8) -> Date {
        assert!(year >= 1, "a Date's year is from 1 to 9999");
        Date(jiff::civil::Date::constant(year, month, day))
    }

    /// The year, 1 to 9999.
    pub fn year(self) -> i16 {
        self.0.year()
    }

    /// The month, 1 to 12.
    pub fn month(self) -> i8 {
        self.0.month()
    }

    /// The day of the month, from 1.
    pub fn day(self) -> i8 {
        self.0.day()
    }

    /// The same day as a [`jiff::civil::Date`], for calendar arithmetic.
    pub fn to_civil(self) -> jiff::civil::Date {
        self.0
    }
}

fn check_year_month(year: i16, month: i8) -> Result<(), DateProblem> {
    if !(1..=9999).contains(&year) {
        return Err(DateProblem::Year);
    }
    if !(1..=12).contains(&month) {
        return Err(DateProblem::Month);
    }
    Ok(())
}

/// A [`jiff::civil::Date`] in the years 0001 to 9999.
impl TryFrom<jiff::civil::Date> for Date {
    type Error = DateError;

    fn try_from(date: jiff::civil::Date) -> Result<Date, DateError> {
        Date::new(date.year(), date.month(), date.day())
    }
}

impl From<Date> for jiff::civil::Date {
    fn from(date: Date) -> jiff::civil::Date {
        date.0
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

/// Every date a record holds (of a document, of a registration, of an expulsion or a ban) is
/// the holder's personal data, under Kazakhstan's law on personal data as any other: redacted.
impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Date(<redacted>)")
    }
}

/// The digits of `text` from `range`, if they are all ASCII digits.
fn digits(text: &[u8], range: std::ops::Range<usize>) -> Option<i32> {
    let part = text.get(range)?;
    part.iter().try_fold(0_i32, |number, &byte| {
        byte.is_ascii_digit()
            .then(|| number * 10 + i32::from(byte - b'0'))
    })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as their numbers: `None` when `text` is none of them.
fn parts(text: &str) -> Option<(i32, Option<i32>, Option<i32>)> {
    let bytes = text.as_bytes();
    let year = digits(bytes, 0..4)?;
    match bytes.len() {
        4 => Some((year, None, None)),
        7 if bytes[4] == b'-' => Some((year, Some(digits(bytes, 5..7)?), None)),
        10 if bytes[4] == b'-' && bytes[7] == b'-' => Some((
            year,
            Some(digits(bytes, 5..7)?),
            Some(digits(bytes, 8..10)?),
        )),
        _ => None,
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Reads `YYYY-MM-DD` exactly.
    fn from_str(text: &str) -> Result<Date, DateError> {
        let form = || DateError {
            value: "Date",
            problem: DateProblem::Form {
                form: DATE_FORM,
                length: text.chars().count(),
            },
        };
        let Some((year, Some(month), Some(day))) = parts(text) else {
            return Err(form());
        };
        // Four digits and two make numbers that fit; the checks are Date::new's.
        Date::new(year as i16, month as i8, day as i8)
    }
}

serde_as_string!(Date, to_string, "a date written YYYY-MM-DD");

/// A year from 0001 to 9999, as a pattern.
const YEAR_PATTERN: &str = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})";

/// A leap year of the proleptic Gregorian calendar from 0004 to 9996: divisible by 4 and not by
/// 100 (the last two digits), or divisible by 400 (the first two, then `00`). `0000` is neither.
const LEAP_YEAR_PATTERN: &str =
    "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)";

/// A month, as a pattern.
const MONTH_PATTERN: &str = "(?:0[1-9]|1[0-2])";

/// Exactly the dates `Date` accepts, as a pattern: each month with its own days, February the
/// 29th in leap years only. `format: date` says the same, but validators assert formats only
/// when told to, and most are not by default.
fn date_pattern() -> String {
    let days_31 = "(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])";
    let days_30 = "(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)";
    let february = "02-(?:0[1-9]|1[0-9]|2[0-8])";
    format!("(?:{YEAR_PATTERN}-(?:{days_31}|{days_30}|{february})|{LEAP_YEAR_PATTERN}-02-29)")
}

impl crate::catalogue::Schema for Date {
    fn schema() -> crate::catalogue::Object {
        let pattern = format!("^{}$", date_pattern());
        crate::catalogue::Object::new()
            .with("type", "string")
            .with("format", "date")
            .with_pattern(&pattern)
    }
}

/// How much of a date of birth is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Known {
    /// The year only: `1985`.
    Year,
    /// The year and the month: `1985-07`.
    YearAndMonth,
    /// The whole date: `1985-07-01`.
    Date,
}

/// A date of birth, as much of it as the identity document gives: the whole date, the year and
/// month, or the year alone, as ICAO Doc 9303 allows for persons whose date of birth is not
/// fully known. Written `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (ISO 8601 reduced precision), years
/// 0001 to 9999.
///
/// It is personal data: `Debug` shows how much is known, never the date.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct BirthDate {
    year: i16,
    month: Option<i8>,
    day: Option<Date>,
}

impl BirthDate {
    /// A date of birth known to the day.
    pub fn from_date(date: Date) -> BirthDate {
        BirthDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date),
        }
    }

    /// A date of birth known to the month.
    ///
    /// # Errors
    ///
    /// When the year is not from 1 to 9999, or the month not from 1 to 12.
    pub fn from_year_month(year: i16, month: i8) -> Result<BirthDate, DateError> {
        check_year_month(year, month).map_err(|problem| DateError {
            value: "BirthDate",
            problem,
        })?;
        Ok(BirthDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A date of birth known to the year.
    ///
    /// # Errors
    ///
    /// When the year is not from 1 to 9999.
    pub fn from_year(year: i16) -> Result<BirthDate, DateError> {
        check_year_month(year, 1).map_err(|problem| DateError {
            value: "BirthDate",
            problem,
        })?;
        Ok(BirthDate {
            year,
            month: None,
            day: None,
        })
    }

    /// How much of the date is known.
    pub fn known(&self) -> Known {
        match (self.month, self.day) {
            (_, Some(_)) => Known::Date,
            (Some(_), None) => Known::YearAndMonth,
            (None, None) => Known::Year,
        }
    }

    /// The year.
    pub fn year(&self) -> i16 {
        self.year
    }

    /// The month, when known.
    pub fn month(&self) -> Option<i8> {
        self.month
    }

    /// The whole date, when known.
    pub fn date(&self) -> Option<Date> {
        self.day
    }
}

impl From<Date> for BirthDate {
    fn from(date: Date) -> BirthDate {
        BirthDate::from_date(date)
    }
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
impl fmt::Display for BirthDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (_, Some(date)) => date.fmt(f),
            (Some(month), None) => write!(f, "{:04}-{month:02}", self.year),
            (None, None) => write!(f, "{:04}", self.year),
        }
    }
}

impl fmt::Debug for BirthDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BirthDate({:?}: <redacted>)", self.known())
    }
}

impl FromStr for BirthDate {
    type Err = DateError;

    /// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY` exactly.
    fn from_str(text: &str) -> Result<BirthDate, DateError> {
        let refuse = |problem| DateError {
            value: "BirthDate",
            problem,
        };
        let Some((year, month, day)) = parts(text) else {
            return Err(refuse(DateProblem::Form {
                form: BIRTH_DATE_FORMS,
                length: text.chars().count(),
            }));
        };
        let year = year as i16;
        match (month, day) {
            (Some(month), Some(day)) => Date::new(year, month as i8, day as i8)
                .map(BirthDate::from_date)
                .map_err(|error| refuse(error.problem)),
            (Some(month), None) => BirthDate::from_year_month(year, month as i8),
            _ => BirthDate::from_year(year),
        }
    }
}

serde_as_string!(
    BirthDate,
    to_string,
    "a date of birth written YYYY-MM-DD, YYYY-MM or YYYY"
);

impl crate::catalogue::Schema for BirthDate {
    fn schema() -> crate::catalogue::Object {
        use crate::catalogue::Object;
        let reduced = |pattern: String| Object::new().with("type", "string").with_pattern(&pattern);
        Object::new().with("type", "string").with(
            "anyOf",
            vec![
                Date::schema(),
                reduced(format!("^{YEAR_PATTERN}-{MONTH_PATTERN}$")),
                reduced(format!("^{YEAR_PATTERN}$")),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_written_one_way() {
        let date: Date = "1985-07-01".parse().unwrap();
        assert_eq!(date, Date::new(1985, 7, 1).unwrap());
        assert_eq!(date.to_string(), "1985-07-01");
        assert_eq!(
            "0001-01-01".parse::<Date>().unwrap().to_string(),
            "0001-01-01"
        );
        for text in [
            "1985-07-01T10:00",
            "19850701",
            "+009999-12-31",
            "-009999-01-01",
            "1985-07-01T00:00+05:00[Some/Zone]",
            "1985-7-1",
            "1985-07",
            " 1985-07-01",
            "１９８５-07-01",
            "",
        ] {
            let problem = text.parse::<Date>().unwrap_err().problem;
            assert!(
                matches!(problem, DateProblem::Form { .. }),
                "{text}: {problem:?}"
            );
        }
        assert_eq!(
            "0000-01-01".parse::<Date>().unwrap_err().problem,
            DateProblem::Year
        );
        assert_eq!(
            "2023-02-29".parse::<Date>().unwrap_err().problem,
            DateProblem::Day
        );
        assert_eq!(
            "2024-13-01".parse::<Date>().unwrap_err().problem,
            DateProblem::Month
        );
    }

    #[test]
    fn a_date_from_jiff_keeps_to_the_years_1_to_9999() {
        let date = Date::try_from(jiff::civil::date(2024, 2, 29)).unwrap();
        assert_eq!(
            jiff::civil::Date::from(date),
            jiff::civil::date(2024, 2, 29)
        );
        assert!(Date::try_from(jiff::civil::date(-9999, 1, 1)).is_err());
        assert!(Date::try_from(jiff::civil::date(0, 1, 1)).is_err());
    }

    #[test]
    fn errors_never_repeat_the_text() {
        let error = "1985-07-01T10:00".parse::<Date>().unwrap_err().to_string();
        assert_eq!(
            error,
            "Date: a date is written YYYY-MM-DD, and this text of 16 characters is not"
        );
    }

    #[test]
    fn a_birth_date_may_be_known_to_the_month_or_the_year() {
        for (text, known) in [
            ("1985-07-01", Known::Date),
            ("1985-07", Known::YearAndMonth),
            ("1985", Known::Year),
        ] {
            let date: BirthDate = text.parse().unwrap();
            assert_eq!(date.known(), known);
            assert_eq!(date.to_string(), text);
        }
        assert_eq!(
            "1985-13".parse::<BirthDate>().unwrap_err().problem,
            DateProblem::Month
        );
        assert!("85".parse::<BirthDate>().is_err());
        assert!("1985-07-32".parse::<BirthDate>().is_err());
    }

    #[test]
    fn debug_shows_how_much_is_known_never_the_date() {
        let date: BirthDate = "1985-07-01".parse().unwrap();
        assert_eq!(format!("{date:?}"), "BirthDate(Date: <redacted>)");
        let date: BirthDate = "1985".parse().unwrap();
        assert_eq!(format!("{date:?}"), "BirthDate(Year: <redacted>)");
        assert_eq!(
            format!("{:?}", Date::new(2024, 1, 2).unwrap()),
            "Date(<redacted>)"
        );
    }
}
