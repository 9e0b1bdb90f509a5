//! The crates the compile-time benchmark builds: the same records of `fields` `Text` fields,
//! as plain structs, as dactylo's generated builders, and with bon's and typed-builder's derives;
//! each alone, or with a module that builds every record to completion.

use std::fmt::Write;

use dactylo_codegen::{SingleFile, Spec};

use super::synthetic;

/// How the records get their builders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builders {
    /// Plain structs, built with struct literals.
    Plain,
    /// dactylo-codegen's generated typestate builders.
    Dactylo,
    /// `#[derive(bon::Builder)]`.
    Bon,
    /// `#[derive(typed_builder::TypedBuilder)]`.
    TypedBuilder,
}

impl Builders {
    pub const ALL: [Builders; 4] = [
        Builders::Plain,
        Builders::Dactylo,
        Builders::Bon,
        Builders::TypedBuilder,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Builders::Plain => "plain structs",
            Builders::Dactylo => "dactylo",
            Builders::Bon => "bon",
            Builders::TypedBuilder => "typed-builder",
        }
    }

    fn crate_prefix(self) -> &'static str {
        match self {
            Builders::Plain => "plain",
            Builders::Dactylo => "dactylo",
            Builders::Bon => "bon",
            Builders::TypedBuilder => "typed_builder",
        }
    }

    /// The manifest line of the builder crate, pinned so that runs compare like with like.
    fn dependency(self) -> &'static str {
        match self {
            Builders::Plain | Builders::Dactylo => "",
            Builders::Bon => "bon = \"=3.10.3\"\n",
            Builders::TypedBuilder => "typed-builder = \"=0.21.2\"\n",
        }
    }

    fn derive(self) -> &'static str {
        match self {
            Builders::Plain | Builders::Dactylo => "",
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
        format!(
            "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\n{}",
            self.crate_name(),
            self.builders.dependency()
        )
    }

    /// The crate's source files, by path relative to the crate.
    pub fn sources(&self) -> Result<Vec<(String, String)>, dactylo_codegen::Error> {
        let mut lib = String::from(VALUES);
        let mut files = Vec::new();
        if self.builders == Builders::Dactylo {
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
