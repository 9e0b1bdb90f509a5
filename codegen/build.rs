//! Writes the patterns of the JSON Schemas' character classes, from the rules of the value types
//! (`dactylo_values::catalogue::Characters`), once per build: computing them visits every code
//! point, which takes longer than generating a whole crate.

use std::path::PathBuf;

use dactylo_values::catalogue::Characters;

fn main() {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let patterns = format!(
        "/// The pattern of a text value.\npub(super) const TEXT: &str = {:?};\n\
         /// The pattern of a name.\npub(super) const NAME: &str = {:?};\n",
        Characters::Text.pattern(),
        Characters::Name.pattern()
    );
    std::fs::write(out_dir.join("character_patterns.rs"), patterns).expect("OUT_DIR is writable");
}
