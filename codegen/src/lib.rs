#![doc = include_str!("../README.md")]
//! ## The stages
//!
//! The pipeline has one module per stage: `load` reads the YAML, `check` turns it into a
//! [`model::Model`] (or reports every problem), [`plan`] decides every name and file to
//! generate, `emit` builds tokens per concern, `layout` formats them into files once, and
//! [`Output`] writes them (or checks them against disk). `ARCHITECTURE.md` in the repository says
//! what each stage guarantees. A failed `?` in a build script's `main` prints the error's
//! `Debug`, which for [`Error`] is the same located, rustc-like report as its `Display`.

mod check;
pub mod diff;
mod emit;
mod error;
mod layout;
mod load;
pub mod model;
mod names;
mod options;
mod output;
pub mod plan;
mod spec;
mod suggest;

use std::fs;
use std::path::{Path, PathBuf};

pub use error::{Error, Problem, Span};
pub use options::{Serde, SingleFile};
pub use output::{
    GENERATED_MARKER, GeneratedFile, Output, Stale, WriteReport, check_all, is_generated, write_all,
};

use dactylo_values::catalogue;
use error::Finding;
use plan::{Destination, Files, Plan};

/// Where the generated modules go inside the generated crate.
pub const CRATE_MODULE_DIR: &str = "src/records";

/// The most characters a name of the spec (a record, composite, field or part) may have: the
/// names become file names, of the generated modules, schemas and rustdoc's pages (which add to
/// a derived name such as `FieldNameIsUnset`), and file systems allow 255 bytes.
pub const NAME_LIMIT: usize = 64;

/// The most fields a record, or parts a composite, may have: far more than any list of the act,
/// and few enough that the compile-fail cases, one per required item with every other item as a
/// parameter, stay small.
pub const ITEMS_LIMIT: usize = 100;

/// Where a crate's generated sources find the hand-written value types.
const CRATE_VALUES_PATH: &str = "crate::values";

/// The crate generated into `generated/`, as Rust code names it: the crate the compile-fail
/// cases use, and the default source of a single file's value types.
pub const RECORDS_CRATE: &str = names::records_crate::CRATE_NAME;

/// Where the JSON Schemas go inside the generated crate.
pub const SCHEMA_DIR: &str = "schema";

/// Where the `nist` example's list of records goes inside the generated crate, beside the
/// example's own hand-written `main.rs`.
pub const NIST_EXAMPLE_DIR: &str = "examples/nist";

/// A spec that has been read and checked.
#[derive(Debug, Clone)]
pub struct Spec {
    model: model::Model,
    label: String,
    /// The file and text the spec was read from, to place problems found for one output.
    file: PathBuf,
    source: String,
}

