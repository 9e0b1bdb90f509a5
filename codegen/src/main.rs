//! `dactylo-codegen`: regenerates the `dactylo-records` crate from the spec.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use dactylo_codegen::diff::Format;
use dactylo_codegen::{Error, Output, RECORDS_CRATE, Spec, check_all, write_all};

/// The codegen crate's directory, in the workspace this binary was built in; the defaults are
/// that workspace's spec and directories.
const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
const DEFAULT_SPEC: &str = "spec/resolution-939.yaml";
const DEFAULT_OUT: &str = "generated";
const DEFAULT_CASES: &str = "tests/compile-fail";
/// Where the fixtures of the workspace's own tests go.
const DEFAULT_FIXTURES: &str = "tests/src";
/// The workspace's README, whose regions between `<!-- dactylo-codegen: … -->` markers follow
/// the spec.
const README: &str = "README.md";
/// Where the table of dactylo-records' composites goes, for `Spec::single_file`.
const DEFAULT_TABLE: &str = "codegen/src/names";

const EXIT_STALE: u8 = 1;
const EXIT_INVALID_SPEC: u8 = 2;
const EXIT_IO: u8 = 3;
const EXIT_BUSY: u8 = 4;
const EXIT_INTERNAL: u8 = 5;

/// Regenerates the dactylo-records crate (record types, typestate builders, their docs) and its
/// compile-fail cases from the YAML spec of Resolution 939's lists; `diff` says what a change of
/// the spec changes.
#[derive(Debug, Parser)]
#[command(
    version,
    args_conflicts_with_subcommands = true,
    after_help = "\
Exit status:
  0  success (with --check: every generated file is up to date)
  1  --check found stale files
  2  the spec is invalid (or the command line is); nothing was written
  3  a file could not be read or written (or is a symbolic link below an output directory)
  4  another dactylo-codegen run is writing to an output directory; nothing was written
  5  dactylo-codegen failed inside (a bug: please report it); nothing was written"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    #[command(flatten)]
    generate: Generate,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compares two specs: what changed in each list and type, and the verdict for
    /// dactylo-records under semver (the last line: `semver: major|minor|patch|none`)
    #[command(after_help = "\
Exit status:
  0  the specs were compared, whatever changed
  2  a spec is invalid (or the command line is)
  3  a spec could not be read")]
    Diff {
        /// The spec before the change
        old: PathBuf,
        /// The spec after the change
        new: PathBuf,
        /// How to write the report: `text`, or `markdown` for a CHANGELOG entry
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ReportFormat {
    Text,
    Markdown,
}

#[derive(Debug, Args)]
struct Generate {
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

    /// The directory of the test fixtures, `fixtures.rs` [default: tests/src in this workspace
    /// when --out is not given; none when it is]
    #[arg(long, value_name = "DIR")]
    fixtures: Option<PathBuf>,

    /// Write nothing; name every file that differs from what the spec gives, and exit 1 if any
    #[arg(long)]
    check: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (result, outcome) = match &cli.command {
        Some(Command::Diff { old, new, format }) => (diff(old, new, *format), ""),
        None => (run(&cli.generate), "; nothing was written"),
    };
    match result {
        Ok(code) => code,
        Err(errors) => {
            for error in &errors {
                report(error, outcome);
            }
            ExitCode::from(errors.iter().map(exit_code).max().unwrap_or(EXIT_INTERNAL))
        }
    }
}

/// Prints `error`, and for an invalid spec how many problems it has, then `outcome`.
fn report(error: &Error, outcome: &str) {
    eprintln!("{}", error.render(std::io::stderr().is_terminal()));
    if let Error::InvalidSpec { file, problems, .. } = error {
        let count = problems.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        let spec = if outcome.is_empty() {
            file.display().to_string()
        } else {
            "the spec".to_owned()
        };
        eprintln!("\ndactylo-codegen: {count} {noun} in {spec}{outcome}");
    }
}

/// Checks both specs, reporting the problems of each, then prints what changed.
fn diff(old: &Path, new: &Path, format: ReportFormat) -> Result<ExitCode, Vec<Error>> {
    let (older, newer) = match (Spec::load(old), Spec::load(new)) {
        (Ok(older), Ok(newer)) => (older, newer),
        (older, newer) => return Err(older.err().into_iter().chain(newer.err()).collect()),
    };
    let format = match format {
        ReportFormat::Text => Format::Text,
        ReportFormat::Markdown => Format::Markdown,
    };
    print!("{}", older.diff(&newer).render(format));
    Ok(ExitCode::SUCCESS)
}

/// The exit status of a run that failed with `error`.
fn exit_code(error: &Error) -> u8 {
    match error {
        Error::InvalidSpec { .. } | Error::InvalidOption(_) => EXIT_INVALID_SPEC,
        Error::Read { .. } | Error::Write { .. } | Error::Link { .. } => EXIT_IO,
        Error::Busy { .. } => EXIT_BUSY,
        Error::Internal { .. } => EXIT_INTERNAL,
        // A variant added later without a status of its own is still a failure.
        _ => EXIT_INTERNAL,
    }
}

fn run(cli: &Generate) -> Result<ExitCode, Vec<Error>> {
    generate(cli).map_err(|error| vec![error])
}

fn generate(cli: &Generate) -> Result<ExitCode, Error> {
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
        refuse_nesting(&outputs[0].1, &dir)?;
        outputs.push((spec.compile_fail_cases(RECORDS_CRATE)?, dir));
    }
    let fixtures = match (&cli.fixtures, &cli.out) {
        (Some(dir), _) => Some(dir.clone()),
        (None, None) => Some(default(DEFAULT_FIXTURES)),
        (None, Some(_)) => None,
    };
    if let Some(dir) = fixtures {
        outputs.push((spec.test_fixtures(RECORDS_CRATE)?, dir));
    }
    if cli.out.is_none() {
        // The generator's own table of the composites of the crate it generates in this
        // workspace.
        outputs.push((spec.composites_table()?, default(DEFAULT_TABLE)));
        // The regions of the workspace's README that follow the spec.
        let root = default(".");
        let readme = root.join(README);
        let text = std::fs::read_to_string(&readme).map_err(|source| Error::Read {
            path: readme.clone(),
            source,
        })?;
        outputs.push((spec.readme_regions(&text, README)?, root));
    }

    if cli.check {
        check(&outputs)
    } else {
        write(&outputs)
    }
}

