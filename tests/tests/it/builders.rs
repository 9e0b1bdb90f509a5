//! What compiles, for every record of the spec: its builder with the required items only and
//! with all of them, two items set in either order in the two branches of an `if`, optional
//! items set through their `maybe_` setters, and a partial builder named through its states and
//! cloned as a template. The fixtures that build them are generated from the spec
//! (`dactylo_tests::fixtures`), so the code itself is the proof that it compiles; these tests
//! check what the records hold. (What must not compile is in `compile_fail.rs`.)

use dactylo_tests::fixtures::{EachRecord, Record, each_record};
use dactylo_tests::{Random, complete};
use serde_json::Value;

/// The keys of `record`'s JSON: the items it holds (an absent optional item is left out).
fn items<R: Record>(record: &R) -> Vec<String> {
    match serde_json::to_value(record).unwrap() {
        Value::Object(entries) => entries.keys().cloned().collect(),
        other => panic!("{} is not a mapping: {other}", R::NAME),
    }
}

/// The seeds each test draws records from.
const SEEDS: std::ops::Range<u64> = 0..16;

struct RequiredOnly;

impl EachRecord for RequiredOnly {
    fn record<R: Record>(&mut self) {
        let complete = items(&complete::<R>());
        for seed in SEEDS {
            let record = R::required_only(&mut Random::new(seed));
            let held = items(&record);
            // Every item the complete record has that this one lacks is an optional one, and
            // the record drawn with every member given holds them all.
            assert!(
                held.iter().all(|item| complete.contains(item)),
                "{}",
                R::NAME
            );
            let drawn = R::draw(&mut Random::new(seed), R::NAME);
            assert!(
                held.iter().all(|item| items(&drawn).contains(item)),
                "{}",
                R::NAME
            );
        }
    }
}

#[test]
fn every_record_builds_with_its_required_items_only() {
    each_record(&mut RequiredOnly);
}

struct Complete;

impl EachRecord for Complete {
    fn record<R: Record>(&mut self) {
        let record = complete::<R>();
        // The spec's examples give every item, optional ones included.
        let all = items(&record);
        for seed in SEEDS {
            let drawn = items(&R::draw(&mut Random::new(seed), R::NAME));
            assert!(drawn.iter().all(|item| all.contains(item)), "{}", R::NAME);
        }
        assert_eq!(record.clone(), record);
    }
}

#[test]
fn every_record_builds_complete_from_the_specs_examples() {
    each_record(&mut Complete);
}

struct EitherOrder;

impl EachRecord for EitherOrder {
    fn record<R: Record>(&mut self) {
        for seed in SEEDS {
            // The values depend on the seed and the member, not on the order of the calls.
            let one = R::in_either_order(&mut Random::new(seed), true);
            let other = R::in_either_order(&mut Random::new(seed), false);
            assert_eq!(one, other, "{}", R::NAME);
            assert_eq!(one, R::draw(&mut Random::new(seed), R::NAME), "{}", R::NAME);
        }
    }
}

/// The builder's type depends on which items are set, not on the order of the calls, so two
/// branches that set the same items in different orders have the same type (or the generated
/// fixture would not compile), and build the same record.
#[test]
fn branches_setting_items_in_different_orders_unify() {
    each_record(&mut EitherOrder);
}

struct OptionalItems;

impl EachRecord for OptionalItems {
    fn record<R: Record>(&mut self) {
        // Optional items are set through `maybe_` setters, given or not as the source says:
        // across the seeds, each is sometimes there and sometimes not.
        let required = items(&R::required_only(&mut Random::new(0)));
        let optional: Vec<String> = items(&complete::<R>())
            .into_iter()
            .filter(|item| !required.contains(item))
            .collect();
        for item in &optional {
            let present = SEEDS
                .map(|seed| items(&R::draw(&mut Random::new(seed), R::NAME)).contains(item))
                .collect::<Vec<bool>>();
            assert!(present.contains(&true), "{}.{item} is never given", R::NAME);
            assert!(
                present.contains(&false),
                "{}.{item} is always given",
                R::NAME
            );
        }
    }
}

#[test]
fn optional_items_may_be_given_or_not_whatever_the_state() {
    each_record(&mut OptionalItems);
}

struct Template;

impl EachRecord for Template {
    fn record<R: Record>(&mut self) {
        let (first, second, set) = R::from_one_template(&mut Random::new(7));
        let (first, second) = (
            serde_json::to_value(&first).unwrap(),
            serde_json::to_value(&second).unwrap(),
        );
        for item in set {
            assert_eq!(first[item], second[item], "{}.{item}", R::NAME);
        }
        assert_eq!(
            set.len(),
            2.min(items(&R::required_only(&mut Random::new(0))).len())
        );
    }
}

/// An enrolment station fills in its own items once and clones the partial builder per person;
/// the partial builder's type is named through the states, whatever the order it was set in.
#[test]
fn a_partial_builder_can_be_named_and_cloned_as_a_template() {
    each_record(&mut Template);
}

struct GenericHelper;

impl EachRecord for GenericHelper {
    fn record<R: Record>(&mut self) {
        for seed in SEEDS {
            let (on_empty, on_full) = R::with_generic_helper(&mut Random::new(seed));
            assert_eq!(on_empty, on_full, "{}", R::NAME);
            assert_eq!(
                on_empty,
                R::draw(&mut Random::new(seed), R::NAME),
                "{}",
                R::NAME
            );
        }
    }
}

/// A function generic over a partly built builder, written from the builder's documented
/// layout, sets an item whatever else is set (the generated fixture would not compile
/// otherwise).
#[test]
fn a_generic_function_sets_an_item_whatever_else_is_set() {
    each_record(&mut GenericHelper);
}
