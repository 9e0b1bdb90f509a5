//! The plan of the generated module: its root, the module of composites, one module per record
//! with its builder, the public module of the builders' states, and the sealed machinery the
//! builders share.
//!
//! Names are declared in the order the emitters write them, so that of two colliding names the
//! later is the one reported.

use std::collections::BTreeSet;

use super::layout::{Layout, Parameter, chunk_ranges};
use super::{Kind, Name, Node, NodeKind, Planner, Scope};
use crate::model::{Composite, Field, Member, Model, Record, ValueType};
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

/// What the builders of every record share, at the generated module's root.
#[non_exhaustive]
pub struct Machinery {
    /// The place of a required item not yet set.
    pub unset: Name,
    /// The place of a required item set, holding its value.
    pub set: Name,
    /// The type parameter of the value a `Set` holds.
    pub set_parameter: Name,
    /// The private module of the sealed traits and of the functions that put a value in a state.
    pub sealed: Name,
    /// The sealed trait of a builder's places.
    pub place_trait: Name,
    /// The sealed trait of a place holding a value.
    pub holds_trait: Name,
    /// The type parameter of that trait: the value's type.
    pub holds_parameter: Name,
    /// That trait's method, which gives the value held.
    pub holds_method: Name,
    /// One per count of required items some builder has, in increasing order.
    pub layouts: Vec<SharedLayout>,
}

/// The functions that put a value in a state of `required` items, shared by every builder of as
/// many required items.
#[non_exhaustive]
pub struct SharedLayout {
    /// How many required items the states hold.
    pub required: usize,
    /// One per item, in order.
    pub put: Vec<PutFunction>,
}

/// The function that puts the value of one item in a state.
#[non_exhaustive]
pub struct PutFunction {
    /// Its name: `put_1_of_12`.
    pub name: Name,
    /// The item, by index among the required ones.
    pub item: usize,
    /// The items of each chunk, by index.
    pub chunks: Vec<std::ops::Range<usize>>,
    /// The type parameter of each chunk but the item's own (`None` there).
    pub chunk_parameters: Vec<Option<Name>>,
    /// The type parameters of the places of the item's own chunk.
    pub place_parameters: Vec<Name>,
    /// The type parameter of the value put.
    pub value_parameter: Name,
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

/// A record's module: the record, its builder, and what the builder is made of.
#[non_exhaustive]
pub struct RecordModule<'m> {
    /// What the spec says of the record.
    pub record: &'m Record,
    /// The module's name.
    pub module: Name,
    /// The root's re-exports of the record and of its builder.
    pub reexports: [Name; 2],
    /// The imports of `Set` and `Unset`, when the builder has required items.
    pub imports: Option<[Name; 2]>,
    /// The record's struct.
    pub name: Name,
    /// The builder's struct.
    pub builder: Name,
    /// The struct of the optional items' values.
    pub items: Name,
    /// The builder's state: its type parameters, one per chunk, and its places.
    pub layout: Layout,
    /// The record's function that starts a builder.
    pub builder_fn: Name,
    /// The builder's field of the optional items' values.
    pub items_field: Name,
    /// The builder's field of its state.
    pub state_field: Name,
    /// The builder's method that finishes the record.
    pub build: Name,
    /// One per field of the record, in order.
    pub fields: Vec<FieldItems<'m>>,
    /// The record's module in the module of states.
    pub states: RecordStates,
    /// The bindings of its deserializer, one per field.
    pub bindings: Vec<Name>,
}

/// A record's field and the items named after it.
#[non_exhaustive]
pub struct FieldItems<'m> {
    /// What the spec says of the field.
    pub field: &'m Field,
    /// The record's field.
    pub name: Name,
    /// The builder's setter.
    pub setter: Name,
    /// What it adds to the builder.
    pub role: FieldRole,
}

