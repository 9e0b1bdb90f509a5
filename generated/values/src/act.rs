//! The act whose lists the records hold, as data: when it took effect and, if it was repealed,
//! until when it applied, so that a system can tell whether a record was made under it.

use super::date::Date;

/// A legal act: its kind and number, the day it was adopted, when it took effect and its repeal,
/// if any. `dactylo_records::ACT`, generated from the spec, is its act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Act {
    /// The kind of act, in English: "Resolution".
    pub kind: &'static str,
    /// Its number.
    pub number: u32,
    /// The day it was adopted.
    pub adopted: Date,
    /// When it took effect.
    pub takes_effect: EntryIntoForce,
    /// Its repeal, if it has been repealed.
    pub repeal: Option<Repeal>,
}

/// The act that repealed another, and when the repeal took effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Repeal {
    /// The repealing act's kind, in English.
    pub kind: &'static str,
    /// The repealing act's number.
    pub number: u32,
    /// The day the repealing act was adopted, which need not be the day the repeal took effect.
    pub adopted: Date,
    /// When the repeal took effect: the repealed act applied until the day before.
    pub takes_effect: EntryIntoForce,
    /// The day a source stating the repeal was read, if the spec records one: the repeal had
    /// taken effect by then at the latest, so the act did not apply from that day on.
    pub stated_on: Option<Date>,
}

/// When an act takes effect, as its own rule says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EntryIntoForce {
    /// On a day the act names.
    On(Date),
    /// Once `days` calendar days have passed after the day of its first official publication:
    /// from the day after the last of them.
    AfterPublication {
        /// The calendar days.
        days: u16,
        /// The day of first official publication, where the spec knows it.
        published: Option<Date>,
    },
}

/// Whether an act applied on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Applied {
    /// It did.
    Yes,
    /// It did not: the day is before it can have taken effect, or after its repeal can have
    /// taken effect.
    No,
    /// The day falls where a publication day the spec does not know decides it.
    Unknown,
}

impl EntryIntoForce {
    /// The first day in force, when the rule and its dates give it exactly.
    pub fn first_day(self) -> Option<Date> {
        match self {
            EntryIntoForce::On(day) => Some(day),
            EntryIntoForce::AfterPublication { days, published } => {
                published.and_then(|day| after(day, days))
            }
        }
    }

    /// The first day in force at the earliest, for an act adopted on `adopted`: an act is not
    /// published before it is adopted.
    pub fn earliest_first_day(self, adopted: Date) -> Date {
        match self {
            EntryIntoForce::On(day) => day,
            EntryIntoForce::AfterPublication { days, published } => {
                let published = published.unwrap_or(adopted);
                after(published, days).unwrap_or(published)
            }
        }
    }
}

/// The day after `days` calendar days have passed since `published`, if it is a `Date`.
fn after(published: Date, days: u16) -> Option<Date> {
    let span = jiff::Span::new().days(i64::from(days) + 1);
    published
        .to_civil()
        .checked_add(span)
        .ok()
        .and_then(|day| Date::try_from(day).ok())
}

impl Act {
    /// An act of `kind` (in English) and `number`, adopted on `adopted`, taking effect as
    /// `takes_effect` says; `dactylo_records::ACT`, generated from the spec, is made with it.
    pub const fn new(
        kind: &'static str,
        number: u32,
        adopted: Date,
        takes_effect: EntryIntoForce,
        repeal: Option<Repeal>,
    ) -> Act {
        Act {
            kind,
            number,
            adopted,
            takes_effect,
            repeal,
        }
    }

    /// The first day it applied, when the spec's dates give it exactly.
    pub fn first_day(&self) -> Option<Date> {
        self.takes_effect.first_day()
    }

    /// The first day it applied at the earliest.
    pub fn earliest_first_day(&self) -> Date {
        self.takes_effect.earliest_first_day(self.adopted)
    }

    /// The last day it applied, when it has been repealed and the spec's dates give the day
    /// exactly: the day before its repeal took effect.
    pub fn last_day(&self) -> Option<Date> {
        let repeal = self.repeal?;
        day_before(repeal.takes_effect.first_day()?)
    }

    /// The last day it applied at the earliest, when it has been repealed: it applied at least
    /// until then.
    pub fn earliest_last_day(&self) -> Option<Date> {
        let repeal = self.repeal?;
        day_before(repeal.takes_effect.earliest_first_day(repeal.adopted))
    }

