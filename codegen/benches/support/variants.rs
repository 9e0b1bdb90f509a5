//! The crates the compile-time benchmark builds: the same records of `fields` `Text` fields,
//! as plain structs, as a fixed-order "staged" builder (the floor of a builder with a setter per
//! field), as dactylo's generated builders, and with bon's and typed-builder's derives; each
//! alone, or with a module that builds every record to completion.

use std::fmt::Write;

use dactylo_codegen::{SingleFile, Spec};

use super::synthetic;

/// How the records get their builders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builders {
    /// Plain structs, built with struct literals.
    Plain,
    /// A fixed-order builder: one concrete type per step, each with the setter of the next
    /// field, the values in a struct of `Option`s. The setters must be called in order, and a
    /// missing field's error does not name it: the floor of what a builder with a setter per
    /// field costs, without dactylo's guarantees.
    Staged,
    /// dactylo-codegen's generated typestate builders.
    Dactylo,
    /// `#[derive(bon::Builder)]`.
    Bon,
    /// `#[derive(typed_builder::TypedBuilder)]`.
    TypedBuilder,
}

impl Builders {
    pub const ALL: [Builders; 5] = [
        Builders::Plain,
        Builders::Staged,
        Builders::Dactylo,
        Builders::Bon,
        Builders::TypedBuilder,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Builders::Plain => "plain structs",
            Builders::Staged => "staged (floor)",
            Builders::Dactylo => "dactylo",
            Builders::Bon => "bon",
            Builders::TypedBuilder => "typed-builder",
        }
    }

    fn crate_prefix(self) -> &'static str {
        match self {
            Builders::Plain => "plain",
            Builders::Staged => "staged",
            Builders::Dactylo => "dactylo",
            Builders::Bon => "bon",
            Builders::TypedBuilder => "typed_builder",
        }
    }

    /// The manifest line of the builder crate, pinned so that runs compare like with like.
    fn dependency(self) -> &'static str {
        match self {
            Builders::Plain | Builders::Staged | Builders::Dactylo => "",
            Builders::Bon => "bon = \"=3.10.3\"\n",
            Builders::TypedBuilder => "typed-builder = \"=0.21.2\"\n",
        }
    }

    fn derive(self) -> &'static str {
        match self {
            Builders::Plain | Builders::Staged | Builders::Dactylo => "",
            Builders::Bon => "#[derive(bon::Builder)]\n",
            Builders::TypedBuilder => "#[derive(typed_builder::TypedBuilder)]\n",
        }
    }
}

/// One crate to build: records × fields, their builders, and whether every record is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variant {
    pub records: usize,
    pub fields: usize,
    pub builders: Builders,
    pub calls: bool,
}

impl Variant {
    pub fn crate_name(&self) -> String {
        let calls = if self.calls { "_calls" } else { "" };
        format!(
            "{}_{}x{}{calls}",
            self.builders.crate_prefix(),
            self.records,
            self.fields
        )
    }

    pub fn manifest(&self) -> String {
        // The generated code takes the act's types (`ACT`) from the values module, which
        // re-exports them from `dactylo-records`, built with the dependencies before any
        // measurement.
        let records = if self.builders == Builders::Dactylo {
            format!(
                "dactylo-records = {{ path = {:?}, default-features = false }}\n",
                concat!(env!("CARGO_MANIFEST_DIR"), "/../generated")
            )
        } else {
            String::new()
        };
        format!(
            "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\n{}{records}",
            self.crate_name(),
            self.builders.dependency()
        )
    }

    /// The crate's source files, by path relative to the crate.
    pub fn sources(&self) -> Result<Vec<(String, String)>, dactylo_codegen::Error> {
        let mut lib = String::from(VALUES);
        let mut files = Vec::new();
        if self.builders == Builders::Dactylo {
            // The act's types, which the generated `ACT` takes from the values module.
            lib = lib.replace(
                "pub mod values {\n",
                "pub mod values {\n    pub use dactylo_records::{Act, Date, EntryIntoForce, Repeal};\n",
            );
            let spec = Spec::parse(
                &synthetic::spec(self.records, self.fields),
                "synthetic.yaml",
            )?;
            let options = SingleFile::new("records.rs").values("crate::values");
            let output = spec.single_file(&options)?;
            for file in output.files() {
                files.push((
                    format!("src/{}", file.path.display()),
                    file.contents.clone(),
                ));
            }
            lib.push_str("mod records;\npub use records::*;\n");
        } else {
            lib.push_str("use values::Text;\n");
            for record in 0..self.records {
                lib.push_str(&self.record_struct(record));
                if self.builders == Builders::Staged {
                    lib.push_str(&self.staged_builder(record));
                }
            }
        }
        if self.calls {
            lib.push_str(&self.calls_module());
        }
        files.push(("src/lib.rs".to_owned(), lib));
        Ok(files)
    }