/// What a field adds to the builder, as it is required or not.
pub enum FieldRole {
    /// A required field: a place in the state, and the traits of that place.
    #[non_exhaustive]
    Required {
        /// Its index among the required fields: its place in the layout.
        item: usize,
        /// The trait `build()` requires of its place.
        is_set: Name,
        /// The trait its setter requires of its place.
        is_unset: Name,
    },
    /// An optional field: a value in the struct of the optional items.
    #[non_exhaustive]
    Optional {
        /// The setter taking an `Option`.
        maybe_setter: Name,
        /// Its value's field in the struct of the optional items.
        value: Name,
    },
}

impl FieldItems<'_> {
    /// The place of a required field among the required ones.
    pub fn required_item(&self) -> Option<usize> {
        match self.role {
            FieldRole::Required { item, .. } => Some(item),
            FieldRole::Optional { .. } => None,
        }
    }
}

/// The public module of the builders' states.
#[non_exhaustive]
pub struct States {
    /// The module's name.
    pub module: Name,
}

/// A record's module in the module of states: it re-exports the traits of the record's required
/// fields, so that the compiler's help names a public path.
#[non_exhaustive]
pub struct RecordStates {
    /// The module's name.
    pub module: Name,
    /// The traits, two per required field, in order.
    pub reexports: Vec<Name>,
}

pub(super) fn record_node(record: &Record) -> Node {
    Node {
        path: format!("records.{}", record.name),
        on_key: true,
        kind: NodeKind::Record,
    }
}

/// The ident of the field at `index` of the record `record`.
pub(super) fn field_node(record: &str, index: usize) -> Node {
    Node {
        path: format!("records.{record}.fields[{index}].ident"),
        on_key: false,
        kind: NodeKind::Field,
    }
}

fn composite_node(composite: &Composite) -> Node {
    Node {
        path: format!("composites.{}", composite.name),
        on_key: true,
        kind: NodeKind::Composite,
    }
}

