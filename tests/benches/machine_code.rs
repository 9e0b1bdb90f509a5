//! What a record's builder compiles to, against a struct literal of the same fields: each
//! record's `Parts::build` (every item through the builder) and `Parts::literal` (the same
//! values moved into a struct literal), both `#[inline(never)]`, optimized as a downstream
//! release build optimizes them. Deterministic where a timing is not:
//!
//! - the machine code, read back from this binary with `objdump`: the builder's may have no
//!   conditional branch and no call that the literal's does not have, which shows that nothing is
//!   checked at run time and nothing can panic;
//! - the instructions each executes, memcpy included, counted by valgrind's callgrind: the
//!   builder may execute at most 5% more than the literal.
//!
//! `cargo bench -p dactylo-tests --bench machine_code` (needs `objdump`, from GNU binutils, and
//! for the count valgrind: `apt-get install valgrind`; without valgrind the count is skipped and
//! said so).

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;
use std::process::{Command, ExitCode};

use dactylo_tests::fixtures::{EachRecord, Parts, Record, each_record};

/// The most instructions the builder may execute, as a multiple of the literal's.
const MOST_TIMES_LITERAL: f64 = 1.05;

/// Set in the environment of the run that callgrind counts: it calls the functions and exits.
const COUNTED_RUN: &str = "DACTYLO_MACHINE_CODE_COUNTED_RUN";

/// Calls each record's two functions once, so that both are in the binary, and so that a
/// counted run executes each once.
struct Use;

impl EachRecord for Use {
    fn record<R: Record>(&mut self) {
        let parts = R::Parts::of(dactylo_tests::complete::<R>());
        drop(black_box(black_box(parts.clone()).build()));
        drop(black_box(black_box(parts).literal()));
    }
}

/// The two functions of one record, by `build` or `literal`.
type ByMethod<T> = BTreeMap<String, T>;

/// What the machine code of a function does, as objdump prints it.
#[derive(Default, Debug, PartialEq)]
struct Code {
    instructions: usize,
    conditional_branches: usize,
    calls: usize,
}

/// The record and the method (`build` or `literal`) of a line naming a function of
/// `parts::<Record> as Parts`, in objdump's or callgrind's words.
fn function_of(line: &str) -> Option<(String, String)> {
    let (_, rest) = line.split_once("fixtures::parts::")?;
    let (record, rest) = rest.split_once(" as ")?;
    let (_, method) = rest.split_once("Parts>::")?;
    let method: String = method
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    matches!(method.as_str(), "build" | "literal").then(|| (record.to_owned(), method))
}

fn machine_code(disassembly: &str) -> BTreeMap<String, ByMethod<Code>> {
    let mut found: BTreeMap<String, ByMethod<Code>> = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    for line in disassembly.lines() {
        if line.ends_with(">:") {
            current = function_of(line);
            continue;
        }
        let Some((record, method)) = &current else {
            continue;
        };
        // An instruction line is `address:<tab>mnemonic operands`.
        let Some(mnemonic) = line
            .split('\t')
            .nth(1)
            .and_then(|text| text.split_whitespace().next())
        else {
            continue;
        };
        let code = found
            .entry(record.clone())
            .or_default()
            .entry(method.clone())
            .or_default();
        code.instructions += 1;
        code.conditional_branches += usize::from(mnemonic.starts_with('j') && mnemonic != "jmp");
        code.calls += usize::from(mnemonic.starts_with("call"));
    }
    found
}

/// The instructions each function executed, its callees included, from callgrind's
/// inclusive report.
fn executed(binary: &Path) -> Result<BTreeMap<String, ByMethod<u64>>, String> {
    let out = std::env::temp_dir().join(format!("dactylo-machine-code-{}.out", std::process::id()));
    let run = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(binary)
        .env(COUNTED_RUN, "1")
        .output()
        .map_err(|_| "valgrind is not installed (apt-get install valgrind)".to_owned())?;
    if !run.status.success() {
        return Err(format!(
            "valgrind failed: {}",
            String::from_utf8_lossy(&run.stderr)
        ));
    }
    let report = Command::new("callgrind_annotate")
        .args(["--inclusive=yes", "--threshold=100"])
        .arg(&out)
        .output()
        .map_err(|error| format!("callgrind_annotate: {error}"))?;
    let _ = std::fs::remove_file(&out);
    let mut found: BTreeMap<String, ByMethod<u64>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&report.stdout).lines() {
        let Some((record, method)) = function_of(line) else {
            continue;
        };
        let count: String = line
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .replace(',', "");
        if let Ok(count) = count.parse() {
            found.entry(record).or_default().insert(method, count);
        }
    }
    Ok(found)
}

fn main() -> ExitCode {
    each_record(&mut Use);
    if std::env::var_os(COUNTED_RUN).is_some() {
        return ExitCode::SUCCESS;
    }
    let binary = std::env::current_exe().expect("this binary's path");
    let disassembly = match Command::new("objdump")
        .args(["-d", "-C", "--no-show-raw-insn"])
        .arg(&binary)
        .output()
    {
        Ok(output) if output.status.success() => output,
        _ => {
            eprintln!(
                "objdump could not disassemble {}: install GNU binutils",
                binary.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let code = machine_code(&String::from_utf8_lossy(&disassembly.stdout));
    if code.is_empty() {
        eprintln!("no builder function found in {}", binary.display());
        return ExitCode::FAILURE;
    }
    let executed = executed(&binary);
    let mut met = true;
    println!("\nEach record built through its builder and as a struct literal, optimized:\n");
    println!(
        "{:<30} {:>23} {:>23} {:>25}",
        "", "instructions (static)", "branches, calls", "instructions executed"
    );
    println!(
        "{:<30} {:>7} {:>7} {:>7} {:>11} {:>11} {:>8} {:>8} {:>7}",
        "record",
        "literal",
        "builder",
        "ratio",
        "literal",
        "builder",
        "literal",
        "builder",
        "ratio"
    );
    for (record, methods) in &code {
        let (Some(literal), Some(builder)) = (methods.get("literal"), methods.get("build")) else {
            eprintln!("{record}: a function was merged away or not found");
            met = false;
            continue;
        };
        let straight = builder.conditional_branches <= literal.conditional_branches
            && builder.calls <= literal.calls;
        let counts = executed
            .as_ref()
            .ok()
            .and_then(|counts| counts.get(record))
            .and_then(|counts| Some((*counts.get("literal")?, *counts.get("build")?)));
        let (counted, ratio) = match counts {
            Some((literal, builder)) => {
                let ratio = builder as f64 / literal as f64;
                (format!("{literal:>8} {builder:>8}"), Some(ratio))
            }
            None => (format!("{:>8} {:>8}", "–", "–"), None),
        };
        let ok = straight && ratio.is_none_or(|ratio| ratio <= MOST_TIMES_LITERAL);
        met &= ok;
        println!(
            "{record:<30} {:>7} {:>7} {:>6.2}× {:>5}, {:<5} {:>5}, {:<5} {counted} {}{}",
            literal.instructions,
            builder.instructions,
            builder.instructions as f64 / literal.instructions as f64,
            literal.conditional_branches,
            literal.calls,
            builder.conditional_branches,
            builder.calls,
            ratio.map_or("–".to_owned(), |ratio| format!("{ratio:.3}×")),
            if ok { "" } else { "  MISSED" }
        );
    }
    println!(
        "\nTargets: the builder has no conditional branch and no call the literal has not, and \
         executes at most {MOST_TIMES_LITERAL}× the literal's instructions."
    );
    if let Err(why) = &executed {
        println!("Instructions executed not counted: {why}.");
    }
    if met {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
