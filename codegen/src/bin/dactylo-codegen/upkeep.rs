//! What only this repository writes with the generator, beside the crate: the generator's own
//! table of the composites of `dactylo-records`, which its library reads to reuse them in single
//! files (`codegen/src/names/records_composites.txt`). A project names it under
//! `[workspace.metadata.dactylo-codegen.upkeep]`; no other project needs it.

use std::path::Path;

use dactylo_codegen::{GENERATED_MARKER, GeneratedFile, Output, Spec};

/// The table of `spec`'s composites, one per line: its name, a tab, its shape.
pub(crate) fn composites_table(spec: &Spec, file: &Path, spec_label: &str) -> Output {
    let mut contents = format!(
        "# {GENERATED_MARKER} from {spec_label}. Do not edit it:\n\
         # change the spec and run `cargo run -p dactylo-codegen`.\n\
         #\n\
         # The composites of dactylo-records, one per line: its name, a tab, its shape.\n"
    );
    for composite in &spec.model().composites {
        contents.push_str(&format!("{}\t{}\n", composite.name, composite.shape()));
    }
    Output::new(vec![GeneratedFile {
        path: file.to_owned(),
        contents,
    }])
}
