//! Any bytes as a transaction of every record: `from_nist` answers with a record or an error,
//! never a panic, and a record it reads writes a transaction that reads back into the same
//! record. Seed `fuzz/corpus/nist/` with the transactions `tests/tests/it/nist.rs` writes (the
//! `*.an2` files under `target/tmp/nistitl/transactions/`), then:
//!
//! ```sh
//! cargo install cargo-fuzz
//! cd generated && cargo +nightly fuzz run nist   # or RUSTC_BOOTSTRAP=1 cargo fuzz run nist
//! ```

#![no_main]

use dactylo_records::Date;
use dactylo_records::nist::{FingerImpression, PalmImpression, TransactionInfo};
use libfuzzer_sys::fuzz_target;

fn info() -> TransactionInfo {
    let day = Date::new(2025, 1, 10).expect("a date");
    TransactionInfo {
        transaction_type: "FUZZ".to_owned(),
        date: day,
        priority: None,
        destination_agency: "DAI".to_owned(),
        originating_agency: "ORI".to_owned(),
        control_number: "TCN".to_owned(),
        control_reference: None,
        capturing_agency: "SRC".to_owned(),
        capture_date: day,
        finger_impression: FingerImpression::LiveScanPlain,
        palm_impression: PalmImpression::LiveScan,
    }
}

/// Every record of the list the generator writes for the `nist` example.
macro_rules! records {
    ($($record:ident),* $(,)?) => {
        fn read_every_record(data: &[u8]) {
            $(
                if let Ok(record) = dactylo_records::$record::from_nist(data) {
                    let written = record.to_nist(&info()).expect("a record read writes");
                    let again = dactylo_records::$record::from_nist(&written)
                        .expect("what is written reads");
                    assert!(again == record, "the record reads back unchanged");
                }
            )*
        }
    };
}

include!("../../examples/nist/records.rs");

fuzz_target!(|data: &[u8]| read_every_record(data));
