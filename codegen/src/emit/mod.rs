//! Renders the items of a [`Plan`] as Rust tokens, one module per concern: [`types`] for the data
//! types, [`builders`] for the typestate builders, [`docs`] for every word of prose, and
//! [`cases`] for the compile-fail cases that prove the builders refuse incomplete records.
//!
//! The output is a [`Tree`] of modules; [`crate::layout`] decides whether they become files of a
//! crate or one file for a build script, and formats them.
//!
//! The emitted code is hygienic: it spells out every name it takes from std or serde
//! (`::core::option::Option`), and names the spec's types by path (`super::FullName`), so that no
//! spec name can hide one. Every name it declares is a [`Name`] of the plan: the emitters derive
//! none.

mod act;
mod builders;
mod cases;
mod characters;
mod deserialize;
mod docs;
mod examples;
mod lints;
mod markdown;
mod nist;
mod readme;
mod schema;
mod transaction_table;
mod types;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

pub(crate) use cases::{Case, compile_fail_cases};
pub(crate) use nist::example_records as nist_example_records;
pub(crate) use readme::readme;
pub(crate) use schema::{record as record_schema, value_schemas};

use crate::model::{Member, TypeRef};
use crate::options::Serde;
use crate::plan::{Name, Plan};

/// The generated module: root items, and child modules whose chosen items it re-exports.
pub(crate) struct Tree {
    pub(crate) root: TokenStream,
    pub(crate) children: Vec<Child>,
}

/// A private child module of the generated module.
pub(crate) struct Child {
    pub(crate) name: Name,
    /// The items the root re-exports.
    pub(crate) exports: Vec<Name>,
    pub(crate) items: TokenStream,
}

/// Emits the whole generated module that `plan` describes, taking the value types from `values`
/// (and the composites the plan reuses too).
pub(crate) fn tree(plan: &Plan, values: &syn::Path, serde: Serde) -> Tree {
    let target = Target {
        values: Some(values.clone()),
        composites: Some(syn::parse_quote!(super)),
        serde,
    };
    let mut children = Vec::new();
    if let Some(composites) = &plan.composites {
        children.push(types::composites(plan.model, composites, &target));
    }
    children.extend(plan.records.iter().map(|module| {
        let imports = builders::imports(module);
        let record_struct = types::record_struct(&plan.model.act, module, &target);
        let builder = builders::record_builder(&plan.model.act, &plan.machinery, module, &target);
        let nist = nist::record_functions(plan, module, &target);
        Child {
            name: module.module.clone(),
            exports: module.reexports.to_vec(),
            items: quote!(#imports #record_struct #builder #nist),
        }
    }));
    let act = act::constant(plan, &target);
    let state_types = builders::state_types(&plan.machinery);
    let states = states_module(plan);
    let values = types::value_reexports(plan, &target);
    let reused = types::composite_reexports(plan, &target);
    Tree {
        root: quote!(#act #state_types #states #values #reused),
        children,
    }
}

/// `pub mod states`, naming each record's traits of its builder's state from its private
/// module, so that the compiler's help names a public path.
fn states_module(plan: &Plan) -> TokenStream {
    let doc = docs::attrs(&docs::states_module(plan.model));
    let records = plan.records.iter().map(|module| {
        let doc = docs::attrs(&docs::record_states(module));
        let (record_module, states) = (&module.module, &module.states.module);
        let traits = &module.states.reexports;
        // A record without a required item has no trait of state: its module stays empty.
        let reexports = (!traits.is_empty())
            .then(|| quote!(pub use super::super::#record_module::{#(#traits),*};));
        quote! {
            #doc
            pub mod #states {
                #reexports
            }
        }
    });
    let states = &plan.states.module;
    quote! {
        #doc
        pub mod #states {
            #(#records)*
        }
    }
}

/// Where the emitted code goes: how it names the spec's types, and how it gets serde's traits.
pub(crate) struct Target {
    /// The module of hand-written value types, or `None` when they are in scope.
    values: Option<syn::Path>,
    /// The module of composites, or `None` when they are in scope.
    composites: Option<syn::Path>,
    serde: Serde,
}

impl Target {
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
            quote!(::core::option::Option<#ty>)
        }
    }

    /// The values crate's module of deserialization helpers (`crate::values::de`).
    fn de(&self) -> TokenStream {
        match &self.values {
            Some(values) => quote!(#values::de),
            None => quote!(de),
        }
    }

    /// `#[attr]` for serde (`derive(::serde::Serialize)`, `serde(default)`), as the target gets
    /// serde: always, under a feature, or not at all.
    fn serde_attr(&self, attr: TokenStream) -> TokenStream {
        match &self.serde {
            Serde::Off => quote!(),
            Serde::On => quote!(#[#attr]),
            Serde::Feature(feature) => quote!(#[cfg_attr(feature = #feature, #attr)]),
        }
    }

    /// `item`, which only serde needs, as the target gets serde.
    fn serde_item(&self, item: TokenStream) -> TokenStream {
        match &self.serde {
            Serde::Off => quote!(),
            Serde::On => item,
            Serde::Feature(feature) => quote!(#[cfg(feature = #feature)] #item),
        }
    }
}

/// An identifier from a checked name. The checker has rejected every spec name that is not a
/// valid, non-keyword identifier, and derived names only append ASCII letters to those.
fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}
