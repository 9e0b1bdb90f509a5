//! Data types: the composites and the record structs.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::{Child, TypePaths, docs, ident};
use crate::model::{Act, Composite, Member, Model, Record};

/// The module of composite types, re-exported at the root.
pub(super) fn composites(model: &Model, paths: &TypePaths) -> Child {
    let items = model.composites.iter().map(|composite| {
        if composite.periods.is_empty() {
            open_composite(model, composite, paths)
        } else {
            checked_composite(model, composite, paths)
        }
    });
    Child {
        name: ident("composites"),
        exports: model
            .composites
            .iter()
            .map(|composite| ident(&composite.name))
            .collect(),
        items: quote!(#(#items)*),
    }
}

/// A composite without a rule across its parts: public fields, created with a struct literal,
/// since each part's type already guarantees the part is valid.
fn open_composite(model: &Model, composite: &Composite, paths: &TypePaths) -> TokenStream {
    let doc = docs::attrs(&docs::composite(model, composite));
    let name = ident(&composite.name);
    let parts = composite.parts.iter().map(|part| {
        let doc = docs::attrs(&docs::part(part));
        let field = member_field(part, paths, &quote!(pub));
        quote!(#doc #field)
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(::serde::Serialize, ::serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
        pub struct #name {
            #(#parts,)*
        }
    }
}

/// A composite with periods: private fields, a constructor that checks the periods, a getter a
/// part, and deserialization through an unchecked twin that the same constructor converts.
fn checked_composite(model: &Model, composite: &Composite, paths: &TypePaths) -> TokenStream {
    let doc = docs::attrs(&docs::composite(model, composite));
    let name = ident(&composite.name);
    let unchecked = format_ident!("{}Unchecked", composite.name);
    let unchecked_name = unchecked.to_string();
    let fields: Vec<TokenStream> = composite
        .parts
        .iter()
        .map(|part| member_field(part, paths, &quote!()))
        .collect();
    let part_names: Vec<Ident> = composite
        .parts
        .iter()
        .map(|part| ident(&part.ident))
        .collect();
    let constructor = constructor(composite, paths);
    let getters = composite.parts.iter().map(|part| getter(part, paths));
    let error = paths.value("PeriodError");
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(::serde::Serialize, ::serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(try_from = #unchecked_name))]
        pub struct #name {
            #(#fields,)*
        }

        impl #name {
            #constructor
            #(#getters)*
        }

        #[cfg(feature = "serde")]
        #[derive(::serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct #unchecked {
            #(#fields,)*
        }

        #[cfg(feature = "serde")]
        impl TryFrom<#unchecked> for #name {
            type Error = #error;

            fn try_from(parts: #unchecked) -> Result<Self, Self::Error> {
                #name::new(#(parts.#part_names),*)
            }
        }
    }
}

fn constructor(composite: &Composite, paths: &TypePaths) -> TokenStream {
    let doc = docs::attrs(&docs::constructor(composite));
    let name = ident(&composite.name);
    let value = &composite.name;
    let params = composite.parts.iter().map(|part| {
        let part_name = ident(&part.ident);
        let ty = paths.member_type(part);
        quote!(#part_name: #ty)
    });
    let part_names = composite.parts.iter().map(|part| ident(&part.ident));
    let error = paths.value("PeriodError");
    let checks = composite.periods.iter().map(|period| {
        let (start, end) = (ident(&period.start), ident(&period.end));
        let (start_name, end_name) = (&period.start, &period.end);
        quote!(#error::check(#value, (#start_name, #start), (#end_name, #end))?;)
    });
    quote! {
        #doc
        pub fn new(#(#params),*) -> Result<Self, #error> {
            #(#checks)*
            Ok(#name { #(#part_names),* })
        }
    }
}

fn getter(part: &Member, paths: &TypePaths) -> TokenStream {
    let doc = docs::attrs(&docs::part(part));
    let name = ident(&part.ident);
    let ty = paths.type_ref(&part.ty);
    if part.is_required() {
        quote! {
            #doc
            pub fn #name(&self) -> &#ty {
                &self.#name
            }
        }
    } else {
        quote! {
            #doc
            pub fn #name(&self) -> Option<&#ty> {
                self.#name.as_ref()
            }
        }
    }
}

/// The spec's value types, re-exported where the generated types are, with the spec's words and
/// the records that use each (rustdoc puts them before the hand-written doc).
pub(super) fn value_reexports(model: &Model, paths: &TypePaths) -> TokenStream {
    let reexports = model.values.iter().map(|value| {
        let doc = docs::attrs(&docs::value(model, value));
        let path = paths.value(&value.name);
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
pub(super) fn record_struct(act: &Act, record: &Record, paths: &TypePaths) -> TokenStream {
    let doc = docs::attrs(&docs::record(act, record));
    let name = ident(&record.name);
    let fields = record.fields.iter().map(|field| {
        let doc = docs::attrs(&docs::field(act, field));
        let field = member_field(&field.member, paths, &quote!(pub));
        quote!(#doc #field)
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(::serde::Serialize, ::serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
        #[non_exhaustive]
        pub struct #name {
            #(#fields,)*
        }
    }
}

/// `ident: Type` with the given visibility, an optional member as an `Option` that serde may
/// leave out.
fn member_field(member: &Member, paths: &TypePaths, visibility: &TokenStream) -> TokenStream {
    let name = ident(&member.ident);
    let ty = paths.member_type(member);
    let serde = (!member.is_required()).then(|| {
        quote!(#[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))])
    });
    quote! {
        #serde
        #visibility #name: #ty
    }
}
