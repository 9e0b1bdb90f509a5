//! Typestate builders, in the shape [`super::typestate`] describes.
//!
//! A builder's state holds its required items' values: one tuple per chunk of required items,
//! each item's place `Unset` until its setter is called and `Set<T>`, holding the value, after.
//! Optional items' values are in a struct of the `Option`s the record holds (`Items`), whatever
//! the state. A required item's setter requires its place to be `Unset`, and `build()` requires
//! every place to be `Set`, each through a trait of the item, so that
//! `#[diagnostic::on_unimplemented]` names the record, the item and its citation in the
//! compiler's error, and every missing item gets its own. `build()` moves the values out of
//! their `Set`s; no value is ever checked for presence at run time, so the optimized code of a
//! chain of setters is the code of a struct literal
//! (`cargo bench -p dactylo-tests --bench machine_code` compares them). An earlier design kept
//! every value in an `Option` and unwrapped it in `build()`: the optimizer folded the checks in
//! small records only, and left a check and a panic per item in the larger ones.
//!
//! Every method is `#[inline]`, so that the optimizer sees a chain of calls whole, in whichever
//! codegen unit uses it, and moves each value once into the record, as a struct literal does.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::typestate::{Place, chunk_parameter, chunks, empty_chunks, place_parameter, places};
use super::{Target, docs, ident, lints};
use crate::model::{Act, Field, Record};
use crate::names;

/// The places of an item not set yet and of an item set, shared by all builders; the sealed
/// traits that keep anything else out of a builder's state and take a value out of its `Set`;
/// and, for each count of required items in `layouts`, one function for each item that puts its
/// value in a state of that layout. A setter calls one of these rather than move each part of
/// the state itself, so that rustc checks the moves once per layout, which records of as many
/// required items share, rather than once per setter: a setter's body is the same size
/// whatever the record's width (measured against setters that move each part themselves: 17%
/// fewer instructions for rustc at 10 records × 50 fields, 8% at 100 × 10).
pub(super) fn state_types(layouts: &[usize]) -> TokenStream {
    let unset_doc = docs::attrs(&docs::unset());
    let set_doc = docs::attrs(&docs::set());
    let (unset, set) = (ident(names::UNSET_TYPE), ident(names::SET_TYPE));
    let (sealed, value) = (ident(names::SEALED_MODULE), ident(names::VALUE_PARAMETER));
    let put_fns = layouts
        .iter()
        .flat_map(|&required| (0..required).map(move |item| put_fn(item, required)));
    quote! {
        #unset_doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct #unset(());

        #set_doc
        #[derive(Clone)]
        pub struct #set<#value>(#value);

        mod #sealed {
            #(#put_fns)*

            /// A place in a builder's state: `Unset` or `Set`, nothing else.
            pub trait Place {}

            /// A place holding a value.
            pub trait Holds<Value>: Place {
                /// The value held.
                fn value(self) -> Value;
            }
        }

        impl #sealed::Place for #unset {}

        impl<#value> #sealed::Place for #set<#value> {}

        impl<#value> #sealed::Holds<#value> for #set<#value> {
            #[inline(always)]
            fn value(self) -> #value {
                self.0
            }
        }
    }
}

