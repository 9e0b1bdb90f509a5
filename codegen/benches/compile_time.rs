//! What a library crate of records costs to compile with dactylo's generated builders, against
//! the same records as plain structs, as a fixed-order "staged" builder (the floor of a builder
//! with a setter per field), and with bon's and typed-builder's derives, at the shapes bon
//! publishes (10 records × 50 fields, 100 records × 10 fields), each alone and with a module
//! that builds every record to completion.
//!
//! `cargo bench -p dactylo-codegen --bench compile_time [-- --samples N]`
//!
//! It writes a workspace of one crate per variant under cargo's bench scratch directory and
//! builds it once, dependencies included (as bon's harness does). Then, for the record crate
//! alone, it measures the instructions rustc executes (cachegrind, deterministic on a loaded
//! machine; one run per variant) where valgrind is installed (`apt install valgrind` on Debian
//! or Ubuntu, `dnf install valgrind` on Fedora), and the CPU time rustc takes (user + sys,
//! median of interleaved rounds) everywhere, and prints both with their ratios. Incremental
//! compilation is off, as it is for a dependency. The benchmark's binary is cargo's
//! `RUSTC_WRAPPER` meanwhile (`support/measure.rs`).

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::Parser;

#[path = "support/measure.rs"]
mod measure;
#[path = "support/synthetic.rs"]
mod synthetic;
#[path = "support/variants.rs"]
mod variants;

use measure::Cost;
use variants::{Builders, Variant};

/// Records × fields, as bon's benchmarks have them.
const SHAPES: [(usize, usize); 2] = [(10, 50), (100, 10)];

/// The most dactylo's builders may cost, as a multiple of the staged floor.
const MOST_TIMES_FLOOR: f64 = 1.3;

/// How many times fewer instructions than bon's dactylo's must take, by shape.
fn least_times_fewer_than_bon(records: usize) -> f64 {
    if records <= 10 { 3.0 } else { 2.0 }
}

#[derive(Parser)]
struct Options {
    /// Rounds of clean builds measuring CPU time; their median is reported.
    #[arg(long, default_value_t = 5)]
    samples: usize,
    /// Skip counting instructions, even where valgrind is installed.
    #[arg(long)]
    no_instructions: bool,
    /// Write the workspace and build it, then stop: to profile one variant by hand, say with
    /// `RUSTC_BOOTSTRAP=1 cargo rustc -p dactylo_100x10 -- -Z time-passes` in it.
    #[arg(long)]
    prepare_only: bool,
    /// Passed by `cargo bench`.
    #[arg(long, hide = true)]
    bench: bool,
}

fn main() -> ExitCode {
    if let Some(code) = measure::as_wrapper() {
        return code;
    }
    let options = Options::parse();
    let instructions = !options.no_instructions && measure::valgrind_installed();
    if !instructions && !options.no_instructions {
        eprintln!(
            "valgrind is not installed: reporting CPU time only (install it to count instructions)"
        );
    }
    match run(options.samples.max(1), instructions, options.prepare_only) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("compile-time benchmark: {error}");
            ExitCode::FAILURE
        }
    }
}

/// What one variant cost: CPU seconds per round, and instructions where counted.
#[derive(Default, Clone)]
struct Costs {
    seconds: Vec<f64>,
    instructions: Option<u64>,
}

fn run(samples: usize, instructions: bool, prepare_only: bool) -> Result<(), String> {
    let variants: Vec<Variant> = SHAPES
        .into_iter()
        .flat_map(|(records, fields)| {
            [false, true].into_iter().flat_map(move |calls| {
                Builders::ALL.map(|builders| Variant {
                    records,
                    fields,
                    builders,
                    calls,
                })
            })
        })
        .collect();
    let workspace = Workspace::create(&variants)?;
    eprintln!("building every variant once, dependencies included...");
    workspace.build_all()?;
    if prepare_only {
        eprintln!("the workspace is ready: {}", workspace.root.display());
        return Ok(());
    }
    let mut costs: Vec<Costs> = vec![Costs::default(); variants.len()];
    for sample in 0..samples {
        eprintln!("CPU time, round {} of {samples}", sample + 1);
        // Starting each round at another variant spreads the machine's drift over all of them.
        for offset in 0..variants.len() {
            let index = (sample + offset) % variants.len();
            if let Cost::Seconds(seconds) =
                workspace.measure(&variants[index].crate_name(), false)?
            {
                costs[index].seconds.push(seconds);
            }
        }
    }
    if instructions {
        for (index, variant) in variants.iter().enumerate() {
            eprintln!(
                "instructions, {} ({} of {})",
                variant.crate_name(),
                index + 1,
                variants.len()
            );
            if let Cost::Instructions(count) = workspace.measure(&variant.crate_name(), true)? {
                costs[index].instructions = Some(count);
            }
        }
    }
    print_report(&variants, &costs, samples);
    Ok(())
}

/// The benchmark's own cargo workspace, under cargo's scratch directory for benchmarks.
struct Workspace {
    root: PathBuf,
}

