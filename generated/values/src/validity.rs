//! The end of a document's period of validity («қолданылу мерзімі»): a last day, or none, for a
//! document issued without a term.

use std::fmt;
use std::str::FromStr;

use crate::date::{Date, DateError, DateProblem};

/// How the end of validity is written: a date, or this word.
const INDEFINITE: &str = "indefinite";

const FORMS: &str = "YYYY-MM-DD or `indefinite`";

/// The end of a document's period of validity: the day it is valid until, or `Indefinite` for a
/// document issued without a term, as some national identity documents are («мерзімсіз»).
/// Written `YYYY-MM-DD` or `indefinite`, in JSON and in the schemas; `indefinite` in an
/// ANSI/NIST-ITL field too. `Debug` shows `ValidityEnd(<redacted>)`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValidityEnd {
    /// Valid until this day.
    Until(Date),
    /// Valid without a term.
    Indefinite,
}

impl ValidityEnd {
    /// The end written `YYYY-MM-DD` or `indefinite`.
    ///
    /// # Errors
    ///
    /// When `text` is neither a date `Date` reads nor `indefinite`.
    pub fn new(text: &str) -> Result<ValidityEnd, DateError> {
        if text == INDEFINITE {
            return Ok(ValidityEnd::Indefinite);
        }
        let refuse = |problem| DateError {
            value: "ValidityEnd",
            problem,
        };
        match text.parse::<Date>() {
            Ok(day) => Ok(ValidityEnd::Until(day)),
            Err(DateError {
                problem: DateProblem::Form { length, .. },
                ..
            }) => Err(refuse(DateProblem::Form {
                form: FORMS,
                length,
            })),
            Err(error) => Err(refuse(error.problem)),
        }
    }

    /// The last day of validity, if the document has one.
    pub fn last_day(self) -> Option<Date> {
        match self {
            ValidityEnd::Until(day) => Some(day),
            ValidityEnd::Indefinite => None,
        }
    }
}

impl From<Date> for ValidityEnd {
    fn from(day: Date) -> ValidityEnd {
        ValidityEnd::Until(day)
    }
}

impl fmt::Display for ValidityEnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValidityEnd::Until(day) => day.fmt(f),
            ValidityEnd::Indefinite => f.write_str(INDEFINITE),
        }
    }
}

impl FromStr for ValidityEnd {
    type Err = DateError;

    fn from_str(text: &str) -> Result<ValidityEnd, DateError> {
        ValidityEnd::new(text)
    }
}

redacted_debug!(ValidityEnd);

serde_as_string!(
    ValidityEnd,
    to_string,
    "an end of validity written YYYY-MM-DD or indefinite"
);

impl crate::catalogue::Schema for ValidityEnd {
    fn schema() -> crate::catalogue::Object {
        use crate::catalogue::Object;
        Object::new().with("type", "string").with(
            "anyOf",
            vec![Date::schema(), Object::new().with("const", INDEFINITE)],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_end_is_a_date_or_indefinite_and_nothing_else() {
        let day = Date::new(2034, 12, 1).unwrap();
        assert_eq!(
            ValidityEnd::new("2034-12-01").unwrap(),
            ValidityEnd::Until(day)
        );
        assert_eq!(
            ValidityEnd::new("indefinite").unwrap(),
            ValidityEnd::Indefinite
        );
        assert_eq!(ValidityEnd::Indefinite.to_string(), "indefinite");
        assert_eq!(ValidityEnd::from(day).to_string(), "2034-12-01");
        assert_eq!(ValidityEnd::Indefinite.last_day(), None);
        for text in [
            "Indefinite",
            "",
            "9999-99-99",
            "2034-02-30",
            "never",
            "indefinite ",
        ] {
            assert!(ValidityEnd::new(text).is_err(), "{text:?}");
        }
        let error = ValidityEnd::new("never").unwrap_err().to_string();
        assert!(
            error.starts_with("ValidityEnd: a date is written YYYY-MM-DD or `indefinite`"),
            "{error}"
        );
        assert!(!error.contains("never"));
        assert_eq!(
            format!("{:?}", ValidityEnd::from(day)),
            "ValidityEnd(<redacted>)"
        );
    }
}
