//! A record's module: the record, its builder and the builder's typestate, the traits of the
//! required items' places, and the record's module in the public module of states.

use super::layout::{Layout, Parameter};
use super::module::{States, deserializer_bindings};
use super::{Kind, Name, Node, NodeKind, Planner, Scope};
use crate::model::{Field, Record};
use crate::names;

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
    /// Its functions that write and read ANSI/NIST-ITL transactions, when the spec exports the
    /// records and the module is `dactylo-records`' (whose `nist` feature gives them).
    pub nist: Option<NistFunctions>,
}

/// A record's functions of ANSI/NIST-ITL transactions.
#[non_exhaustive]
pub struct NistFunctions {
    /// The method that writes the record as a transaction.
    pub to_nist: Name,
    /// The function that reads the record from a transaction.
    pub from_nist: Name,
}

/// Plans the functions of `module`'s record that write and read transactions.
pub(super) fn nist_functions(module: &RecordModule, planner: &mut Planner) -> NistFunctions {
    let record_name = &module.record.name;
    let scope = Scope::Associated(vec![module.module.to_string()], record_name.clone());
    let [to_nist, from_nist] = [names::TO_NIST_METHOD, names::FROM_NIST_FN].map(|function| {
        let what = format!("the function `{record_name}::{function}`");
        planner.generator(&scope, Kind::Function, function, what)
    });
    NistFunctions { to_nist, from_nist }
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

/// The root's names of a record, declared before its module's.
pub(super) struct RootOfRecord {
    module: Name,
    reexports: [Name; 2],
}

pub(super) fn record_root(record: &Record, planner: &mut Planner) -> RootOfRecord {
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

pub(super) fn record_module<'m>(
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
        nist: None,
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
