//! Examples: an expression creating a value of each spec type, and a program building each
//! record from them, for the generated README (where they run as doctests).

use std::str::FromStr;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::error::Error;
use crate::model::{Member, TypeRef};
use crate::plan::{Plan, RecordModule};

/// `use <crate>::*; fn main() -> Result<(), ValueError> { … }` building a complete record,
/// optional items included.
pub(super) fn record_program(
    plan: &Plan,
    module: &RecordModule,
    crate_name: &Ident,
) -> Result<TokenStream, Error> {
    let built = complete_record(plan, module)?;
    let (result, ok) = (prelude(plan, "Result"), prelude(plan, "Ok"));
    Ok(quote! {
        use #crate_name::*;

        fn main() -> #result<(), ValueError> {
            let record = #built;
            println!("{record:?}");
            #ok(())
        }
    })
}

/// `Record::builder().item(…)….build()` with every item from the examples, in a scope where
/// the crate's items are imported and `?` returns a `ValueError`.
pub(super) fn complete_record(plan: &Plan, module: &RecordModule) -> Result<TokenStream, Error> {
    let calls = module
        .fields
        .iter()
        .map(|field| {
            let setter = &field.setter;
            let value = member(plan, &field.field.member)?;
            Ok(quote!(.#setter(#value)))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let (name, builder_fn, build) = (&module.name, &module.builder_fn, &module.build);
    Ok(quote! {
        #name::#builder_fn()
            #(#calls)*
            .#build()
    })
}

/// The prelude's `name` (`Result`, `Ok`, `Some` or `None`) as the examples write it: by its
/// name, or by its path from `core` where the spec names a type so, which the examples' glob
/// import would put before the prelude's.
fn prelude(plan: &Plan, name: &str) -> TokenStream {
    let model = plan.model;
    let shadowed = model
        .records
        .iter()
        .map(|record| &record.name)
        .chain(model.composites.iter().map(|composite| &composite.name))
        .chain(model.values.iter().map(|value| &value.name))
        .any(|spec_name| spec_name == name);
    match (shadowed, name) {
        (false, _) => {
            let ident = proc_macro2::Ident::new(name, proc_macro2::Span::call_site());
            quote!(#ident)
        }
        (true, "Result") => quote!(::core::result::Result),
        (true, "Ok") => quote!(::core::result::Result::Ok),
        (true, "Some") => quote!(::core::option::Option::Some),
        (true, _) => quote!(::core::option::Option::None),
    }
}

/// The member's own example, or its type's.
fn member(plan: &Plan, member: &Member) -> Result<TokenStream, Error> {
    match &member.example {
        Some(example) => expression(example),
        None => of_type(plan, &member.ty),
    }
}

fn of_type(plan: &Plan, ty: &TypeRef) -> Result<TokenStream, Error> {
    let name = ty.name();
    match ty {
        TypeRef::Value(_) => {
            let value = plan.model.value(name).ok_or_else(|| unknown(name))?;
            expression(&value.example)
        }
        TypeRef::Composite(_) => {
            let items = plan
                .composites
                .iter()
                .flat_map(|module| &module.composites)
                .find(|items| items.composite.name == name)
                .ok_or_else(|| unknown(name))?;
            let composite = items.composite;
            let parts = items
                .parts
                .iter()
                .map(|part| {
                    let value = if part.part.is_required() {
                        member(plan, part.part)?
                    } else if part.part.example.is_some()
                        || composite.at_least_one_of.contains(&part.part.ident)
                    {
                        let value = member(plan, part.part)?;
                        let some = prelude(plan, "Some");
                        quote!(#some(#value))
                    } else {
                        prelude(plan, "None")
                    };
                    Ok((&part.field, value))
                })
                .collect::<Result<Vec<_>, Error>>()?;
            let (fields, values): (Vec<_>, Vec<TokenStream>) = parts.into_iter().unzip();
            let type_name = &items.name;
            Ok(match &items.constructor {
                Some(constructor) => quote!(#type_name::#constructor(#(#values),*)?),
                None => quote!(#type_name { #(#fields: #values),* }),
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
        reason: format!("the plan has no generated type `{name}`"),
    }
}
