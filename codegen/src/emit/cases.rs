//! Compile-fail cases: programs a downstream user might write that must not compile.
//!
//! They are generated from the spec so that coverage follows it: for every record, one program
//! per required field that builds the record without it, one that builds it with nothing set,
//! and one that sets a required field twice. The values come in as function parameters, so the
//! cases need no way to create them.

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

/// Every case for `model`, for a crate named `crate_name` that re-exports all types at its root.
pub(crate) fn compile_fail_cases(model: &Model, crate_name: &Ident) -> Vec<Case> {
    let target = Target {
        values: None,
        composites: None,
        serde: Serde::Off,
    };
    let use_crate = quote!(use #crate_name::*;);
    let mut cases = Vec::new();
    for record in &model.records {
        for field in record.required_fields() {
            cases.push(Case {
                name: names::case_missing(&record.name, &field.member.ident),
                tokens: missing_field(&model.act, record, field, &target, &use_crate),
            });
        }
        cases.push(Case {
            name: names::case_nothing_set(&record.name),
            tokens: nothing_set(record, &use_crate),
        });
        if let Some(first) = record.required_fields().next() {
            cases.push(Case {
                name: names::case_set_twice(&record.name, &first.member.ident),
                tokens: set_twice(&model.act, record, first, &target, &use_crate),
            });
        }
    }
    cases
}

fn missing_field(
    act: &Act,
    record: &Record,
    missing: &Field,
    target: &Target,
    use_crate: &TokenStream,
) -> TokenStream {
    let about = format!(
        " `{}` without `{}` must not compile: {} is required.",
        record.name,
        missing.member.ident,
        docs::citation(act, missing.citation)
    );
    let function = format_ident!("build_without_{}", missing.member.ident);
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
    quote! {
        #![doc = #about]
        #use_crate

        fn #function(#(#params),*) -> #record_name {
            #record_name::builder()
                #(#calls)*
                .build()
        }

        fn main() {
            let _ = #function;
        }
    }
}

fn nothing_set(record: &Record, use_crate: &TokenStream) -> TokenStream {
    let about = format!(
        " `{}` with nothing set must not compile, and the compiler names every missing item.",
        record.name
    );
    let record_name = ident(&record.name);
    quote! {
        #![doc = #about]
        #use_crate

        fn main() {
            let _ = #record_name::builder().build();
        }
    }
}

fn set_twice(
    act: &Act,
    record: &Record,
    field: &Field,
    target: &Target,
    use_crate: &TokenStream,
) -> TokenStream {
    let about = format!(
        " Setting `{}` of `{}` twice must not compile ({}).",
        field.member.ident,
        record.name,
        docs::citation(act, field.citation)
    );
    let function = format_ident!("set_{}_twice", field.member.ident);
    let setter = ident(&field.member.ident);
    let ty = target.type_ref(&field.member.ty);
    let record_name = ident(&record.name);
    quote! {
        #![doc = #about]
        #use_crate

        fn #function(first: #ty, second: #ty) {
            let _ = #record_name::builder().#setter(first).#setter(second);
        }

        fn main() {
            let _ = #function;
        }
    }
}
