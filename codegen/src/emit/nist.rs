//! A record's ANSI/NIST-ITL transactions: `to_nist`, which puts each item in the Type-2 field
//! the spec maps it to (or, for an image, in its image records) and writes the transaction, and
//! `from_nist`, which takes each back. Both are behind `dactylo-records`' feature `nist`, and
//! call `dactylo_values::nist`, which writes and reads the encoding itself.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::{Target, docs};
use crate::model::{Member, NistDomain, NistMapping, TypeRef};
use crate::plan::{CompositeItems, Plan, RecordModule};

/// The `impl` of a record's functions of transactions, or nothing when the plan has none.
pub(super) fn record_functions(plan: &Plan, module: &RecordModule, target: &Target) -> TokenStream {
    let (Some(functions), Some(domain)) = (&module.nist, &plan.model.nist) else {
        return quote!();
    };
    let emit = Emit { plan, target };
    let nist = target.value("nist");
    let record = &module.name;
    let (to_nist, from_nist) = (&functions.to_nist, &functions.from_nist);
    let NistDomain { name, version } = domain;
    let domain = quote!(#nist::Domain { name: #name, version: #version });

    let mut puts = Vec::new();
    let mut takes = Vec::new();
    for field in &module.fields {
        let member = &field.field.member;
        let name = &field.name;
        let item = member.ident.as_str();
        let value = if member.is_required() {
            Access::Required(quote!(&self.#name))
        } else {
            Access::Optional(quote!(self.#name.as_ref()))
        };
        match &field.field.nist {
            Some(mapping) => {
                puts.push(emit.put(value, &member.ty, mapping, item, 0));
                takes.push(emit.take(member, mapping, item));
            }
            None => {
                puts.push(emit.put_image(value, member.ty.name(), item));
                takes.push(emit.take_image(member, item));
            }
        }
    }
    let names: Vec<_> = module.fields.iter().map(|field| &field.name).collect();
    let to_doc = docs::attrs(&docs::to_nist(&module.record.name));
    let from_doc = docs::attrs(&docs::from_nist(&module.record.name));
    quote! {
        #[cfg(feature = "nist")]
        impl #record {
            #to_doc
            pub fn #to_nist(
                &self,
                transaction: &#nist::TransactionInfo,
            ) -> ::core::result::Result<::std::vec::Vec<u8>, #nist::NistError> {
                let mut written = #nist::Transaction::new(#domain);
                #(#puts)*
                written.write(transaction)
            }

            #from_doc
            pub fn #from_nist(
                transaction: &[u8],
            ) -> ::core::result::Result<Self, #nist::NistError> {
                let mut received = #nist::Received::parse(transaction, #domain)?;
                // A struct literal, not a binding per field: a field may be named `received`.
                let record = Self { #(#names: #takes),* };
                received.finish()?;
                ::core::result::Result::Ok(record)
            }
        }
    }
}

/// The `nist` example's list of the records it encodes and decodes, by their names at the
/// crate's root, for its `records!` macro.
pub(crate) fn example_records(plan: &Plan) -> TokenStream {
    let records = plan.records.iter().map(|module| &module.reexports[0]);
    quote!(records! { #(#records),* })
}

/// How emitted code reaches a member's value: `&T`, or `Option<&T>` for an optional one.
enum Access {
    Required(TokenStream),
    Optional(TokenStream),
}

struct Emit<'p, 'm> {
    plan: &'p Plan<'m>,
    target: &'p Target,
}

impl Emit<'_, '_> {
    fn composite(&self, name: &str) -> Option<&CompositeItems<'_>> {
        self.plan
            .composites
            .as_ref()?
            .composites
            .iter()
            .find(|items| items.composite.name == name)
    }

    /// Statements that put the value of `access`, of type `ty`, where `mapping` says.
    fn put(
        &self,
        access: Access,
        ty: &TypeRef,
        mapping: &NistMapping,
        item: &str,
        depth: usize,
    ) -> TokenStream {
        match (ty, mapping) {
            (TypeRef::Value(_), NistMapping::Field(number)) => match access {
                Access::Required(value) => {
                    let number = Literal::u32_unsuffixed(*number);
                    quote!(written.text(#number, #value, #item)?;)
                }
                Access::Optional(value) => {
                    let number = Literal::u32_unsuffixed(*number);
                    quote!(written.optional_text(#number, #value, #item)?;)
                }
            },
            (TypeRef::Composite(name), NistMapping::Parts(_)) => {
                let Some(items) = self.composite(name) else {
                    return quote!();
                };
                let binding = format_ident!("part_{depth}");
                let parts = items.parts.iter().filter_map(|part| {
                    let part_mapping = mapping.part(&part.part.ident)?;
                    let field = &part.field;
                    let access = match (&part.getter, part.part.is_required()) {
                        (Some(getter), true) => Access::Required(quote!(#binding.#getter())),
                        (Some(getter), false) => Access::Optional(quote!(#binding.#getter())),
                        (None, true) => Access::Required(quote!(&#binding.#field)),
                        (None, false) => Access::Optional(quote!(#binding.#field.as_ref())),
                    };
                    let item = format!("{item}.{}", part.part.ident);
                    Some(self.put(access, &part.part.ty, part_mapping, &item, depth + 1))
                });
                let parts = quote!(#(#parts)*);
                match access {
                    Access::Required(value) => quote!({ let #binding = #value; #parts }),
                    Access::Optional(value) => {
                        quote!(if let ::core::option::Option::Some(#binding) = #value { #parts })
                    }
                }
            }
            // The checker has refused a mapping that does not fit its type.
            _ => quote!(),
        }
    }

    fn put_image(&self, access: Access, ty: &str, item: &str) -> TokenStream {
        let put = match ty {
            "Fingerprints" => quote!(fingerprints),
            "FingerprintsAndPalms" => quote!(fingerprints_and_palms),
            "Photo" => quote!(photo),
            _ => quote!(signature),
        };
        match access {
            Access::Required(value) => quote!(written.#put(#value, #item);),
            Access::Optional(value) => quote! {
                if let ::core::option::Option::Some(image) = #value {
                    written.#put(image, #item);
                }
            },
        }
    }

    /// An expression of the member's value read back: `T`, or `Option<T>` for an optional one.
    fn take(&self, member: &Member, mapping: &NistMapping, item: &str) -> TokenStream {
        match (&member.ty, mapping) {
            (TypeRef::Value(_), NistMapping::Field(number)) => {
                let number = Literal::u32_unsuffixed(*number);
                if member.is_required() {
                    quote!(received.text(#number, #item)?)
                } else {
                    quote!(received.optional_text(#number, #item)?)
                }
            }
            (TypeRef::Composite(name), NistMapping::Parts(_)) => {
                let Some(items) = self.composite(name) else {
                    return quote!(());
                };
                let path = self.target.type_ref(&member.ty);
                let values = items.parts.iter().map(|part| {
                    let item = format!("{item}.{}", part.part.ident);
                    match mapping.part(&part.part.ident) {
                        Some(part_mapping) => self.take(part.part, part_mapping, &item),
                        None => quote!(()),
                    }
                });
                let built = match &items.constructor {
                    Some(constructor) => {
                        let nist = self.target.value("nist");
                        quote! {
                            #path::#constructor(#(#values),*)
                                .map_err(|error| #nist::NistError::invalid(#item, &error))?
                        }
                    }
                    None => {
                        let fields = items.parts.iter().map(|part| &part.field);
                        quote!(#path { #(#fields: #values),* })
                    }
                };
                if member.is_required() {
                    built
                } else {
                    let numbers = mapping
                        .fields()
                        .into_iter()
                        .map(|(_, number)| Literal::u32_unsuffixed(number));
                    quote! {
                        if received.has_any(&[#(#numbers),*]) {
                            ::core::option::Option::Some(#built)
                        } else {
                            ::core::option::Option::None
                        }
                    }
                }
            }
            _ => quote!(()),
        }
    }

    fn take_image(&self, member: &Member, item: &str) -> TokenStream {
        let (take, record_type) = match member.ty.name() {
            "Fingerprints" => (quote!(fingerprints), 14),
            "FingerprintsAndPalms" => (quote!(fingerprints_and_palms), 14),
            "Photo" => (quote!(photo), 10),
            _ => (quote!(signature), 20),
        };
        let record_type = Literal::u16_unsuffixed(record_type);
        if member.is_required() {
            quote!(received.#take(#item)?)
        } else {
            quote! {
                if received.has_record_type(#record_type) {
                    ::core::option::Option::Some(received.#take(#item)?)
                } else {
                    ::core::option::Option::None
                }
            }
        }
    }
}
