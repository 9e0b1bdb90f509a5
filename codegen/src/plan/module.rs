//! The plan of the generated module: its root, the module of composites, one module per record
//! with its builder, the public module of the builders' states, and the sealed machinery the
//! builders share. Each record's module is planned in [`super::record`], the machinery in
//! [`super::machinery`].
//!
//! Names are declared in the order the emitters write them, so that of two colliding names the
//! later is the one reported.

use std::collections::BTreeSet;

use super::machinery::{Machinery, machinery};
use super::record::{RecordModule, RootOfRecord, record_module, record_root};
use super::{Kind, Name, Node, NodeKind, Planner, Scope};
use crate::model::{Composite, Member, Model, ValueType};
use crate::names;

/// The generated module, as [`super::Plan`] holds it.
pub(super) struct Module<'m> {
    pub(super) machinery: Machinery,
    pub(super) act: Name,
    pub(super) composites: Option<CompositesModule<'m>>,
    pub(super) reused: Vec<Reexport<'m, Composite>>,
    pub(super) values: Vec<Reexport<'m, ValueType>>,
    pub(super) records: Vec<RecordModule<'m>>,
    pub(super) states: States,
}

/// The public module of the builders' states.
#[non_exhaustive]
pub struct States {
    /// The module's name.
    pub module: Name,
}

/// An item of the values' crate re-exported at the root.
#[non_exhaustive]
pub struct Reexport<'m, T> {
    /// What the spec says of the item.
    pub item: &'m T,
    /// Its name at the root.
    pub name: Name,
}

/// The module of the composites the spec declares, re-exported at the root.
#[non_exhaustive]
pub struct CompositesModule<'m> {
    /// The module's name.
    pub module: Name,
    /// Its composites, in spec order.
    pub composites: Vec<CompositeItems<'m>>,
}

/// A generated composite and its items.
#[non_exhaustive]
pub struct CompositeItems<'m> {
    /// What the spec says of it.
    pub composite: &'m Composite,
    /// The struct's name.
    pub name: Name,
    /// Its re-export at the root.
    pub reexport: Name,
    /// The constructor that checks its rules, when it has any.
    pub constructor: Option<Name>,
    /// Its parts, in order.
    pub parts: Vec<PartItems<'m>>,
    /// The bindings of its deserializer, one per part.
    pub bindings: Vec<Name>,
}

/// A composite's part: its field, and its getter when the fields are private.
#[non_exhaustive]
pub struct PartItems<'m> {
    /// What the spec says of it.
    pub part: &'m Member,
    /// The struct's field.
    pub field: Name,
    /// Its getter, when the composite's fields are private.
    pub getter: Option<Name>,
}

fn composite_node(composite: &Composite) -> Node {
    Node {
        path: format!("composites.{}", composite.name),
        on_key: true,
        kind: NodeKind::Composite,
    }
}

