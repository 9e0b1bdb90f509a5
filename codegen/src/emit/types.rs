//! Data types: the composites and the record structs.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Child, TypePaths, docs, ident};
use crate::model::{Act, Composite, Member, Model, Record};

/// The module of composite types, re-exported at the root.
pub(super) fn composites(model: &Model, paths: &TypePaths) -> Child {
    let items = model
        .composites
        .iter()
        .map(|composite| composite_struct(composite, paths));
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

fn composite_struct(composite: &Composite, paths: &TypePaths) -> TokenStream {
    let doc = docs::attrs(&docs::composite(composite));
    let name = ident(&composite.name);
    let parts = composite.parts.iter().map(|part| {
        let doc = docs::attrs(&docs::part(part));
        member_field(doc, part, paths)
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

/// A record: read-only to its users in practice, since `#[non_exhaustive]` leaves its builder (or
/// deserialization) as the only way to create one outside the crate.
pub(super) fn record_struct(act: &Act, record: &Record, paths: &TypePaths) -> TokenStream {
    let doc = docs::attrs(&docs::record(act, record));
    let name = ident(&record.name);
    let fields = record.fields.iter().map(|field| {
        let doc = docs::attrs(&docs::field(act, field));
        member_field(doc, &field.member, paths)
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

/// `pub ident: Type`, with an optional member as an `Option` that serde may leave out.
fn member_field(doc: TokenStream, member: &Member, paths: &TypePaths) -> TokenStream {
    let name = ident(&member.ident);
    let ty = paths.member_type(member);
    let serde = (!member.is_required()).then(|| {
        quote!(#[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))])
    });
    quote! {
        #doc
        #serde
        pub #name: #ty
    }
}
