//! What an output adds to the generated module's plan: the names of `dactylo-records`' root
//! beside it, the files of its module directory and its JSON Schemas, and the compile-fail
//! programs.

use super::module::Module;
use super::record::{RecordModule, field_node, record_node};
use super::{Kind, Name, NodeKind, Planner, Scope};
use crate::names;
use crate::names::records_crate::{GENERATED_MODULE, ROOT_NAMES};

/// The name of a generated file, relative to the directory it is written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileName(String);

impl FileName {
    /// The name as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Planner {
    fn file(
        &mut self,
        dir: &Scope,
        name: String,
        what: String,
        record: Option<&RecordModule>,
    ) -> FileName {
        match record {
            Some(module) => self.spec(dir, Kind::File, &name, what, &record_node(module.record)),
            None => self.generator(dir, Kind::File, &name, what),
        };
        FileName(name)
    }
}

/// The files of the generated module written as a directory, and of its JSON Schemas.
#[non_exhaustive]
pub struct Files {
    /// The file of the module's root.
    pub root: FileName,
    /// The file of the module of composites, when there is one.
    pub composites: Option<FileName>,
    /// The file of each record's module, in the order of the records.
    pub records: Vec<FileName>,
    /// The JSON Schema of each record, in the order of the records.
    pub schemas: Vec<FileName>,
    /// The reference, at the crate's root.
    pub readme: FileName,
    /// The list of records of the `nist` example, when the spec exports the records.
    pub nist_example: Option<FileName>,
}

/// The names `dactylo-records` declares beside the generated module: the module itself, and the
/// names of the crate's hand-written root that sit beside the module's glob re-export, then the
/// module's public types that could meet them there (a value type's re-export names the very
/// item of the root, so it cannot collide with it).
pub(super) fn records_crate_root(planner: &mut Planner) {
    planner.generator(
        &Scope::Module(Vec::new()),
        Kind::Module,
        GENERATED_MODULE,
        "the generated module itself, `dactylo_records::records`",
    );
    for name in ROOT_NAMES {
        let what = format!("`{name}` of dactylo-records' own root (generated/src/lib.rs)");
        planner.generator(&Scope::CrateRoot, Kind::Reexport, name, what);
    }
    let root = Scope::Module(Vec::new());
    let public: Vec<_> = planner
        .declarations
        .iter()
        .filter(|declaration| {
            declaration.scope == root
                && declaration
                    .origin
                    .node
                    .as_ref()
                    .is_some_and(|node| node.kind != NodeKind::Value)
                && declaration
                    .name
                    .starts_with(|c: char| c.is_ascii_uppercase())
        })
        .cloned()
        .collect();
    planner
        .declarations
        .extend(public.into_iter().map(|declaration| super::Declaration {
            scope: Scope::CrateRoot,
            ..declaration
        }));
}

/// The files of the module directory and of the JSON Schemas. Only names that collide in the
/// module collide here, but the files are the names the file system sees.
pub(super) fn files(module: &Module, planner: &mut Planner) -> Files {
    let modules = Scope::Files("the generated module's directory".to_owned());
    let schemas = Scope::Files("the JSON Schemas' directory".to_owned());
    let root = planner.file(
        &modules,
        names::ROOT_FILE.to_owned(),
        "the file of the generated module's root".to_owned(),
        None,
    );
    let composites = module.composites.as_ref().map(|composites| {
        planner.file(
            &modules,
            names::module_file(composites.module.as_str()),
            "the file of the composites".to_owned(),
            None,
        )
    });
    let mut records = Vec::new();
    let mut schema_files = Vec::new();
    for record_module in &module.records {
        let name = &record_module.record.name;
        records.push(planner.file(
            &modules,
            names::module_file(record_module.module.as_str()),
            format!("the file of record `{name}`"),
            Some(record_module),
        ));
        schema_files.push(planner.file(
            &schemas,
            names::schema_file(name),
            format!("the JSON Schema of record `{name}`"),
            Some(record_module),
        ));
    }
    let readme = planner.file(
        &Scope::Files("the crate's directory".to_owned()),
        names::README_FILE.to_owned(),
        "the reference".to_owned(),
        None,
    );
    let exported = module.records.iter().any(|record| record.nist.is_some());
    let nist_example = exported.then(|| {
        planner.file(
            &Scope::Files("the `nist` example's directory".to_owned()),
            names::NIST_EXAMPLE_FILE.to_owned(),
            "the records the `nist` example encodes and decodes".to_owned(),
            None,
        )
    });
    Files {
        root,
        composites,
        records,
        schemas: schema_files,
        readme,
        nist_example,
    }
}

/// The compile-fail programs, one per record.
#[non_exhaustive]
pub struct Cases {
    /// One per record that has a required item (a record without one builds with nothing set,
    /// so no case of it fails), in the order of the records.
    pub files: Vec<CaseFile>,
}

/// The compile-fail program of one record: a function per case, and `main`, which names them.
#[non_exhaustive]
pub struct CaseFile {
    /// The index of its record in the plan's records.
    pub record: usize,
    /// Its file.
    pub file: FileName,
    /// One per required field, left out, in the order of the required fields.
    pub missing: Vec<Name>,
    /// The record built with nothing set.
    pub nothing_set: Name,
    /// The first required field set twice, when there is one.
    pub set_twice: Option<Name>,
    /// Its `main`, which names every case.
    pub main: Name,
}

pub(super) fn cases(module: &Module, planner: &mut Planner) -> Cases {
    let dir = Scope::Files("compile-fail cases".to_owned());
    let files = module
        .records
        .iter()
        .enumerate()
        .filter(|(_, record_module)| {
            record_module
                .record
                .fields
                .iter()
                .any(|field| field.member.is_required())
        })
        .map(|(record_index, record_module)| {
            let record = record_module.record;
            let name = &record.name;
            let case = names::case_file(name);
            let file = planner.file(
                &dir,
                names::module_file(&case),
                format!("the compile-fail program of `{name}`"),
                Some(record_module),
            );
            let scope = Scope::Module(vec![case]);
            let module_name = record_module.module.as_str();
            let required: Vec<(usize, &str)> = record
                .fields
                .iter()
                .enumerate()
                .filter(|(_, field)| field.member.is_required())
                .map(|(index, field)| (index, field.member.ident.as_str()))
                .collect();
            let missing = required
                .iter()
                .map(|&(index, ident)| {
                    let what = format!("the case of `{name}` without `{ident}`");
                    let function = names::missing_case(module_name, ident);
                    let node = field_node(name, index);
                    planner.spec(&scope, Kind::Function, function, what, &node)
                })
                .collect();
            let nothing_set = planner.spec(
                &scope,
                Kind::Function,
                names::nothing_set_case(module_name),
                format!("the case of `{name}` with nothing set"),
                &record_node(record),
            );
            let set_twice = required.first().map(|&(index, ident)| {
                let what = format!("the case of `{name}` with `{ident}` set twice");
                let function = names::set_twice_case(module_name, ident);
                planner.spec(
                    &scope,
                    Kind::Function,
                    function,
                    what,
                    &field_node(name, index),
                )
            });
            let main = planner.generator(
                &scope,
                Kind::Function,
                names::MAIN_FN,
                format!("the `main` of the compile-fail program of `{name}`"),
            );
            CaseFile {
                record: record_index,
                file,
                missing,
                nothing_set,
                set_twice,
                main,
            }
        })
        .collect();
    Cases { files }
}
