//! Examples: an expression creating a value of each spec type, and a program building each
//! record from them, for the generated README (where they run as doctests).

use std::str::FromStr;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::ident;
use crate::error::Error;
use crate::model::{Member, Model, Record, TypeRef};

/// `use <crate>::*; fn main() -> Result<(), ValueError> { … }` building a complete `record`,
/// optional items included.
pub(super) fn record_program(
    model: &Model,
    record: &Record,
    crate_name: &Ident,
) -> Result<TokenStream, Error> {
    let built = complete_record(model, record)?;
    Ok(quote! {
        use #crate_name::*;

        fn main() -> Result<(), ValueError> {
            let record = #built;
            println!("{record:?}");
            Ok(())
        }
    })
}

/// `Record::builder().item(…)….build()` with every item from the examples, in a scope where
/// the crate's items are imported and `?` returns a `ValueError`.
pub(super) fn complete_record(model: &Model, record: &Record) -> Result<TokenStream, Error> {
    let name = ident(&record.name);
    let calls = record
        .fields
        .iter()
        .map(|field| {
            let setter = ident(&field.member.ident);
            let value = member(model, &field.member)?;
            Ok(quote!(.#setter(#value)))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(quote! {
        #name::builder()
            #(#calls)*
            .build()
    })
}

/// The member's own example, or its type's.
fn member(model: &Model, member: &Member) -> Result<TokenStream, Error> {
    match &member.example {
        Some(example) => expression(example),
        None => of_type(model, &member.ty),
    }
}

fn of_type(model: &Model, ty: &TypeRef) -> Result<TokenStream, Error> {
    match ty {
        TypeRef::Value(name) => {
            let value = model.value(name).ok_or_else(|| unknown(name))?;
            expression(&value.example)
        }
        TypeRef::Composite(name) => {
            let composite = model.composite(name).ok_or_else(|| unknown(name))?;
            let type_name = ident(name);
            let parts = composite
                .parts
                .iter()
                .map(|part| {
                    let value = if part.is_required() {
                        member(model, part)?
                    } else if part.example.is_some()
                        || composite.at_least_one_of.contains(&part.ident)
                    {
                        let value = member(model, part)?;
                        quote!(Some(#value))
                    } else {
                        quote!(None)
                    };
                    Ok((ident(&part.ident), value))
                })
                .collect::<Result<Vec<_>, Error>>()?;
            let (names, values): (Vec<Ident>, Vec<TokenStream>) = parts.into_iter().unzip();
            Ok(if composite.is_checked() {
                quote!(#type_name::new(#(#values),*)?)
            } else {
                quote!(#type_name { #(#names: #values),* })
            })
        }
    }
}

/// An example from the spec, which the checker has parsed as an expression.
fn expression(example: &str) -> Result<TokenStream, Error> {
    TokenStream::from_str(example).map_err(|error| Error::Internal {
        file: "README.md".to_owned(),
        reason: format!("the example `{example}` does not lex: {error}"),
    })
}

fn unknown(name: &str) -> Error {
    Error::Internal {
        file: "README.md".to_owned(),
        reason: format!("the checked model has no type `{name}`"),
    }
}
