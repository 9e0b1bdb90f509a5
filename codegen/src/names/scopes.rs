//! Every name the generated code declares, in the scope it is declared in, and why.
//!
//! The list is built from the same functions and constants the emitters take their names from,
//! so a spec whose names would collide (a record named like a generated module, a part named
//! like a constructor) is refused by the checker rather than by the compiler. A test parses the
//! generated code and asserts that it declares exactly these names, so that a new generated item
//! cannot be added without its name.

use std::collections::BTreeSet;

use crate::model::{Composite, Field, Model, Record};
use crate::names;

/// Where a generated name lives: within one scope, every name must be distinct.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Scope {
    /// A module of the generated code, by its path from the generated module's root (empty for
    /// the root): its items, its imports, and the type parameters of its items, which hide items
    /// of the same name where they are in scope.
    Module(Vec<String>),
    /// The named fields of a struct: its module and name.
    Fields(Vec<String>, String),
    /// The associated functions and methods of a type's inherent `impl`s: its module and name.
    Associated(Vec<String>, String),
    /// The root of the crate the generated module is part of, beside its glob re-export.
    CrateRoot,
    /// A directory the generator writes files into, relative to its output directory.
    Files(String),
}

/// A name the generated code declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Declaration {
    pub(crate) scope: Scope,
    pub(crate) name: String,
    pub(crate) origin: Origin,
}

/// Why a name is declared: what the generated item is, and whether a spec name gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    /// The item, as a message names it: "the module of record `Visa`".
    pub(crate) what: String,
    /// The spec node it is named after, if any.
    pub(crate) node: Option<Node>,
}

/// A node of the spec a generated name derives from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    /// The node's path, as findings name it.
    pub(crate) path: String,
    /// Whether the name is the node's key (a record's name) rather than its value (an ident).
    pub(crate) on_key: bool,
    /// What to rename to resolve a collision: "record", "field", "part", "composite".
    pub(crate) kind: NodeKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NodeKind {
    Value,
    Composite,
    Record,
    Field,
    Part,
}

impl NodeKind {
    pub(crate) fn noun(self) -> &'static str {
        match self {
            NodeKind::Value => "value type",
            NodeKind::Composite => "composite",
            NodeKind::Record => "record",
            NodeKind::Field => "field",
            NodeKind::Part => "part",
        }
    }
}

/// Collects declarations; one method a scope of the generated code.
#[derive(Default)]
struct Declarations(Vec<Declaration>);

impl Declarations {
    fn generator(&mut self, scope: &Scope, name: impl Into<String>, what: impl Into<String>) {
        self.0.push(Declaration {
            scope: scope.clone(),
            name: name.into(),
            origin: Origin {
                what: what.into(),
                node: None,
            },
        });
    }

    fn spec(
        &mut self,
        scope: &Scope,
        name: impl Into<String>,
        what: impl Into<String>,
        node: &Node,
    ) {
        self.0.push(Declaration {
            scope: scope.clone(),
            name: name.into(),
            origin: Origin {
                what: what.into(),
                node: Some(node.clone()),
            },
        });
    }
}

fn module(path: &[&str]) -> Vec<String> {
    path.iter().map(ToString::to_string).collect()
}

/// Every name the generated module of `model` declares, in the order it is emitted.
pub(crate) fn declarations(model: &Model) -> Vec<Declaration> {
    declarations_reusing(model, &BTreeSet::new())
}

/// Every name the generated module of `model` declares when it takes the composites named in
/// `reused` from the values' crate rather than generating them.
pub(crate) fn declarations_reusing(model: &Model, reused: &BTreeSet<String>) -> Vec<Declaration> {
    let mut declared = Declarations::default();
    root(model, reused, &mut declared);
    composites(model, reused, &mut declared);
    for record in &model.records {
        record_module(record, &mut declared);
    }
    states(model, &mut declared);
    sealed(model, &mut declared);
    declared.0
}

/// The builders' sealed traits and the functions that put a value in a state: the generator's
/// names only, as no spec name enters the module.
fn sealed(model: &Model, declared: &mut Declarations) {
    let scope = Scope::Module(module(&[names::SEALED_MODULE]));
    declared.generator(&scope, "Place", "the sealed trait of a builder's places");
    declared.generator(
        &scope,
        "Holds",
        "the sealed trait of a place holding a value",
    );
    declared.generator(&scope, "Value", "the type parameter of `Holds`");
    for required in crate::emit::layouts_in(model) {
        for item in 0..required {
            let what = format!("the function that puts item {item} of {required} in a state");
            declared.generator(&scope, names::put_fn(item, required), what);
        }
    }
}

fn record_node(record: &Record) -> Node {
    Node {
        path: format!("records.{}", record.name),
        on_key: true,
        kind: NodeKind::Record,
    }
}

/// The ident of the field at `index` of the record `record`.
fn field_node(record: &str, index: usize) -> Node {
    Node {
        path: format!("records.{record}.fields[{index}].ident"),
        on_key: false,
        kind: NodeKind::Field,
    }
}

