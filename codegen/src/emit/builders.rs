//! Typestate builders, on the shared machinery of [`super::typestate`].
//!
//! A builder holds its state `S`, a tree with one leaf a required field (see
//! [`super::typestate`]), and its optional fields as plain `Option`s, which leave the type
//! unchanged. A setter requires the leaf it replaces to be `Unset`, and `build()` requires every
//! leaf to be set, each through one sealed trait a field, so that `#[diagnostic::on_unimplemented]`
//! names the field and its citation in the compiler's error, and every missing field gets its
//! own. `build()` moves the values out of the leaves: no `Option` to unwrap, no runtime check.
//!
//! Every method is `#[inline]`, so that the optimizer sees a chain of calls whole, in whichever
//! codegen unit uses it, and moves each value once into the record, as a struct literal does
//! (`cargo bench -p dactylo-tests --bench builders` measures the difference).

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::typestate::{path, tree};
use super::{Target, docs, ident, lints};
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

/// A record's `builder()`, its builder type, the names of its states, its setters and
/// `build()`, and the sealed traits that carry the compiler's messages.
pub(super) fn record_builder(act: &Act, record: &Record, target: &Target) -> TokenStream {
    let builder = Builder::new(record, target);
    let start = builder.start(record);
    let definition = builder.definition(act, record);
    let states = builder.state_aliases(record);
    let setters = builder.setters(act);
    let build = builder.build_method(act, record);
    let traits = builder
        .required
        .iter()
        .map(|field| required_traits(act, record, field, target));
    let name = &builder.name;
    let state = ident(names::STATE_PARAMETER);
    quote! {
        #start
        #definition
        #states
        impl<#state> #name<#state> {
            #(#setters)*
        }
        #build
        #(#traits)*
    }
}

/// The names one record's builder is made of.
struct Builder<'a> {
    name: Ident,
    record: Ident,
    fields: &'a [Field],
    required: Vec<&'a Field>,
    target: &'a Target,
}

impl<'a> Builder<'a> {
    fn new(record: &'a Record, target: &'a Target) -> Self {
        Builder {
            name: ident(&names::builder(&record.name)),
            record: ident(&record.name),
            fields: &record.fields,
            required: record.required_fields().collect(),
            target,
        }
    }

