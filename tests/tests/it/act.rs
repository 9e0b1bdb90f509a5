//! `dactylo_records::ACT` holds the spec's act as data: its number, its day of adoption, its rule
//! of entry into force and its repeal, so that a system can ask whether a day fell while it
//! applied.

use dactylo_codegen::Spec;
use dactylo_codegen::model::{Force, InForce, Status};
use dactylo_records::{ACT, Applied, Date, EntryIntoForce};

const SPEC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/resolution-939.yaml");

fn date(day: dactylo_records::jiff::civil::Date) -> Date {
    Date::try_from(day).unwrap()
}

fn entry(in_force: &InForce) -> EntryIntoForce {
    match in_force.from {
        Force::On(day) => EntryIntoForce::On(date(day)),
        Force::AfterPublication { days, published } => EntryIntoForce::AfterPublication {
            days,
            published: published.map(date),
        },
    }
}

#[test]
fn act_is_the_specs_act() {
    let act = Spec::load(SPEC).unwrap().model().act.clone();
    assert_eq!(ACT.kind, act.kind.en);
    assert_eq!(ACT.number, act.number);
    assert_eq!(ACT.adopted, date(act.date));
    assert_eq!(ACT.takes_effect, entry(&act.in_force));
    assert_eq!(
        ACT.earliest_first_day(),
        date(act.in_force.from.earliest_first_day(act.date))
    );
    match (&act.status, ACT.repeal) {
        (Status::InForce, None) => {}
        (
            Status::Repealed {
                by_number,
                by_date,
                takes_effect,
                stated,
            },
            Some(repeal),
        ) => {
            assert_eq!(repeal.number, *by_number);
            assert_eq!(repeal.adopted, date(*by_date));
            assert_eq!(repeal.takes_effect, entry(takes_effect));
            assert_eq!(
                repeal.stated_on,
                stated.as_ref().map(|stated| date(stated.on))
            );
        }
        (status, repeal) => panic!("the spec says {status:?}, ACT says {repeal:?}"),
    }
}

#[test]
fn a_day_before_the_earliest_first_day_is_outside_the_act() {
    let first = ACT.earliest_first_day();
    let before = Date::try_from(first.to_civil().yesterday().unwrap()).unwrap();
    assert_eq!(ACT.applied_on(before), Applied::No);
    assert_ne!(ACT.applied_on(first), Applied::No);
    // The day the repealing act was adopted is not the end of the repealed act.
    if let Some(repeal) = ACT.repeal {
        assert_ne!(ACT.applied_on(repeal.adopted), Applied::No);
        assert!(ACT.earliest_last_day().unwrap() >= repeal.adopted);
    }
}

/// The official text, read by 25 November 2026, marks the act repealed: from that day on it
/// surely did not apply, whatever the unknown days of publication.
#[test]
fn days_after_the_repeal_was_stated_are_outside_the_act() {
    let stated = ACT.repeal.and_then(|repeal| repeal.stated_on).unwrap();
    assert_eq!(stated, Date::new(2026, 11, 25).unwrap());
    assert_eq!(ACT.applied_on(stated), Applied::No);
    assert_eq!(ACT.applied_on(Date::new(2030, 1, 1).unwrap()), Applied::No);
    let before = Date::try_from(stated.to_civil().yesterday().unwrap()).unwrap();
    assert_eq!(ACT.applied_on(before), Applied::Unknown);
}
