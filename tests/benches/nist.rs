//! What writing and reading a record's ANSI/NIST-ITL transaction costs, against copying the
//! same bytes: each record with every item, its fingers and palms 20 KB WSQ images, its photo a
//! 20 KB JPEG and its signature a 5 KB PNG; `to_nist`, `from_nist`, and `Vec::extend_from_slice`
//! of the transaction's bytes into a new vector, each timed by criterion in the same run. The
//! inputs are made outside the timing; the outputs leave through `black_box` and are dropped
//! outside it.
//!
//! `cargo bench -p dactylo-tests --bench nist`

use std::hint::black_box;
use std::time::SystemTime;

use criterion::{BatchSize, Criterion};
use dactylo_records::nist::{FingerImpression, PalmImpression, TransactionInfo};
use dactylo_records::{
    Capture, Date, FingerPosition, Fingerprints, FingerprintsAndPalms, ImageFormat, Impression,
    ImpressionFormat, Photo, Signature,
};
use dactylo_tests::fixtures::{EachRecord, Record, Values, each_record};

#[path = "../../codegen/benches/support/estimates.rs"]
mod estimates;

/// Writing and reading must each take at most this many times the copy.
const MOST_TIMES_COPY: f64 = 2.0;

const FUNCTIONS: [&str; 3] = ["to_nist", "from_nist", "copy"];

/// An image of `size` bytes: `header`, then bytes that hold every value, separators included.
fn image(header: &[u8], size: usize) -> Vec<u8> {
    let mut bytes = header.to_vec();
    bytes.extend((0..size - header.len()).map(|index| (index * 7 % 251) as u8));
    bytes
}

fn wsq() -> Vec<u8> {
    // SOI; SOF: 17 bytes, black 0, white 255, 800 × 750 pixels.
    image(
        &[
            0xFF, 0xA0, 0xFF, 0xA2, 0, 17, 0, 255, 0x02, 0xEE, 0x03, 0x20, 2, 0, 0, 0, 0, 0, 2, 0,
            0,
        ],
        20_000,
    )
}

/// Every item the spec's example, but for the images.
struct Large;

impl Values for Large {
    fn give(&mut self, _: &str) -> bool {
        true
    }

    fn draw_fingerprints(&mut self, _: &str) -> Fingerprints {
        let impression = Impression::new(ImpressionFormat::Wsq, wsq()).unwrap();
        Fingerprints::new(
            FingerPosition::ALL.map(|position| (position, Capture::Impression(impression.clone()))),
        )
        .unwrap()
    }

    fn draw_fingerprints_and_palms(&mut self, at: &str) -> FingerprintsAndPalms {
        let palm = || Capture::Impression(Impression::new(ImpressionFormat::Wsq, wsq()).unwrap());
        FingerprintsAndPalms::new(self.draw_fingerprints(at), palm(), palm())
    }

    fn draw_photo(&mut self, _: &str) -> Photo {
        // SOI; JFIF APP0; SOF0: 8 bits, 480 × 640, 3 components.
        let header = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0, 1, 2, 1, 0, 72, 0, 72, 0, 0,
            0xFF, 0xC0, 0, 17, 8, 0x02, 0x80, 0x01, 0xE0, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0,
        ];
        Photo::new(ImageFormat::Jpeg, image(&header, 20_000)).unwrap()
    }

    fn draw_signature(&mut self, _: &str) -> Signature {
        let header =
            b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\x90\0\0\0\x64\x08\0\0\0\0\x12\x34\x56\x78";
        Signature::new(ImageFormat::Png, image(header, 5_000)).unwrap()
    }
}

fn info() -> TransactionInfo {
    let day = Date::new(2025, 1, 10).unwrap();
    TransactionInfo {
        transaction_type: "BENCH".to_owned(),
        date: day,
        priority: None,
        destination_agency: "KZ-AFIS".to_owned(),
        originating_agency: "KZ-MFA".to_owned(),
        control_number: "0001".to_owned(),
        control_reference: None,
        capturing_agency: "KZ-MFA".to_owned(),
        capture_date: day,
        finger_impression: FingerImpression::LiveScanPlain,
        palm_impression: PalmImpression::LiveScan,
    }
}

struct Benches<'a> {
    criterion: &'a mut Criterion,
    records: Vec<(&'static str, usize)>,
}

impl EachRecord for Benches<'_> {
    fn record<R: Record>(&mut self) {
        let record = R::draw(&mut Large, R::NAME);
        let info = info();
        let transaction = record.to_nist(&info).unwrap();
        assert!(R::from_nist(&transaction).unwrap() == record);
        let mut group = self.criterion.benchmark_group(format!("nist_{}", R::NAME));
        group.bench_function(FUNCTIONS[0], |bencher| {
            bencher.iter_batched_ref(
                || (),
                |()| black_box(black_box(&record).to_nist(&info)),
                BatchSize::PerIteration,
            )
        });
        group.bench_function(FUNCTIONS[1], |bencher| {
            bencher.iter_batched_ref(
                || (),
                |()| black_box(R::from_nist(black_box(&transaction))),
                BatchSize::PerIteration,
            )
        });
        group.bench_function(FUNCTIONS[2], |bencher| {
            bencher.iter_batched_ref(
                || (),
                |()| {
                    let mut copy = Vec::new();
                    copy.extend_from_slice(black_box(&transaction));
                    black_box(copy)
                },
                BatchSize::PerIteration,
            )
        });
        group.finish();
        self.records.push((R::NAME, transaction.len()));
    }
}

fn print_ratios(records: &[(&str, usize)], since: SystemTime) {
    println!(
        "\nWriting and reading a transaction against copying its bytes, medians of this run:\n"
    );
    println!(
        "{:<30} {:>9} {:>10} {:>10} {:>10} {:>8} {:>8}",
        "record", "bytes", "to_nist", "from_nist", "copy", "write", "read"
    );
    for (record, bytes) in records {
        let median =
            |function| estimates::median_seconds(&format!("nist_{record}/{function}"), since);
        let (Some(write), Some(read), Some(copy)) = (
            median(FUNCTIONS[0]),
            median(FUNCTIONS[1]),
            median(FUNCTIONS[2]),
        ) else {
            continue;
        };
        let (write_ratio, read_ratio) = (write / copy, read / copy);
        let verdict = if write_ratio <= MOST_TIMES_COPY && read_ratio <= MOST_TIMES_COPY {
            ""
        } else {
            "  above the target"
        };
        println!(
            "{record:<30} {bytes:>9} {:>7.1} µs {:>7.1} µs {:>7.1} µs {write_ratio:>7.2}× {read_ratio:>7.2}×{verdict}",
            write * 1e6,
            read * 1e6,
            copy * 1e6
        );
    }
    println!("\nTarget: writing and reading each at most {MOST_TIMES_COPY}× the copy.");
}

fn main() {
    let started = SystemTime::now();
    let mut criterion = Criterion::default().configure_from_args();
    let mut benches = Benches {
        criterion: &mut criterion,
        records: Vec::new(),
    };
    each_record(&mut benches);
    let records = benches.records;
    criterion.final_summary();
    print_ratios(&records, started);
}