/// The required fields of `record`, with their index among all its fields.
fn required(record: &Record) -> impl Iterator<Item = (usize, &Field)> {
    record
        .fields
        .iter()
        .enumerate()
        .filter(|(_, field)| field.member.is_required())
}

fn root(model: &Model, reused: &BTreeSet<String>, declared: &mut Declarations) {
    let scope = Scope::Module(Vec::new());
    let generates_composites = model
        .composites
        .iter()
        .any(|composite| !reused.contains(&composite.name));
    if generates_composites {
        declared.generator(&scope, names::COMPOSITES_MODULE, "the module of composites");
    }
    for composite in &model.composites {
        let node = Node {
            path: format!("composites.{}", composite.name),
            on_key: true,
            kind: NodeKind::Composite,
        };
        let what = format!("the composite `{}`", composite.name);
        declared.spec(&scope, &composite.name, what, &node);
    }
    for record in &model.records {
        let node = record_node(record);
        let name = &record.name;
        let module = names::record_module(name);
        declared.spec(
            &scope,
            &module,
            format!("the module of record `{name}`"),
            &node,
        );
        declared.spec(&scope, name, format!("the record `{name}`"), &node);
        let builder = names::builder(name);
        declared.spec(&scope, builder, format!("the builder of `{name}`"), &node);
    }
    declared.generator(
        &scope,
        names::ACT_CONSTANT,
        "the constant of the act's dates of force",
    );
    declared.generator(
        &scope,
        names::UNSET_TYPE,
        "the type `Unset` of the builders' states",
    );
    declared.generator(
        &scope,
        names::SET_TYPE,
        "the type `Set` of the builders' states",
    );
    declared.generator(
        &scope,
        names::SEALED_MODULE,
        "the private module of the builders' sealed traits",
    );
    declared.generator(
        &scope,
        names::VALUE_PARAMETER,
        "the type parameter of the value a `Set` holds",
    );
    declared.generator(
        &scope,
        names::STATES_MODULE,
        "the module of the builders' states",
    );
    for value in &model.values {
        let node = Node {
            path: format!("values.{}", value.name),
            on_key: true,
            kind: NodeKind::Value,
        };
        let what = format!("the value type `{}`", value.name);
        declared.spec(&scope, &value.name, what, &node);
    }
}

fn composites(model: &Model, reused: &BTreeSet<String>, declared: &mut Declarations) {
    let generated: Vec<&Composite> = model
        .composites
        .iter()
        .filter(|composite| !reused.contains(&composite.name))
        .collect();
    let path = module(&[names::COMPOSITES_MODULE]);
    let scope = Scope::Module(path.clone());
    for composite in generated {
        let name = &composite.name;
        let node = Node {
            path: format!("composites.{name}"),
            on_key: true,
            kind: NodeKind::Composite,
        };
        declared.spec(&scope, name, format!("the composite `{name}`"), &node);
        let fields = Scope::Fields(path.clone(), name.clone());
        let associated = Scope::Associated(path.clone(), name.clone());
        if composite.is_checked() {
            let what = format!("the constructor of `{name}`");
            declared.generator(&associated, names::CONSTRUCTOR, what);
        }
        for (index, part) in composite.parts.iter().enumerate() {
            let node = Node {
                path: format!("composites.{name}.parts[{index}].ident"),
                on_key: false,
                kind: NodeKind::Part,
            };
            let ident = &part.ident;
            let what = format!("the part `{ident}` of `{name}`");
            declared.spec(&fields, ident, what, &node);
            if composite.is_checked() {
                let what = format!("the getter of part `{ident}` of `{name}`");
                declared.spec(&associated, ident, what, &node);
            }
        }
    }
}

fn record_module(record: &Record, declared: &mut Declarations) {
    let name = &record.name;
    let path = vec![names::record_module(name)];
    let scope = Scope::Module(path.clone());
    let node = record_node(record);
    let builder = names::builder(name);
    let required = record.required_fields().count();

    if required > 0 {
        for marker in [names::SET_TYPE, names::UNSET_TYPE] {
            let what = format!("the import of the type `{marker}` of the builders' states");
            declared.generator(&scope, marker, what);
        }
    }
    declared.spec(&scope, name, format!("the record `{name}`"), &node);
    declared.spec(&scope, &builder, format!("the builder of `{name}`"), &node);
    declared.generator(
        &scope,
        names::ITEMS_STRUCT,
        format!("the struct of the optional items' values of `{builder}`"),
    );
    for chunk in 0..crate::emit::chunk_count(required) {
        let what = format!("the type parameter of chunk {chunk} of the state of `{builder}`");
        declared.generator(&scope, names::chunk_parameter(chunk), what);
    }
    for item in 0..required {
        let what = format!("the type parameter of the place of required item {item}");
        declared.generator(&scope, names::place_parameter(item), what);
    }

    let record_fields = Scope::Fields(path.clone(), name.clone());
    let builder_fields = Scope::Fields(path.clone(), builder.clone());
    let items_fields = Scope::Fields(path.clone(), names::ITEMS_STRUCT.to_owned());
    let builder_methods = Scope::Associated(path.clone(), builder.clone());
    let record_functions = Scope::Associated(path.clone(), name.clone());
    declared.generator(
        &record_functions,
        names::BUILDER_FN,
        format!("the function `{name}::builder`"),
    );
    for field in [names::ITEMS_FIELD, names::STATE_FIELD] {
        declared.generator(
            &builder_fields,
            field,
            format!("the field `{field}` of `{builder}`"),
        );
    }
    declared.generator(
        &builder_methods,
        names::BUILD_METHOD,
        format!("the method `{builder}::build`"),
    );
    for (index, field) in record.fields.iter().enumerate() {
        let ident = &field.member.ident;
        let node = field_node(name, index);
        let what = format!("the field `{ident}` of `{name}`");
        declared.spec(&record_fields, ident, what, &node);
        let what = format!("the setter of field `{ident}`");
        declared.spec(&builder_methods, ident, what, &node);
        if field.member.is_required() {
            for derived in [names::is_set_trait(ident), names::is_unset_trait(ident)] {
                let what = format!("the trait `{derived}` of field `{ident}`");
                declared.spec(&scope, derived, what, &node);
            }
        } else {
            let what = format!("the value of optional field `{ident}` in the builder");
            declared.spec(&items_fields, ident, what, &node);
            let maybe = names::maybe_setter(ident);
            let what = format!("the setter `{maybe}` of optional field `{ident}`");
            declared.spec(&builder_methods, maybe, what, &node);
        }
    }
}

