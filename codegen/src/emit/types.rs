//! Data types: the composites and the record structs.

use proc_macro2::TokenStream;
use quote::quote;

use super::deserialize::{self, Construction, Deserialized};
use super::{Child, Target, docs, lints};
use crate::model::{Act, Member, Model};
use crate::plan::{CompositeItems, CompositesModule, Name, PartItems, Plan, RecordModule};

/// The module of composite types, re-exported at the root.
pub(super) fn composites(model: &Model, module: &CompositesModule, target: &Target) -> Child {
    let items = module.composites.iter().map(|composite| {
        if composite.constructor.is_some() {
            checked_composite(model, composite, target)
        } else {
            open_composite(model, composite, target)
        }
    });
    Child {
        name: module.module.clone(),
        exports: module
            .composites
            .iter()
            .map(|composite| composite.reexport.clone())
            .collect(),
        items: quote!(#(#items)*),
    }
}

/// The composites reused from the values' crate, re-exported where the generated ones would
/// be, so that the records hold the very types of `dactylo-records`.
pub(super) fn composite_reexports(plan: &Plan, target: &Target) -> TokenStream {
    let reexports = plan.reused.iter().map(|reused| {
        let path = target.value(reused.name.as_str());
        quote! {
            #[doc(inline)]
            pub use #path;
        }
    });
    quote!(#(#reexports)*)
}

/// A composite without a rule across its parts: public fields, created with a struct literal,
/// since each part's type already guarantees the part is valid.
fn open_composite(model: &Model, items: &CompositeItems, target: &Target) -> TokenStream {
    let composite = items.composite;
    let doc = docs::attrs(&docs::composite(model, composite));
    let name = &items.name;
    let parts_fields = items.parts.iter().map(|part| {
        let doc = docs::attrs(&docs::part(part.part));
        let field = member_field(&part.field, part.part, target, &quote!(pub));
        quote!(#doc #field)
    });
    let serialize = target.serde_attr(quote!(derive(::serde::Serialize)));
    let deserialize = deserialize::struct_impls(&composite_read(items), "parts", target);
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq)]
        #serialize
        pub struct #name {
            #(#parts_fields,)*
        }

        #deserialize
    }
}

/// What the deserializer of a composite reads, and how it makes one.
fn composite_read<'a>(items: &'a CompositeItems) -> Deserialized<'a> {
    Deserialized {
        name: &items.name,
        members: items
            .parts
            .iter()
            .map(|part| (part.part, &part.field))
            .collect(),
        bindings: &items.bindings,
        construction: match &items.constructor {
            Some(constructor) => Construction::Constructor(constructor),
            None => Construction::Literal,
        },
    }
}

/// A composite with a rule across its parts: private fields, a constructor that checks the
/// rules, one getter per part, and deserialization through the same constructor.
fn checked_composite(model: &Model, items: &CompositeItems, target: &Target) -> TokenStream {
    let doc = docs::attrs(&docs::composite(model, items.composite));
    let name = &items.name;
    let fields: Vec<TokenStream> = items
        .parts
        .iter()
        .map(|part| member_field(&part.field, part.part, target, &quote!()))
        .collect();
    let constructor = constructor(items, target);
    let getters = items.parts.iter().map(|part| getter(part, target));
    let serialize = target.serde_attr(quote!(derive(::serde::Serialize)));
    let deserialize = deserialize::struct_impls(&composite_read(items), "parts", target);
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq)]
        #serialize
        pub struct #name {
            #(#fields,)*
        }

        impl #name {
            #constructor
            #(#getters)*
        }

        #deserialize
    }
}

