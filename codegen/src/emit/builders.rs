//! Typestate builders, in the layout their plan gives ([`crate::plan::Layout`]).
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

use proc_macro2::TokenStream;
use quote::quote;

use super::{Target, docs, lints};
use crate::model::{Act, Field};
use crate::plan::{Chunk, FieldItems, FieldRole, Machinery, PutFunction, RecordModule};

/// The `use` items of a record module: the places, when its builder's state has any.
pub(super) fn imports(module: &RecordModule) -> TokenStream {
    match &module.imports {
        Some([set, unset]) => quote!(use super::{#set, #unset};),
        None => quote!(),
    }
}

/// The places of an item not set yet and of an item set, shared by all builders; the sealed
/// traits that keep anything else out of a builder's state and take a value out of its `Set`;
/// and, for each layout of the machinery, one function for each item that puts its value in a
/// state of that layout. A setter calls one of these rather than move each part of the state
/// itself, so that rustc checks the moves once per layout, which records of as many required
/// items share, rather than once per setter: a setter's body is the same size whatever the
/// record's width (measured against setters that move each part themselves: 17% fewer
/// instructions for rustc at 10 records × 50 fields, 8% at 100 × 10).
pub(super) fn state_types(machinery: &Machinery) -> TokenStream {
    let unset_doc = docs::attrs(&docs::unset());
    let set_doc = docs::attrs(&docs::set());
    let Machinery {
        unset,
        set,
        set_parameter: value,
        sealed,
        place_trait,
        holds_trait,
        holds_parameter,
        holds_method,
        layouts,
    } = machinery;
    let put_fns = layouts
        .iter()
        .flat_map(|layout| layout.put.iter().map(|put| put_fn(put, machinery)));
    let unused = lints::sealed_traits(layouts.is_empty());
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
            #unused
            pub trait #place_trait {}

            /// A place holding a value.
            #unused
            pub trait #holds_trait<#holds_parameter>: #place_trait {
                /// The value held.
                fn #holds_method(self) -> #holds_parameter;
            }
        }

        impl #sealed::#place_trait for #unset {}

        impl<#value> #sealed::#place_trait for #set<#value> {}

        impl<#value> #sealed::#holds_trait<#value> for #set<#value> {
            #[inline(always)]
            fn #holds_method(self) -> #value {
                self.0
            }
        }
    }
}