    /// The last day it applied at the latest, when it has been repealed and the spec's dates
    /// bound it: the day before its repeal took effect, where that is known, or the day before a
    /// source stating the repeal was read, whichever is earlier.
    pub fn latest_last_day(&self) -> Option<Date> {
        let stated = self.repeal?.stated_on.and_then(day_before);
        match (self.last_day(), stated) {
            (Some(last), Some(stated)) => Some(last.min(stated)),
            (last, stated) => last.or(stated),
        }
    }

    /// Whether it applied on `day`, as far as the spec's dates tell: `No` before the earliest day
    /// it can have taken effect and after the latest day it can have applied, `Yes` between the
    /// days it surely took effect and surely still applied, `Unknown` only where a day of
    /// publication the spec does not know decides it.
    pub fn applied_on(&self, day: Date) -> Applied {
        let before_start = match self.first_day() {
            Some(first) => day < first,
            None => day < self.earliest_first_day(),
        };
        let after_end = self.latest_last_day().is_some_and(|latest| day > latest);
        if before_start || after_end {
            return Applied::No;
        }
        let surely_started = self.first_day().is_some();
        let surely_not_ended = match self.repeal {
            None => true,
            Some(_) => self
                .last_day()
                .or(self.earliest_last_day())
                .is_some_and(|last| day <= last),
        };
        if surely_started && surely_not_ended {
            Applied::Yes
        } else {
            Applied::Unknown
        }
    }
}

impl Repeal {
    /// A repeal by the act of `kind` (in English) and `number` adopted on `adopted`, taking
    /// effect as `takes_effect` says, stated by a source read on `stated_on` if one is recorded.
    pub const fn new(
        kind: &'static str,
        number: u32,
        adopted: Date,
        takes_effect: EntryIntoForce,
        stated_on: Option<Date>,
    ) -> Repeal {
        Repeal {
            kind,
            number,
            adopted,
            takes_effect,
            stated_on,
        }
    }
}