/// Plans the generated module of `model`, taking the composites named in `reused` from the
/// values' crate.
pub(super) fn plan<'m>(
    model: &'m Model,
    reused: &BTreeSet<String>,
    planner: &mut Planner,
) -> Module<'m> {
    let root = Scope::Module(Vec::new());
    let generated: Vec<&Composite> = model
        .composites
        .iter()
        .filter(|composite| !reused.contains(&composite.name))
        .collect();
    let composites_module = (!generated.is_empty()).then(|| {
        planner.generator(
            &root,
            Kind::Module,
            names::COMPOSITES_MODULE,
            "the module of composites",
        )
    });
    let mut composite_reexports = Vec::new();
    let mut reused_reexports = Vec::new();
    for composite in &model.composites {
        let what = format!("the composite `{}`", composite.name);
        let name = planner.spec(
            &root,
            Kind::Reexport,
            &composite.name,
            what,
            &composite_node(composite),
        );
        if reused.contains(&composite.name) {
            reused_reexports.push(Reexport {
                item: composite,
                name,
            });
        } else {
            composite_reexports.push(name);
        }
    }
    let roots: Vec<RootOfRecord> = model
        .records
        .iter()
        .map(|record| record_root(record, planner))
        .collect();
    let act = planner.generator(
        &root,
        Kind::Constant,
        names::ACT_CONSTANT,
        "the constant of the act's dates of force",
    );
    let unset = planner.generator(
        &root,
        Kind::Struct,
        names::UNSET_TYPE,
        "the type `Unset` of the builders' states",
    );
    let set = planner.generator(
        &root,
        Kind::Struct,
        names::SET_TYPE,
        "the type `Set` of the builders' states",
    );
    let sealed = planner.generator(
        &root,
        Kind::Module,
        names::SEALED_MODULE,
        "the private module of the builders' sealed traits",
    );
    let set_parameter = planner.generator(
        &root,
        Kind::TypeParameter,
        names::VALUE_PARAMETER,
        "the type parameter of the value a `Set` holds",
    );
    let states = States {
        module: planner.generator(
            &root,
            Kind::Module,
            names::STATES_MODULE,
            "the module of the builders' states",
        ),
    };
    let values = model
        .values
        .iter()
        .map(|value| {
            let node = Node {
                path: format!("values.{}", value.name),
                on_key: true,
                kind: NodeKind::Value,
            };
            let what = format!("the value type `{}`", value.name);
            Reexport {
                item: value,
                name: planner.spec(&root, Kind::Reexport, &value.name, what, &node),
            }
        })
        .collect();
    let composites = composites_module.map(|module| CompositesModule {
        composites: generated
            .iter()
            .zip(composite_reexports)
            .map(|(composite, reexport)| composite_items(composite, reexport, &module, planner))
            .collect(),
        module,
    });
    let records: Vec<RecordModule<'m>> = model
        .records
        .iter()
        .zip(roots)
        .map(|(record, root)| record_module(record, root, [&set, &unset], &states, planner))
        .collect();
    let machinery = machinery(model, unset, set, set_parameter, sealed, planner);
    Module {
        machinery,
        act,
        composites,
        reused: reused_reexports,
        values,
        records,
        states,
    }
}

fn composite_items<'m>(
    composite: &'m Composite,
    reexport: Name,
    module: &Name,
    planner: &mut Planner,
) -> CompositeItems<'m> {
    let path = vec![module.to_string()];
    let scope = Scope::Module(path.clone());
    let name_text = &composite.name;
    let name = planner.spec(
        &scope,
        Kind::Struct,
        name_text,
        format!("the composite `{name_text}`"),
        &composite_node(composite),
    );
    let fields = Scope::Fields(path.clone(), name_text.clone());
    let associated = Scope::Associated(path.clone(), name_text.clone());
    let constructor = composite.is_checked().then(|| {
        let what = format!("the constructor of `{name_text}`");
        planner.generator(&associated, Kind::Function, names::CONSTRUCTOR, what)
    });
    let parts = composite
        .parts
        .iter()
        .enumerate()
        .map(|(index, part)| {
            let node = Node {
                path: format!("composites.{name_text}.parts[{index}].ident"),
                on_key: false,
                kind: NodeKind::Part,
            };
            let ident = &part.ident;
            let what = format!("the part `{ident}` of `{name_text}`");
            let field = planner.spec(&fields, Kind::Field, ident, what, &node);
            let getter = composite.is_checked().then(|| {
                let what = format!("the getter of part `{ident}` of `{name_text}`");
                planner.spec(&associated, Kind::Method, ident, what, &node)
            });
            PartItems {
                part,
                field,
                getter,
            }
        })
        .collect();
    let bindings = deserializer_bindings(&path, name_text, composite.parts.len(), planner);
    CompositeItems {
        composite,
        name,
        reexport,
        constructor,
        parts,
        bindings,
    }
}

/// The bindings of the members of a deserialized struct, one per member.
pub(super) fn deserializer_bindings(
    module: &[String],
    type_name: &str,
    members: usize,
    planner: &mut Planner,
) -> Vec<Name> {
    let scope = Scope::Function(module.to_vec(), type_name.to_owned());
    (0..members)
        .map(|index| {
            let what =
                format!("the binding of member {index} in the deserializer of `{type_name}`");
            planner.generator(&scope, Kind::Binding, names::member_binding(index), what)
        })
        .collect()
}
