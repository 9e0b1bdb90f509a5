//! Compile-fail cases: programs a downstream user might write that must not compile.
//!
//! They are generated from the spec so that coverage follows it: one program per record, one
//! function in it per case (the record built without each required item in turn, built with
//! nothing set, and a required item set twice), so that the compiler reports every case of a
//! record in one compilation, each error under its own function. The values come in as function
//! parameters, so the cases need no way to create them.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::{Target, docs, ident};
use crate::model::{Act, Field, Model, Record};
use crate::names;
use crate::options::Serde;

/// One compile-fail program.
pub(crate) struct Case {
    /// The file name without extension.
    pub(crate) name: String,
    pub(crate) tokens: TokenStream,
}

/// Every record's program for `model`, for a crate named `crate_name` that re-exports all types
/// at its root.
pub(crate) fn compile_fail_cases(model: &Model, crate_name: &Ident) -> Vec<Case> {
    let target = Target {
        values: None,
        composites: None,
        serde: Serde::Off,
    };
    model
        .records
        .iter()
        .map(|record| Case {
            name: names::case_file(&record.name),
            tokens: record_cases(&model.act, record, &target, crate_name),
        })
        .collect()
}

fn record_cases(act: &Act, record: &Record, target: &Target, crate_name: &Ident) -> TokenStream {
    let about = format!(
        " What must not compile with `{}`: each required item left out, nothing set, and a \
         required item set twice. The compiler names the record, the item and its citation in \
         each error.",
        record.name
    );
    let missing: Vec<(Ident, TokenStream)> = record
        .required_fields()
        .map(|field| missing_field(act, record, field, target))
        .collect();
    let (nothing, nothing_case) = nothing_set(record);
    let twice = record
        .required_fields()
        .next()
        .map(|first| set_twice(act, record, first, target));
    let functions = missing
        .iter()
        .map(|(name, _)| name)
        .chain([&nothing])
        .chain(twice.as_ref().map(|(name, _)| name));
    let cases = missing.iter().map(|(_, case)| case);
    let twice_case = twice.as_ref().map(|(_, case)| case);
    quote! {
        #![doc = #about]
        use #crate_name::*;

        #(#cases)*
        #nothing_case
        #twice_case

        fn main() {
            #(let _ = #functions;)*
        }
    }
}

fn missing_field(
    act: &Act,
    record: &Record,
    missing: &Field,
    target: &Target,
) -> (Ident, TokenStream) {
    let about = format!(
        " Without `{}`, which {} requires.",
        missing.member.ident,
        docs::citation(act, missing.citation)
    );
    let function = format_ident!(
        "{}_missing_{}",
        names::record_module(&record.name),
        missing.member.ident
    );
    let given: Vec<&Field> = record
        .required_fields()
        .filter(|field| field.member.ident != missing.member.ident)
        .collect();
    let params = given.iter().map(|field| {
        let name = ident(&field.member.ident);
        let ty = target.type_ref(&field.member.ty);
        quote!(#name: #ty)
    });
    let calls = given.iter().map(|field| {
        let name = ident(&field.member.ident);
        quote!(.#name(#name))
    });
    let record_name = ident(&record.name);
    let case = quote! {
        #[doc = #about]
        fn #function(#(#params),*) -> #record_name {
            #record_name::builder()
                #(#calls)*
                .build()
        }
    };
    (function, case)
}

fn nothing_set(record: &Record) -> (Ident, TokenStream) {
    let function = format_ident!("{}_nothing_set", names::record_module(&record.name));
    let record_name = ident(&record.name);
    let case = quote! {
        /// With nothing set: the compiler names every missing item.
        fn #function() -> #record_name {
            #record_name::builder().build()
        }
    };
    (function, case)
}

fn set_twice(act: &Act, record: &Record, field: &Field, target: &Target) -> (Ident, TokenStream) {
    let about = format!(
        " With `{}` ({}) set twice.",
        field.member.ident,
        docs::citation(act, field.citation)
    );
    let function = format_ident!(
        "{}_{}_set_twice",
        names::record_module(&record.name),
        field.member.ident
    );
    let setter = ident(&field.member.ident);
    let ty = target.type_ref(&field.member.ty);
    let record_name = ident(&record.name);
    let case = quote! {
        #[doc = #about]
        fn #function(first: #ty, second: #ty) {
            let _ = #record_name::builder().#setter(first).#setter(second);
        }
    };
    (function, case)
}
