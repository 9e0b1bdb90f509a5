//! Turns a checked [`Model`] into Rust tokens, one module a concern: [`types`] for the data
//! types, [`builders`] for the typestate builders, [`docs`] for every word of prose, and
//! [`cases`] for the compile-fail cases that prove the builders refuse incomplete records.
//!
//! The output is a [`Tree`] of modules; [`crate::layout`] decides whether they become files of a
//! crate or one file for a build script, and formats them.

mod builders;
mod cases;
mod docs;
mod examples;
mod readme;
mod schema;
mod types;
mod typestate;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

pub(crate) use cases::{Case, compile_fail_cases};
pub(crate) use readme::readme;
pub(crate) use schema::record as record_schema;

use crate::model::{Member, Model, TypeRef};
use crate::names;

/// The generated module: root items, and child modules whose chosen items it re-exports.
pub(crate) struct Tree {
    pub(crate) root: TokenStream,
    pub(crate) children: Vec<Child>,
}

/// A private child module of the generated module.
pub(crate) struct Child {
    pub(crate) name: Ident,
    /// The items the root re-exports.
    pub(crate) exports: Vec<Ident>,
    pub(crate) items: TokenStream,
}

/// Emits the whole generated module for `model`.
pub(crate) fn tree(model: &Model, values: &syn::Path) -> Tree {
    let paths = TypePaths {
        values: Some(values.clone()),
        composites: Some(syn::parse_quote!(super)),
    };
    let mut children = Vec::new();
    if !model.composites.is_empty() {
        children.push(types::composites(model, &paths));
    }
    children.extend(model.records.iter().map(|record| {
        let imports = typestate::imports(record.required_fields().count());
        let record_struct = types::record_struct(&model.act, record, &paths);
        let builder = builders::record_builder(&model.act, record, &paths);
        Child {
            name: ident(&names::record_module(&record.name)),
            exports: vec![ident(&record.name), ident(&names::builder(&record.name))],
            items: quote!(#imports #record_struct #builder),
        }
    }));
    let unset = builders::unset_type();
    let machinery = typestate::module();
    let states = states_module(model);
    let values = types::value_reexports(model, &paths);
    Tree {
        root: quote!(#unset #machinery #states #values),
        children,
    }
}

/// `pub mod states`, naming each record's builder states from its private module.
fn states_module(model: &Model) -> TokenStream {
    let doc = docs::attrs(&docs::states_module(model));
    let records = model.records.iter().map(|record| {
        let doc = docs::attrs(&docs::record_states(record));
        let module = ident(&names::record_module(&record.name));
        let empty = ident(names::EMPTY_STATE);
        let aliases = record
            .required_fields()
            .map(|field| ident(&names::state_alias(&field.member.ident)));
        quote! {
            #doc
            pub mod #module {
                pub use super::super::#module::{#empty #(, #aliases)*};
            }
        }
    });
    let states = ident(names::STATES_MODULE);
    quote! {
        #doc
        pub mod #states {
            #(#records)*
        }
    }
}

/// How emitted code names the spec's types.
pub(crate) struct TypePaths {
    /// The module of hand-written value types, or `None` when they are in scope.
    values: Option<syn::Path>,
    /// The module of composites, or `None` when they are in scope.
    composites: Option<syn::Path>,
}

impl TypePaths {
    /// A hand-written item of the values module by name, such as `PeriodError`.
    fn value(&self, name: &str) -> TokenStream {
        self.type_ref(&TypeRef::Value(name.to_owned()))
    }

    fn type_ref(&self, ty: &TypeRef) -> TokenStream {
        let (module, name) = match ty {
            TypeRef::Value(name) => (&self.values, ident(name)),
            TypeRef::Composite(name) => (&self.composites, ident(name)),
        };
        match module {
            Some(module) => quote!(#module::#name),
            None => quote!(#name),
        }
    }

    /// The type of a member as a field: an optional member is an `Option`.
    fn member_type(&self, member: &Member) -> TokenStream {
        let ty = self.type_ref(&member.ty);
        if member.is_required() {
            ty
        } else {
            quote!(Option<#ty>)
        }
    }
}

/// An identifier from a checked name. The checker has rejected every spec name that is not a
/// valid, non-keyword identifier, and derived names only append ASCII letters to those.
fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}
