//! Typestate builders.
//!
//! A builder has one type parameter a required field: `Unset` until the field's setter is called,
//! then the field's own value type, which the builder then holds. Hence:
//! - the builder's type depends only on which fields are set, not on the order of the calls;
//! - `build()` moves the values out, with no `Option` to unwrap and no runtime check;
//! - a setter requires its parameter to be `Unset`, and `build()` requires each to be set,
//!   through one sealed trait a bound, so that `#[diagnostic::on_unimplemented]` can name the
//!   field and its citation in the compiler's error, and every missing field gets its own error.
//!
//! Optional fields are plain `Option`s: setting them leaves the type unchanged.
//!
//! All setters and `build()` live in a single generic impl block, which keeps the number of
//! impls (and the compiler's coherence work) at one a record.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{TypePaths, docs, ident};
use crate::model::{Act, Field, Record};
use crate::names;

/// The marker of a required field not set yet, shared by all builders.
pub(super) fn unset_type() -> TokenStream {
    let doc = docs::attrs(&docs::unset());
    let name = ident(names::UNSET_TYPE);
    quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct #name(());
    }
}

/// A record's `builder()`, its builder type, its setters and `build()`, and the sealed traits
/// that carry the compiler's messages.
pub(super) fn record_builder(act: &Act, record: &Record, paths: &TypePaths) -> TokenStream {
    let builder = Builder::new(record, paths);
    let start = builder.start(record);
    let definition = builder.definition(act, record);
    let setters = record
        .fields
        .iter()
        .map(|field| builder.setters(act, field));
    let build = builder.build_method(act, record);
    let traits = builder
        .required
        .iter()
        .map(|field| required_traits(act, record, field, paths));
    let generics = &builder.generics;
    let name = &builder.name;
    quote! {
        #start
        #definition
        impl #generics #name #generics {
            #(#setters)*
            #build
        }
        #(#traits)*
    }
}

/// The names one record's builder is made of.
struct Builder<'a> {
    name: Ident,
    record: Ident,
    fields: &'a [Field],
    required: Vec<&'a Field>,
    /// One type parameter a required field, in field order.
    params: Vec<Ident>,
    /// `<FullNameItem, BirthItem, …>`, or nothing when no field is required.
    generics: TokenStream,
    paths: &'a TypePaths,
}

impl<'a> Builder<'a> {
    fn new(record: &'a Record, paths: &'a TypePaths) -> Self {
        let required: Vec<&Field> = record.required_fields().collect();
        let params: Vec<Ident> = required
            .iter()
            .map(|field| ident(&names::item_parameter(&field.member.ident)))
            .collect();
        Builder {
            name: ident(&names::builder(&record.name)),
            record: ident(&record.name),
            generics: angle_bracketed(&params),
            fields: &record.fields,
            required,
            params,
            paths,
        }
    }

    fn start(&self, record: &Record) -> TokenStream {
        let doc = docs::attrs(&docs::builder_fn(record));
        let (name, record_name) = (&self.name, &self.record);
        let fields = record.fields.iter().map(|field| {
            let field_name = ident(&field.member.ident);
            if field.member.is_required() {
                quote!(#field_name: super::Unset(()))
            } else {
                quote!(#field_name: None)
            }
        });
        quote! {
            impl #record_name {
                #doc
                pub const fn builder() -> #name {
                    #name { #(#fields,)* }
                }
            }
        }
    }

