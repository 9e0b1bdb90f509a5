//! What a record's typestate builder costs at run time: each of the five records built through
//! its builder, against the same values moved into a struct of the same field types with a
//! struct literal (the records are `#[non_exhaustive]`, so outside their crate a literal of the
//! record itself does not compile). The values are made outside the timing and passed through
//! `black_box`; the built value leaves through `black_box` and is dropped outside the timing.
//!
//! `cargo bench -p dactylo-tests --bench builders`

use std::hint::black_box;
use std::time::SystemTime;

use criterion::{BatchSize, Criterion};
use dactylo_records::{
    Address, Authority, Birth, Citizenship, Ethnicity, Expulsion, ExpulsionOrReadmissionRecord,
    Fingerprints, FingerprintsAndPalms, FullName, IdentityDocument, IdentityDocumentRecord, Iin,
    PermanentResidenceRecord, Photo, PriorPermits, Registration, Sex, Signature,
    TemporaryResidenceRecord, Visa, VisaRecord,
};
use dactylo_records::{BirthDate, Date};
use dactylo_tests::date;
use dactylo_tests::*;

#[path = "../../codegen/benches/support/estimates.rs"]
mod estimates;

/// The struct literal's cost must be matched within this ratio.
const MOST_TIMES_LITERAL: f64 = 1.05;

/// Declares `$literal`, a struct of the record's field types, and benchmarks building the record
/// through its builder against building `$literal`, both from the same values. A field written
/// `field / setter` is optional: the literal holds the `Option`, given to the builder's
/// `maybe_` setter.
macro_rules! builder_against_literal {
    ($criterion:expr, $record:ident, $literal:ident {
        $($field:ident $(/ $setter:ident)? : $ty:ty = $value:expr),* $(,)?
    }) => {{
        #[allow(dead_code)]
        struct $literal {
            $($field: $ty),*
        }
        // Each way of building is a function of its own, compiled alike, so that neither gains
        // from being inlined into the benchmark's loop while the other does not.
        #[inline(never)]
        fn with_builder(inputs: ($($ty,)*)) -> $record {
            let ($($field,)*) = inputs;
            let builder = $record::builder();
            $(let builder = set!(builder, $field $(/ $setter)?);)*
            builder.build()
        }
        #[inline(never)]
        fn with_literal(inputs: ($($ty,)*)) -> $literal {
            let ($($field,)*) = inputs;
            $literal { $($field),* }
        }
        let inputs = || ($($value,)*);
        let mut group = $criterion.benchmark_group(stringify!($record));
        group.bench_function(BUILDER, |bencher| {
            bencher.iter_batched(
                inputs,
                |inputs| black_box(with_builder(black_box(inputs))),
                BatchSize::NumIterations(BATCH),
            )
        });
        group.bench_function(LITERAL, |bencher| {
            bencher.iter_batched(
                inputs,
                |inputs| black_box(with_literal(black_box(inputs))),
                BatchSize::NumIterations(BATCH),
            )
        });
        group.finish();
        stringify!($record)
    }};
}

/// `builder.field(field)`, or `builder.setter(field)` when the field names its setter.
macro_rules! set {
    ($builder:ident, $field:ident) => {
        $builder.$field($field)
    };
    ($builder:ident, $field:ident / $setter:ident) => {
        $builder.$setter($field)
    };
}

/// Inputs made for one timing: few enough that they and the records built stay in the CPU's
/// cache, so that the timing is of building, not of fetching the values from memory.
const BATCH: u64 = 32;

const BUILDER: &str = "builder";
const LITERAL: &str = "literal";

fn birth_date() -> BirthDate {
    date(1985, 7, 1).into()
}

fn benches(criterion: &mut Criterion) -> Vec<&'static str> {
    vec![
        builder_against_literal!(criterion, IdentityDocumentRecord, IdentityDocumentLiteral {
            full_name: FullName = holder(),
            birth: Birth = birth(),
            sex: Sex = Sex::Female,
            ethnicity / maybe_ethnicity: Option<Ethnicity> = Some(ethnicity()),
            citizenship: Citizenship = citizenship(),
            photo: Photo = photo(),
            fingerprints: Fingerprints = fingerprints(),
            identity_document: IdentityDocument = identity_document(),
            signature: Signature = signature(),
            iin / maybe_iin: Option<Iin> = Some(iin()),
            registration: Registration = registration(),
            issuing_authority: Authority = authority(),
            registering_officer: FullName = officer(),
        }),
        builder_against_literal!(
            criterion,
            VisaRecord,
            VisaLiteral {
                full_name: FullName = foreign_holder(),
                birth_date: BirthDate = birth_date(),
                sex: Sex = Sex::Female,
                fingerprints: Fingerprints = fingerprints(),
                citizenship: Citizenship = citizenship(),
                photo: Photo = photo(),
                identity_document: IdentityDocument = identity_document(),
                visa: Visa = visa(),
                registration: Registration = registration(),
                issuing_authority: Authority = authority(),
                registering_officer: FullName = officer(),
            }
        ),
        builder_against_literal!(
            criterion,
            TemporaryResidenceRecord,
            TemporaryResidenceLiteral {
                full_name: FullName = foreign_holder(),
                birth_date: BirthDate = birth_date(),
                sex: Sex = Sex::Male,
                fingerprints_and_palms: FingerprintsAndPalms = fingerprints_and_palms(),
                citizenship: Citizenship = citizenship(),
                photo: Photo = photo(),
                residence_abroad: Address = address("UZB", "Tashkent", "Amir Temur 1"),
                temporary_residence: Address = address("KAZ", "Astana", "Mangilik El 55"),
                receiving_party_address: Address = address("KAZ", "Astana", "Kabanbay Batyr 2"),
                identity_document: IdentityDocument = identity_document(),
                registration: Registration = registration(),
                registering_officer: FullName = officer(),
            }
        ),
        builder_against_literal!(
            criterion,
            ExpulsionOrReadmissionRecord,
            ExpulsionOrReadmissionLiteral {
                full_name: FullName = foreign_holder(),
                birth_date: BirthDate = birth_date(),
                sex: Sex = Sex::Male,
                fingerprints_and_palms: FingerprintsAndPalms = fingerprints_and_palms(),
                citizenship: Citizenship = citizenship(),
                photo: Photo = photo(),
                identity_document: IdentityDocument = identity_document(),
                registration: Registration = registration(),
                registering_officer: FullName = officer(),
                expulsion: Expulsion = expulsion(),
                entry_banned_until: Date = date(2030, 2, 1),
            }
        ),
        builder_against_literal!(
            criterion,
            PermanentResidenceRecord,
            PermanentResidenceLiteral {
                full_name: FullName = foreign_holder(),
                birth_date: BirthDate = birth_date(),
                sex: Sex = Sex::Female,
                fingerprints_and_palms: FingerprintsAndPalms = fingerprints_and_palms(),
                citizenship: Citizenship = citizenship(),
                photo: Photo = photo(),
                identity_document: IdentityDocument = identity_document(),
                registration: Registration = registration(),
                registering_officer: FullName = officer(),
                prior_permits: PriorPermits = prior_permits(),
                intended_permanent_address: Address = address("KAZ", "Almaty", "Abay 10"),
                reviewing_authority: Authority = authority(),
            }
        ),
    ]
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
