//! The rule that a period does not end before it starts.

use super::date::Date;

/// A period whose end is before its start, in a composite the spec marks with `periods`. It
/// names the parts, not their dates.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value}: `{end_part}` is before `{start_part}`")]
pub struct PeriodError {
    /// The composite, e.g. `IdentityDocument`.
    pub value: &'static str,
    /// The part that starts the period, e.g. `issued_on`.
    pub start_part: &'static str,
    /// The part that ends the period, e.g. `valid_until`.
    pub end_part: &'static str,
}

impl PeriodError {
    /// Checks that `end` is not before `start`; generated constructors call this.
    ///
    /// # Errors
    ///
    /// When `end` is before `start`.
    pub fn check(
        value: &'static str,
        (start_part, start): (&'static str, Date),
        (end_part, end): (&'static str, Date),
    ) -> Result<(), PeriodError> {
        if end < start {
            return Err(PeriodError {
                value,
                start_part,
                end_part,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i16, month: i8, day: i8) -> Date {
        Date::new(year, month, day).unwrap()
    }

    #[test]
    fn a_period_may_end_on_its_first_day_but_not_before() {
        let start = ("issued_on", date(2024, 1, 1));
        assert_eq!(
            PeriodError::check("Visa", start, ("valid_until", date(2024, 1, 1))),
            Ok(())
        );
        let error =
            PeriodError::check("Visa", start, ("valid_until", date(2023, 12, 31))).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Visa: `valid_until` is before `issued_on`"
        );
    }
}