fn check(outputs: &[(Output, PathBuf)]) -> Result<ExitCode, Error> {
    let pairs: Vec<(&Output, &Path)> = outputs
        .iter()
        .map(|(output, dir)| (output, dir.as_path()))
        .collect();
    let stale = check_all(&pairs)?;
    let total: usize = outputs.iter().map(|(output, _)| output.files().len()).sum();
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
    let pairs: Vec<(&Output, &Path)> = outputs
        .iter()
        .map(|(output, dir)| (output, dir.as_path()))
        .collect();
    let (mut written, mut removed, mut unchanged) = (0, 0, 0);
    for report in write_all(&pairs)? {
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

/// The crate's directory and the cases' must be apart: each run removes stale generated files
/// from the directories it owns, and would take the other's files for its own.
fn refuse_nesting(out: &Path, cases: &Path) -> Result<(), Error> {
    let (out_dir, cases_dir) = (resolved(out), resolved(cases));
    let relation = if out_dir == cases_dir {
        "is the same directory as"
    } else if cases_dir.starts_with(&out_dir) {
        "is inside"
    } else if out_dir.starts_with(&cases_dir) {
        "contains"
    } else {
        return Ok(());
    };
    Err(Error::InvalidOption(format!(
        "--cases {} {relation} --out {}: the crate's generated files and the compile-fail cases each need a directory of their own",
        cases.display(),
        out.display()
    )))
}

/// `path` made absolute, with its existing part resolved as the file system sees it (links,
/// `..`) and the rest appended as written, `.` and `..` applied.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::env::current_dir()
        .map(|current| current.join(path))
        .unwrap_or_else(|_| path.to_owned());
    let mut resolved = PathBuf::new();
    let mut exists = true;
    for component in absolute.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir if !exists => {
                resolved.pop();
            }
            _ => {
                resolved.push(component);
                if exists {
                    match resolved.canonicalize() {
                        Ok(canonical) => resolved = canonical,
                        Err(_) => exists = false,
                    }
                }
            }
        }
    }
    resolved
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
    let relative = std::env::current_dir()
        .ok()
        .and_then(|current| path.strip_prefix(current).ok())
        .map_or_else(|| path.to_owned(), Path::to_owned);
    if relative.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        relative
    }
}

#[cfg(test)]
mod tests {
    use std::io;

    use super::*;

    #[test]
    fn each_kind_of_failure_has_its_own_status() {
        let io = || io::Error::other("refused");
        let cases = [
            (Error::InvalidOption("x".into()), EXIT_INVALID_SPEC),
            (
                Error::Read {
                    path: "a".into(),
                    source: io(),
                },
                EXIT_IO,
            ),
            (
                Error::Write {
                    path: "a".into(),
                    source: io(),
                },
                EXIT_IO,
            ),
            (Error::Link { path: "a".into() }, EXIT_IO),
            (Error::Busy { dir: "a".into() }, EXIT_BUSY),
            (
                Error::Internal {
                    file: "a".into(),
                    reason: "b".into(),
                },
                EXIT_INTERNAL,
            ),
        ];
        for (error, status) in cases {
            assert_eq!(exit_code(&error), status, "{error}");
        }
    }

    #[test]
    fn nested_output_directories_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("generated");
        std::fs::create_dir_all(out.join("src/records")).unwrap();
        for cases in [
            out.join("src/records"),
            out.join("src/records/../records/new"),
            out.clone(),
            dir.path().to_owned(),
        ] {
            assert!(
                matches!(refuse_nesting(&out, &cases), Err(Error::InvalidOption(_))),
                "{}",
                cases.display()
            );
        }
        assert!(refuse_nesting(&out, &dir.path().join("cases")).is_ok());
        assert!(refuse_nesting(&out, &dir.path().join("generated-cases")).is_ok());
    }
}