fn day_before(day: Date) -> Option<Date> {
    day.to_civil()
        .yesterday()
        .ok()
        .and_then(|day| Date::try_from(day).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn day(year: i16, month: i8, day: i8) -> Date {
        Date::constant(year, month, day)
    }

    const TEN_DAYS: EntryIntoForce = EntryIntoForce::AfterPublication {
        days: 10,
        published: None,
    };

    /// Resolution No. 939 with publication days unknown, its repeal stated on `stated_on`.
    const fn resolution_939(stated_on: Option<Date>) -> Act {
        Act::new(
            "Resolution",
            939,
            day(2024, 11, 8),
            TEN_DAYS,
            Some(Repeal::new(
                "Resolution",
                829,
                day(2025, 10, 8),
                TEN_DAYS,
                stated_on,
            )),
        )
    }

    /// Resolution No. 939 with publication days unknown and no statement of the repeal.
    const UNKNOWN: Act = resolution_939(None);

    #[test]
    fn ten_days_after_publication_is_the_eleventh_day() {
        let published = EntryIntoForce::AfterPublication {
            days: 10,
            published: Some(day(2024, 11, 12)),
        };
        assert_eq!(published.first_day(), Some(day(2024, 11, 23)));
        assert_eq!(TEN_DAYS.first_day(), None);
        assert_eq!(
            TEN_DAYS.earliest_first_day(day(2024, 11, 8)),
            day(2024, 11, 19)
        );
        assert_eq!(
            EntryIntoForce::On(day(2025, 1, 1)).first_day(),
            Some(day(2025, 1, 1))
        );
    }

    #[test]
    fn with_publication_days_unknown_only_the_bounds_are_certain() {
        assert_eq!(UNKNOWN.earliest_first_day(), day(2024, 11, 19));
        assert_eq!(UNKNOWN.first_day(), None);
        assert_eq!(UNKNOWN.earliest_last_day(), Some(day(2025, 10, 18)));
        assert_eq!(UNKNOWN.last_day(), None);
        assert_eq!(UNKNOWN.applied_on(day(2024, 11, 18)), Applied::No);
        assert_eq!(UNKNOWN.applied_on(day(2024, 11, 19)), Applied::Unknown);
        assert_eq!(UNKNOWN.applied_on(day(2025, 10, 8)), Applied::Unknown);
        assert_eq!(UNKNOWN.applied_on(day(2026, 1, 1)), Applied::Unknown);
    }

    #[test]
    fn known_publication_days_decide_every_day() {
        let known = Act::new(
            "Resolution",
            939,
            day(2024, 11, 8),
            EntryIntoForce::AfterPublication {
                days: 10,
                published: Some(day(2024, 11, 12)),
            },
            Some(Repeal::new(
                "Resolution",
                829,
                day(2025, 10, 8),
                EntryIntoForce::AfterPublication {
                    days: 10,
                    published: Some(day(2025, 10, 10)),
                },
                None,
            )),
        );
        assert_eq!(known.first_day(), Some(day(2024, 11, 23)));
        assert_eq!(known.last_day(), Some(day(2025, 10, 20)));
        assert_eq!(known.applied_on(day(2024, 11, 22)), Applied::No);
        assert_eq!(known.applied_on(day(2024, 11, 23)), Applied::Yes);
        // Not the day No. 829 was adopted: the repeal took effect later.
        assert_eq!(known.applied_on(day(2025, 10, 8)), Applied::Yes);
        assert_eq!(known.applied_on(day(2025, 10, 20)), Applied::Yes);
        assert_eq!(known.applied_on(day(2025, 10, 21)), Applied::No);
    }

    #[test]
    fn a_known_start_and_an_unknown_end_leave_only_the_days_after_the_earliest_end_open() {
        let start_known = Act::new(
            "Resolution",
            1,
            day(2024, 1, 1),
            EntryIntoForce::On(day(2024, 2, 1)),
            Some(Repeal::new(
                "Resolution",
                2,
                day(2025, 1, 1),
                TEN_DAYS,
                None,
            )),
        );
        assert_eq!(start_known.applied_on(day(2024, 1, 31)), Applied::No);
        assert_eq!(start_known.applied_on(day(2024, 2, 1)), Applied::Yes);
        assert_eq!(start_known.applied_on(day(2025, 1, 11)), Applied::Yes);
        assert_eq!(start_known.applied_on(day(2025, 1, 12)), Applied::Unknown);
        let in_force = Act::new(
            "Law",
            3,
            day(2024, 1, 1),
            EntryIntoForce::On(day(2024, 2, 1)),
            None,
        );
        assert_eq!(in_force.applied_on(day(2030, 1, 1)), Applied::Yes);
        assert_eq!(in_force.earliest_last_day(), None);
    }

    /// Resolution No. 939 as the spec has it: publication days unknown, and the official text,
    /// read on 25 November 2026, marked repealed.
    const STATED: Act = resolution_939(Some(day(2026, 11, 25)));

    #[test]
    fn a_source_stating_the_repeal_ends_the_unknown_days() {
        assert_eq!(STATED.latest_last_day(), Some(day(2026, 11, 24)));
        assert_eq!(STATED.applied_on(day(2024, 11, 18)), Applied::No);
        assert_eq!(STATED.applied_on(day(2024, 11, 19)), Applied::Unknown);
        assert_eq!(STATED.applied_on(day(2026, 11, 24)), Applied::Unknown);
        assert_eq!(STATED.applied_on(day(2026, 11, 25)), Applied::No);
        assert_eq!(STATED.applied_on(day(2030, 1, 1)), Applied::No);
        assert_eq!(UNKNOWN.latest_last_day(), None);
    }

    #[test]
    fn hypothetical_publication_days_with_a_stated_repeal_decide_every_day() {
        // Both acts published on hypothetical days: No. 939 applied 2024-11-23 to 2025-10-20.
        let published = |year, month, on| EntryIntoForce::AfterPublication {
            days: 10,
            published: Some(day(year, month, on)),
        };
        let act = |stated_on| {
            Act::new(
                "Resolution",
                939,
                day(2024, 11, 8),
                published(2024, 11, 12),
                Some(Repeal::new(
                    "Resolution",
                    829,
                    day(2025, 10, 8),
                    published(2025, 10, 10),
                    stated_on,
                )),
            )
        };
        for stated_on in [None, Some(day(2026, 11, 25))] {
            let act = act(stated_on);
            assert_eq!(act.latest_last_day(), Some(day(2025, 10, 20)));
            assert_eq!(act.applied_on(day(2024, 11, 22)), Applied::No);
            assert_eq!(act.applied_on(day(2024, 11, 23)), Applied::Yes);
            assert_eq!(act.applied_on(day(2025, 10, 20)), Applied::Yes);
            assert_eq!(act.applied_on(day(2025, 10, 21)), Applied::No);
            assert_eq!(act.applied_on(day(2030, 1, 1)), Applied::No);
        }
        // A statement read before the computed end bounds it: the earlier of the two holds.
        let early = act(Some(day(2025, 10, 15)));
        assert_eq!(early.latest_last_day(), Some(day(2025, 10, 14)));
        assert_eq!(early.applied_on(day(2025, 10, 14)), Applied::Yes);
        assert_eq!(early.applied_on(day(2025, 10, 15)), Applied::No);
    }
}