    /// The state `leaf` gives each required field, as a tree.
    fn state(&self, leaf: impl Fn(&Field) -> TokenStream) -> TokenStream {
        let leaves: Vec<TokenStream> = self.required.iter().map(|field| leaf(field)).collect();
        if leaves.is_empty() {
            return quote!(Unset);
        }
        tree(&leaves, &|left, right| quote!(Node<#left, #right>))
    }

    fn start(&self, record: &Record) -> TokenStream {
        let doc = docs::attrs(&docs::builder_fn(record));
        let (name, record_name) = (&self.name, &self.record);
        let leaves: Vec<TokenStream> = self.required.iter().map(|_| quote!(Unset(()))).collect();
        let state = if leaves.is_empty() {
            quote!(Unset(()))
        } else {
            tree(&leaves, &|left, right| quote!(Node(#left, #right)))
        };
        let optional = self.optional_fields().map(|field| {
            let field_name = ident(&field.member.ident);
            quote!(#field_name: ::core::option::Option::None)
        });
        let builder_fn = ident(names::BUILDER_FN);
        let state_field = ident(names::STATE_FIELD);
        quote! {
            impl #record_name {
                #doc
                #[inline]
                pub const fn #builder_fn() -> #name {
                    #name { #state_field: #state, #(#optional,)* }
                }
            }
        }
    }

    fn definition(&self, act: &Act, record: &Record) -> TokenStream {
        let doc = docs::attrs(&docs::builder(act, record));
        let name = &self.name;
        let empty = ident(names::EMPTY_STATE);
        let optional = self.optional_fields().map(|field| {
            let field_name = ident(&field.member.ident);
            let ty = self.target.member_type(&field.member);
            quote!(#field_name: #ty)
        });
        let state = ident(names::STATE_PARAMETER);
        let state_field = ident(names::STATE_FIELD);
        quote! {
            #doc
            #[must_use = "a builder does nothing until `.build()` is called"]
            #[derive(Clone)]
            pub struct #name<#state = #empty> {
                #state_field: #state,
                #(#optional,)*
            }
        }
    }

    /// `Empty`, and `SetFullName<S>` a required field: the state after `full_name` is set on a
    /// builder in state `S`, for code that names a partly built builder's type.
    fn state_aliases(&self, record: &Record) -> TokenStream {
        let empty = ident(names::EMPTY_STATE);
        let empty_doc = docs::attrs(&docs::empty_state(record));
        let empty_state = self.state(|_| quote!(Unset));
        let state = ident(names::STATE_PARAMETER);
        let aliases = self.required.iter().enumerate().map(|(index, field)| {
            let doc = docs::attrs(&docs::set_state(field));
            let alias = ident(&names::state_alias(&field.member.ident));
            let replace = self.replace(index);
            quote! {
                #doc
                pub type #alias<#state> = <#state as #replace>::Output;
            }
        });
        quote! {
            #empty_doc
            pub type #empty = #empty_state;
            #(#aliases)*
        }
    }

    /// The setters of every field, in the record's order.
    fn setters(&self, act: &Act) -> Vec<TokenStream> {
        let mut required = 0;
        self.fields
            .iter()
            .map(|field| {
                if field.member.is_required() {
                    required += 1;
                    self.required_setter(act, required - 1)
                } else {
                    self.optional_setters(act, field)
                }
            })
            .collect()
    }

    /// `Replace<Path, Value>` for the required field at `index`: its leaf's path and its type.
    fn replace(&self, index: usize) -> TokenStream {
        let path = path(index, self.required.len());
        let value_type = self.target.type_ref(&self.required[index].member.ty);
        quote!(Replace<#path, #value_type>)
    }

    /// Replaces the leaf of the required field at `index`, which must be `Unset`, and moves the
    /// optional fields along.
    fn required_setter(&self, act: &Act, index: usize) -> TokenStream {
        let field = self.required[index];
        let doc = docs::attrs(&docs::setter(act, field));
        let setter = ident(&field.member.ident);
        let value_type = self.target.type_ref(&field.member.ty);
        let is_unset = ident(&names::is_unset_trait(&field.member.ident));
        let alias = ident(&names::state_alias(&field.member.ident));
        let path = path(index, self.required.len());
        let name = &self.name;
        let optional = self.optional_fields().map(|other| {
            let other_name = ident(&other.member.ident);
            quote!(#other_name: self.#other_name)
        });
        let state = ident(names::STATE_PARAMETER);
        let state_field = ident(names::STATE_FIELD);
        let allow = lints::setter(&field.member.ident);
        quote! {
            #doc
            #allow
            #[inline]
            pub fn #setter(self, value: #value_type) -> #name<#alias<#state>>
            where
                #state: Replace<#path, #value_type, Old: #is_unset>,
            {
                #name {
                    #state_field: self.#state_field.replace(value),
                    #(#optional,)*
                }
            }
        }
    }

    fn optional_setters(&self, act: &Act, field: &Field) -> TokenStream {
        let doc = docs::attrs(&docs::setter(act, field));
        let maybe_doc = docs::attrs(&docs::maybe_setter(act, field));
        let setter = ident(&field.member.ident);
        let maybe_setter = ident(&names::maybe_setter(&field.member.ident));
        let value_type = self.target.type_ref(&field.member.ty);
        let allow = lints::setter(&field.member.ident);
        quote! {
            #doc
            #allow
            #[inline]
            pub fn #setter(self, value: #value_type) -> Self {
                self.#maybe_setter(::core::option::Option::Some(value))
            }

            #maybe_doc
            #[inline]
            pub fn #maybe_setter(mut self, value: ::core::option::Option<#value_type>) -> Self {
                self.#setter = value;
                self
            }
        }
    }

    /// `build()` exists on every complete-shaped state; its bounds, one a field, demand that each
    /// leaf be set, and it moves each value out of its leaf.
    fn build_method(&self, act: &Act, record: &Record) -> TokenStream {
        let doc = docs::attrs(&docs::build_method(act, record));
        let (name, record_name) = (&self.name, &self.record);
        let params: Vec<Ident> = self
            .required
            .iter()
            .map(|field| ident(&names::item_parameter(&field.member.ident)))
            .collect();
        let bindings: Vec<TokenStream> = self
            .required
            .iter()
            .map(|field| {
                let binding = ident(&field.member.ident);
                quote!(#binding)
            })
            .collect();
        let param_leaves: Vec<TokenStream> = params.iter().map(|param| quote!(#param)).collect();
        let (state_type, state_pattern) = if params.is_empty() {
            (quote!(Unset), quote!(_))
        } else {
            (
                tree(&param_leaves, &|left, right| quote!(Node<#left, #right>)),
                tree(&bindings, &|left, right| quote!(Node(#left, #right))),
            )
        };
        let bounds = self.required.iter().zip(&params).map(|(field, param)| {
            let is_set = ident(&names::is_set_trait(&field.member.ident));
            quote!(#param: #is_set)
        });
        let fields = self.fields.iter().map(|field| {
            let field_name = ident(&field.member.ident);
            if field.member.is_required() {
                quote!(#field_name: Filled::into_value(#field_name))
            } else {
                quote!(#field_name: self.#field_name)
            }
        });
        let build = ident(names::BUILD_METHOD);
        let state_field = ident(names::STATE_FIELD);
        quote! {
            impl<#(#params),*> #name<#state_type> {
                #doc
                #[inline]
                pub fn #build(self) -> #record_name
                where
                    #(#bounds,)*
                {
                    let #state_pattern = self.#state_field;
                    #record_name { #(#fields,)* }
                }
            }
        }
    }

    fn optional_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields
            .iter()
            .filter(|field| !field.member.is_required())
    }
}

/// The two sealed traits of a required field. They are `pub` in the record's private module, so
/// they may appear in public bounds while no user can name or implement them.
fn required_traits(act: &Act, record: &Record, field: &Field, target: &Target) -> TokenStream {
    let value_type = target.type_ref(&field.member.ty);
    let is_set = ident(&names::is_set_trait(&field.member.ident));
    let is_unset = ident(&names::is_unset_trait(&field.member.ident));
    let missing = on_unimplemented(&docs::missing(act, record, field));
    let already_set = on_unimplemented(&docs::already_set(act, record, field));
    quote! {
        #missing
        pub trait #is_set: Filled<Value = #value_type> {}
        impl #is_set for Set<#value_type> {}

        #already_set
        pub trait #is_unset {}
        impl #is_unset for Unset {}
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
