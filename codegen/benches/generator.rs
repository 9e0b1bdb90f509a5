//! How long the generator takes to load, check, emit and format a spec: the real spec in
//! process (`Spec::parse` and the crate's sources) and as a whole regeneration by the command
//! line, then synthetic specs growing in records and in fields per record. It ends with a table
//! of time and generated code per field against size, so that the growth shows: neither may grow
//! with the record's width. A last group reads (`Spec::parse`) texts growing tenfold, and a text
//! nested far too deep, to show that reading is linear in the text's size. The last two grow a
//! spec's problems (each with a suggestion, all rendered as the command shows them) and a URL of
//! its text (escaped for the docs), fourfold each, and print the time per problem and per KB:
//! linear stages keep it flat.
//!
//! `cargo bench -p dactylo-codegen --bench generator`

use std::fmt::Write;
use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

use criterion::{BenchmarkId, Criterion, Throughput};
use dactylo_codegen::Spec;

#[path = "support/estimates.rs"]
mod estimates;
#[path = "support/synthetic.rs"]
mod synthetic;

const REAL_SPEC: &str = include_str!("../../spec/resolution-939.yaml");

/// Records × fields: growing in records, then in fields.
const SHAPES: [(usize, usize); 6] = [
    (10, 12),
    (100, 12),
    (1000, 12),
    (10, 10),
    (10, 50),
    (10, 100),
];

const REAL: &str = "real spec";
const IN_PROCESS: &str = "in process";
const WHOLE_PROCESS: &str = "whole process";
const SYNTHETIC: &str = "synthetic";
const READ: &str = "read";
const ERRORS: &str = "errors";
const URL: &str = "url";

/// The value type of the synthetic specs: a text type of dactylo-records.
const VALUE: &str = "Authority";

/// Records of 12 fields: texts of about 40 KB, 400 KB and 4 MB.
const READ_RECORDS: [usize; 3] = [10, 100, 1000];

/// Problems in a spec: as many fields (of records of 10), each naming a type of its own that
/// misspells one of as many composites, so that each problem searches every type for the name it
/// misspells.
const PROBLEMS: [usize; 3] = [250, 1000, 4000];

/// Closing parentheses after a URL in an item's text: rustdoc's autolink ends before each.
const PARENTHESES: [usize; 3] = [8_000, 32_000, 128_000];

/// A spec of `problems` fields, each naming `Compisite{n}`, and `problems` composites
/// `Composite{n}`.
fn misspelt(problems: usize) -> String {
    let fields = synthetic::spec_of(VALUE, problems / 10, 10);
    let mut spec = String::with_capacity(fields.len() * 2);
    for (index, piece) in fields.split(&format!("type: {VALUE},")).enumerate() {
        if index > 0 {
            let _ = write!(spec, "type: Compisite{},", index - 1);
        }
        spec.push_str(piece);
    }
    spec.push_str("composites:\n");
    for index in 0..problems {
        let _ = write!(
            spec,
            "  Composite{index}:\n    kk: а\n    en: a\n    parts:\n      - {{ ident: part, type: {VALUE}, kk: а, en: a }}\n"
        );
    }
    spec
}

/// A spec whose first item's English text holds a URL and then `parentheses` of `)`.
fn long_url(parentheses: usize) -> String {
    synthetic::spec_of(VALUE, 1, 1).replacen(
        "en: datum",
        &format!(
            "en: \"datum at https://x.kz/(a){}\"",
            ")".repeat(parentheses)
        ),
        1,
    )
}

/// The report of `text`'s problems, as the command prints it.
fn report(text: &str) -> usize {
    let error = Spec::parse(text, "spec.yaml").expect_err("the spec has problems");
    error.render(false).len()
}

/// A text nested 100,000 levels deep, as the loader refuses it.
fn deeply_nested() -> String {
    format!("records: {}{}", "[".repeat(100_000), "]".repeat(100_000))
}