/// `put_1_of_12`: a state with the value of its item in its place, the other chunks and places
/// moved as they are, and the place replaced dropped (it is `Unset`).
fn put_fn(put: &PutFunction, machinery: &Machinery) -> TokenStream {
    let PutFunction {
        name,
        item,
        chunks,
        chunk_parameters,
        place_parameters,
        value_parameter,
    } = put;
    let set = &machinery.set;
    let allow = lints::state(place_parameters.len());
    let (mut generics, mut taken, mut given, mut moved) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (chunk, (items, parameter)) in chunks.iter().zip(chunk_parameters).enumerate() {
        let index = syn::Index::from(chunk);
        match parameter {
            Some(parameter) => {
                generics.push(quote!(#parameter));
                taken.push(quote!(#parameter));
                given.push(quote!(#parameter));
                moved.push(quote!(state.#index));
            }
            None => {
                generics.extend(place_parameters.iter().map(|place| quote!(#place)));
                let places: Vec<TokenStream> = place_parameters
                    .iter()
                    .map(|place| quote!(#place))
                    .collect();
                taken.push(Chunk::tuple(&places));
                let (types, values): (Vec<TokenStream>, Vec<TokenStream>) = items
                    .clone()
                    .zip(place_parameters)
                    .enumerate()
                    .map(|(place, (other, parameter))| {
                        if other == *item {
                            (
                                quote!(super::#set<#value_parameter>),
                                quote!(super::#set(value)),
                            )
                        } else {
                            let place = syn::Index::from(place);
                            (quote!(#parameter), quote!(state.#index.#place))
                        }
                    })
                    .unzip();
                given.push(Chunk::tuple(&types));
                moved.push(Chunk::tuple(&values));
            }
        }
    }
    // With one item, nothing of the state is moved into the new one.
    let required: usize = chunks.iter().map(ExactSizeIterator::len).sum();
    let state = if required == 1 {
        quote!(_state)
    } else {
        quote!(state)
    };
    quote! {
        #allow
        #[inline(always)]
        pub(super) fn #name<#(#generics,)* #value_parameter>(#state: (#(#taken,)*), value: #value_parameter) -> (#(#given,)*) {
            (#(#moved,)*)
        }
    }
}

/// A record's `builder()`, its builder type with its items, its setters and `build()`, and the
/// sealed traits that carry the compiler's messages.
pub(super) fn record_builder(
    act: &Act,
    machinery: &Machinery,
    module: &RecordModule,
    target: &Target,
) -> TokenStream {
    let builder = Builder {
        module,
        machinery,
        target,
    };
    let start = builder.start();
    let definition = builder.definition(act);
    let items = builder.items();
    let common = builder.common_impls();
    let chunk_setters = builder.chunk_setters(act);
    let optional_setters = builder.optional_setters(act);
    let build = builder.build_method(act);
    let traits = module
        .fields
        .iter()
        .map(|field| builder.required_traits(act, field));
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

/// One record's builder, as its plan names it.
struct Builder<'a, 'm> {
    module: &'a RecordModule<'m>,
    machinery: &'a Machinery,
    target: &'a Target,
}

impl<'m> Builder<'_, 'm> {
    /// `C0, C1, …`: the builder's type parameters, one per chunk.
    fn chunk_parameters(&self) -> Vec<TokenStream> {
        let chunks = &self.module.layout.chunks;
        chunks
            .iter()
            .map(|chunk| {
                let parameter = &chunk.parameter;
                quote!(#parameter)
            })
            .collect()
    }

    /// `X0, X1, …`: the place of every required item, as the `impl`s of `build()` and `Clone`
    /// name them.
    fn place_parameters(&self) -> Vec<TokenStream> {
        let places = &self.module.layout.places;
        places
            .iter()
            .map(|place| {
                let parameter = &place.parameter;
                quote!(#parameter)
            })
            .collect()
    }

    /// The state as an expression of its places, `((a, b), (c,))`, each item's place given by
    /// `place`.
    fn state_of(&self, place: impl Fn(usize) -> TokenStream) -> TokenStream {
        let chunks = self.module.layout.state(place);
        quote!((#(#chunks,)*))
    }

    /// Where required item `item`'s place is in `self`: `self._state.0.1`. Moving each place
    /// by its path, rather than through locals of a destructured state, spares rustc a local of
    /// a generic type per place (measured in setters: 5% fewer instructions for rustc at 10
    /// records × 50 fields).
    fn place_path(&self, item: usize) -> TokenStream {
        let place = &self.module.layout.places[item];
        let (chunk, index) = (syn::Index::from(place.chunk), syn::Index::from(place.index));
        let state_field = &self.module.state_field;
        quote!(self.#state_field.#chunk.#index)
    }

    /// The value type of a field, as its record's module names it.
    fn value_type(&self, field: &Field) -> TokenStream {
        self.target.type_ref(&field.member.ty)
    }

    fn optional(&self) -> impl Iterator<Item = &FieldItems<'m>> {
        self.module
            .fields
            .iter()
            .filter(|field| field.required_item().is_none())
    }

    fn start(&self) -> TokenStream {
        let module = self.module;
        let doc = docs::attrs(&docs::builder_fn(module.record));
        let (name, record_name, items) = (&module.builder, &module.name, &module.items);
        let nones = self.optional().map(|field| {
            let value = optional_value(field);
            quote!(#value: ::core::option::Option::None)
        });
        let unset = &self.machinery.unset;
        let state = self.state_of(|_| quote!(#unset(())));
        let (builder_fn, items_field, state_field) =
            (&module.builder_fn, &module.items_field, &module.state_field);
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

    fn definition(&self, act: &Act) -> TokenStream {
        let module = self.module;
        let doc = docs::attrs(&docs::builder(act, module, self.machinery));
        let name = &module.builder;
        let params = self.chunk_parameters();
        let unset = &self.machinery.unset;
        let defaults = module.layout.state(|_| quote!(#unset));
        let declared = params
            .iter()
            .zip(&defaults)
            .map(|(param, default)| quote!(#param = #default));
        let (items, items_field, state_field) =
            (&module.items, &module.items_field, &module.state_field);
        quote! {
            #doc
            #[must_use = "a builder does nothing until `.build()` is called"]
            pub struct #name<#(#declared),*> {
                #items_field: #items,
                #state_field: (#(#params,)*),
            }
        }
    }

    /// The struct of the optional items' values, whatever the state.
    fn items(&self) -> TokenStream {
        let items = &self.module.items;
        let fields = self.optional().map(|field| {
            let value = optional_value(field);
            let ty = self.value_type(field.field);
            quote!(#value: ::core::option::Option<#ty>)
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
    fn common_impls(&self) -> TokenStream {
        let module = self.module;
        let name = &module.builder;
        let params = self.chunk_parameters();
        let markers = self.place_parameters();
        let state = module.layout.state(|item| markers[item].clone());
        let cloned = self.state_of(|item| {
            let path = self.place_path(item);
            quote!(::core::clone::Clone::clone(&#path))
        });
        let (items_field, state_field) = (&module.items_field, &module.state_field);
        let shown = format!("{name} {{ .. }}");
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
        let module = self.module;
        let params = self.chunk_parameters();
        let markers = self.place_parameters();
        let required: Vec<&FieldItems> = module
            .fields
            .iter()
            .filter(|field| field.required_item().is_some())
            .collect();
        module
            .layout
            .chunks
            .iter()
            .enumerate()
            .map(|(chunk, layout)| {
                let generics = params
                    .iter()
                    .enumerate()
                    .filter(|(other, _)| *other != chunk)
                    .map(|(_, param)| param.clone())
                    .chain(layout.items.clone().map(|item| markers[item].clone()));
                let state = self.state_with(chunk, None);
                let setters = layout
                    .items
                    .clone()
                    .map(|item| self.required_setter(act, required[item], item));
                let name = &module.builder;
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
    fn state_with(&self, chunk: usize, set: Option<(usize, &Field)>) -> Vec<TokenStream> {
        let layout = &self.module.layout;
        let set_type = &self.machinery.set;
        let chunk_places: Vec<TokenStream> = layout.chunks[chunk]
            .items
            .clone()
            .map(|item| match set {
                Some((set, field)) if set == item => {
                    let ty = self.value_type(field);
                    quote!(#set_type<#ty>)
                }
                _ => {
                    let parameter = &layout.places[item].parameter;
                    quote!(#parameter)
                }
            })
            .collect();
        self.chunk_parameters()
            .into_iter()
            .enumerate()
            .map(|(other, param)| {
                if other == chunk {
                    Chunk::tuple(&chunk_places)
                } else {
                    param
                }
            })
            .collect()
    }

    /// Sets required item `item`, whose place must be `Unset`, and puts its value in its place,
    /// through the function of its layout that does.
    fn required_setter(&self, act: &Act, field: &FieldItems, item: usize) -> TokenStream {
        let module = self.module;
        let FieldRole::Required { is_unset, .. } = &field.role else {
            unreachable!("a required field's setter");
        };
        let doc = docs::attrs(&docs::setter(act, field));
        let setter = &field.setter;
        let value_type = self.value_type(field.field);
        let place = &module.layout.places[item];
        let marker = &place.parameter;
        let name = &module.builder;
        let state = self.state_with(place.chunk, Some((item, field.field)));
        let (items_field, state_field) = (&module.items_field, &module.state_field);
        let allow = lints::setter(setter.as_str());
        let width = module.layout.chunks[place.chunk].items.len();
        let complex = lints::state(width);
        let sealed = &self.machinery.sealed;
        let put = &self.put_function(item).name;
        quote! {
            #doc
            #allow
            #complex
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

    /// The function of the machinery that puts required item `item` in this builder's state.
    fn put_function(&self, item: usize) -> &PutFunction {
        let required = self.module.layout.places.len();
        let layout = self
            .machinery
            .layouts
            .iter()
            .find(|layout| layout.required == required)
            .expect("the machinery has a layout for every builder's count of required items");
        &layout.put[item]
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
        let name = &self.module.builder;
        let params = self.chunk_parameters();
        quote! {
            impl<#(#params),*> #name<#(#params),*> {
                #(#setters)*
            }
        }
    }

    fn optional_setter(&self, act: &Act, field: &FieldItems) -> TokenStream {
        let FieldRole::Optional {
            maybe_setter,
            value,
        } = &field.role
        else {
            unreachable!("an optional field's setter");
        };
        let doc = docs::attrs(&docs::setter(act, field));
        let maybe_doc = docs::attrs(&docs::maybe_setter(act, field.field));
        let setter = &field.setter;
        let value_type = self.value_type(field.field);
        let items_field = &self.module.items_field;
        let allow = lints::setter(setter.as_str());
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
                self.#items_field.#value = value;
                self
            }
        }
    }

    /// `build()` exists for every state; its bounds, one per required item, demand that each
    /// place be `Set`, and take each value out of its `Set`.
    fn build_method(&self, act: &Act) -> TokenStream {
        let module = self.module;
        let doc = docs::attrs(&docs::build_method(act, module.record));
        let (name, record_name) = (&module.builder, &module.name);
        let markers = self.place_parameters();
        let state = module.layout.state(|item| markers[item].clone());
        let bounds = module.fields.iter().filter_map(|field| match &field.role {
            FieldRole::Required { item, is_set, .. } => {
                let marker = &markers[*item];
                Some(quote!(#marker: #is_set))
            }
            FieldRole::Optional { .. } => None,
        });
        let items_field = &module.items_field;
        let (sealed, holds, holds_method) = (
            &self.machinery.sealed,
            &self.machinery.holds_trait,
            &self.machinery.holds_method,
        );
        let fields = module.fields.iter().map(|field| {
            let field_name = &field.name;
            match &field.role {
                FieldRole::Required { item, .. } => {
                    let path = self.place_path(*item);
                    quote!(#field_name: super::#sealed::#holds::#holds_method(#path))
                }
                FieldRole::Optional { value, .. } => {
                    quote!(#field_name: self.#items_field.#value)
                }
            }
        });
        let build = &module.build;
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

    /// The two traits of a required item: `build()` requires its place to implement the first,
    /// its setter the second. Both are sealed, as their supertraits are in a private module.
    /// They are public, in the record's private module, and named in the public module of the
    /// states, so that the compiler's help names a public path.
    fn required_traits(&self, act: &Act, field: &FieldItems) -> TokenStream {
        let FieldRole::Required {
            is_set, is_unset, ..
        } = &field.role
        else {
            return quote!();
        };
        let value_type = self.value_type(field.field);
        let Machinery {
            unset,
            set,
            sealed,
            place_trait,
            holds_trait,
            ..
        } = self.machinery;
        let set_doc = docs::attrs(&docs::is_set_trait(field.field));
        let unset_doc = docs::attrs(&docs::is_unset_trait(field.field));
        let record = self.module;
        let missing = on_unimplemented(&docs::missing(act, record, field.field));
        let already_set = on_unimplemented(&docs::already_set(act, record, field.field));
        quote! {
            #set_doc
            #missing
            pub trait #is_set: super::#sealed::#holds_trait<#value_type> {}
            #[diagnostic::do_not_recommend]
            impl #is_set for super::#set<#value_type> {}

            #unset_doc
            #already_set
            pub trait #is_unset: super::#sealed::#place_trait {}
            #[diagnostic::do_not_recommend]
            impl #is_unset for super::#unset {}
        }
    }
}

/// The field of an optional item's value in the struct of the optional items.
fn optional_value<'a>(field: &'a FieldItems) -> &'a crate::plan::Name {
    match &field.role {
        FieldRole::Optional { value, .. } => value,
        FieldRole::Required { .. } => unreachable!("only optional items have a value there"),
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
