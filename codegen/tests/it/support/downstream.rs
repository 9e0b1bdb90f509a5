//! Code written against the `dactylo-records` of one spec, as a downstream crate writes it: each
//! record built by its README's program (every item set) and again with its optional items left
//! out, a generic helper for each required item over a partly built builder (as the README
//! writes one), and every field read at its type. As a program, `write DIR` writes each
//! record's JSON into `DIR` (`VisaRecord.complete.json`, `VisaRecord.minimal.json`), and
//! `read DIR` reads each back and prints, a line per file, `same` when it writes back the same
//! JSON (an optional item's `null` counted as absent), `changed` when not, or `refused`.

use dactylo_codegen::Spec;
use dactylo_codegen::plan::{Chunk, FieldItems, FieldRole, Machinery, RecordModule};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The README's builder expression of each record, in the spec's order.
fn readme_builders(spec: &Spec) -> Vec<(String, syn::Expr)> {
    let sources = spec.crate_sources().expect("the spec generates a crate");
    let readme = sources
        .files()
        .iter()
        .find(|file| file.path.as_os_str() == "README.md")
        .expect("the crate has a README");
    readme
        .contents
        .split("```rust\n")
        .skip(1)
        .map(|block| {
            let program = &block[..block.find("\n```").expect("the block ends")];
            let file = syn::parse_file(program).expect("a README program parses");
            let main = file
                .items
                .iter()
                .find_map(|item| match item {
                    syn::Item::Fn(function) if function.sig.ident == "main" => Some(function),
                    _ => None,
                })
                .expect("a README program has a `main`");
            let Some(syn::Stmt::Local(syn::Local {
                init: Some(init), ..
            })) = main.block.stmts.first()
            else {
                panic!("a README program begins with `let record = …;`");
            };
            let built = (*init.expr).clone();
            (record_of(&built), built)
        })
        .collect()
}

/// The record a builder expression builds: `Record` of `Record::builder()…build()`.
fn record_of(expression: &syn::Expr) -> String {
    match expression {
        syn::Expr::MethodCall(call) => record_of(&call.receiver),
        syn::Expr::Call(call) => match &*call.func {
            syn::Expr::Path(path) => path.path.segments[0].ident.to_string(),
            _ => panic!("a builder is started by a path"),
        },
        _ => panic!("a README program builds its record by a chain of calls"),
    }
}

/// `expression` with the calls of `setters` left out of its chain.
fn without_calls(expression: &syn::Expr, setters: &[String]) -> syn::Expr {
    match expression {
        syn::Expr::MethodCall(call) => {
            let receiver = without_calls(&call.receiver, setters);
            if setters.iter().any(|setter| call.method == setter) {
                receiver
            } else {
                let mut call = call.clone();
                call.receiver = Box::new(receiver);
                syn::Expr::MethodCall(call)
            }
        }
        other => other.clone(),
    }
}

