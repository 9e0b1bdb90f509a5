//! How long a clean build of a library crate of records takes with dactylo's generated builders,
//! against the same records as plain structs and with bon's and typed-builder's derives, at the
//! shapes bon publishes (10 records × 50 fields, 100 records × 10 fields), each alone and with a
//! module that builds every record to completion.
//!
//! `cargo bench -p dactylo-codegen --bench compile_time [-- --samples N]`
//!
//! It writes a workspace of one crate a variant under cargo's bench scratch directory, builds it
//! once (so the proc-macro crates and their dependencies are built before any timing, as bon's
//! harness does), then times `cargo build -p <crate>` after `cargo clean -p <crate>`, round-robin
//! over the variants, and prints medians and their ratios. Incremental compilation is off, as it is
//! for a dependency.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use clap::Parser;

#[path = "support/synthetic.rs"]
mod synthetic;
#[path = "support/variants.rs"]
mod variants;

use variants::{Builders, Variant};

/// Records × fields, as bon's benchmarks have them.
const SHAPES: [(usize, usize); 2] = [(10, 50), (100, 10)];

/// The most a variant of ours may take, as a multiple of the plain one.
const MOST_TIMES_PLAIN: f64 = 3.0;

/// How many times faster than each peer's ours must be.
const LEAST_TIMES_FASTER: f64 = 3.0;

#[derive(Parser)]
struct Options {
    /// Clean builds of each crate; their median is reported.
    #[arg(long, default_value_t = 5)]
    samples: usize,
    /// Passed by `cargo bench`.
    #[arg(long, hide = true)]
    bench: bool,
}

fn main() -> ExitCode {
    let options = Options::parse();
    match run(options.samples.max(1)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("compile-time benchmark: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(samples: usize) -> Result<(), String> {
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
    workspace.cargo(&["build", "--workspace", "--quiet"])?;
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); variants.len()];
    for sample in 0..samples {
        eprintln!("sample {} of {samples}", sample + 1);
        // Starting each round at another variant spreads the machine's drift over all of them.
        for offset in 0..variants.len() {
            let index = (sample + offset) % variants.len();
            times[index].push(workspace.clean_build(&variants[index].crate_name())?);
        }
    }
    let medians: Vec<Duration> = times.iter_mut().map(|times| median(times)).collect();
    print_report(&variants, &times, &medians, samples);
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

    /// The time `cargo build` takes for `name` after its artifacts are removed.
    fn clean_build(&self, name: &str) -> Result<Duration, String> {
        self.cargo(&["clean", "--offline", "--quiet", "-p", name])?;
        let start = Instant::now();
        self.cargo(&["build", "--offline", "--quiet", "-p", name])?;
        Ok(start.elapsed())
    }

    fn cargo(&self, args: &[&str]) -> Result<(), String> {
        let cargo = env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
        let output = Command::new(cargo)
            .args(args)
            .arg("--target-dir")
            .arg(self.root.join("target"))
            .current_dir(&self.root)
            .env("CARGO_INCREMENTAL", "0")
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

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    let middle = times.len() / 2;
    if times.len().is_multiple_of(2) {
        (times[middle - 1] + times[middle]) / 2
    } else {
        times[middle]
    }
}

fn print_report(
    variants: &[Variant],
    times: &[Vec<Duration>],
    medians: &[Duration],
    samples: usize,
) {
    println!(
        "\nClean build of a library crate (dev profile, incremental off), median of {samples}:\n"
    );
    println!(
        "{:<22} {:<15} {:>9} {:>13} {:>8}",
        "records × fields", "builders", "median", "range", "× plain"
    );
    let find = |like: &Variant, builders: Builders| {
        variants
            .iter()
            .position(|variant| Variant { builders, ..*like } == *variant)
            .map(|index| medians[index].as_secs_f64())
    };
    let mut verdicts = Vec::new();
    for (index, variant) in variants.iter().enumerate() {
        let shape = format!(
            "{} × {}{}",
            variant.records,
            variant.fields,
            if variant.calls { ", all built" } else { "" }
        );
        let plain = find(variant, Builders::Plain).unwrap_or(f64::NAN);
        let median = medians[index].as_secs_f64();
        let range = format!(
            "{:.2}–{:.2} s",
            times[index][0].as_secs_f64(),
            times[index][times[index].len() - 1].as_secs_f64()
        );
        println!(
            "{shape:<22} {:<15} {median:>7.2} s {range:>13} {:>7.2}×",
            variant.builders.label(),
            median / plain,
        );
        if variant.builders == Builders::Dactylo {
            verdicts.push(verdict(
                &format!("{shape}: dactylo ÷ plain"),
                median / plain,
                |ratio| ratio <= MOST_TIMES_PLAIN,
                &format!("at most {MOST_TIMES_PLAIN}"),
            ));
            if !variant.calls {
                for peer in [Builders::Bon, Builders::TypedBuilder] {
                    let peer_median = find(variant, peer).unwrap_or(f64::NAN);
                    verdicts.push(verdict(
                        &format!("{shape}: {} ÷ dactylo", peer.label()),
                        peer_median / median,
                        |ratio| ratio >= LEAST_TIMES_FASTER,
                        &format!("at least {LEAST_TIMES_FASTER}"),
                    ));
                }
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
