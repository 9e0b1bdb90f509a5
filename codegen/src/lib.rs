//! Generates Rust record types and typestate builders from a YAML spec of the lists of
//! Kazakhstan's Government Resolution No. 939 (the data a carrier of fingerprint information
//! must contain).
//!
//! The pipeline has one module a stage: `load` reads the YAML, `check` turns it into a
//! [`model::Model`] (or reports every problem), `emit` builds tokens per concern, `layout`
//! formats them into files once, and [`Output`] writes them (or checks them against disk).
//!
//! From a build script, generate one file into `OUT_DIR` and `include!` it, naming the crate
//! whose value types the spec refers to:
//!
//! ```no_run
//! # fn main() -> Result<(), dactylo_codegen::Error> {
//! let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
//! dactylo_codegen::Spec::load("spec/resolution-939.yaml")?
//!     .single_file("records.rs", "::dactylo_records")?
//!     .write(&out_dir)?;
//! # Ok(())
//! # }
//! ```

mod check;
mod emit;
mod error;
mod layout;
mod load;
pub mod model;
mod names;
mod output;
mod spec;
mod suggest;

use std::fs;
use std::path::{Path, PathBuf};

pub use error::{Error, Problem, Span};
pub use layout::{GENERATED_MARKER, is_generated};
pub use output::{GeneratedFile, Output, Stale, WriteReport};

/// Where the generated modules go inside the generated crate.
pub const CRATE_MODULE_DIR: &str = "src/records";

/// Where a crate's generated sources find the hand-written value types.
const CRATE_VALUES_PATH: &str = "crate::values";

/// The generated crate, as its README's examples name it.
const CRATE_NAME: &str = "dactylo_records";

/// Where the JSON Schemas go inside the generated crate.
pub const SCHEMA_DIR: &str = "schema";

/// A spec that has been read and checked.
#[derive(Debug, Clone)]
pub struct Spec {
    model: model::Model,
    label: String,
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
        let spec = load::load(source).map_err(invalid)?;
        let model = check::check(spec).map_err(|findings| {
            let mut problems = load::locate(source, findings);
            // In the order of the text; problems without a place last, in the order found.
            problems.sort_by_key(|problem| {
                problem
                    .span
                    .as_ref()
                    .map_or(usize::MAX, |span| span.bytes.start)
            });
            invalid(problems)
        })?;
        let label = file.to_string_lossy().replace('\\', "/");
        Ok(Spec { model, label })
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

    /// The generated parts of the `dactylo-records` crate, relative to the crate's directory: its
    /// modules, its README and a JSON Schema a record.
    ///
    /// # Errors
    ///
    /// [`Error::Internal`] only if the generator has a bug.
    pub fn crate_sources(&self) -> Result<Output, Error> {
        let values = parse_path(CRATE_VALUES_PATH)?;
        let tree = emit::tree(&self.model, &values);
        let mut files = layout::module_directory(tree, Path::new(CRATE_MODULE_DIR), &self.label)?;
        let crate_name = proc_macro2::Ident::new(CRATE_NAME, proc_macro2::Span::call_site());
        let readme = emit::readme(&self.model, &crate_name, |tokens| {
            layout::rust_code("README.md", tokens)
        })?;
        files.push(layout::markdown_file(
            PathBuf::from("README.md"),
            &readme,
            &self.label,
        ));
        for record in &self.model.records {
            let file = format!("{}.schema.json", names::record_module(&record.name));
            let schema = emit::record_schema(
                &self.model,
                record,
                &file,
                &layout::json_header(&self.label),
            );
            files.push(layout::json_file(
                Path::new(SCHEMA_DIR).join(&file),
                &schema,
            )?);
        }
        Ok(Output::new(files)
            .owning(CRATE_MODULE_DIR)
            .owning(SCHEMA_DIR))
    }

    /// The generated module as one file named `file_name`, for a build script to `include!`;
    /// the value types are taken from the module at `values_path`, e.g. `::dactylo_records`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] when `values_path` is not a Rust path.
    pub fn single_file(&self, file_name: &str, values_path: &str) -> Result<Output, Error> {
        let values = parse_path(values_path)?;
        let tree = emit::tree(&self.model, &values);
        let file = layout::single_file(tree, Path::new(file_name), &self.label)?;
        Ok(Output::new(vec![file]))
    }

    /// Programs that must not compile against the crate `crate_name` (which re-exports every
    /// type at its root): one a required item left out, one with nothing set and one setting an
    /// item twice, for every record. Written into a directory they own, with their `.stderr`
    /// snapshots.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] when `crate_name` is not an identifier.
    pub fn compile_fail_cases(&self, crate_name: &str) -> Result<Output, Error> {
        let crate_name: proc_macro2::Ident = syn::parse_str(crate_name).map_err(|_| {
            Error::InvalidOption(format!(
                "`{crate_name}` is not a crate name as used in Rust code"
            ))
        })?;
        let cases = emit::compile_fail_cases(&self.model, &crate_name);
        let files = layout::case_files(cases, &self.label)?;
        Ok(Output::new(files).owning("").with_companions("stderr"))
    }
}

fn parse_path(path: &str) -> Result<syn::Path, Error> {
    syn::parse_str(path).map_err(|_| Error::InvalidOption(format!("`{path}` is not a Rust path")))
}
