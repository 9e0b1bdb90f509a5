//! Compile-fail cases: programs a downstream user might write that must not compile.
//!
//! They are generated from the spec so that coverage follows it: one program per record, one
//! function in it per case (the record built without each required item in turn, built with
//! nothing set, and a required item set twice), so that the compiler reports every case of a
//! record in one compilation, each error under its own function. The values come in as function
//! parameters, so the cases need no way to create them.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{Target, docs};
use crate::model::Act;
use crate::options::Serde;
use crate::plan::{CaseFile, FieldItems, FieldRole, Plan, RecordModule};

/// One compile-fail program.
pub(crate) struct Case {
    /// The file name.
    pub(crate) file: String,
    pub(crate) tokens: TokenStream,
}

/// Every record's program the plan gives, for a crate named `crate_name` that re-exports all
/// types at its root.
pub(crate) fn compile_fail_cases(plan: &Plan, cases: &[CaseFile], crate_name: &Ident) -> Vec<Case> {
    let target = Target {
        values: None,
        composites: None,
        serde: Serde::Off,
    };
    cases
        .iter()
        .map(|case| Case {
            file: case.file.as_str().to_owned(),
            tokens: record_cases(
                &plan.model.act,
                &plan.records[case.record],
                case,
                &target,
                crate_name,
            ),
        })
        .collect()
}

fn record_cases(
    act: &Act,
    module: &RecordModule,
    case: &CaseFile,
    target: &Target,
    crate_name: &Ident,
) -> TokenStream {
    let about = format!(
        " What must not compile with `{}`: each required item left out, nothing set, and a \
         required item set twice. The compiler names the record, the item and its citation in \
         each error.",
        module.name
    );
    let required: Vec<&FieldItems> = module
        .fields
        .iter()
        .filter(|field| matches!(field.role, FieldRole::Required { .. }))
        .collect();
    let missing = required
        .iter()
        .zip(&case.missing)
        .map(|(field, function)| missing_field(act, module, field, function, target));
    let nothing = &case.nothing_set;
    let nothing_case = nothing_set(module, nothing);
    let twice = required
        .first()
        .zip(case.set_twice.as_ref())
        .map(|(first, function)| set_twice(act, module, first, function, target));
    let functions = case
        .missing
        .iter()
        .chain([nothing])
        .chain(case.set_twice.as_ref());
    let main = &case.main;
    quote! {
        #![doc = #about]
        use #crate_name::*;

        #(#missing)*
        #nothing_case
        #twice

        fn #main() {
            #(let _ = #functions;)*
        }
    }
}

fn missing_field(
    act: &Act,
    module: &RecordModule,
    missing: &FieldItems,
    function: &crate::plan::Name,
    target: &Target,
) -> TokenStream {
    let about = format!(
        " Without `{}`, which {} requires.",
        missing.field.member.ident,
        docs::citation(act, missing.field.citation)
    );
    let given: Vec<&FieldItems> = module
        .fields
        .iter()
        .filter(|field| matches!(field.role, FieldRole::Required { .. }))
        .filter(|field| field.name != missing.name)
        .collect();
    let params = given.iter().map(|field| {
        let name = &field.name;
        let ty = target.type_ref(&field.field.member.ty);
        quote!(#name: #ty)
    });
    let calls = given.iter().map(|field| {
        let (setter, value) = (&field.setter, &field.name);
        quote!(.#setter(#value))
    });
    let (record_name, builder_fn, build) = (&module.name, &module.builder_fn, &module.build);
    quote! {
        #[doc = #about]
        fn #function(#(#params),*) -> #record_name {
            #record_name::#builder_fn()
                #(#calls)*
                .#build()
        }
    }
}

fn nothing_set(module: &RecordModule, function: &crate::plan::Name) -> TokenStream {
    let (record_name, builder_fn, build) = (&module.name, &module.builder_fn, &module.build);
    quote! {
        /// With nothing set: the compiler names every missing item.
        fn #function() -> #record_name {
            #record_name::#builder_fn().#build()
        }
    }
}

fn set_twice(
    act: &Act,
    module: &RecordModule,
    field: &FieldItems,
    function: &crate::plan::Name,
    target: &Target,
) -> TokenStream {
    let about = format!(
        " With `{}` ({}) set twice.",
        field.field.member.ident,
        docs::citation(act, field.field.citation)
    );
    let setter = &field.setter;
    let ty = target.type_ref(&field.field.member.ty);
    let (record_name, builder_fn) = (&module.name, &module.builder_fn);
    quote! {
        #[doc = #about]
        fn #function(first: #ty, second: #ty) {
            let _ = #record_name::#builder_fn().#setter(first).#setter(second);
        }
    }
}
