//! The words of a record's functions of ANSI/NIST-ITL transactions.

/// The doc of `to_nist`.
pub(in crate::emit) fn to_nist(record: &str) -> Vec<String> {
    vec![
        format!("Writes the `{record}` as an ANSI/NIST-ITL 1-2011 transaction (traditional"),
        "encoding): a Type-1 record from `transaction`, a Type-2 record with each text item in the"
            .to_owned(),
        "field the crate's README maps it to, and the image records of the fingers, palms, photo"
            .to_owned(),
        "and signature, as `dactylo_records::nist` describes them.".to_owned(),
        String::new(),
        "# Errors".to_owned(),
        String::new(),
        "When a field of `transaction` breaks its rule, an image's header does not give its size,"
            .to_owned(),
        "or an impression is a template rather than an image.".to_owned(),
    ]
}

/// The doc of `from_nist`.
pub(in crate::emit) fn from_nist(record: &str) -> Vec<String> {
    vec![
        format!("Reads a `{record}` from an ANSI/NIST-ITL 1-2011 transaction as"),
        format!(
            "[`{record}::to_nist`] writes it: every record, field and length checked, and every"
        ),
        "value as its type requires. Nothing is copied before its length is checked against the"
            .to_owned(),
        "crate's limits.".to_owned(),
        String::new(),
        "# Errors".to_owned(),
        String::new(),
        "When the transaction is malformed, is not of this list's domain, lacks a required item or"
            .to_owned(),
        "holds one the list does not map; the error names the record type, the field and the item,"
            .to_owned(),
        "never a value.".to_owned(),
    ]
}
