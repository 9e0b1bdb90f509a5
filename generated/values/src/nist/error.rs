//! Why a transaction was not written or read: where, and what kind of problem, never a value.

use std::fmt;

/// A transaction that could not be written or read. It names the record type, the field and the
/// record's item where it can, and the kind of problem; it never repeats a value of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NistError {
    /// The record type, e.g. `2` or `14`, when the problem is in one.
    pub record_type: Option<u16>,
    /// The field number within the record type, e.g. `31` for field 2.031.
    pub field: Option<u32>,
    /// The record's item, e.g. `full_name.surname` or `fingerprints`.
    pub item: Option<&'static str>,
    /// What is wrong.
    pub problem: NistProblem,
}

/// What is wrong with a transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NistProblem {
    /// The input is longer than [`TRANSACTION_LIMIT`](super::TRANSACTION_LIMIT), or a record
    /// longer than its type allows.
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The input ends inside a record.
    Truncated,
    /// The record's LEN is not a number, or is not the record's length.
    Length,
    /// A field does not begin with its tag (`<type>.<number>:`), a record does not end with
    /// the file separator, or bytes follow the last record.
    Syntax,
    /// The record type is not one this list holds.
    UnexpectedRecordType,
    /// The transaction holds more records than [`RECORDS_LIMIT`](super::RECORDS_LIMIT).
    TooManyRecords,
    /// A field appears twice in one record.
    DuplicateField,
    /// A field the standard or the list requires is missing.
    MissingField,
    /// The field is not one the record type holds as this list maps it.
    UnexpectedField,
    /// A record the list requires is missing.
    MissingRecord,
    /// A record (a finger or palm position, a photo, a signature) appears twice.
    DuplicateRecord,
    /// Field 1.003 CNT does not list the transaction's records, in order, with their IDCs.
    Contents,
    /// Field 1.013 DOM does not name the domain and version of this list's mapping.
    Domain,
    /// Field 1.002 VER is not a version this crate reads.
    Version,
    /// Text that is not UTF-8 (with field 1.015 DCS `003`) or not ASCII (without it).
    Encoding,
    /// The field's value does not have the form the standard or the mapping gives it.
    Form(&'static str),
    /// The value breaks its type's rule; the message names the rule, not the value.
    Value(String),
    /// An image whose header does not give what its record needs (width, height, bits per
    /// pixel).
    ImageHeader,
    /// An impression that ANSI/NIST-ITL does not carry in an image record (an ISO/IEC 19794-2
    /// template).
    NotAnImage,
    /// A field of the [`TransactionInfo`](super::TransactionInfo) breaks its rule.
    TransactionInfo(&'static str),
}

impl NistError {
    pub(crate) fn new(problem: NistProblem) -> NistError {
        NistError {
            record_type: None,
            field: None,
            item: None,
            problem,
        }
    }

    pub(crate) fn in_record(mut self, record_type: u16) -> NistError {
        self.record_type.get_or_insert(record_type);
        self
    }

    pub(crate) fn at_field(mut self, record_type: u16, field: u32) -> NistError {
        self.record_type.get_or_insert(record_type);
        self.field.get_or_insert(field);
        self
    }

    pub(crate) fn for_item(mut self, item: &'static str) -> NistError {
        self.item.get_or_insert(item);
        self
    }
}

impl From<NistProblem> for NistError {
    fn from(problem: NistProblem) -> NistError {
        NistError::new(problem)
    }
}

impl fmt::Display for NistError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.record_type, self.field) {
            (Some(record_type), Some(field)) => {
                write!(
                    f,
                    "Type-{record_type} record, field {record_type}.{field:03}"
                )?;
            }
            (Some(record_type), None) => write!(f, "Type-{record_type} record")?,
            (None, _) => f.write_str("transaction")?,
        }
        if let Some(item) = self.item {
            write!(f, " (`{item}`)")?;
        }
        f.write_str(": ")?;
        match &self.problem {
            NistProblem::TooLarge { limit } => write!(f, "larger than the limit of {limit} bytes"),
            NistProblem::Truncated => f.write_str("the input ends inside the record"),
            NistProblem::Length => f.write_str("LEN is not the record's length"),
            NistProblem::Syntax => f.write_str(
                "not a field tag `<type>.<number>:`, or the record does not end with FS",
            ),
            NistProblem::UnexpectedRecordType => {
                f.write_str("a record type this list does not hold")
            }
            NistProblem::TooManyRecords => write!(f, "more than {} records", super::RECORDS_LIMIT),
            NistProblem::DuplicateField => f.write_str("the field appears twice"),
            NistProblem::MissingField => f.write_str("a required field is missing"),
            NistProblem::UnexpectedField => f.write_str("a field this list does not map"),
            NistProblem::MissingRecord => f.write_str("a required record is missing"),
            NistProblem::DuplicateRecord => f.write_str("the record appears twice"),
            NistProblem::Contents => {
                f.write_str("CNT does not list the transaction's records and their IDCs")
            }
            NistProblem::Domain => f.write_str("DOM does not name this list's domain and version"),
            NistProblem::Version => f.write_str("VER is not 0500, 0501 or 0502"),
            NistProblem::Encoding => {
                f.write_str("text that is not UTF-8 as DCS 003 declares, or not ASCII without DCS")
            }
            NistProblem::Form(form) => write!(f, "not {form}"),
            NistProblem::Value(message) => f.write_str(message),
            NistProblem::ImageHeader => {
                f.write_str("the image's header does not give its width, height and bits per pixel")
            }
            NistProblem::NotAnImage => f.write_str(
                "an ISO/IEC 19794-2 template is not an image, and no image record carries it",
            ),
            NistProblem::TransactionInfo(rule) => write!(f, "the transaction information {rule}"),
        }
    }
}

impl std::error::Error for NistError {}

impl NistError {
    /// A value read for the record's item `item` that breaks its type's rule (a composite's
    /// period, say): the error's message, which names the rule and never the value.
    pub fn invalid(item: &'static str, error: &impl fmt::Display) -> NistError {
        NistError::new(NistProblem::Value(error.to_string())).for_item(item)
    }
}
