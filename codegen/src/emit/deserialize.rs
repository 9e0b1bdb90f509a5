//! `Deserialize` for records and composites, written out rather than derived: serde's derive
//! repeats the input in its errors (`invalid type: string "Anna Smith"`) and does not say where
//! in the record a value was wrong.
//!
//! Each reads a mapping through the values crate's `de` module, which names every error by its
//! path (`full_name.surname`) and by the kind of input found, never by the input. A field's
//! value is read at its path, so the errors of what it holds say where too. An optional field
//! may be absent or `null`; a field given twice, a key no field has, a required field left out
//! are refused, the unknown key without being repeated.

use proc_macro2::TokenStream;
use quote::quote;

use super::Target;
use crate::model::Member;
use crate::plan::Name;

/// What a mapping makes once read.
pub(super) enum Construction<'a> {
    /// A struct literal of public fields: a record, or a composite without rules across its
    /// parts.
    Literal,
    /// The composite's constructor, which checks its rules.
    Constructor(&'a Name),
}

/// A struct its deserializer reads from a mapping, as the plan names it.
pub(super) struct Deserialized<'a> {
    pub(super) name: &'a Name,
    /// Its members, each with its field.
    pub(super) members: Vec<(&'a Member, &'a Name)>,
    /// The deserializer's binding of each member.
    pub(super) bindings: &'a [Name],
    pub(super) construction: Construction<'a>,
}

/// `DeserializeAt` and `Deserialize` for the struct `read`, whose members are read from a
/// mapping; `noun` says what they are in messages ("items", "parts").
pub(super) fn struct_impls(read: &Deserialized, noun: &str, target: &Target) -> TokenStream {
    let de = target.de();
    let type_name = read.name;
    let expected = format!("a mapping of the {noun} of `{type_name}`");
    let members = &read.members;
    let bindings = read.bindings;
    let field_names: Vec<&str> = members.iter().map(|(_, field)| field.as_str()).collect();
    let indexes = (0..members.len()).map(proc_macro2::Literal::usize_unsuffixed);
    let reads = members
        .iter()
        .zip(bindings)
        .map(|((member, field), binding)| {
            let field = field.as_str();
            let ty = target.member_type(member);
            quote! {
                if #binding.is_some() {
                    return ::core::result::Result::Err(#de::duplicate(self.at, #field));
                }
                #binding = ::core::option::Option::Some(
                    ::serde::de::MapAccess::next_value_seed(
                        &mut __map,
                        #de::At::<#ty>::new(self.at.field(#field)),
                    )?,
                );
            }
        });
    let declarations = members.iter().zip(bindings).map(|((member, _), binding)| {
        let ty = target.member_type(member);
        quote!(let mut #binding: ::core::option::Option<#ty> = ::core::option::Option::None;)
    });
    let finished = members
        .iter()
        .zip(bindings)
        .map(|((member, field), binding)| {
            let field = field.as_str();
            if member.is_required() {
                quote! {
                    let #binding = #binding.ok_or_else(|| #de::missing(self.at, #field))?;
                }
            } else {
                quote!(let #binding = ::core::option::Option::flatten(#binding);)
            }
        });
    let fields = members.iter().map(|(_, field)| field);
    let allow_match = super::lints::key_match(members.len());
    let value = match read.construction {
        Construction::Literal => quote! {
            ::core::result::Result::Ok(self::#type_name { #(#fields: #bindings),* })
        },
        Construction::Constructor(constructor) => quote! {
            self::#type_name::#constructor(#(#bindings),*).map_err(|__error| self.at.error(__error))
        },
    };
    let reading = target.serde_item(quote! {
        impl<'de> #de::DeserializeAt<'de> for #type_name {
            fn deserialize_at<D: ::serde::Deserializer<'de>>(
                deserializer: D,
                at: #de::Path<'_>,
            ) -> ::core::result::Result<Self, D::Error> {
                struct Members<'a> {
                    at: #de::Path<'a>,
                }

                impl<'de> #de::MapVisitor<'de> for Members<'_> {
                    type Value = self::#type_name;

                    fn expected(&self) -> &'static str {
                        #expected
                    }

                    fn at(&self) -> #de::Path<'_> {
                        self.at
                    }

                    #allow_match
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut __map: A,
                    ) -> ::core::result::Result<Self::Value, A::Error> {
                        const FIELDS: &[&str] = &[#(#field_names),*];
                        #(#declarations)*
                        while let ::core::option::Option::Some(__key) =
                            ::serde::de::MapAccess::next_key_seed(
                                &mut __map,
                                #de::Key::new(self.at, FIELDS),
                            )?
                        {
                            match __key {
                                #(#indexes => { #reads })*
                                _ => {}
                            }
                        }
                        #(#finished)*
                        #value
                    }
                }

                ::serde::Deserializer::deserialize_any(deserializer, #de::MapOnly(Members { at }))
            }
        }
    });
    let entry = target.serde_item(quote! {
        impl<'de> ::serde::Deserialize<'de> for #type_name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                <Self as #de::DeserializeAt<'de>>::deserialize_at(deserializer, #de::Path::Root)
            }
        }
    });
    quote!(#reading #entry)
}
