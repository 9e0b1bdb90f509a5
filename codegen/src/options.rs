//! What a caller chooses about a generated file: where its value types come from, and how it
//! gets serde's traits.

/// How the generated types get serde's `Serialize` and `Deserialize`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Serde {
    /// Not at all: the generated code does not mention serde.
    Off,
    /// Always: the crate that includes the file depends on `serde` (with its `derive` feature),
    /// and the value types must implement the traits too (`dactylo-records` with its `serde`
    /// feature).
    On,
    /// When the including crate's feature of this name is on, as `dactylo-records` does with
    /// `serde`. The crate must declare the feature, or rustc warns of an unexpected `cfg`.
    Feature(String),
}

/// How [`crate::Spec::single_file`] generates one file for a build script to `include!`.
///
/// ```
/// use dactylo_codegen::{Serde, SingleFile};
///
/// let options = SingleFile::new("records.rs").serde(Serde::On);
/// # let _ = options;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SingleFile {
    pub(crate) file_name: String,
    pub(crate) values: String,
    pub(crate) serde: Serde,
}

impl SingleFile {
    /// A file named `file_name`, taking its value types from `::dactylo_records`, without serde.
    pub fn new(file_name: impl Into<String>) -> SingleFile {
        SingleFile {
            file_name: file_name.into(),
            values: "::dactylo_records".to_owned(),
            serde: Serde::Off,
        }
    }

    /// Takes the value types from the module at `path`, such as `crate::values`, instead of from
    /// `::dactylo_records`. The generator cannot see that module: it is the caller's to provide
    /// every value type the spec names, the items the generated code uses besides them (`Date`,
    /// the composites' `CompositeError`, `PeriodError` and `NoneGivenError`, and `ACT`'s `Act`,
    /// `Repeal` and `EntryIntoForce`) and, with serde, the deserialization helpers `de`; a
    /// `pub use dactylo_records::{...};` of them does.
    #[must_use]
    pub fn values(mut self, path: impl Into<String>) -> SingleFile {
        self.values = path.into();
        self
    }

    /// Gives the generated types serde's traits as `serde` says; [`Serde::Off`] by default.
    #[must_use]
    pub fn serde(mut self, serde: Serde) -> SingleFile {
        self.serde = serde;
        self
    }
}
