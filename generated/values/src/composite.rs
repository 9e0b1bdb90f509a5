//! The rules a checked composite's constructor enforces across its parts: a period does not end
//! before it starts, and of some optional parts at least one is given.

use super::date::Date;
use super::validity::ValidityEnd;

/// A day that starts or ends a period, or none: an optional part not given, or an end of
/// validity that is indefinite. Generated constructors pass the parts as they hold them.
pub trait PeriodDay {
    /// The day, if there is one.
    fn period_day(self) -> Option<Date>;
}

impl PeriodDay for Date {
    fn period_day(self) -> Option<Date> {
        Some(self)
    }
}

impl PeriodDay for ValidityEnd {
    fn period_day(self) -> Option<Date> {
        self.last_day()
    }
}

impl<T: PeriodDay> PeriodDay for Option<T> {
    fn period_day(self) -> Option<Date> {
        self.and_then(PeriodDay::period_day)
    }
}

/// A composite whose parts break a rule the spec gives it. It names the composite and the parts,
/// never their values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(transparent)]
#[non_exhaustive]
pub enum CompositeError {
    /// A period that ends before it starts.
    Period(#[from] PeriodError),
    /// None of the parts of which at least one is required.
    NoneGiven(#[from] NoneGivenError),
}

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
    /// Checks that `end` is not before `start` when both are days; generated constructors call
    /// this, with a part's date, end of validity or, for an optional part, its `Option`.
    ///
    /// # Errors
    ///
    /// When both are given and `end` is before `start`.
    pub fn check(
        value: &'static str,
        (start_part, start): (&'static str, impl PeriodDay),
        (end_part, end): (&'static str, impl PeriodDay),
    ) -> Result<(), PeriodError> {
        if let (Some(start), Some(end)) = (start.period_day(), end.period_day())
            && end < start
        {
            return Err(PeriodError {
                value,
                start_part,
                end_part,
            });
        }
        Ok(())
    }
}

/// A composite given none of the optional parts of which the spec (`at_least_one_of`) requires
/// at least one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value}: none of {} is given; at least one is required", Parts(parts))]
pub struct NoneGivenError {
    /// The composite, e.g. `PriorPermits`.
    pub value: &'static str,
    /// The parts, e.g. `["visa", "temporary_residence_permit"]`.
    pub parts: &'static [&'static str],
}

impl NoneGivenError {
    /// Checks that at least one of `parts` is given: `given[i]` says whether `parts[i]` is.
    /// Generated constructors call this.
    ///
    /// # Errors
    ///
    /// When none is.
    pub fn check(
        value: &'static str,
        parts: &'static [&'static str],
        given: &[bool],
    ) -> Result<(), NoneGivenError> {
        if given.contains(&true) {
            Ok(())
        } else {
            Err(NoneGivenError { value, parts })
        }
    }
}

/// "`visa` and `temporary_residence_permit`".
struct Parts(&'static [&'static str]);

impl std::fmt::Display for Parts {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (index, part) in self.0.iter().enumerate() {
            let separator = match index {
                0 => "",
                _ if index + 1 == self.0.len() => " and ",
                _ => ", ",
            };
            write!(formatter, "{separator}`{part}`")?;
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

    #[test]
    fn a_period_with_an_end_not_given_is_not_checked() {
        let start = ("decided_on", Some(date(2024, 1, 1)));
        assert_eq!(
            PeriodError::check("CourtAct", start, ("in_force_since", None::<Date>)),
            Ok(())
        );
        assert_eq!(
            PeriodError::check(
                "CourtAct",
                ("decided_on", None::<Date>),
                ("in_force_since", start.1)
            ),
            Ok(())
        );
        let error = PeriodError::check("CourtAct", start, ("in_force_since", date(2023, 1, 1)))
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "CourtAct: `in_force_since` is before `decided_on`"
        );
    }

    #[test]
    fn one_part_given_of_several_is_enough() {
        const PARTS: &[&str] = &["visa", "temporary_residence_permit", "other"];
        assert_eq!(
            NoneGivenError::check("Prior", PARTS, &[false, true, false]),
            Ok(())
        );
        assert_eq!(
            NoneGivenError::check("Prior", PARTS, &[true, true, true]),
            Ok(())
        );
        let error = NoneGivenError::check("Prior", PARTS, &[false, false, false]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Prior: none of `visa`, `temporary_residence_permit` and `other` is given; at least \
             one is required"
        );
        let error = NoneGivenError::check("Prior", &PARTS[..2], &[false, false]).unwrap_err();
        assert_eq!(
            CompositeError::from(error).to_string(),
            "Prior: none of `visa` and `temporary_residence_permit` is given; at least one is \
             required"
        );
    }
}