/// `put_1_of_12`: a state of `required` items with the value of item `item` in its place, the
/// other chunks and places moved as they are, and the place replaced dropped (it is `Unset`).
fn put_fn(item: usize, required: usize) -> TokenStream {
    let name = ident(&names::put_fn(item, required));
    let places = places(required);
    let own = places[item].chunk;
    let set = ident(names::SET_TYPE);
    let chunk_count = places.last().map_or(0, |place| place.chunk + 1);
    let own_places: Vec<usize> = (0..required)
        .filter(|&other| places[other].chunk == own)
        .collect();
    let parameter = |other: usize| quote::format_ident!("A{}", places[other].index);
    let (mut generics, mut taken, mut given, mut moved) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for chunk in 0..chunk_count {
        if chunk == own {
            let own_parameters: Vec<Ident> =
                own_places.iter().map(|&other| parameter(other)).collect();
            generics.extend(own_parameters.iter().map(|parameter| quote!(#parameter)));
            taken.push(super::typestate::tuple(
                &own_parameters
                    .iter()
                    .map(|parameter| quote!(#parameter))
                    .collect::<Vec<_>>(),
            ));
            let own_index = syn::Index::from(own);
            let (types, values): (Vec<TokenStream>, Vec<TokenStream>) = own_places
                .iter()
                .map(|&other| {
                    if other == item {
                        (quote!(super::#set<V>), quote!(super::#set(value)))
                    } else {
                        let parameter = parameter(other);
                        let index = syn::Index::from(places[other].index);
                        (quote!(#parameter), quote!(state.#own_index.#index))
                    }
                })
                .unzip();
            given.push(super::typestate::tuple(&types));
            moved.push(super::typestate::tuple(&values));
        } else {
            let parameter = chunk_parameter(chunk);
            let index = syn::Index::from(chunk);
            generics.push(quote!(#parameter));
            taken.push(quote!(#parameter));
            given.push(quote!(#parameter));
            moved.push(quote!(state.#index));
        }
    }
    // With one item, nothing of the state is moved into the new one.
    let state = if required == 1 {
        quote!(_state)
    } else {
        quote!(state)
    };
    quote! {
        #[inline(always)]
        pub(super) fn #name<#(#generics,)* V>(#state: (#(#taken,)*), value: V) -> (#(#given,)*) {
            (#(#moved,)*)
        }
    }
}

/// A record's `builder()`, its builder type with its items, its setters and `build()`, and the
/// sealed traits that carry the compiler's messages.
pub(super) fn record_builder(act: &Act, record: &Record, target: &Target) -> TokenStream {
    let builder = Builder::new(record, target);
    let start = builder.start(record);
    let definition = builder.definition(act, record);
    let items = builder.items();
    let common = builder.common_impls(record);
    let chunk_setters = builder.chunk_setters(act);
    let optional_setters = builder.optional_setters(act);
    let build = builder.build_method(act, record);
    let traits = builder
        .required
        .iter()
        .map(|field| required_traits(act, record, field, &builder.value_type(field)));
    quote! {
        #start
        #definition
        #items
        #common
        #(#chunk_setters)*
        #optional_setters
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
    places: Vec<Place>,
    target: &'a Target,
}

impl<'a> Builder<'a> {
    fn new(record: &'a Record, target: &'a Target) -> Self {
        let required: Vec<&Field> = record.required_fields().collect();
        Builder {
            name: ident(&names::builder(&record.name)),
            record: ident(&record.name),
            fields: &record.fields,
            places: places(required.len()),
            required,
            target,
        }
    }

    /// `C0, C1, …`: the builder's type parameters, one per chunk.
    fn chunk_parameters(&self) -> Vec<Ident> {
        let count = self.places.last().map_or(0, |place| place.chunk + 1);
        (0..count).map(chunk_parameter).collect()
    }

    /// `X0, X1, …`: the place of every required item, as the `impl`s of `build()` and `Clone`
    /// name them.
    fn place_parameters(&self) -> Vec<Ident> {
        (0..self.required.len()).map(place_parameter).collect()
    }

    /// The state as an expression of its places, `((a, b), (c,))`, each item's place given by
    /// `place`.
    fn state_of(&self, place: impl Fn(usize) -> TokenStream) -> TokenStream {
        let chunks = chunks(self.required.len(), place);
        quote!((#(#chunks,)*))
    }

    /// Where required item `item`'s place is in `self`: `self._state.0.1`. Moving each place
    /// by its path, rather than through locals of a destructured state, spares rustc a local of
    /// a generic type per place (measured in setters: 5% fewer instructions for rustc at 10
    /// records × 50 fields).
    fn place_path(&self, item: usize) -> TokenStream {
        let Place { chunk, index } = self.places[item];
        let (chunk, index) = (syn::Index::from(chunk), syn::Index::from(index));
        let state_field = ident(names::STATE_FIELD);
        quote!(self.#state_field.#chunk.#index)
    }

    /// The value type of a field, as its record's module names it.
    fn value_type(&self, field: &Field) -> TokenStream {
        self.target.type_ref(&field.member.ty)
    }

    fn start(&self, record: &Record) -> TokenStream {
        let doc = docs::attrs(&docs::builder_fn(record));
        let (name, record_name) = (&self.name, &self.record);
        let items = ident(names::ITEMS_STRUCT);
        let nones = self.optional().map(|field| {
            let field_name = ident(&field.member.ident);
            quote!(#field_name: ::core::option::Option::None)
        });
        let unset = ident(names::UNSET_TYPE);
        let state = self.state_of(|_| quote!(#unset(())));
        let builder_fn = ident(names::BUILDER_FN);
        let (items_field, state_field) = (ident(names::ITEMS_FIELD), ident(names::STATE_FIELD));
        quote! {
            impl #record_name {
                #doc
                #[inline]
                pub const fn #builder_fn() -> #name {
                    #name { #items_field: #items { #(#nones,)* }, #state_field: #state }
                }
            }
        }
    }

    fn optional(&self) -> impl Iterator<Item = &'a Field> + use<'a> {
        self.fields
            .iter()
            .filter(|field| !field.member.is_required())
    }

    fn definition(&self, act: &Act, record: &Record) -> TokenStream {
        let doc = docs::attrs(&docs::builder(act, record, &self.layout()));
        let name = &self.name;
        let params = self.chunk_parameters();
        let defaults = empty_chunks(self.required.len());
        let declared = params
            .iter()
            .zip(&defaults)
            .map(|(param, default)| quote!(#param = #default));
        let items = ident(names::ITEMS_STRUCT);
        let (items_field, state_field) = (ident(names::ITEMS_FIELD), ident(names::STATE_FIELD));
        quote! {
            #doc
            #[must_use = "a builder does nothing until `.build()` is called"]
            pub struct #name<#(#declared),*> {
                #items_field: #items,
                #state_field: (#(#params,)*),
            }
        }
    }

    /// Each chunk's required items, by ident: the layout the builder's docs show.
    fn layout(&self) -> Vec<Vec<String>> {
        let mut layout: Vec<Vec<String>> = Vec::new();
        for (field, place) in self.required.iter().zip(&self.places) {
            if place.index == 0 {
                layout.push(Vec::new());
            }
            if let Some(chunk) = layout.last_mut() {
                chunk.push(field.member.ident.clone());
            }
        }
        layout
    }

    /// The struct of the optional items' values, whatever the state.
    fn items(&self) -> TokenStream {
        let items = ident(names::ITEMS_STRUCT);
        let fields = self.optional().map(|field| {
            let field_name = ident(&field.member.ident);
            let ty = self.value_type(field);
            quote!(#field_name: ::core::option::Option<#ty>)
        });
        quote! {
            #[derive(Clone)]
            struct #items {
                #(#fields,)*
            }
        }
    }

    /// `Clone` for every state, place by place (a tuple of more than twelve is not `Clone`),
    /// and `Debug` for every state. `Debug` shows the builder's name and no value: a partly
    /// built builder holds personal data, and a field by field `Debug` would cost every user's
    /// compile time a tenth more (measured at 100 records × 10 fields).
    fn common_impls(&self, record: &Record) -> TokenStream {
        let name = &self.name;
        let params = self.chunk_parameters();
        let markers = self.place_parameters();
        let state = chunks(self.required.len(), |item| {
            let marker = &markers[item];
            quote!(#marker)
        });
        let cloned = self.state_of(|item| {
            let path = self.place_path(item);
            quote!(::core::clone::Clone::clone(&#path))
        });
        let (items_field, state_field) = (ident(names::ITEMS_FIELD), ident(names::STATE_FIELD));
        let shown = format!("{} {{ .. }}", names::builder(&record.name));
        quote! {
            impl<#(#markers: ::core::clone::Clone),*> ::core::clone::Clone for #name<#(#state),*> {
                #[inline]
                fn clone(&self) -> Self {
                    #name {
                        #items_field: ::core::clone::Clone::clone(&self.#items_field),
                        #state_field: #cloned,
                    }
                }
            }

            impl<#(#params),*> ::core::fmt::Debug for #name<#(#params),*> {
                fn fmt(&self, formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    formatter.write_str(#shown)
                }
            }
        }
    }

    /// One `impl` per chunk, generic over its places and the other chunks, holding the setters
    /// of its items.
    fn chunk_setters(&self, act: &Act) -> Vec<TokenStream> {
        let params = self.chunk_parameters();
        params
            .iter()
            .enumerate()
            .map(|(chunk, _)| {
                let in_chunk: Vec<usize> = (0..self.required.len())
                    .filter(|&item| self.places[item].chunk == chunk)
                    .collect();
                let markers: Vec<Ident> =
                    in_chunk.iter().map(|&item| place_parameter(item)).collect();
                let generics = params
                    .iter()
                    .enumerate()
                    .filter(|(other, _)| *other != chunk)
                    .map(|(_, param)| quote!(#param))
                    .chain(markers.iter().map(|marker| quote!(#marker)));
                let state = self.state_with(chunk, None);
                let setters = in_chunk.iter().map(|&item| self.required_setter(act, item));
                let name = &self.name;
                quote! {
                    impl<#(#generics),*> #name<#(#state),*> {
                        #(#setters)*
                    }
                }
            })
            .collect()
    }

    /// The state's parameters as a chunk's `impl` sees them: the other chunks whole, chunk
    /// `chunk` as its places, the place of item `set` (if any) replaced by `Set` of its type.
    fn state_with(&self, chunk: usize, set: Option<usize>) -> Vec<TokenStream> {
        let set_type = ident(names::SET_TYPE);
        let chunk_places: Vec<TokenStream> = (0..self.required.len())
            .filter(|&item| self.places[item].chunk == chunk)
            .map(|item| {
                if set == Some(item) {
                    let ty = self.value_type(self.required[item]);
                    quote!(#set_type<#ty>)
                } else {
                    let marker = place_parameter(item);
                    quote!(#marker)
                }
            })
            .collect();
        self.chunk_parameters()
            .iter()
            .enumerate()
            .map(|(other, param)| {
                if other == chunk {
                    super::typestate::tuple(&chunk_places)
                } else {
                    quote!(#param)
                }
            })
            .collect()
    }

    /// Sets required item `item`, whose place must be `Unset`, and puts its value in its place,
    /// through the function of its layout that does.
    fn required_setter(&self, act: &Act, item: usize) -> TokenStream {
        let field = self.required[item];
        let doc = docs::attrs(&docs::setter(act, field));
        let setter = ident(&field.member.ident);
        let value_type = self.value_type(field);
        let is_unset = ident(&names::is_unset_trait(&field.member.ident));
        let marker = place_parameter(item);
        let name = &self.name;
        let chunk = self.places[item].chunk;
        let state = self.state_with(chunk, Some(item));
        let (items_field, state_field) = (ident(names::ITEMS_FIELD), ident(names::STATE_FIELD));
        let allow = lints::setter(&field.member.ident);
        let sealed = ident(names::SEALED_MODULE);
        let put = ident(&names::put_fn(item, self.required.len()));
        quote! {
            #doc
            #allow
            #[inline]
            pub fn #setter(self, value: #value_type) -> #name<#(#state),*>
            where
                #marker: #is_unset,
            {
                #name {
                    #items_field: self.#items_field,
                    #state_field: super::#sealed::#put(self.#state_field, value),
                }
            }
        }
    }

    /// The setters of the optional items, for every state.
    fn optional_setters(&self, act: &Act) -> TokenStream {
        let setters: Vec<TokenStream> = self
            .optional()
            .map(|field| self.optional_setter(act, field))
            .collect();
        if setters.is_empty() {
            return quote!();
        }
        let name = &self.name;
        let params = self.chunk_parameters();
        quote! {
            impl<#(#params),*> #name<#(#params),*> {
                #(#setters)*
            }
        }
    }

    fn optional_setter(&self, act: &Act, field: &Field) -> TokenStream {
        let doc = docs::attrs(&docs::setter(act, field));
        let maybe_doc = docs::attrs(&docs::maybe_setter(act, field));
        let setter = ident(&field.member.ident);
        let maybe_setter = ident(&names::maybe_setter(&field.member.ident));
        let value_type = self.value_type(field);
        let items_field = ident(names::ITEMS_FIELD);
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
                self.#items_field.#setter = value;
                self
            }
        }
    }

    /// `build()` exists for every state; its bounds, one per required item, demand that each
    /// place be `Set`, and take each value out of its `Set`.
    fn build_method(&self, act: &Act, record: &Record) -> TokenStream {
        let doc = docs::attrs(&docs::build_method(act, record));
        let (name, record_name) = (&self.name, &self.record);
        let markers = self.place_parameters();
        let state = chunks(self.required.len(), |item| {
            let marker = &markers[item];
            quote!(#marker)
        });
        let bounds = self.required.iter().zip(&markers).map(|(field, marker)| {
            let is_set = ident(&names::is_set_trait(&field.member.ident));
            quote!(#marker: #is_set)
        });
        let items_field = ident(names::ITEMS_FIELD);
        let sealed = ident(names::SEALED_MODULE);
        let mut required = 0;
        let fields = self.fields.iter().map(|field| {
            let field_name = ident(&field.member.ident);
            if field.member.is_required() {
                let path = self.place_path(required);
                required += 1;
                quote!(#field_name: super::#sealed::Holds::value(#path))
            } else {
                quote!(#field_name: self.#items_field.#field_name)
            }
        });
        let fields: Vec<TokenStream> = fields.collect();
        let build = ident(names::BUILD_METHOD);
        quote! {
            impl<#(#markers),*> #name<#(#state),*> {
                #doc
                #[inline]
                pub fn #build(self) -> #record_name
                where
                    #(#bounds,)*
                {
                    #record_name { #(#fields,)* }
                }
            }
        }
    }
}

/// The two traits of a required item: `build()` requires its place to implement the first, its
/// setter the second. Both are sealed, as their supertraits are in a private module. They are
/// public, in the record's private module, and named in the public module of the states, so
/// that the compiler's help names a public path.
fn required_traits(
    act: &Act,
    record: &Record,
    field: &Field,
    value_type: &TokenStream,
) -> TokenStream {
    let is_set = ident(&names::is_set_trait(&field.member.ident));
    let is_unset = ident(&names::is_unset_trait(&field.member.ident));
    let (set, unset) = (ident(names::SET_TYPE), ident(names::UNSET_TYPE));
    let sealed = ident(names::SEALED_MODULE);
    let set_doc = docs::attrs(&docs::is_set_trait(field));
    let unset_doc = docs::attrs(&docs::is_unset_trait(field));
    let missing = on_unimplemented(&docs::missing(act, record, field));
    let already_set = on_unimplemented(&docs::already_set(act, record, field));
    quote! {
        #set_doc
        #missing
        pub trait #is_set: super::#sealed::Holds<#value_type> {}
        #[diagnostic::do_not_recommend]
        impl #is_set for super::#set<#value_type> {}

        #unset_doc
        #already_set
        pub trait #is_unset: super::#sealed::Place {}
        #[diagnostic::do_not_recommend]
        impl #is_unset for super::#unset {}
    }
}

fn on_unimplemented(diagnostic: &docs::Diagnostic) -> TokenStream {
    let message = format_literal(&diagnostic.message);
    let label = format_literal(&diagnostic.label);
    quote!(#[diagnostic::on_unimplemented(message = #message, label = #label)])
}

/// `on_unimplemented` reads `{…}` as a placeholder; the act's words are shown as written.
fn format_literal(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}