/// `::dactylo_records::Type` of a field.
fn field_type(field: &FieldItems) -> TokenStream {
    let ty = format_ident!("{}", field.field.member.ty.name());
    quote!(::dactylo_records::#ty)
}

/// A function setting the required `field`, generic over every other place of the builder.
fn generic_helper(module: &RecordModule, machinery: &Machinery, field: &FieldItems) -> TokenStream {
    let FieldRole::Required { item, .. } = field.role else {
        return TokenStream::new();
    };
    let layout = &module.layout;
    let place = &layout.places[item];
    let mut generics = Vec::new();
    let state = |marker: TokenStream, generics: &mut Vec<TokenStream>| -> Vec<TokenStream> {
        layout
            .chunks
            .iter()
            .enumerate()
            .map(|(index, chunk)| {
                if index != place.chunk {
                    let parameter = &chunk.parameter;
                    generics.push(quote!(#parameter));
                    return quote!(#parameter);
                }
                let places: Vec<TokenStream> = chunk
                    .items
                    .clone()
                    .map(|other| {
                        if other == item {
                            marker.clone()
                        } else {
                            let parameter = &layout.places[other].parameter;
                            generics.push(quote!(#parameter));
                            quote!(#parameter)
                        }
                    })
                    .collect();
                Chunk::tuple(&places)
            })
            .collect()
    };
    let (unset, set) = (&machinery.unset, &machinery.set);
    let ty = field_type(field);
    let before = state(quote!(::dactylo_records::#unset), &mut generics);
    let after = state(quote!(::dactylo_records::#set<#ty>), &mut Vec::new());
    let (builder, setter) = (&module.builder, &field.setter);
    let helper = format_ident!("set_{}", field.name.as_str().trim_start_matches("r#"));
    quote! {
        pub fn #helper<#(#generics),*>(
            builder: ::dactylo_records::#builder<#(#before),*>,
            value: #ty,
        ) -> ::dactylo_records::#builder<#(#after),*> {
            builder.#setter(value)
        }
    }
}

/// The module of code written against one record.
fn record_module(
    module: &RecordModule,
    machinery: &Machinery,
    complete: &syn::Expr,
) -> TokenStream {
    let optional: Vec<String> = module
        .fields
        .iter()
        .filter(|field| matches!(field.role, FieldRole::Optional { .. }))
        .map(|field| field.setter.to_string())
        .collect();
    let minimal = without_calls(complete, &optional);
    let name = &module.name;
    let helpers = module
        .fields
        .iter()
        .map(|field| generic_helper(module, machinery, field));
    let reads = module.fields.iter().map(|field| {
        let (field_name, ty) = (&field.name, field_type(field));
        match field.role {
            FieldRole::Required { .. } => quote!(let _: &#ty = &record.#field_name;),
            FieldRole::Optional { .. } => {
                quote!(let _: &::core::option::Option<#ty> = &record.#field_name;)
            }
        }
    });
    let module_name = &module.module;
    quote! {
        pub mod #module_name {
            type Built = ::core::result::Result<
                ::dactylo_records::#name,
                ::dactylo_records::ValueError,
            >;

            pub fn complete() -> Built {
                use ::dactylo_records::*;
                ::core::result::Result::Ok(#complete)
            }

            pub fn minimal() -> Built {
                use ::dactylo_records::*;
                ::core::result::Result::Ok(#minimal)
            }

            #(#helpers)*

            pub fn fields(record: &::dactylo_records::#name) {
                #(#reads)*
            }
        }
    }
}

/// The program of code written against the `dactylo-records` that `spec` generates.
pub fn program(spec: &Spec) -> String {
    let plan = spec.plan();
    let builders = readme_builders(spec);
    let modules = plan.records.iter().map(|module| {
        let (_, complete) = builders
            .iter()
            .find(|(record, _)| module.name.as_str() == record)
            .expect("the README builds every record");
        record_module(module, &plan.machinery, complete)
    });
    let (writes, reads): (Vec<TokenStream>, Vec<TokenStream>) = plan
        .records
        .iter()
        .map(|module| {
            let (name, module_name) = (&module.name, &module.module);
            let [complete, minimal] = ["complete", "minimal"].map(|kind| format!("{name}.{kind}"));
            (
                quote! {
                    write(dir, #complete, &#module_name::complete().expect(#complete));
                    write(dir, #minimal, &#module_name::minimal().expect(#minimal));
                },
                quote! {
                    read::<::dactylo_records::#name>(dir, #complete);
                    read::<::dactylo_records::#name>(dir, #minimal);
                },
            )
        })
        .unzip();
    let tokens = quote! {
        //! Code written against `dactylo-records`, for the oracle of `diff`'s verdicts.
        #![allow(dead_code, unused_imports)]

        #(#modules)*

        fn write(dir: &::std::path::Path, name: &str, record: &impl ::serde::Serialize) {
            let json = ::serde_json::to_string_pretty(record).unwrap();
            ::std::fs::write(dir.join(::std::format!("{name}.json")), json).unwrap();
        }

        /// The JSON without the `null`s of the items left out.
        fn without_nulls(value: ::serde_json::Value) -> ::serde_json::Value {
            match value {
                ::serde_json::Value::Object(map) => ::serde_json::Value::Object(
                    map.into_iter()
                        .filter(|(_, value)| !value.is_null())
                        .map(|(key, value)| (key, without_nulls(value)))
                        .collect(),
                ),
                ::serde_json::Value::Array(values) => ::serde_json::Value::Array(
                    values.into_iter().map(without_nulls).collect(),
                ),
                other => other,
            }
        }

        fn read<R: ::serde::Serialize + ::serde::de::DeserializeOwned>(
            dir: &::std::path::Path,
            name: &str,
        ) {
            let text = ::std::fs::read_to_string(dir.join(::std::format!("{name}.json"))).unwrap();
            let outcome = match ::serde_json::from_str::<R>(&text) {
                ::core::result::Result::Err(error) => ::std::format!("refused: {error}"),
                ::core::result::Result::Ok(record) => {
                    let written = without_nulls(::serde_json::to_value(&record).unwrap());
                    let stored = without_nulls(::serde_json::from_str(&text).unwrap());
                    if written == stored { "same".to_owned() } else { "changed".to_owned() }
                }
            };
            ::std::println!("{name}: {outcome}");
        }

        fn main() {
            let arguments: ::std::vec::Vec<::std::string::String> = ::std::env::args().collect();
            let dir = ::std::path::Path::new(&arguments[2]);
            match arguments[1].as_str() {
                "write" => { #(#writes)* }
                "read" => { #(#reads)* }
                other => ::std::panic!("no command `{other}`"),
            }
        }
    };
    prettyplease::unparse(&syn::parse2(tokens).expect("the program parses"))
}
