//! Places emitted modules into files, formats each file once, and heads it with the marker that
//! says it is generated: a comment in Rust and Markdown, a `$comment` in JSON.

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::{Case, Child, Tree};
use crate::error::Error;
use crate::output::{GENERATED_MARKER, GeneratedFile};
use crate::plan::Files;

/// The header's words: which spec the file comes from, and how to change it.
fn provenance(spec_label: &str) -> String {
    format!(
        "{GENERATED_MARKER} from {spec_label}. Do not edit it: change the spec and run \
         `cargo run -p dactylo-codegen`."
    )
}

fn rust_header(spec_label: &str) -> String {
    format!(
        "// {GENERATED_MARKER} from {spec_label}. Do not edit it:\n\
         // change the spec and run `cargo run -p dactylo-codegen`.\n\n"
    )
}

/// The crate's README: Markdown under an HTML comment, invisible once rendered.
pub(crate) fn markdown_file(path: PathBuf, markdown: &str, spec_label: &str) -> GeneratedFile {
    let contents = format!("<!-- {} -->\n\n{markdown}", provenance(spec_label));
    GeneratedFile { path, contents }
}

/// A JSON document whose first key, `$comment`, is the header (JSON has no comments).
pub(crate) fn json_file(
    path: PathBuf,
    document: &serde_json::Value,
) -> Result<GeneratedFile, Error> {
    let mut contents = serde_json::to_string_pretty(document).map_err(|error| Error::Internal {
        file: path.display().to_string(),
        reason: error.to_string(),
    })?;
    contents.push('\n');
    Ok(GeneratedFile { path, contents })
}

/// The `$comment` a generated JSON document begins with.
pub(crate) fn json_header(spec_label: &str) -> String {
    provenance(spec_label)
}

/// `tokens` as formatted Rust, without a header, for code inside another file.
pub(crate) fn rust_code(name: &str, tokens: TokenStream) -> Result<String, Error> {
    let syntax: syn::File = syn::parse2(tokens).map_err(|error| Error::Internal {
        file: name.to_owned(),
        reason: error.to_string(),
    })?;
    Ok(prettyplease::unparse(&syntax))
}

/// The module as a directory, in the files the plan names: the root's with the root items, and
/// one per child module, in the tree's order (the composites first, then the records).
pub(crate) fn module_directory(
    tree: Tree,
    dir: &Path,
    files: &Files,
    spec_label: &str,
) -> Result<Vec<GeneratedFile>, Error> {
    let declarations = tree.children.iter().map(|child| {
        let name = &child.name;
        let exports = reexport(child);
        quote!(mod #name; #exports)
    });
    let root = tree.root;
    let mut written = vec![file(
        dir.join(files.root.as_str()),
        quote!(#(#declarations)* #root),
        spec_label,
    )?];
    let child_files = files.composites.iter().chain(&files.records);
    if tree.children.len() != child_files.clone().count() {
        return Err(Error::Internal {
            file: dir.display().to_string(),
            reason: "the plan names a file for each module it plans, and the tree has another \
                     count of modules"
                .to_owned(),
        });
    }
    for (child, name) in tree.children.into_iter().zip(child_files) {
        written.push(file(dir.join(name.as_str()), child.items, spec_label)?);
    }
    Ok(written)
}

/// The module as one file with inline child modules, for a build script to `include!`.
pub(crate) fn single_file(
    tree: Tree,
    path: &Path,
    spec_label: &str,
) -> Result<GeneratedFile, Error> {
    let children = tree.children.iter().map(|child| {
        let name = &child.name;
        let items = &child.items;
        let exports = reexport(child);
        quote!(mod #name { #items } #exports)
    });
    let root = tree.root;
    file(path.to_owned(), quote!(#(#children)* #root), spec_label)
}

/// One file per compile-fail program.
pub(crate) fn case_files(cases: Vec<Case>, spec_label: &str) -> Result<Vec<GeneratedFile>, Error> {
    cases
        .into_iter()
        .map(|case| file(PathBuf::from(case.file), case.tokens, spec_label))
        .collect()
}

fn reexport(child: &Child) -> TokenStream {
    let name = &child.name;
    let exports = &child.exports;
    quote!(pub use #name::{#(#exports),*};)
}

/// `tokens` as a formatted Rust file at `path`, under the generated header.
pub(crate) fn file(
    path: PathBuf,
    tokens: TokenStream,
    spec_label: &str,
) -> Result<GeneratedFile, Error> {
    let code = rust_code(&path.display().to_string(), tokens)?;
    let contents = rust_header(spec_label) + &code;
    Ok(GeneratedFile { path, contents })
}
