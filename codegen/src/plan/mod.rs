//! The plan of the generated output, between the check and the emission: every module, file and
//! item the generator writes, as data, each with its name, the scope it is declared in, its
//! kind and its origin (the spec node it is named after, or the generator itself), and each
//! builder's typestate layout.
//!
//! A name is decided here once. The emitters, the docs and the layout render plan items and
//! derive no name of their own; the checker refuses a spec whose planned names collide
//! ([`Plan::declarations`]). A new generated item is planned here first, which declares it,
//! and only then rendered.
//!
//! [`crate::Spec::plan`] gives the plan of the records crate, so that code written against the
//! generated crate (a test suite's fixtures, an adapter to another format) takes its names from
//! here rather than derive them from the spec.

#[cfg(test)]
mod emitted;
mod layout;
mod machinery;
mod module;
mod outputs;
mod record;

use std::collections::BTreeSet;
use std::fmt;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, TokenStreamExt};

pub use layout::{Chunk, Layout, Place};
pub use machinery::{Machinery, PutFunction, SharedLayout};
pub use module::{CompositeItems, CompositesModule, PartItems, Reexport, States};
pub use outputs::{CaseFile, Cases, FileName, Files};
pub use record::{FieldItems, FieldRole, NistFunctions, RecordModule, RecordStates};

use crate::model::Model;

/// The name of a planned item, written by the emitters as it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Name(String);

impl Name {
    /// Only the planner names items.
    fn new(name: impl Into<String>) -> Name {
        Name(name.into())
    }

    /// The name as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name as an identifier. Every planned item name is one: the checker has refused every
    /// spec name that is not a valid, non-keyword identifier, and derived names only add ASCII
    /// letters, digits and underscores to those.
    pub(crate) fn ident(&self) -> Ident {
        Ident::new(&self.0, Span::call_site())
    }
}

impl ToTokens for Name {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.append(self.ident());
    }
}

impl fmt::Display for Name {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

/// Where a name lives: within one scope, every name must be distinct.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Scope {
    /// A module of the generated code, by its path from the generated module's root (empty for
    /// the root): its items, its imports, and the type parameters of its items, which hide items
    /// of the same name where they are in scope.
    Module(Vec<String>),
    /// The named fields of a struct: its module and name.
    Fields(Vec<String>, String),
    /// The associated functions and methods of a type's inherent `impl`s, or of a trait: its
    /// module and name.
    Associated(Vec<String>, String),
    /// The type parameters of a function, and the bindings of its body that are not plain code:
    /// its module and name.
    Function(Vec<String>, String),
    /// The root of the crate the generated module is part of, beside its glob re-export.
    CrateRoot,
    /// A directory the generator writes files into.
    Files(String),
}

/// What a planned name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// A module.
    Module,
    /// A struct.
    Struct,
    /// A trait.
    Trait,
    /// A constant.
    Constant,
    /// A type parameter.
    TypeParameter,
    /// A named field of a struct.
    Field,
    /// A function, or an associated function without `self`.
    Function,
    /// A method.
    Method,
    /// A `use` of an item of another module.
    Import,
    /// A `pub use`, in the module that re-exports the item.
    Reexport,
    /// A binding in the body of a generated function.
    Binding,
    /// A file written.
    File,
}

/// A name the generated output declares.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Declaration {
    /// Where the name is declared.
    pub scope: Scope,
    /// The name.
    pub name: String,
    /// What it names.
    pub kind: Kind,
    /// Why it is declared.
    pub origin: Origin,
}

/// Why a name is declared: what the generated item is, and whether a spec name gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Origin {
    /// The item, as a message names it: "the module of record `Visa`".
    pub what: String,
    /// The spec node it is named after, if any.
    pub node: Option<Node>,
}

/// A node of the spec a generated name derives from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Node {
    /// The node's path, as findings name it.
    pub path: String,
    /// Whether the name is the node's key (a record's name) rather than its value (an ident).
    pub on_key: bool,
    /// What to rename to resolve a collision.
    pub kind: NodeKind,
}

/// What kind of spec node a name derives from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NodeKind {
    /// A value type, under `values`.
    Value,
    /// A composite, under `composites`.
    Composite,
    /// A record (a list), under `records`.
    Record,
    /// A record's field.
    Field,
    /// A composite's part.
    Part,
}

impl NodeKind {
    /// The node as a message names it: "record", "field".
    pub fn noun(self) -> &'static str {
        match self {
            NodeKind::Value => "value type",
            NodeKind::Composite => "composite",
            NodeKind::Record => "record",
            NodeKind::Field => "field",
            NodeKind::Part => "part",
        }
    }
}

/// What a run writes, which decides what it declares besides the generated module's own items.
#[derive(Debug, Clone, Default)]
pub(crate) struct Destination {
    /// The composites the module takes from the values' crate rather than generating them.
    pub(crate) reused: BTreeSet<String>,
    /// Whether the module is written into `dactylo-records` as a directory of files, with its
    /// JSON Schemas, beside the crate root's own names.
    pub(crate) records_crate: bool,
    /// Whether the compile-fail programs are written.
    pub(crate) cases: bool,
}