/// The root's names of a record, declared before its module's.
struct RootOfRecord {
    module: Name,
    reexports: [Name; 2],
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

fn record_root(record: &Record, planner: &mut Planner) -> RootOfRecord {
    let root = Scope::Module(Vec::new());
    let node = record_node(record);
    let name = &record.name;
    let module = planner.spec(
        &root,
        Kind::Module,
        names::record_module(name),
        format!("the module of record `{name}`"),
        &node,
    );
    let record_reexport = planner.spec(
        &root,
        Kind::Reexport,
        name,
        format!("the record `{name}`"),
        &node,
    );
    let builder_reexport = planner.spec(
        &root,
        Kind::Reexport,
        names::builder(name),
        format!("the builder of `{name}`"),
        &node,
    );
    RootOfRecord {
        module,
        reexports: [record_reexport, builder_reexport],
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
fn deserializer_bindings(
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

fn record_module<'m>(
    record: &'m Record,
    root: RootOfRecord,
    [set, unset]: [&Name; 2],
    states: &States,
    planner: &mut Planner,
) -> RecordModule<'m> {
    let record_name = &record.name;
    let path = vec![root.module.to_string()];
    let scope = Scope::Module(path.clone());
    let node = record_node(record);
    let builder_text = names::builder(record_name);
    let required = record.required_fields().count();

    let imports = (required > 0).then(|| {
        [set, unset].map(|marker| {
            let what = format!("the import of the type `{marker}` of the builders' states");
            planner.generator(&scope, Kind::Import, marker.as_str(), what)
        })
    });
    let name = planner.spec(
        &scope,
        Kind::Struct,
        record_name,
        format!("the record `{record_name}`"),
        &node,
    );
    let builder = planner.spec(
        &scope,
        Kind::Struct,
        &builder_text,
        format!("the builder of `{record_name}`"),
        &node,
    );
    let items = planner.generator(
        &scope,
        Kind::Struct,
        names::ITEMS_STRUCT,
        format!("the struct of the optional items' values of `{builder_text}`"),
    );
    let layout = Layout::new(required, |parameter| {
        let (name, what) = match parameter {
            Parameter::Chunk(chunk) => (
                names::chunk_parameter(chunk),
                format!("the type parameter of chunk {chunk} of the state of `{builder_text}`"),
            ),
            Parameter::Place(item) => (
                names::place_parameter(item),
                format!("the type parameter of the place of required item {item}"),
            ),
        };
        planner.generator(&scope, Kind::TypeParameter, name, what)
    });

    let record_fields = Scope::Fields(path.clone(), record_name.clone());
    let builder_fields = Scope::Fields(path.clone(), builder_text.clone());
    let items_fields = Scope::Fields(path.clone(), names::ITEMS_STRUCT.to_owned());
    let builder_methods = Scope::Associated(path.clone(), builder_text.clone());
    let record_functions = Scope::Associated(path.clone(), record_name.clone());
    let builder_fn = planner.generator(
        &record_functions,
        Kind::Function,
        names::BUILDER_FN,
        format!("the function `{record_name}::builder`"),
    );
    let [items_field, state_field] = [names::ITEMS_FIELD, names::STATE_FIELD].map(|field| {
        let what = format!("the field `{field}` of `{builder_text}`");
        planner.generator(&builder_fields, Kind::Field, field, what)
    });
    let build = planner.generator(
        &builder_methods,
        Kind::Method,
        names::BUILD_METHOD,
        format!("the method `{builder_text}::build`"),
    );
    let mut required_index = 0;
    let fields: Vec<FieldItems> = record
        .fields
        .iter()
        .enumerate()
        .map(|(index, field)| {
            let ident = &field.member.ident;
            let node = field_node(record_name, index);
            let what = format!("the field `{ident}` of `{record_name}`");
            let name = planner.spec(&record_fields, Kind::Field, ident, what, &node);
            let what = format!("the setter of field `{ident}`");
            let setter = planner.spec(&builder_methods, Kind::Method, ident, what, &node);
            let role = if field.member.is_required() {
                let [is_set, is_unset] = [names::is_set_trait(ident), names::is_unset_trait(ident)]
                    .map(|derived| {
                        let what = format!("the trait `{derived}` of field `{ident}`");
                        planner.spec(&scope, Kind::Trait, derived, what, &node)
                    });
                required_index += 1;
                FieldRole::Required {
                    item: required_index - 1,
                    is_set,
                    is_unset,
                }
            } else {
                let what = format!("the value of optional field `{ident}` in the builder");
                let value = planner.spec(&items_fields, Kind::Field, ident, what, &node);
                let maybe = names::maybe_setter(ident);
                let what = format!("the setter `{maybe}` of optional field `{ident}`");
                let maybe_setter = planner.spec(&builder_methods, Kind::Method, maybe, what, &node);
                FieldRole::Optional {
                    maybe_setter,
                    value,
                }
            };
            FieldItems {
                field,
                name,
                setter,
                role,
            }
        })
        .collect();
    let bindings = deserializer_bindings(&path, record_name, record.fields.len(), planner);
    let states = record_states(record, &root.module, &fields, states, planner);
    RecordModule {
        record,
        module: root.module,
        reexports: root.reexports,
        imports,
        name,
        builder,
        items,
        layout,
        builder_fn,
        items_field,
        state_field,
        build,
        fields,
        states,
        bindings,
    }
}

/// The record's module in the module of states, with its re-exports of the traits of the
/// record's required fields.
fn record_states(
    record: &Record,
    module: &Name,
    fields: &[FieldItems],
    states: &States,
    planner: &mut Planner,
) -> RecordStates {
    let name = &record.name;
    let scope = Scope::Module(vec![states.module.to_string()]);
    let what = format!("the module of the states of `{name}`");
    let states_module = planner.spec(
        &scope,
        Kind::Module,
        module.as_str(),
        what,
        &record_node(record),
    );
    let inner = Scope::Module(vec![states.module.to_string(), states_module.to_string()]);
    let mut reexports = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        let ident = &field.field.member.ident;
        if let FieldRole::Required {
            is_set, is_unset, ..
        } = &field.role
        {
            let node = field_node(name, index);
            reexports.extend([is_set, is_unset].map(|derived| {
                let what = format!("the re-export of the trait `{derived}` of field `{ident}`");
                planner.spec(&inner, Kind::Reexport, derived.as_str(), what, &node)
            }));
        }
    }
    RecordStates {
        module: states_module,
        reexports,
    }
}

/// The places, the sealed traits, and for each count of required items some builder has, one
/// function per item that puts its value in a state of that layout.
fn machinery(
    model: &Model,
    unset: Name,
    set: Name,
    set_parameter: Name,
    sealed: Name,
    planner: &mut Planner,
) -> Machinery {
    let path = vec![sealed.to_string()];
    let scope = Scope::Module(path.clone());
    let place_trait = planner.generator(
        &scope,
        Kind::Trait,
        names::PLACE_TRAIT,
        "the sealed trait of a builder's places",
    );
    let holds_trait = planner.generator(
        &scope,
        Kind::Trait,
        names::HOLDS_TRAIT,
        "the sealed trait of a place holding a value",
    );
    let holds_parameter = planner.generator(
        &scope,
        Kind::TypeParameter,
        names::HOLDS_PARAMETER,
        "the type parameter of `Holds`",
    );
    let holds_method = planner.generator(
        &Scope::Associated(path.clone(), names::HOLDS_TRAIT.to_owned()),
        Kind::Method,
        names::HOLDS_METHOD,
        "the method of `Holds` that gives the value held",
    );
    let mut counts: Vec<usize> = model
        .records
        .iter()
        .map(|record| record.required_fields().count())
        .filter(|&count| count > 0)
        .collect();
    counts.sort_unstable();
    counts.dedup();
    let layouts = counts
        .into_iter()
        .map(|required| SharedLayout {
            required,
            put: (0..required)
                .map(|item| put_function(&path, item, required, planner))
                .collect(),
        })
        .collect();
    Machinery {
        unset,
        set,
        set_parameter,
        sealed,
        place_trait,
        holds_trait,
        holds_parameter,
        holds_method,
        layouts,
    }
}

fn put_function(
    sealed: &[String],
    item: usize,
    required: usize,
    planner: &mut Planner,
) -> PutFunction {
    let scope = Scope::Module(sealed.to_vec());
    let name_text = names::put_fn(item, required);
    let what = format!("the function that puts item {item} of {required} in a state");
    let name = planner.generator(&scope, Kind::Function, &name_text, what);
    let generics = Scope::Function(sealed.to_vec(), name_text.clone());
    let chunks = chunk_ranges(required);
    let own = chunks
        .iter()
        .position(|range| range.contains(&item))
        .expect("every item is in a chunk");
    let chunk_parameters = (0..chunks.len())
        .map(|chunk| {
            (chunk != own).then(|| {
                let what = format!("the type parameter of chunk {chunk} in `{name_text}`");
                planner.generator(
                    &generics,
                    Kind::TypeParameter,
                    names::chunk_parameter(chunk),
                    what,
                )
            })
        })
        .collect();
    let place_parameters = (0..chunks[own].len())
        .map(|index| {
            let what = format!("the type parameter of place {index} of its chunk in `{name_text}`");
            planner.generator(
                &generics,
                Kind::TypeParameter,
                names::own_place_parameter(index),
                what,
            )
        })
        .collect();
    let value_parameter = planner.generator(
        &generics,
        Kind::TypeParameter,
        names::PUT_VALUE_PARAMETER,
        format!("the type parameter of the value `{name_text}` puts"),
    );
    PutFunction {
        name,
        item,
        chunks,
        chunk_parameters,
        place_parameters,
        value_parameter,
    }
}
