//! Data types: the composites and the record structs.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::deserialize::{self, Construction};
use super::{Child, Target, docs, ident, lints};
use crate::model::{Act, Composite, Member, Model, Record};
use crate::names;

/// The module of composite types, re-exported at the root, but for those `reused` from the
/// values' crate.
pub(super) fn composites(model: &Model, target: &Target, reused: &BTreeSet<String>) -> Child {
    let generated: Vec<&Composite> = model
        .composites
        .iter()
        .filter(|composite| !reused.contains(&composite.name))
        .collect();
    let items = generated.iter().map(|composite| {
        if composite.is_checked() {
            checked_composite(model, composite, target)
        } else {
            open_composite(model, composite, target)
        }
    });
    Child {
        name: ident(names::COMPOSITES_MODULE),
        exports: generated
            .iter()
            .map(|composite| ident(&composite.name))
            .collect(),
        items: quote!(#(#items)*),
    }
}

/// The composites `reused` from the values' crate, re-exported where the generated ones would
/// be, so that the records hold the very types of `dactylo-records`.
pub(super) fn composite_reexports(
    model: &Model,
    target: &Target,
    reused: &BTreeSet<String>,
) -> TokenStream {
    let reexports = model
        .composites
        .iter()
        .filter(|composite| reused.contains(&composite.name))
        .map(|composite| {
            let path = target.value(&composite.name);
            quote! {
                #[doc(inline)]
                pub use #path;
            }
        });
    quote!(#(#reexports)*)
}

/// A composite without a rule across its parts: public fields, created with a struct literal,
/// since each part's type already guarantees the part is valid.
fn open_composite(model: &Model, composite: &Composite, target: &Target) -> TokenStream {
    let doc = docs::attrs(&docs::composite(model, composite));
    let name = ident(&composite.name);
    let parts_fields = composite.parts.iter().map(|part| {
        let doc = docs::attrs(&docs::part(part));
        let field = member_field(part, target, &quote!(pub));
        quote!(#doc #field)
    });
    let serialize = target.serde_attr(quote!(derive(::serde::Serialize)));
    let parts: Vec<&Member> = composite.parts.iter().collect();
    let deserialize = deserialize::struct_impls(
        &composite.name,
        &parts,
        "parts",
        &Construction::Literal,
        target,
    );
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

/// A composite with a rule across its parts: private fields, a constructor that checks the
/// rules, one getter per part, and deserialization through the same constructor.
fn checked_composite(model: &Model, composite: &Composite, target: &Target) -> TokenStream {
    let doc = docs::attrs(&docs::composite(model, composite));
    let name = ident(&composite.name);
    let fields: Vec<TokenStream> = composite
        .parts
        .iter()
        .map(|part| member_field(part, target, &quote!()))
        .collect();
    let constructor = constructor(composite, target);
    let getters = composite.parts.iter().map(|part| getter(part, target));
    let serialize = target.serde_attr(quote!(derive(::serde::Serialize)));
    let parts: Vec<&Member> = composite.parts.iter().collect();
    let deserialize = deserialize::struct_impls(
        &composite.name,
        &parts,
        "parts",
        &Construction::Constructor,
        target,
    );
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

fn constructor(composite: &Composite, target: &Target) -> TokenStream {
    let doc = docs::attrs(&docs::constructor(composite));
    let params = composite.parts.iter().map(|part| {
        let part_name = ident(&part.ident);
        let ty = target.member_type(part);
        quote!(#part_name: #ty)
    });
    let part_names = composite.parts.iter().map(|part| ident(&part.ident));
    let value = &composite.name;
    let period = target.value("PeriodError");
    let periods = composite.periods.iter().map(|period_parts| {
        let (start, end) = (ident(&period_parts.start), ident(&period_parts.end));
        let (start_name, end_name) = (&period_parts.start, &period_parts.end);
        quote!(#period::check(#value, (#start_name, #start), (#end_name, #end))?;)
    });
    let none_given = (!composite.at_least_one_of.is_empty()).then(|| {
        let none_given = target.value("NoneGivenError");
        let names = &composite.at_least_one_of;
        let given = names.iter().map(|name| ident(name));
        quote! {
            #none_given::check(#value, &[#(#names),*], &[#(#given.is_some()),*])?;
        }
    });
    let error = target.value("CompositeError");
    let constructor = ident(names::CONSTRUCTOR);
    let allow = lints::parameters(composite.parts.len());
    quote! {
        #doc
        #allow
        pub fn #constructor(#(#params),*) -> ::core::result::Result<Self, #error> {
            #(#periods)*
            #none_given
            ::core::result::Result::Ok(Self { #(#part_names),* })
        }
    }
}

fn getter(part: &Member, target: &Target) -> TokenStream {
    let doc = docs::attrs(&docs::part(part));
    let name = ident(&part.ident);
    let ty = target.type_ref(&part.ty);
    let allow = lints::getter(&part.ident);
    if part.is_required() {
        quote! {
            #doc
            #allow
            pub fn #name(&self) -> &#ty {
                &self.#name
            }
        }
    } else {
        quote! {
            #doc
            #allow
            pub fn #name(&self) -> ::core::option::Option<&#ty> {
                self.#name.as_ref()
            }
        }
    }
}

/// The spec's value types, re-exported where the generated types are, with the spec's words and
/// the records that use each (rustdoc puts them before the hand-written doc).
pub(super) fn value_reexports(model: &Model, target: &Target) -> TokenStream {
    let reexports = model.values.iter().map(|value| {
        let doc = docs::attrs(&docs::value(model, value));
        let path = target.value(&value.name);
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
pub(super) fn record_struct(act: &Act, record: &Record, target: &Target) -> TokenStream {
    let doc = docs::attrs(&docs::record(act, record));
    let name = ident(&record.name);
    let fields = record.fields.iter().map(|field| {
        let doc = docs::attrs(&docs::field(act, field));
        let field = member_field(&field.member, target, &quote!(pub));
        quote!(#doc #field)
    });
    let serialize = target.serde_attr(quote!(derive(::serde::Serialize)));
    let members: Vec<&Member> = record.fields.iter().map(|field| &field.member).collect();
    let deserialize = deserialize::struct_impls(
        &record.name,
        &members,
        "items",
        &Construction::Literal,
        target,
    );
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

/// `ident: Type` with the given visibility, an optional member as an `Option` that serde may
/// leave out.
fn member_field(member: &Member, target: &Target, visibility: &TokenStream) -> TokenStream {
    let name = ident(&member.ident);
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