fn constructor(items: &CompositeItems, target: &Target) -> TokenStream {
    let composite = items.composite;
    let doc = docs::attrs(&docs::constructor(composite));
    let params = items.parts.iter().map(|part| {
        let field = &part.field;
        let ty = target.member_type(part.part);
        quote!(#field: #ty)
    });
    let fields = items.parts.iter().map(|part| &part.field);
    let field_of = |ident: &str| {
        items
            .parts
            .iter()
            .find(|part| part.part.ident == ident)
            .map(|part| &part.field)
            .expect("the checker resolved every part a rule names")
    };
    let value = items.name.as_str();
    let period = target.value("PeriodError");
    let periods = composite.periods.iter().map(|period_parts| {
        let (start, end) = (field_of(&period_parts.start), field_of(&period_parts.end));
        let (start_name, end_name) = (start.as_str(), end.as_str());
        quote!(#period::check(#value, (#start_name, #start), (#end_name, #end))?;)
    });
    let none_given = (!composite.at_least_one_of.is_empty()).then(|| {
        let none_given = target.value("NoneGivenError");
        let names = &composite.at_least_one_of;
        let given = names.iter().map(|name| field_of(name));
        quote! {
            #none_given::check(#value, &[#(#names),*], &[#(#given.is_some()),*])?;
        }
    });
    let error = target.value("CompositeError");
    let constructor = items
        .constructor
        .as_ref()
        .expect("a checked composite has a constructor");
    let allow = lints::parameters(items.parts.len());
    quote! {
        #doc
        #allow
        pub fn #constructor(#(#params),*) -> ::core::result::Result<Self, #error> {
            #(#periods)*
            #none_given
            ::core::result::Result::Ok(Self { #(#fields),* })
        }
    }
}

fn getter(part: &PartItems, target: &Target) -> TokenStream {
    let Some(getter) = &part.getter else {
        return quote!();
    };
    let doc = docs::attrs(&docs::part(part.part));
    let field = &part.field;
    let ty = target.type_ref(&part.part.ty);
    let allow = lints::getter(getter.as_str());
    if part.part.is_required() {
        quote! {
            #doc
            #allow
            pub fn #getter(&self) -> &#ty {
                &self.#field
            }
        }
    } else {
        quote! {
            #doc
            #allow
            pub fn #getter(&self) -> ::core::option::Option<&#ty> {
                self.#field.as_ref()
            }
        }
    }
}

/// The spec's value types, re-exported where the generated types are, with the spec's words and
/// the records that use each (rustdoc puts them before the hand-written doc).
pub(super) fn value_reexports(plan: &Plan, target: &Target) -> TokenStream {
    let reexports = plan.values.iter().map(|value| {
        let doc = docs::attrs(&docs::value(plan.model, value.item));
        let path = target.value(value.name.as_str());
        quote! {
            #doc
            #[doc(inline)]
            pub use #path;
        }
    });
    quote!(#(#reexports)*)
}

/// A record: read-only to its users in practice, since `#[non_exhaustive]` leaves its builder (or
/// deserialization) as the only way to create one outside the crate.
pub(super) fn record_struct(act: &Act, module: &RecordModule, target: &Target) -> TokenStream {
    let doc = docs::attrs(&docs::record(act, module));
    let name = &module.name;
    let fields = module.fields.iter().map(|field| {
        let doc = docs::attrs(&docs::field(act, field.field));
        let field = member_field(&field.name, &field.field.member, target, &quote!(pub));
        quote!(#doc #field)
    });
    let serialize = target.serde_attr(quote!(derive(::serde::Serialize)));
    let read = Deserialized {
        name,
        members: module
            .fields
            .iter()
            .map(|field| (&field.field.member, &field.name))
            .collect(),
        bindings: &module.bindings,
        construction: Construction::Literal,
    };
    let deserialize = deserialize::struct_impls(&read, "items", target);
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq)]
        #serialize
        #[non_exhaustive]
        pub struct #name {
            #(#fields,)*
        }

        #deserialize
    }
}

/// `name: Type` with the given visibility, an optional member as an `Option` that serde may
/// leave out.
fn member_field(
    name: &Name,
    member: &Member,
    target: &Target,
    visibility: &TokenStream,
) -> TokenStream {
    let ty = target.member_type(member);
    let serde = (!member.is_required()).then(|| {
        target.serde_attr(quote!(serde(
            default,
            skip_serializing_if = "::core::option::Option::is_none"
        )))
    });
    quote! {
        #serde
        #visibility #name: #ty
    }
}