/// Everything one run of the generator writes for a checked model.
#[non_exhaustive]
pub struct Plan<'m> {
    /// The checked spec it plans.
    pub model: &'m Model,
    declarations: Vec<Declaration>,
    /// What the builders of every record share: the places, the sealed traits, and the
    /// functions that put a value in a state of each layout.
    pub machinery: Machinery,
    /// The constant of the act's dates of force, at the root.
    pub act: Name,
    /// The composites generated, in a module of their own; `None` when all are reused or the
    /// spec has none.
    pub composites: Option<CompositesModule<'m>>,
    /// The composites reused from the values' crate, re-exported at the root.
    pub reused: Vec<Reexport<'m, crate::model::Composite>>,
    /// The value types, re-exported at the root.
    pub values: Vec<Reexport<'m, crate::model::ValueType>>,
    /// One module per record, in spec order.
    pub records: Vec<RecordModule<'m>>,
    /// The public module naming each record's traits of its builder's state.
    pub states: States,
    /// The files of the module directory and the JSON Schemas, when writing `dactylo-records`.
    pub files: Option<Files>,
    /// The compile-fail programs, when writing them.
    pub cases: Option<Cases>,
}

impl<'m> Plan<'m> {
    /// Plans everything `model` generates into `destination`.
    pub(crate) fn new(model: &'m Model, destination: &Destination) -> Plan<'m> {
        let mut planner = Planner::default();
        let mut module = module::plan(model, &destination.reused, &mut planner);
        if destination.records_crate && model.nist.is_some() {
            for record in &mut module.records {
                record.nist = Some(record::nist_functions(record, &mut planner));
            }
        }
        let files = destination.records_crate.then(|| {
            outputs::records_crate_root(&mut planner);
            outputs::files(&module, &mut planner)
        });
        let cases = destination
            .cases
            .then(|| outputs::cases(&module, &mut planner));
        Plan {
            model,
            declarations: planner.declarations,
            machinery: module.machinery,
            act: module.act,
            composites: module.composites,
            reused: module.reused,
            values: module.values,
            records: module.records,
            states: module.states,
            files,
            cases,
        }
    }

    /// Every name planned, in the order it is emitted.
    pub fn declarations(&self) -> &[Declaration] {
        &self.declarations
    }
}

/// Declares names as it plans them: a name exists only as a declaration.
#[derive(Default)]
struct Planner {
    declarations: Vec<Declaration>,
}

impl Planner {
    /// A name of the generator's own.
    fn generator(
        &mut self,
        scope: &Scope,
        kind: Kind,
        name: impl Into<String>,
        what: impl Into<String>,
    ) -> Name {
        self.declare(scope, kind, name.into(), what.into(), None)
    }

    /// A name given by, or derived from, the spec node `node`.
    fn spec(
        &mut self,
        scope: &Scope,
        kind: Kind,
        name: impl Into<String>,
        what: impl Into<String>,
        node: &Node,
    ) -> Name {
        self.declare(scope, kind, name.into(), what.into(), Some(node.clone()))
    }

    fn declare(
        &mut self,
        scope: &Scope,
        kind: Kind,
        name: String,
        what: String,
        node: Option<Node>,
    ) -> Name {
        self.declarations.push(Declaration {
            scope: scope.clone(),
            name: name.clone(),
            kind,
            origin: Origin { what, node },
        });
        Name::new(name)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::Spec;

    /// Two records (a builder of two chunks with an optional item, and a builder of one
    /// place), a composite with a period and an optional part, and one with public fields.
    pub(crate) const SMALL_SPEC: &str = include_str!("../../tests/data/golden.yaml");

    fn plan_of(spec: &Spec, destination: &Destination) -> Vec<(Scope, String, Kind)> {
        Plan::new(spec.model(), destination)
            .declarations()
            .iter()
            .map(|declaration| {
                (
                    declaration.scope.clone(),
                    declaration.name.clone(),
                    declaration.kind,
                )
            })
            .collect()
    }

    #[test]
    fn an_output_adds_to_the_module_it_writes() {
        let spec = Spec::parse(SMALL_SPEC, "golden.yaml").unwrap();
        let module = plan_of(&spec, &Destination::default());
        let records_crate = plan_of(
            &spec,
            &Destination {
                records_crate: true,
                ..Destination::default()
            },
        );
        assert!(records_crate.starts_with(&module));
        let added: Vec<&(Scope, String, Kind)> = records_crate[module.len()..].iter().collect();
        assert!(added.contains(&&(Scope::CrateRoot, "Visit".to_owned(), Kind::Reexport)));
        assert!(
            added
                .iter()
                .any(|(scope, name, kind)| matches!(scope, Scope::Files(_))
                    && name == "visit.rs"
                    && *kind == Kind::File)
        );
    }

    #[test]
    fn each_builder_has_its_layout_and_the_machinery_one_per_count() {
        let spec = Spec::parse(SMALL_SPEC, "golden.yaml").unwrap();
        let plan = Plan::new(spec.model(), &Destination::default());
        let visit = &plan.records[0];
        assert_eq!(visit.layout.chunks.len(), 2);
        assert_eq!(visit.layout.places.len(), 3);
        assert_eq!(visit.builder.as_str(), "VisitBuilder");
        let note = &plan.records[1];
        assert_eq!(note.layout.places.len(), 1);
        let counts: Vec<usize> = plan
            .machinery
            .layouts
            .iter()
            .map(|layout| layout.required)
            .collect();
        assert_eq!(counts, [1, 3]);
        assert_eq!(plan.machinery.layouts[1].put[2].name.as_str(), "put_2_of_3");
    }
}
