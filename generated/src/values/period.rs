//! Dates, and the rule that a period does not end before it starts.

/// A [`jiff::civil::Date`], written `YYYY-MM-DD`.
pub type Date = jiff::civil::Date;

/// A period whose end is before its start, in a composite the spec marks with `periods`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value}: `{end_part}` ({end}) is before `{start_part}` ({start})")]
pub struct PeriodError {
    /// The composite, e.g. `IdentityDocument`.
    pub value: &'static str,
    /// The part that starts the period, e.g. `issued_on`.
    pub start_part: &'static str,
    /// Its date.
    pub start: Date,
    /// The part that ends the period, e.g. `valid_until`.
    pub end_part: &'static str,
    /// Its date, before `start`.
    pub end: Date,
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
                start,
                end_part,
                end,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

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
            "Visa: `valid_until` (2023-12-31) is before `issued_on` (2024-01-01)"
        );
    }
}
