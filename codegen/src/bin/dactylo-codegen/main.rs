//! `dactylo-codegen`: generates the `dactylo-records` crate and its compile-fail cases from the
//! spec of the lists, or says what a change of the spec changes.
//!
//! With no paths it generates the project it is run in, as the project's `Cargo.toml` says
//! ([`project`]); [`upkeep`] is what only this repository writes beside the crate.

mod paths;
mod project;
mod upkeep;

use std::fmt;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use dactylo_codegen::diff::Format;
use dactylo_codegen::{Error, Output, RECORDS_CRATE, Spec, check_all, write_all};

use paths::Destination;
use project::{ConfigError, Project};

const EXIT_STALE: u8 = 1;
const EXIT_INVALID_SPEC: u8 = 2;
const EXIT_IO: u8 = 3;
const EXIT_BUSY: u8 = 4;
const EXIT_INTERNAL: u8 = 5;
const EXIT_NOT_OWNED: u8 = 6;

/// Regenerates the dactylo-records crate (record types, typestate builders, their docs and JSON
/// Schemas) and its compile-fail cases from the YAML spec of Resolution 939's lists; `diff` says
/// what a change of the spec changes.
///
/// With no paths, it generates the project it is run in: the first Cargo.toml at or above the
/// current directory with [workspace.metadata.dactylo-codegen] (or [package.metadata...]) names
/// its `spec`, `out` and `cases`, relative to that Cargo.toml.
#[derive(Debug, Parser)]
#[command(
    version,
    args_conflicts_with_subcommands = true,
    after_help = "\
Exit status:
  0  success (with --check: every generated file is up to date)
  1  --check found stale files, or temporary files of an interrupted run
  2  the spec is invalid, or the command line or the project's configuration is; nothing was written
  3  a file could not be read or written, or is a symbolic link below an output directory
  4  another dactylo-codegen run is writing to an output directory; nothing was written
  5  dactylo-codegen failed inside (a bug: please report it); nothing was written
  6  a file where an output goes was not written by dactylo-codegen; nothing was written"
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
  3  a spec, or a schema of --released-schemas, could not be read")]
    Diff {
        /// The spec before the change
        old: PathBuf,
        /// The spec after the change
        new: PathBuf,
        /// How to write the report: `text`, or `markdown` for a CHANGELOG entry
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// The `schema/` directory of the dactylo-records released from the older spec, to
        /// compare with the newer spec's schemas: a value type's schema changed in
        /// dactylo-values shows only there (by default, the older spec's schemas as generated
        /// now)
        #[arg(long, value_name = "DIR")]
        released_schemas: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ReportFormat {
    Text,
    Markdown,
}

#[derive(Debug, Args)]
struct Generate {
    /// The spec to read [default: the project's]
    #[arg(long, value_name = "PATH")]
    spec: Option<PathBuf>,

    /// The generated crate's directory [default: the project's]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,

    /// The directory of generated compile-fail cases [default: the project's, unless --out is
    /// given]
    #[arg(long, value_name = "DIR")]
    cases: Option<PathBuf>,

    /// Write nothing; name every file that differs from what the spec gives, and exit 1 if any
    #[arg(long, conflicts_with = "list")]
    check: bool,

    /// Write nothing; print the path of every file the run writes, one per line
    #[arg(long)]
    list: bool,
}

/// Why a run failed.
enum Failure {
    /// The generator's own error, spec problems included.
    Generator(Error),
    /// The project's `Cargo.toml` configures the generator in a way it cannot use.
    Project(ConfigError),
    /// The command line does not say what to generate.
    Usage(String),
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure::Generator(error)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Generator(error) => write!(formatter, "{error}"),
            Failure::Project(error) => write!(formatter, "error: {error}"),
            Failure::Usage(message) => write!(formatter, "error: {message}"),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (result, outcome) = match &cli.command {
        Some(Command::Diff {
            old,
            new,
            format,
            released_schemas,
        }) => (diff(old, new, *format, released_schemas.as_deref()), ""),
        None => (generate(&cli.generate), "; nothing was written"),
    };
    match result {
        Ok(code) => code,
        Err(failures) => {
            for failure in &failures {
                report(failure, outcome);
            }
            ExitCode::from(
                failures
                    .iter()
                    .map(exit_code)
                    .max()
                    .unwrap_or(EXIT_INTERNAL),
            )
        }
    }
}

/// Prints `failure`, and for an invalid spec how many problems it has, then `outcome`.
fn report(failure: &Failure, outcome: &str) {
    let Failure::Generator(error) = failure else {
        eprintln!("{failure}");
        return;
    };
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
fn diff(
    old: &Path,
    new: &Path,
    format: ReportFormat,
    released_schemas: Option<&Path>,
) -> Result<ExitCode, Vec<Failure>> {
    let (older, newer) = match (Spec::load(old), Spec::load(new)) {
        (Ok(older), Ok(newer)) => (older, newer),
        (older, newer) => {
            let errors = older.err().into_iter().chain(newer.err());
            return Err(errors.map(Failure::Generator).collect());
        }
    };
    let format = match format {
        ReportFormat::Text => Format::Text,
        ReportFormat::Markdown => Format::Markdown,
    };
    let diff = match released_schemas {
        Some(released) => older
            .diff_released(&newer, released)
            .map_err(|error| vec![Failure::Generator(error)])?,
        None => older.diff(&newer),
    };
    print!("{}", diff.render(format));
    Ok(ExitCode::SUCCESS)
}

/// The exit status of a run that failed with `failure`.
fn exit_code(failure: &Failure) -> u8 {
    let error = match failure {
        Failure::Generator(error) => error,
        Failure::Project(_) | Failure::Usage(_) => return EXIT_INVALID_SPEC,
    };
    match error {
        Error::InvalidSpec { .. } | Error::InvalidOption(_) => EXIT_INVALID_SPEC,
        Error::Read { .. } | Error::Write { .. } | Error::Link { .. } => EXIT_IO,
        Error::Busy { .. } => EXIT_BUSY,
        Error::NotOwned { .. } => EXIT_NOT_OWNED,
        Error::Internal { .. } => EXIT_INTERNAL,
        // A variant added later without a status of its own is still a failure.
        _ => EXIT_INTERNAL,
    }
}

/// What one run reads and writes, every path as messages show it.
struct Run {
    spec: PathBuf,
    /// How generated headers name the spec.
    label: String,
    out: PathBuf,
    cases: Option<PathBuf>,
    composites_table: Option<PathBuf>,
    /// Whether `--out`, and `--cases`, named the directories rather than the project.
    out_given: bool,
    cases_given: bool,
}

impl Run {
    /// The paths given, and for the rest the project's, found from `current`. The project's
    /// own outputs beside the crate are written only by its own run: none of the paths given.
    fn resolve(cli: &Generate, current: &Path) -> Result<Run, Failure> {
        let project = Project::discover(current).map_err(Failure::Project)?;
        let from_project = |path: Option<&PathBuf>| path.map(|path| paths::relative(path, current));
        let configure = format!(
            "or run dactylo-codegen inside a project whose Cargo.toml names its spec and \
             directories under [workspace.metadata.{key}] or [package.metadata.{key}] (see \
             --help)",
            key = project::KEY
        );
        let spec = cli
            .spec
            .clone()
            .or_else(|| from_project(project.as_ref().map(|project| &project.spec)))
            .ok_or_else(|| {
                Failure::Usage(format!("no spec to read: give --spec PATH, {configure}"))
            })?;
        let out = cli
            .out
            .clone()
            .or_else(|| from_project(project.as_ref().map(|project| &project.out)))
            .ok_or_else(|| {
                Failure::Usage(format!(
                    "no directory to write the crate into: give --out DIR, {configure}"
                ))
            })?;
        let cases = match (&cli.cases, &cli.out) {
            (Some(dir), _) => Some(dir.clone()),
            (None, None) => {
                from_project(project.as_ref().and_then(|project| project.cases.as_ref()))
            }
            (None, Some(_)) => None,
        };
        let own_run = cli.spec.is_none() && cli.out.is_none() && cli.cases.is_none();
        let composites_table = project
            .as_ref()
            .filter(|_| own_run)
            .and_then(|project| from_project(project.composites_table.as_ref()));
        let label = paths::label(
            &spec,
            project.as_ref().map(|project| project.root.as_path()),
            &out,
        );
        Ok(Run {
            spec,
            label,
            out,
            cases,
            composites_table,
            out_given: cli.out.is_some(),
            cases_given: cli.cases.is_some(),
        })
    }

    /// Every output of the run with the directory it goes to.
    fn outputs(&self) -> Result<Vec<(Output, PathBuf)>, Failure> {
        paths::refuse_overlaps(&self.destinations())?;
        let spec = Spec::load(&self.spec)?.with_label(&self.label);
        let mut outputs = vec![(spec.crate_sources()?, self.out.clone())];
        if let Some(dir) = &self.cases {
            outputs.push((spec.compile_fail_cases(RECORDS_CRATE)?, dir.clone()));
        }
        if let Some(table) = &self.composites_table {
            let (dir, file) = split(table);
            outputs.push((upkeep::composites_table(&spec, &file, &self.label), dir));
        }
        Ok(outputs)
    }

    /// Where the run writes, each named as the user named it.
    fn destinations(&self) -> Vec<Destination<'_>> {
        let named = |option: &str, given: bool| {
            if given {
                format!("--{option}")
            } else {
                format!("the project's `{option}`")
            }
        };
        let mut destinations = vec![Destination {
            named: named("out", self.out_given),
            path: &self.out,
        }];
        destinations.extend(self.cases.as_deref().map(|path| Destination {
            named: named("cases", self.cases_given),
            path,
        }));
        destinations.extend(self.composites_table.as_deref().map(|path| Destination {
            named: "the project's `upkeep.composites-table`".to_owned(),
            path,
        }));
        destinations
    }
}

fn generate(cli: &Generate) -> Result<ExitCode, Vec<Failure>> {
    let current = std::env::current_dir().map_err(|source| {
        vec![Failure::Generator(Error::Read {
            path: PathBuf::from("."),
            source,
        })]
    })?;
    let run = Run::resolve(cli, &current).map_err(|failure| vec![failure])?;
    let outputs = run.outputs().map_err(|failure| vec![failure])?;
    let pairs: Vec<(&Output, &Path)> = outputs
        .iter()
        .map(|(output, dir)| (output, dir.as_path()))
        .collect();
    let result = if cli.list {
        list(&pairs);
        Ok(ExitCode::SUCCESS)
    } else if cli.check {
        check(&pairs)
    } else {
        write(&pairs)
    };
    result.map_err(|error| vec![Failure::Generator(error)])
}

fn list(outputs: &[(&Output, &Path)]) {
    for (output, dir) in outputs {
        for file in output.files() {
            println!("{}", dir.join(&file.path).display());
        }
    }
}

fn check(outputs: &[(&Output, &Path)]) -> Result<ExitCode, Error> {
    let stale = check_all(outputs)?;
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

fn write(outputs: &[(&Output, &Path)]) -> Result<ExitCode, Error> {
    let (mut written, mut removed, mut unchanged) = (0, 0, 0);
    for report in write_all(outputs)? {
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

/// A file's directory and name, to write it as an output of its own.
fn split(file: &Path) -> (PathBuf, PathBuf) {
    let dir = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = file.file_name().map(PathBuf::from).unwrap_or_default();
    (dir, name)
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
            (Error::NotOwned { path: "a".into() }, EXIT_NOT_OWNED),
            (
                Error::Internal {
                    file: "a".into(),
                    reason: "b".into(),
                },
                EXIT_INTERNAL,
            ),
        ];
        for (error, status) in cases {
            let shown = error.to_string();
            assert_eq!(exit_code(&Failure::Generator(error)), status, "{shown}");
        }
        assert_eq!(exit_code(&Failure::Usage("x".into())), EXIT_INVALID_SPEC);
    }
}