impl Spec {
    /// Reads and checks the spec at `path`.
    ///
    /// # Errors
    ///
    /// [`Error::Read`] when the file cannot be read, and [`Error::InvalidSpec`] with every
    /// problem found when it is not a valid spec.
    pub fn load(path: impl AsRef<Path>) -> Result<Spec, Error> {
        let path = path.as_ref();
        let source = fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_owned(),
            source,
        })?;
        Spec::parse(&source, path)
    }

    /// Checks the spec text `source`; `file` names it in errors and in generated headers.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidSpec`] with every problem found.
    pub fn parse(source: &str, file: impl Into<PathBuf>) -> Result<Spec, Error> {
        let file = file.into();
        let invalid = |problems| Error::InvalidSpec {
            file: file.clone(),
            text: source.to_owned(),
            problems,
        };
        let loaded = load::load(source).map_err(invalid)?;
        let checked = check::check(loaded.spec);
        let mut findings = loaded.unknown_keys;
        let model = match checked {
            Ok(model) if findings.is_empty() => model,
            Ok(_) => return Err(invalid(located(source, findings))),
            Err(problems) => {
                findings.extend(
                    problems
                        .into_iter()
                        .filter(|problem| !loaded.left_out.covers(problem)),
                );
                return Err(invalid(located(source, findings)));
            }
        };
        let label = file.to_string_lossy().replace('\\', "/");
        Ok(Spec {
            model,
            label,
            file,
            source: source.to_owned(),
        })
    }

    /// Names the spec as `label` in the headers of generated files (by default, its path as
    /// given), so that output does not depend on where the spec was read from.
    #[must_use]
    pub fn with_label(mut self, label: impl Into<String>) -> Spec {
        self.label = label.into();
        self
    }

    /// The checked spec.
    pub fn model(&self) -> &model::Model {
        &self.model
    }

    /// What changes from this spec to `newer`, and the verdict for `dactylo-records` under
    /// semver. The records' JSON Schemas that both generate are compared too, as validators read
    /// them (see [`diff::Diff::with_schemas`]).
    pub fn diff(&self, newer: &Spec) -> diff::Diff {
        let diff = diff::Diff::new(&self.model, &newer.model);
        match (self.record_schemas(), newer.record_schemas()) {
            (Ok(older), Ok(newer)) => diff.with_schemas(&older, &newer),
            // A spec that does not fit `dactylo-records` generates no schemas.
            _ => diff,
        }
    }

    /// As [`Spec::diff`], but with the older schemas read from `released`: the `schema/`
    /// directory of the `dactylo-records` released from this spec. A value type's schema is
    /// code in `dactylo-values`, not spec, so only the released files show it changed.
    ///
    /// # Errors
    ///
    /// [`Error::Read`] when a record's schema cannot be read from `released` or is not JSON, and
    /// the errors of [`Spec::crate_sources`] when either spec does not fit `dactylo-records`.
    pub fn diff_released(&self, newer: &Spec, released: &Path) -> Result<diff::Diff, Error> {
        let mut older = self.record_schemas()?;
        for schema in &mut older {
            let path = released.join(&schema.file);
            let text = fs::read_to_string(&path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            schema.schema = serde_json::from_str(&text).map_err(|error| Error::Read {
                path,
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, error),
            })?;
        }
        let newer_schemas = newer.record_schemas()?;
        Ok(diff::Diff::new(&self.model, &newer.model).with_schemas(&older, &newer_schemas))
    }

    /// Each record's JSON Schema, as `dactylo-records` holds it in `schema/`, in spec order.
    ///
    /// # Errors
    ///
    /// As [`Spec::crate_sources`].
    pub fn record_schemas(&self) -> Result<Vec<diff::RecordSchema>, Error> {
        let plan = self.records_crate_plan()?;
        self.schemas_of(&plan, files_of(&plan)?)
    }

    /// The plan of `dactylo-records`, once the spec is found to fit the crate.
    fn records_crate_plan(&self) -> Result<Plan<'_>, Error> {
        let plan = self.plan();
        let mut findings = self.unknown_value_types();
        findings.extend(check::collisions(&plan));
        self.refuse(findings)?;
        Ok(plan)
    }

    /// The records' schemas of `plan`, whose files are `files`.
    fn schemas_of(&self, plan: &Plan, files: &Files) -> Result<Vec<diff::RecordSchema>, Error> {
        let value_schemas = emit::value_schemas(&self.model)?;
        Ok(plan
            .records
            .iter()
            .zip(&files.schemas)
            .map(|(module, file)| diff::RecordSchema {
                record: module.record.name.clone(),
                file: file.as_str().to_owned(),
                schema: emit::record_schema(
                    &self.model,
                    &value_schemas,
                    module.record,
                    file.as_str(),
                    &layout::json_header(&self.label),
                ),
            })
            .collect())
    }

    /// The generated parts of the `dactylo-records` crate, relative to the crate's directory: its
    /// modules, its README and one JSON Schema per record.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidSpec`] when the spec does not fit `dactylo-records`: it names a value type
    /// the crate does not have (one of `dactylo_values::catalogue::VALUE_TYPES`), or a record or
    /// composite named like an item of the crate's hand-written root. [`Error::Internal`] only if
    /// the generator has a bug.
    pub fn crate_sources(&self) -> Result<Output, Error> {
        let plan = self.records_crate_plan()?;
        let files = files_of(&plan)?;
        let values = parse_path(CRATE_VALUES_PATH)?;
        let serde = Serde::Feature("serde".to_owned());
        let tree = emit::tree(&plan, &values, serde);
        let mut written =
            layout::module_directory(tree, Path::new(CRATE_MODULE_DIR), files, &self.label)?;
        let crate_name = proc_macro2::Ident::new(RECORDS_CRATE, proc_macro2::Span::call_site());
        let readme = emit::readme(&plan, &crate_name, |tokens| {
            layout::rust_code(files.readme.as_str(), tokens)
        })?;
        written.push(layout::markdown_file(
            PathBuf::from(files.readme.as_str()),
            &readme,
            &self.label,
        ));
        for schema in self.schemas_of(&plan, files)? {
            written.push(layout::json_file(
                Path::new(SCHEMA_DIR).join(&schema.file),
                &schema.schema,
            )?);
        }
        if let Some(file) = &files.nist_example {
            written.push(layout::file(
                Path::new(NIST_EXAMPLE_DIR).join(file.as_str()),
                emit::nist_example_records(&plan),
                &self.label,
            )?);
        }
        Ok(Output::new(written)
            .owning(CRATE_MODULE_DIR)
            .owning(SCHEMA_DIR))
    }

    /// The generated module as one file, for a build script to `include!`, as `options` say.
    ///
    /// When the value types come from `::dactylo_records`, so do the composites that are the
    /// same as its own (same name, parts, types and periods; the texts may differ): the records
    /// then hold the very types of `dactylo-records`. The spec's other composites are generated.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] when the values path is not a Rust path, and
    /// [`Error::InvalidSpec`] when the value types are taken from `::dactylo_records` and the
    /// spec names one it does not have.
    pub fn single_file(&self, options: &SingleFile) -> Result<Output, Error> {
        let values = parse_path(&options.values)?;
        let from_records_crate = values.leading_colon.is_some()
            && values.segments.len() == 1
            && values.segments[0].ident == RECORDS_CRATE;
        let mut destination = Destination::default();
        if from_records_crate {
            self.refuse(self.unknown_value_types())?;
            destination.reused = names::records_crate::reusable(&self.model);
        }
        let plan = Plan::new(&self.model, &destination);
        self.refuse(check::collisions(&plan))?;
        let tree = emit::tree(&plan, &values, options.serde.clone());
        let file = layout::single_file(tree, Path::new(&options.file_name), &self.label)?;
        Ok(Output::new(vec![file]))
    }

    /// Programs that must not compile against the crate `crate_name` (which re-exports every
    /// type at its root): one a required item left out, one with nothing set and one setting an
    /// item twice, for every record. Written into a directory they own, with their `.stderr`
    /// snapshots.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] when `crate_name` is not an identifier, and
    /// [`Error::InvalidSpec`] when two cases would have the same name.
    pub fn compile_fail_cases(&self, crate_name: &str) -> Result<Output, Error> {
        let crate_name: proc_macro2::Ident = syn::parse_str(crate_name).map_err(|_| {
            Error::InvalidOption(format!(
                "`{crate_name}` is not a crate name as used in Rust code"
            ))
        })?;
        let destination = Destination {
            cases: true,
            ..Destination::default()
        };
        let plan = Plan::new(&self.model, &destination);
        self.refuse(check::collisions(&plan))?;
        let cases = plan.cases.as_ref().map_or(&[][..], |cases| &cases.files);
        let cases = emit::compile_fail_cases(&plan, cases, &crate_name);
        let files = layout::case_files(cases, &self.label)?;
        Ok(Output::new(files).owning("").with_companions("stderr"))
    }

    /// The plan of the crate the spec generates into `dactylo-records`: every module, file and
    /// item, its name, scope, kind and origin, and each builder's layout. Code written against
    /// the generated crate (a test suite's fixtures, say) takes its names from here rather than
    /// derive them.
    pub fn plan(&self) -> Plan<'_> {
        let destination = Destination {
            records_crate: true,
            ..Destination::default()
        };
        Plan::new(&self.model, &destination)
    }

    /// Every value type of the spec that `dactylo-records` does not have.
    fn unknown_value_types(&self) -> Vec<Finding> {
        self.model
            .values
            .iter()
            .filter(|value| catalogue::ValueType::named(&value.name).is_none())
            .map(|value| {
                let message = format!("`{}` is not a value type of dactylo-records", value.name);
                let names: Vec<&str> = catalogue::VALUE_TYPES
                    .iter()
                    .map(|value| value.name)
                    .collect();
                let help = format!(
                    "a value type is written by hand in dactylo-values (generated/values/) and \
                     listed in its catalogue; the value types are {}",
                    names.join(", ")
                );
                Finding::at(format!("values.{}", value.name), message)
                    .on_key()
                    .help(help)
            })
            .collect()
    }

    /// `Ok` when there is no finding, or the findings as an invalid spec.
    fn refuse(&self, findings: Vec<Finding>) -> Result<(), Error> {
        if findings.is_empty() {
            return Ok(());
        }
        Err(Error::InvalidSpec {
            file: self.file.clone(),
            text: self.source.clone(),
            problems: located(&self.source, findings),
        })
    }
}

/// The findings placed in `source`: in the order of the text, those without a place last.
fn located(source: &str, findings: Vec<Finding>) -> Vec<Problem> {
    let mut problems = load::locate(source, findings);
    problems.sort_by_key(|problem| {
        problem
            .span
            .as_ref()
            .map_or(usize::MAX, |span| span.bytes.start)
    });
    problems
}

/// The files of a plan of `dactylo-records`.
fn files_of<'p>(plan: &'p Plan) -> Result<&'p Files, Error> {
    plan.files.as_ref().ok_or_else(|| Error::Internal {
        file: CRATE_MODULE_DIR.to_owned(),
        reason: "the plan of a crate names no files".to_owned(),
    })
}

fn parse_path(path: &str) -> Result<syn::Path, Error> {
    syn::parse_str(path).map_err(|_| Error::InvalidOption(format!("`{path}` is not a Rust path")))
}