    fn definition(&self, act: &Act, record: &Record) -> TokenStream {
        let doc = docs::attrs(&docs::builder(act, record));
        let name = &self.name;
        let params = self
            .params
            .iter()
            .map(|param| quote!(#param = super::Unset));
        let generics = if self.params.is_empty() {
            quote!()
        } else {
            quote!(<#(#params),*>)
        };
        let fields = record.fields.iter().map(|field| {
            let field_name = ident(&field.member.ident);
            if field.member.is_required() {
                let param = ident(&names::item_parameter(&field.member.ident));
                quote!(#field_name: #param)
            } else {
                let ty = self.paths.member_type(&field.member);
                quote!(#field_name: #ty)
            }
        });
        quote! {
            #doc
            #[must_use = "a builder does nothing until `.build()` is called"]
            #[derive(Clone)]
            pub struct #name #generics {
                #(#fields,)*
            }
        }
    }

    fn setters(&self, act: &Act, field: &Field) -> TokenStream {
        if field.member.is_required() {
            self.required_setter(act, field)
        } else {
            self.optional_setters(act, field)
        }
    }

    /// Moves every held value into a builder whose parameter for `field` is its value type.
    fn required_setter(&self, act: &Act, field: &Field) -> TokenStream {
        let doc = docs::attrs(&docs::setter(act, field));
        let setter = ident(&field.member.ident);
        let value_type = self.paths.type_ref(&field.member.ty);
        let is_unset = ident(&names::is_unset_trait(&field.member.ident));
        let param = ident(&names::item_parameter(&field.member.ident));
        let arguments: Vec<TokenStream> = self
            .params
            .iter()
            .map(|other| {
                if *other == param {
                    value_type.clone()
                } else {
                    quote!(#other)
                }
            })
            .collect();
        let name = &self.name;
        let moves = self.fields.iter().map(|other| {
            let other_name = ident(&other.member.ident);
            if other.member.ident == field.member.ident {
                quote!(#other_name: value)
            } else {
                quote!(#other_name: self.#other_name)
            }
        });
        quote! {
            #doc
            pub fn #setter(self, value: #value_type) -> #name<#(#arguments),*>
            where
                #param: #is_unset,
            {
                #name { #(#moves,)* }
            }
        }
    }

    fn optional_setters(&self, act: &Act, field: &Field) -> TokenStream {
        let doc = docs::attrs(&docs::setter(act, field));
        let maybe_doc = docs::attrs(&docs::maybe_setter(act, field));
        let setter = ident(&field.member.ident);
        let maybe_setter = ident(&names::maybe_setter(&field.member.ident));
        let value_type = self.paths.type_ref(&field.member.ty);
        quote! {
            #doc
            pub fn #setter(self, value: #value_type) -> Self {
                self.#maybe_setter(Some(value))
            }

            #maybe_doc
            pub fn #maybe_setter(mut self, value: Option<#value_type>) -> Self {
                self.#setter = value;
                self
            }
        }
    }

    fn build_method(&self, act: &Act, record: &Record) -> TokenStream {
        let doc = docs::attrs(&docs::build_method(act, record));
        let record_name = &self.record;
        let bounds = self
            .required
            .iter()
            .zip(&self.params)
            .map(|(field, param)| {
                let is_set = ident(&names::is_set_trait(&field.member.ident));
                quote!(#param: #is_set)
            });
        let fields = record.fields.iter().map(|field| {
            let field_name = ident(&field.member.ident);
            if field.member.is_required() {
                quote!(#field_name: self.#field_name.into())
            } else {
                quote!(#field_name: self.#field_name)
            }
        });
        quote! {
            #doc
            pub fn build(self) -> #record_name
            where
                #(#bounds,)*
            {
                #record_name { #(#fields,)* }
            }
        }
    }
}

/// The two sealed traits of a required field. They are `pub` in the record's private module, so
/// they may appear in public bounds while no user can name or implement them.
fn required_traits(act: &Act, record: &Record, field: &Field, paths: &TypePaths) -> TokenStream {
    let value_type = paths.type_ref(&field.member.ty);
    let is_set = ident(&names::is_set_trait(&field.member.ident));
    let is_unset = ident(&names::is_unset_trait(&field.member.ident));
    let missing = on_unimplemented(&docs::missing(act, record, field));
    let already_set = on_unimplemented(&docs::already_set(act, record, field));
    quote! {
        #missing
        pub trait #is_set: Into<#value_type> {}
        impl #is_set for #value_type {}

        #already_set
        pub trait #is_unset {}
        impl #is_unset for super::Unset {}
    }
}

fn on_unimplemented(diagnostic: &docs::Diagnostic) -> TokenStream {
    let message = format_literal(&diagnostic.message);
    let label = format_literal(&diagnostic.label);
    let note = format_literal(&diagnostic.note);
    quote!(#[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)])
}

/// `on_unimplemented` reads `{…}` as a placeholder; the act's words are shown as written.
fn format_literal(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

fn angle_bracketed(params: &[Ident]) -> TokenStream {
    if params.is_empty() {
        quote!()
    } else {
        quote!(<#(#params),*>)
    }
}
