//! What a record's typestate builder costs at run time: each record of the spec built through
//! its builder, against the same values moved into a struct of the same field types with a
//! struct literal (the records are `#[non_exhaustive]`, so outside their crate a literal of the
//! record itself does not compile). The values are made outside the timing and passed through
//! `black_box`; the built value leaves through `black_box` and is dropped outside the timing.
//!
//! `cargo bench -p dactylo-tests --bench builders`

use std::hint::black_box;
use std::time::SystemTime;

use criterion::{BatchSize, Criterion};
use dactylo_tests::fixtures::{EachRecord, Parts, Record, each_record};

#[path = "../../codegen/benches/support/estimates.rs"]
mod estimates;

/// The struct literal's cost must be matched within this ratio.
const MOST_TIMES_LITERAL: f64 = 1.05;

/// Inputs made for one timing: few enough that they and the records built stay in the CPU's
/// cache, so that the timing is of building, not of fetching the values from memory.
const BATCH: u64 = 32;

const BUILDER: &str = "builder";
const LITERAL: &str = "literal";

/// Benchmarks each record's builder against a struct literal of the same fields, both from
/// the same values: the record's items from the spec's examples (`Parts`, generated with the
/// fixtures, whose `build` and `literal` are each `#[inline(never)]`, so that neither gains
/// from being inlined into the benchmark's loop while the other does not).
struct Benches<'a> {
    criterion: &'a mut Criterion,
    records: Vec<&'static str>,
}

impl EachRecord for Benches<'_> {
    fn record<R: Record>(&mut self) {
        let inputs = || R::Parts::of(dactylo_tests::complete::<R>());
        let mut group = self.criterion.benchmark_group(R::NAME);
        group.bench_function(BUILDER, |bencher| {
            bencher.iter_batched(
                inputs,
                |inputs| black_box(black_box(inputs).build()),
                BatchSize::NumIterations(BATCH),
            )
        });
        group.bench_function(LITERAL, |bencher| {
            bencher.iter_batched(
                inputs,
                |inputs| black_box(black_box(inputs).literal()),
                BatchSize::NumIterations(BATCH),
            )
        });
        group.finish();
        self.records.push(R::NAME);
    }
}

fn benches(criterion: &mut Criterion) -> Vec<&'static str> {
    let mut benches = Benches {
        criterion,
        records: Vec::new(),
    };
    each_record(&mut benches);
    benches.records
}

fn print_ratios(records: &[&str], since: SystemTime) {
    println!("\nBuilder against struct literal, medians of this run:\n");
    println!(
        "{:<30} {:>10} {:>10} {:>8}",
        "record", BUILDER, LITERAL, "ratio"
    );
    for record in records {
        let median = |function| estimates::median_seconds(&format!("{record}/{function}"), since);
        let (Some(builder), Some(literal)) = (median(BUILDER), median(LITERAL)) else {
            continue;
        };
        let ratio = builder / literal;
        let verdict = if ratio <= MOST_TIMES_LITERAL {
            ""
        } else {
            "  above the target"
        };
        println!(
            "{record:<30} {:>7.1} ns {:>7.1} ns {ratio:>7.3}×{verdict}",
            builder * 1e9,
            literal * 1e9
        );
    }
    println!("\nTarget: at most {MOST_TIMES_LITERAL}× the struct literal.");
}

fn main() {
    let started = SystemTime::now();
    let mut criterion = Criterion::default().configure_from_args();
    let records = benches(&mut criterion);
    criterion.final_summary();
    print_ratios(&records, started);
}
