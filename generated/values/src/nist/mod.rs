//! ANSI/NIST-ITL 1-2011 transactions (NIST Special Publication 500-290 Edition 3, Update 2015),
//! traditional encoding: what the generated `to_nist` and `from_nist` of each record of
//! `dactylo-records` are written with.
//!
//! A transaction holds, in this order:
//!
//! - a Type-1 record: the transaction information [`TransactionInfo`] gives, the domain the spec
//!   names (field 1.013 DOM) and the character encoding (1.015 DCS: `003` UTF-8, so that Kazakh
//!   and Russian text travel as written);
//! - a Type-2 record (IDC 0): one field per text item of the record, at the field number the spec
//!   gives it;
//! - the image records, in the order of the record's items: a Type-14 record per finger
//!   (positions 1 to 10), a Type-15 record per full palm (positions 21 and 23), a Type-10 record
//!   for the photograph (`FACE`) and a Type-20 record for the signature, each with its own IDC
//!   from 1, as field 1.003 CNT lists them, and naming the Type-2 record by its IDC in field
//!   xx.992 T2C, as the 2013 Update requires. A finger or palm without an impression has its record
//!   without an image, its absence code (`XX` amputated, `UP` unable to print) in field 14.018
//!   or 15.018 AMP, as the 2013 Update allows.
//!
//! Reading is as strict as writing: a transaction is read only when every record, field and
//! length is as this module writes it. Errors name the record type, the field and the record's
//! item, never a value of the input.

mod error;
mod header;
mod images;
mod read;
mod text;
mod write;

pub use error::{NistError, NistProblem};
pub use read::Received;
pub use text::NistText;
pub use write::Transaction;

use crate::Date;

/// The version of the standard written in field 1.002 VER: ANSI/NIST-ITL 1-2011 Update 2015.
pub const VERSION: &str = "0502";

/// The versions read: ANSI/NIST-ITL 1-2011 (`0500`) and its 2013 (`0501`) and 2015 (`0502`)
/// updates, which keep the traditional encoding the same.
pub const VERSIONS_READ: [&str; 3] = ["0500", "0501", "0502"];

/// The largest transaction read or written: every record at its limit, ten fingers of
/// [`FINGER_IMPRESSION_LIMIT`](crate::FINGER_IMPRESSION_LIMIT) bytes and two palms of
/// [`IMPRESSION_LIMIT`](crate::IMPRESSION_LIMIT), a photo and a signature at theirs, and a
/// megabyte for the text. Longer input is refused before any record is read.
pub const TRANSACTION_LIMIT: usize = 10 * crate::FINGER_IMPRESSION_LIMIT
    + 2 * crate::IMPRESSION_LIMIT
    + crate::PHOTO_LIMIT
    + crate::SIGNATURE_LIMIT
    + TEXT_LIMIT;

/// The largest Type-1 or Type-2 record read or written, in bytes.
pub const TEXT_LIMIT: usize = 1_000_000;

/// The most records a transaction may hold: a Type-1, a Type-2, ten fingers, two palms, a photo
/// and a signature.
pub const RECORDS_LIMIT: usize = 16;

/// The domain of a transaction's Type-2 record (field 1.013 DOM): which fields it holds, as the
/// spec's mapping numbers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Domain {
    /// The domain's name (DNM).
    pub name: &'static str,
    /// The domain's version (DVN).
    pub version: &'static str,
}

/// What the sender of a transaction decides, and what the record does not hold about its images:
/// nothing in a transaction is invented.
///
/// The text fields are written as given; each must be 1 to [`INFO_TEXT_LIMIT`] printable ASCII
/// characters (the transaction type: 1 to 16 ASCII letters, field 1.004's alphabetic type).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionInfo {
    /// Field 1.004 TOT: the type of transaction, e.g. `CAR` (criminal tenprint submission).
    pub transaction_type: String,
    /// Field 1.005 DAT: the day the transaction is sent.
    pub date: Date,
    /// Field 1.006 PRY: the priority, 1 (highest) to 9; `None` leaves the field out.
    pub priority: Option<u8>,
    /// Field 1.007 DAI: the destination agency identifier.
    pub destination_agency: String,
    /// Field 1.008 ORI: the originating agency identifier.
    pub originating_agency: String,
    /// Field 1.009 TCN: the transaction control number.
    pub control_number: String,
    /// Field 1.010 TCR: the control number of the transaction this one responds to, if any.
    pub control_reference: Option<String>,
    /// Field SRC of every image record: the agency that captured the images.
    pub capturing_agency: String,
    /// The day the images were captured: fields 14.005 FCD, 15.005 PCD, 10.005 PHD and 20.005
    /// SRD.
    pub capture_date: Date,
    /// Field 14.003 IMP: how the fingers were captured.
    pub finger_impression: FingerImpression,
    /// Field 15.003 IMP: how the palms were captured.
    pub palm_impression: PalmImpression,
}

/// The longest text of a [`TransactionInfo`], in characters.
pub const INFO_TEXT_LIMIT: usize = 40;

/// How the fingers were captured: the impression types of ANSI/NIST-ITL 1-2011, Table 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FingerImpression {
    /// `0`: live-scan plain.
    LiveScanPlain,
    /// `1`: live-scan rolled.
    LiveScanRolled,
    /// `2`: nonlive-scan plain.
    NonliveScanPlain,
    /// `3`: nonlive-scan rolled.
    NonliveScanRolled,
}

impl FingerImpression {
    /// The code written in field 14.003 IMP.
    pub fn code(self) -> u8 {
        match self {
            FingerImpression::LiveScanPlain => 0,
            FingerImpression::LiveScanRolled => 1,
            FingerImpression::NonliveScanPlain => 2,
            FingerImpression::NonliveScanRolled => 3,
        }
    }
}

/// How the palms were captured: the impression types of ANSI/NIST-ITL 1-2011, Table 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PalmImpression {
    /// `10`: live-scan palm.
    LiveScan,
    /// `11`: nonlive-scan palm.
    NonliveScan,
}

impl PalmImpression {
    /// The code written in field 15.003 IMP.
    pub fn code(self) -> u8 {
        match self {
            PalmImpression::LiveScan => 10,
            PalmImpression::NonliveScan => 11,
        }
    }
}

/// The ASCII separators of the traditional encoding.
pub(crate) mod separator {
    /// Ends a record.
    pub(crate) const FS: u8 = 0x1C;
    /// Ends a field.
    pub(crate) const GS: u8 = 0x1D;
    /// Separates repeated subfields.
    pub(crate) const RS: u8 = 0x1E;
    /// Separates information items.
    pub(crate) const US: u8 = 0x1F;

    /// Whether `byte` is one of them.
    pub(crate) fn is_separator(byte: u8) -> bool {
        (FS..=US).contains(&byte)
    }
}