impl Workspace {
    fn create(variants: &[Variant]) -> Result<Workspace, String> {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compile-time");
        let members: Vec<String> = variants
            .iter()
            .map(|variant| format!("\"{}\"", variant.crate_name()))
            .collect();
        write(
            &root.join("Cargo.toml"),
            &format!(
                "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
                members.join(", ")
            ),
        )?;
        for variant in variants {
            let dir = root.join(variant.crate_name());
            write(&dir.join("Cargo.toml"), &variant.manifest())?;
            let sources = variant
                .sources()
                .map_err(|error| format!("generating {}: {error}", variant.crate_name()))?;
            for (path, contents) in sources {
                write(&dir.join(path), &contents)?;
            }
        }
        Ok(Workspace { root })
    }

    fn scratch(&self) -> PathBuf {
        self.root.join("measured.txt")
    }

    /// Builds every crate once, through the wrapper that measures nothing.
    fn build_all(&self) -> Result<(), String> {
        let env = measure::passthrough_env(&self.scratch());
        self.cargo(&["build", "--workspace", "--quiet"], &env)
    }

    /// What compiling `name` alone costs, after its artifacts are removed.
    fn measure(&self, name: &str, valgrind: bool) -> Result<Cost, String> {
        let out = self.scratch();
        let _ = fs::remove_file(&out);
        self.cargo(&["clean", "--offline", "--quiet", "-p", name], &[])?;
        let env = measure::wrapper_env(name, &out, valgrind);
        self.cargo(&["build", "--offline", "--quiet", "-p", name], &env)?;
        measure::read(&out).ok_or_else(|| format!("nothing was measured for {name}"))
    }

    fn cargo(&self, args: &[&str], env: &[(&str, String)]) -> Result<(), String> {
        let cargo = env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
        let output = Command::new(cargo)
            .args(args)
            .arg("--target-dir")
            .arg(self.root.join("target"))
            .current_dir(&self.root)
            .env("CARGO_INCREMENTAL", "0")
            .envs(env.iter().map(|(key, value)| (key, value)))
            .output()
            .map_err(|error| format!("cannot run cargo: {error}"))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(format!(
                "`cargo {}` in {} failed:\n{}",
                args.join(" "),
                self.root.display(),
                String::from_utf8_lossy(&output.stderr)
            ))
        }
    }
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|error| format!("{}: {error}", dir.display()))?;
    }
    // An unchanged file keeps its timestamp, so the first build reuses what it can.
    if fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    fs::write(path, contents).map_err(|error| format!("{}: {error}", path.display()))
}

fn median(values: &[f64]) -> f64 {
    let mut values = values.to_vec();
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    match values.len() {
        0 => f64::NAN,
        len if len % 2 == 0 => (values[middle - 1] + values[middle]) / 2.0,
        _ => values[middle],
    }
}

fn print_report(variants: &[Variant], costs: &[Costs], samples: usize) {
    println!(
        "\nThe record crate's rustc alone, dev profile, incremental off: CPU time (user + sys), \
         median of {samples}, and instructions (cachegrind, one run):\n"
    );
    println!(
        "{:<22} {:<15} {:>9} {:>8} {:>8} {:>14} {:>8} {:>8}",
        "records × fields",
        "builders",
        "CPU",
        "× plain",
        "× floor",
        "instructions",
        "× plain",
        "× floor"
    );
    let find = |like: &Variant, builders: Builders| {
        variants
            .iter()
            .position(|variant| Variant { builders, ..*like } == *variant)
    };
    let seconds = |index: usize| median(&costs[index].seconds);
    let count = |index: usize| {
        costs[index]
            .instructions
            .map_or(f64::NAN, |count| count as f64)
    };
    let mut verdicts = Vec::new();
    for (index, variant) in variants.iter().enumerate() {
        let shape = format!(
            "{} × {}{}",
            variant.records,
            variant.fields,
            if variant.calls { ", all built" } else { "" }
        );
        let plain = find(variant, Builders::Plain).unwrap_or(index);
        let floor = find(variant, Builders::Staged).unwrap_or(index);
        println!(
            "{shape:<22} {:<15} {:>7.2} s {:>7.2}× {:>7.2}× {:>12.3} G {:>7.2}× {:>7.2}×",
            variant.builders.label(),
            seconds(index),
            seconds(index) / seconds(plain),
            seconds(index) / seconds(floor),
            count(index) / 1e9,
            count(index) / count(plain),
            count(index) / count(floor),
        );
        if variant.builders == Builders::Dactylo {
            // Instructions where they were counted, CPU time where they were not.
            let (cost, unit): (&dyn Fn(usize) -> f64, &str) = if costs[index].instructions.is_some()
            {
                (&count, "instructions")
            } else {
                (&seconds, "CPU time")
            };
            verdicts.push(verdict(
                &format!("{shape}: dactylo ÷ floor ({unit})"),
                cost(index) / cost(floor),
                |ratio| ratio <= MOST_TIMES_FLOOR,
                &format!("at most {MOST_TIMES_FLOOR}"),
            ));
            if let Some(bon) = find(variant, Builders::Bon) {
                let least = least_times_fewer_than_bon(variant.records);
                verdicts.push(verdict(
                    &format!("{shape}: bon ÷ dactylo ({unit})"),
                    cost(bon) / cost(index),
                    |ratio| ratio >= least,
                    &format!("at least {least}"),
                ));
            }
        }
    }
    println!("\nTargets:");
    for line in verdicts {
        println!("  {line}");
    }
}

fn verdict(what: &str, ratio: f64, met: impl Fn(f64) -> bool, target: &str) -> String {
    let outcome = if met(ratio) { "met" } else { "MISSED" };
    format!("{what} = {ratio:.2} (target {target}): {outcome}")
}