/// Reads and checks `text`, valid or not.
fn read(text: &str) -> bool {
    Spec::parse(text, "spec.yaml").is_ok()
}

/// The generated crate's files: its modules, README and schemas. (The compile-fail cases, one
/// program a required field that sets every other field, grow with the square of a record's
/// width by their nature; the whole-process figure includes them for the real spec.)
fn generate(text: &str) -> usize {
    let spec = Spec::parse(text, "spec.yaml").expect("a valid spec");
    let sources = spec.crate_sources().expect("generation succeeds");
    sources.files().len()
}

/// Bytes of generated Rust a field: the record modules, docs included, without the README and
/// the schemas.
fn rust_bytes_per_field(records: usize, fields: usize) -> usize {
    let spec = Spec::parse(&synthetic::spec_of(VALUE, records, fields), "spec.yaml")
        .expect("a valid spec");
    let rust: usize = spec
        .crate_sources()
        .expect("generation succeeds")
        .files()
        .iter()
        .filter(|file| {
            file.path
                .extension()
                .is_some_and(|extension| extension == "rs")
        })
        .map(|file| file.contents.len())
        .sum();
    rust / (records * fields)
}

/// `dactylo-codegen` as a user runs it, from process start to exit: the real spec into a
/// directory of its own, whose files are up to date after the first run (as after any
/// regeneration that changes nothing), with the compile-fail cases.
fn regenerate(workspace: &Path, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_dactylo-codegen"))
        .arg("--spec")
        .arg(workspace.join("spec/resolution-939.yaml"))
        .arg("--out")
        .arg(out.join("generated"))
        .arg("--cases")
        .arg(out.join("compile-fail"))
        .output()
        .expect("dactylo-codegen runs")
        .status;
    assert!(status.success(), "dactylo-codegen failed: {status}");
}

fn benches(criterion: &mut Criterion) {
    let mut real = criterion.benchmark_group(REAL);
    real.bench_function(IN_PROCESS, |bencher| {
        bencher.iter(|| generate(black_box(REAL_SPEC)))
    });
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("regenerated");
    real.bench_function(WHOLE_PROCESS, |bencher| {
        bencher.iter(|| regenerate(&workspace, &out))
    });
    real.finish();

    let mut synthetic = criterion.benchmark_group(SYNTHETIC);
    synthetic.sample_size(10);
    for (records, fields) in SHAPES {
        let text = synthetic::spec_of(VALUE, records, fields);
        synthetic.throughput(Throughput::Elements((records * fields) as u64));
        synthetic.bench_with_input(
            BenchmarkId::from_parameter(shape(records, fields)),
            &text,
            |bencher, text| bencher.iter(|| generate(black_box(text))),
        );
    }
    synthetic.finish();

    let mut reading = criterion.benchmark_group(READ);
    reading.sample_size(10);
    for records in READ_RECORDS {
        let text = synthetic::spec_of(VALUE, records, 12);
        reading.throughput(Throughput::Bytes(text.len() as u64));
        reading.bench_with_input(
            BenchmarkId::from_parameter(format!("{records}x12")),
            &text,
            |bencher, text| bencher.iter(|| read(black_box(text))),
        );
    }
    let deep = deeply_nested();
    reading.throughput(Throughput::Bytes(deep.len() as u64));
    reading.bench_function("nested 100000 deep", |bencher| {
        bencher.iter(|| read(black_box(&deep)))
    });
    reading.finish();

    let mut errors = criterion.benchmark_group(ERRORS);
    errors.sample_size(10);
    for problems in PROBLEMS {
        let text = misspelt(problems);
        errors.throughput(Throughput::Elements(problems as u64));
        errors.bench_with_input(
            BenchmarkId::from_parameter(problems),
            &text,
            |bencher, text| bencher.iter(|| report(black_box(text))),
        );
    }
    errors.finish();

    let mut url = criterion.benchmark_group(URL);
    url.sample_size(10);
    for parentheses in PARENTHESES {
        let text = long_url(parentheses);
        url.throughput(Throughput::Bytes(text.len() as u64));
        url.bench_with_input(
            BenchmarkId::from_parameter(parentheses),
            &text,
            |bencher, text| bencher.iter(|| generate(black_box(text))),
        );
    }
    url.finish();
}

