//! Writes a record's ANSI/NIST-ITL transaction from its JSON, or reads one back into JSON, so that
//! an integrator can try a transaction without writing code:
//!
//! ```text
//! cargo run -p dactylo-records --features nist --example nist -- \
//!     encode VisaRecord record.json transaction.an2 \
//!     TOT=VISA DAT=2025-01-10 DAI=KZ-AFIS ORI=KZ-MFA TCN=0001 SRC=KZ-MFA FCD=2025-01-09 IMP=0 PALM_IMP=10
//! cargo run -p dactylo-records --features nist --example nist -- decode VisaRecord transaction.an2
//! ```
//!
//! `encode` takes the transaction information by the standard's mnemonics: TOT (1.004), DAT
//! (1.005), DAI (1.007), ORI (1.008), TCN (1.009), SRC (the image records' source agency), FCD
//! (the day the images were captured), IMP (the fingers' impression type, 0 to 3) and PALM_IMP
//! (the palms', 10 or 11), all required; PRY (1.006) and TCR (1.010) when wanted. `decode`
//! prints the record's JSON. Errors name where, never a value.

use std::process::ExitCode;

use dactylo_records::Date;
use dactylo_records::nist::{FingerImpression, PalmImpression, TransactionInfo};

type Failure = Box<dyn std::error::Error>;

/// `encode` and `decode` for every record the list below names; the generator writes the list
/// (`records.rs`) from the spec.
macro_rules! records {
    ($($record:ident),* $(,)?) => {
        const RECORDS: &[&str] = &[$(stringify!($record)),*];

        fn encode(record: &str, json: &[u8], info: &TransactionInfo) -> Result<Vec<u8>, Failure> {
            match record {
                $(stringify!($record) => {
                    let record: dactylo_records::$record = serde_json::from_slice(json)?;
                    Ok(record.to_nist(info)?)
                })*
                _ => Err(unknown(record)),
            }
        }

        fn decode(record: &str, transaction: &[u8]) -> Result<String, Failure> {
            match record {
                $(stringify!($record) => {
                    let record = dactylo_records::$record::from_nist(transaction)?;
                    Ok(serde_json::to_string_pretty(&record)?)
                })*
                _ => Err(unknown(record)),
            }
        }
    };
}

include!("records.rs");

fn unknown(record: &str) -> Failure {
    let length = record.chars().count();
    format!(
        "no record is named so ({length} characters); the records are {}",
        RECORDS.join(", ")
    )
    .into()
}

const USAGE: &str = "usage: nist encode RECORD RECORD.json TRANSACTION.an2 TOT=… DAT=YYYY-MM-DD DAI=… ORI=… TCN=… SRC=… FCD=YYYY-MM-DD IMP=0..3 PALM_IMP=10|11 [PRY=1..9] [TCR=…]\n       nist decode RECORD TRANSACTION.an2";

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match run(&arguments) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("nist: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(arguments: &[String]) -> Result<(), Failure> {
    if let Some(record) = arguments.get(1)
        && !RECORDS.contains(&record.as_str())
    {
        return Err(unknown(record));
    }
    match arguments {
        [command, record, json, transaction, settings @ ..] if command == "encode" => {
            let info = transaction_info(settings)?;
            let json =
                std::fs::read(json).map_err(|error| format!("reading the record: {error}"))?;
            let written = encode(record, &json, &info)?;
            std::fs::write(transaction, &written)
                .map_err(|error| format!("writing the transaction: {error}"))?;
            eprintln!("nist: wrote {} bytes", written.len());
            Ok(())
        }
        [command, record, transaction] if command == "decode" => {
            let bytes = std::fs::read(transaction)
                .map_err(|error| format!("reading the transaction: {error}"))?;
            println!("{}", decode(record, &bytes)?);
            Ok(())
        }
        _ => Err(USAGE.into()),
    }
}

/// The transaction information from `KEY=VALUE` arguments.
fn transaction_info(settings: &[String]) -> Result<TransactionInfo, Failure> {
    let value = |key: &str| -> Option<&str> {
        settings
            .iter()
            .find_map(|setting| setting.strip_prefix(key)?.strip_prefix('='))
    };
    const REQUIRED: [&str; 9] = [
        "TOT", "DAT", "DAI", "ORI", "TCN", "SRC", "FCD", "IMP", "PALM_IMP",
    ];
    for setting in settings {
        let key = setting.split('=').next().unwrap_or_default();
        if !REQUIRED.contains(&key) && !["PRY", "TCR"].contains(&key) {
            return Err(format!("`{key}` is not a setting\n{USAGE}").into());
        }
    }
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|key| value(key).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(format!("missing settings: {}\n{USAGE}", missing.join(", ")).into());
    }
    let required = |key: &'static str| value(key).ok_or_else(|| format!("{key}=… is required"));
    let date = |key: &'static str| -> Result<Date, Failure> {
        required(key)?
            .parse::<Date>()
            .map_err(|_| format!("{key} is not a date YYYY-MM-DD").into())
    };
    let finger_impression = match required("IMP")? {
        "0" => FingerImpression::LiveScanPlain,
        "1" => FingerImpression::LiveScanRolled,
        "2" => FingerImpression::NonliveScanPlain,
        "3" => FingerImpression::NonliveScanRolled,
        _ => return Err("IMP is 0, 1, 2 or 3".into()),
    };
    let palm_impression = match required("PALM_IMP")? {
        "10" => PalmImpression::LiveScan,
        "11" => PalmImpression::NonliveScan,
        _ => return Err("PALM_IMP is 10 or 11".into()),
    };
    let priority = value("PRY")
        .map(|priority| priority.parse::<u8>().map_err(|_| "PRY is a digit 1 to 9"))
        .transpose()?;
    Ok(TransactionInfo {
        transaction_type: required("TOT")?.to_owned(),
        date: date("DAT")?,
        priority,
        destination_agency: required("DAI")?.to_owned(),
        originating_agency: required("ORI")?.to_owned(),
        control_number: required("TCN")?.to_owned(),
        control_reference: value("TCR").map(str::to_owned),
        capturing_agency: required("SRC")?.to_owned(),
        capture_date: date("FCD")?,
        finger_impression,
        palm_impression,
    })
}