fn states(model: &Model, declared: &mut Declarations) {
    let states = module(&[names::STATES_MODULE]);
    let scope = Scope::Module(states.clone());
    for record in &model.records {
        let name = &record.name;
        let module_name = names::record_module(name);
        let node = record_node(record);
        let what = format!("the module of the states of `{name}`");
        declared.spec(&scope, &module_name, what, &node);
        let inner = Scope::Module(vec![names::STATES_MODULE.to_owned(), module_name]);
        for (index, field) in required(record) {
            let ident = &field.member.ident;
            let node = field_node(name, index);
            for derived in [names::is_set_trait(ident), names::is_unset_trait(ident)] {
                let what = format!("the re-export of the trait `{derived}` of field `{ident}`");
                declared.spec(&inner, derived, what, &node);
            }
        }
    }
}

/// What generating into `dactylo-records` adds to [`declarations`]: the generated module's own
/// name, and the names of the crate's root that sit beside the generated module's public items,
/// as generator-owned declarations of [`Scope::CrateRoot`], followed by those public items that
/// are not value types (a value type's re-export names the same item).
pub(crate) fn crate_root(model: &Model) -> Vec<Declaration> {
    let mut declared = Declarations::default();
    declared.generator(
        &Scope::Module(Vec::new()),
        names::records_crate::GENERATED_MODULE,
        "the generated module itself, `dactylo_records::records`",
    );
    let scope = Scope::CrateRoot;
    for name in names::records_crate::ROOT_NAMES {
        let what = format!("`{name}` of dactylo-records' own root (generated/src/lib.rs)");
        declared.generator(&scope, name, what);
    }
    for declaration in declarations(model) {
        let is_public_type = declaration.scope == Scope::Module(Vec::new())
            && declaration
                .origin
                .node
                .as_ref()
                .is_some_and(|node| node.kind != NodeKind::Value)
            && declaration
                .name
                .starts_with(|c: char| c.is_ascii_uppercase());
        if is_public_type {
            declared.0.push(Declaration {
                scope: scope.clone(),
                ..declaration
            });
        }
    }
    declared.0
}

/// The files a crate's generated sources are written to: the generated module's directory and
/// the JSON Schemas. Only names that collide in the module collide here, but the files are the
/// names the file system sees.
pub(crate) fn crate_files(model: &Model, module_dir: &str, schema_dir: &str) -> Vec<Declaration> {
    let mut declared = Declarations::default();
    let modules = Scope::Files(module_dir.to_owned());
    let schemas = Scope::Files(schema_dir.to_owned());
    declared.generator(
        &modules,
        names::ROOT_FILE,
        "the file of the generated module's root",
    );
    if !model.composites.is_empty() {
        let file = names::module_file(names::COMPOSITES_MODULE);
        declared.generator(&modules, file, "the file of the composites");
    }
    for record in &model.records {
        let node = record_node(record);
        let name = &record.name;
        let file = names::module_file(&names::record_module(name));
        declared.spec(
            &modules,
            file,
            format!("the file of record `{name}`"),
            &node,
        );
        let file = names::schema_file(name);
        declared.spec(
            &schemas,
            file,
            format!("the JSON Schema of record `{name}`"),
            &node,
        );
    }
    declared.0
}

/// The compile-fail programs, one file per record.
pub(crate) fn case_files(model: &Model) -> Vec<Declaration> {
    let mut declared = Declarations::default();
    let scope = Scope::Files("compile-fail cases".to_owned());
    for record in &model.records {
        let name = &record.name;
        let node = record_node(record);
        let file = names::module_file(&names::case_file(name));
        let what = format!("the compile-fail program of `{name}`");
        declared.spec(&scope, file, what, &node);
    }
    declared.0
}