fn shape(records: usize, fields: usize) -> String {
    format!("{records}x{fields}")
}

fn print_summary(since: SystemTime) {
    println!("\nMedians of this run:\n");
    for function in [IN_PROCESS, WHOLE_PROCESS] {
        if let Some(seconds) = estimates::median_seconds(&format!("{REAL}/{function}"), since) {
            println!("  real spec, {function:<13} {:>8.2} ms", seconds * 1e3);
        }
    }
    println!(
        "\n  {:>7} × {:<6} {:>10} {:>14} {:>16}",
        "records", "fields", "median", "per field", "Rust per field"
    );
    for (records, fields) in SHAPES {
        let benchmark = format!("{SYNTHETIC}/{}", shape(records, fields));
        let Some(seconds) = estimates::median_seconds(&benchmark, since) else {
            continue;
        };
        let per_field = seconds / (records * fields) as f64;
        println!(
            "  {records:>7} × {fields:<6} {:>8.1} ms {:>11.1} µs {:>10} bytes",
            seconds * 1e3,
            per_field * 1e6,
            rust_bytes_per_field(records, fields)
        );
    }
    println!(
        "\n  {:>22} {:>10} {:>10} {:>14}",
        "read", "bytes", "median", "per KB"
    );
    let mut texts: Vec<(String, usize)> = READ_RECORDS
        .iter()
        .map(|&records| {
            let length = synthetic::spec_of(VALUE, records, 12).len();
            (format!("{records}x12"), length)
        })
        .collect();
    texts.push(("nested 100000 deep".to_owned(), deeply_nested().len()));
    for (name, length) in texts {
        let Some(seconds) = estimates::median_seconds(&format!("{READ}/{name}"), since) else {
            continue;
        };
        println!(
            "  {name:>22} {length:>10} {:>7.2} ms {:>11.2} µs",
            seconds * 1e3,
            seconds * 1e6 / (length as f64 / 1024.0)
        );
    }
    print_growth(ERRORS, "problems", "per problem", &PROBLEMS, since);
    print_growth(URL, "`)` after a URL", "per `)`", &PARENTHESES, since);
    println!("\nTargets: the real spec under 20 ms as a whole process; 1000 × 12 under 2 s;");
    println!("reading takes about as long per KB at every size; so do the problems, each, and");
    println!("the parentheses after a URL (a ratio near 1 from the smallest size to the largest).");
}

/// The median of each size of `group`, its time per unit, and the ratio of the largest size's
/// time per unit to the smallest's: near 1 when the stage is linear, near 16 if it were
/// quadratic over these sizes.
fn print_growth(group: &str, unit: &str, per: &str, sizes: &[usize], since: SystemTime) {
    println!("\n  {group:>8} {unit:>18} {:>10} {:>14}", "median", per);
    let mut per_unit = Vec::new();
    for &size in sizes {
        let Some(seconds) = estimates::median_seconds(&format!("{group}/{size}"), since) else {
            continue;
        };
        per_unit.push(seconds / size as f64);
        println!(
            "  {:>8} {size:>18} {:>7.2} ms {:>11.2} µs",
            "",
            seconds * 1e3,
            seconds * 1e6 / size as f64
        );
    }
    if let (Some(first), Some(last)) = (per_unit.first(), per_unit.last()) {
        println!(
            "  {:>8} {:>18} {:>10.2}",
            "",
            "largest ÷ smallest",
            last / first
        );
    }
}

fn main() {
    let started = SystemTime::now();
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();
    print_summary(started);
}