    fn record_struct(&self, record: usize) -> String {
        let mut code = format!(
            "/// Record {record}.\n{}#[derive(Debug, Clone, PartialEq, Eq)]\npub struct Record{record} {{\n",
            self.builders.derive()
        );
        for field in 0..self.fields {
            let _ = writeln!(code, "    /// Datum {field}.\n    pub field_{field}: Text,");
        }
        code.push_str("}\n");
        code
    }

    /// The staged builder of record `record`: `Record0Step0` to `Record0StepN`, each step's
    /// setter moving the values on to the next step's type.
    fn staged_builder(&self, record: usize) -> String {
        let fields = self.fields;
        let mut code = format!("#[derive(Default)]\nstruct Record{record}Values {{\n");
        for field in 0..fields {
            let _ = writeln!(code, "    field_{field}: Option<Text>,");
        }
        code.push_str("}\n");
        let _ = writeln!(
            code,
            "impl Record{record} {{\n    /// Starts a builder.\n    #[inline]\n    pub fn builder() -> Record{record}Step0 {{\n        Record{record}Step0(Record{record}Values::default())\n    }}\n}}"
        );
        for step in 0..=fields {
            let _ = writeln!(
                code,
                "/// Builder step {step}.\npub struct Record{record}Step{step}(Record{record}Values);"
            );
            if step < fields {
                let next = step + 1;
                let _ = writeln!(
                    code,
                    "impl Record{record}Step{step} {{\n    /// Sets field {step}.\n    #[inline]\n    pub fn field_{step}(mut self, value: Text) -> Record{record}Step{next} {{\n        self.0.field_{step} = Some(value);\n        Record{record}Step{next}(self.0)\n    }}\n}}"
                );
            } else {
                let _ = writeln!(
                    code,
                    "impl Record{record}Step{step} {{\n    /// Builds the record.\n    #[inline]\n    pub fn build(self) -> Record{record} {{\n        let values = self.0;\n        Record{record} {{"
                );
                for field in 0..fields {
                    let _ = writeln!(
                        code,
                        "            field_{field}: values.field_{field}.unwrap(),"
                    );
                }
                code.push_str("        }\n    }\n}\n");
            }
        }
        code
    }

    /// `build_record_N()` a record: what a downstream crate writes, and type-checks, to use them.
    fn calls_module(&self) -> String {
        let mut code =
            String::from("\n/// Every record, built.\npub mod calls {\n    use super::*;\n");
        for record in 0..self.records {
            let _ = writeln!(
                code,
                "    pub fn build_record_{record}() -> Record{record} {{"
            );
            if self.builders == Builders::Plain {
                let _ = writeln!(code, "        Record{record} {{");
                for field in 0..self.fields {
                    let _ = writeln!(code, "            field_{field}: Text::new(\"{field}\"),");
                }
                code.push_str("        }\n");
            } else {
                let _ = writeln!(code, "        Record{record}::builder()");
                for field in 0..self.fields {
                    let _ = writeln!(code, "            .field_{field}(Text::new(\"{field}\"))");
                }
                code.push_str("            .build()\n");
            }
            code.push_str("    }\n");
        }
        code.push_str("}\n");
        code
    }
}

/// The hand-written value type every field holds, as the synthetic spec declares it.
const VALUES: &str = "//! Records for the compile-time benchmark.

/// The hand-written value types.
pub mod values {
    /// A text.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Text(String);

    impl Text {
        /// The text `text`.
        pub fn new(text: &str) -> Text {
            Text(text.to_owned())
        }
    }
}

";
