//! `dactylo-codegen`: regenerates the `dactylo-records` crate from the spec.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use dactylo_codegen::{Error, Output, Spec, Stale};

/// The codegen crate's directory, in the workspace this binary was built in; the defaults are
/// that workspace's spec and directories.
const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
const DEFAULT_SPEC: &str = "spec/resolution-939.yaml";
const DEFAULT_OUT: &str = "generated";
const DEFAULT_CASES: &str = "tests/compile-fail";
/// The crate the compile-fail cases use: the one generated into `generated/`.
const RECORDS_CRATE: &str = "dactylo_records";

const EXIT_STALE: u8 = 1;
const EXIT_INVALID_SPEC: u8 = 2;
const EXIT_IO: u8 = 3;

/// Regenerates the dactylo-records crate (record types, typestate builders, their docs) and its
/// compile-fail cases from the YAML spec of Resolution 939's lists.
#[derive(Debug, Parser)]
#[command(
    version,
    after_help = "\
Exit status:
  0  success (with --check: every generated file is up to date)
  1  --check found stale files
  2  the spec is invalid (or the command line is); nothing was written
  3  a file could not be read or written"
)]
struct Cli {
    /// The spec to read [default: spec/resolution-939.yaml in this workspace]
    #[arg(long, value_name = "PATH")]
    spec: Option<PathBuf>,

    /// The generated crate's directory [default: generated/ in this workspace]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,

    /// The directory of generated compile-fail cases [default: tests/compile-fail in this
    /// workspace when --out is not given; none when it is]
    #[arg(long, value_name = "DIR")]
    cases: Option<PathBuf>,

    /// Write nothing; name every file that differs from what the spec gives, and exit 1 if any
    #[arg(long)]
    check: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{}", error.render(std::io::stderr().is_terminal()));
            match error {
                Error::InvalidSpec { problems, .. } => {
                    let count = problems.len();
                    let noun = if count == 1 { "problem" } else { "problems" };
                    eprintln!("\ndactylo-codegen: {count} {noun} in the spec; nothing was written");
                    ExitCode::from(EXIT_INVALID_SPEC)
                }
                Error::InvalidOption(_) => ExitCode::from(EXIT_INVALID_SPEC),
                Error::Read { .. } | Error::Write { .. } | Error::Internal { .. } => {
                    ExitCode::from(EXIT_IO)
                }
                _ => ExitCode::FAILURE,
            }
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode, Error> {
    let workspace = Path::new(MANIFEST_DIR)
        .parent()
        .unwrap_or(Path::new(MANIFEST_DIR));
    let default = |relative: &str| shown(&workspace.join(relative));
    let spec_path = cli.spec.clone().unwrap_or_else(|| default(DEFAULT_SPEC));
    let spec = Spec::load(&spec_path)?.with_label(label(&spec_path, workspace));

    let out = cli.out.clone().unwrap_or_else(|| default(DEFAULT_OUT));
    let mut outputs: Vec<(Output, PathBuf)> = vec![(spec.crate_sources()?, out)];
    let cases = match (&cli.cases, &cli.out) {
        (Some(dir), _) => Some(dir.clone()),
        (None, None) => Some(default(DEFAULT_CASES)),
        (None, Some(_)) => None,
    };
    if let Some(dir) = cases {
        outputs.push((spec.compile_fail_cases(RECORDS_CRATE)?, dir));
    }

    if cli.check {
        check(&outputs)
    } else {
        write(&outputs)
    }
}

fn check(outputs: &[(Output, PathBuf)]) -> Result<ExitCode, Error> {
    let mut stale: Vec<Stale> = Vec::new();
    let mut total = 0;
    for (output, dir) in outputs {
        stale.extend(output.check(dir)?);
        total += output.files().len();
    }
    if stale.is_empty() {
        println!("dactylo-codegen: all {total} generated files are up to date");
        return Ok(ExitCode::SUCCESS);
    }
    for file in &stale {
        eprintln!("stale: {file}");
    }
    eprintln!(
        "dactylo-codegen: {} of the generated files are stale; run `cargo run -p dactylo-codegen` to regenerate them",
        stale.len()
    );
    Ok(ExitCode::from(EXIT_STALE))
}

fn write(outputs: &[(Output, PathBuf)]) -> Result<ExitCode, Error> {
    let (mut written, mut removed, mut unchanged) = (0, 0, 0);
    for (output, dir) in outputs {
        let report = output.write(dir)?;
        for path in &report.written {
            println!("wrote {}", path.display());
        }
        for path in &report.removed {
            println!("removed {}", path.display());
        }
        written += report.written.len();
        removed += report.removed.len();
        unchanged += report.unchanged;
    }
    println!("dactylo-codegen: {written} written, {removed} removed, {unchanged} unchanged");
    Ok(ExitCode::SUCCESS)
}

/// How generated headers name the spec: relative to the workspace when it is inside it, so that
/// the output is the same on every machine.
fn label(spec: &Path, workspace: &Path) -> String {
    let relative = match (spec.canonicalize(), workspace.canonicalize()) {
        (Ok(spec), Ok(workspace)) => spec.strip_prefix(&workspace).map(Path::to_owned).ok(),
        _ => None,
    };
    relative
        .unwrap_or_else(|| spec.to_owned())
        .to_string_lossy()
        .replace('\\', "/")
}

/// A default path as messages show it: relative to the current directory when inside it.
fn shown(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|current| path.strip_prefix(current).ok())
        .map_or_else(|| path.to_owned(), Path::to_owned)
}
