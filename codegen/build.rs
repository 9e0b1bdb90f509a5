//! Writes the patterns of the JSON Schemas' character classes from the Unicode tables, once per
//! build: computing them takes longer than generating a whole crate.

use std::path::PathBuf;

#[allow(dead_code, reason = "the rules' tests use the rest")]
#[path = "src/emit/characters/rules.rs"]
mod rules;

fn main() {
    println!("cargo::rerun-if-changed=src/emit/characters/rules.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let patterns = format!(
        "/// The pattern of a text value.\npub(super) const TEXT: &str = {:?};\n\
         /// The pattern of a name.\npub(super) const NAME: &str = {:?};\n",
        rules::text_pattern(),
        rules::name_pattern()
    );
    std::fs::write(out_dir.join("character_patterns.rs"), patterns).expect("OUT_DIR is writable");
}
