//! Which ways of reading and writing a record leave a copy of its biometric data in freed memory.
//!
//! A global allocator scans every block freed while a record is read and dropped (or written)
//! for a canary: the decoded bytes of a fingerprint impression, and their base64 text. The
//! caller's own buffers (the JSON input, the `serde_json::Value`) are made before the scan and
//! freed after it: they are the caller's to wipe.
//!
//! What it shows, and README states:
//! - `serde_json::from_str` and `from_slice` of JSON whose base64 has no escapes, and
//!   `from_value`, leave no copy: the crate decodes from the input into a buffer it wipes; and
//!   when `from_value` is refused, the crate reads the rest of the value to wipe it.
//! - `from_reader`, and base64 written with escapes (`\/`, as some writers do), leave copies of
//!   the base64 text: serde_json gathers such strings in a buffer of its own, which it frees
//!   without wiping.
//! - Writing with `to_string` or `to_vec` leaves pieces of the base64 text in the buffers the
//!   output outgrows; writing into a buffer reserved large enough leaves none.

// A global allocator is unsafe code by nature; it only forwards to the system's and reads the
// blocks it frees.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

use dactylo_records::{Impression, ImpressionFormat};
use dactylo_tests::fixtures::{EachRecord, Record, each_record};
use serde_json::Value;

mod support;

use support::places::{Place, model, place_of};

/// The impression's bytes: a WSQ signature, then 600 bytes no other data of the record has,
/// so that the end of a copy outlives the shorter strings a reused buffer takes after it.
fn canary() -> Vec<u8> {
    let ridges = (0..600_u32).map(|index| u8::try_from((index * 7 + 13) % 251).unwrap());
    [0xFF, 0xA0, 0xFF, 0xA8].into_iter().chain(ridges).collect()
}

/// What the scan looks for: the decoded bytes, and the last 96 characters of their base64.
static NEEDLES: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();

fn needles() -> &'static (Vec<u8>, Vec<u8>) {
    NEEDLES.get_or_init(|| {
        let impression = Impression::new(ImpressionFormat::Wsq, canary()).unwrap();
        let json = serde_json::to_value(&impression).unwrap();
        let base64 = json["data"].as_str().unwrap().as_bytes().to_vec();
        (canary(), base64[base64.len() - 96..].to_vec())
    })
}

static SCANNING: AtomicBool = AtomicBool::new(false);
static BYTES_FOUND: AtomicUsize = AtomicUsize::new(0);
static BASE64_FOUND: AtomicUsize = AtomicUsize::new(0);

struct Scanning;

fn holds(block: &[u8], needle: &[u8]) -> bool {
    block.windows(needle.len()).any(|window| window == needle)
}

// SAFETY: every call forwards to the system allocator with the same pointer and layout; the
// scan only reads the `layout.size()` bytes of a block that is still allocated.
unsafe impl GlobalAlloc for Scanning {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as the system allocator's contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        if SCANNING.load(Ordering::Relaxed)
            && let Some((decoded, base64)) = NEEDLES.get()
        {
            // SAFETY: the block is allocated, of `layout.size()` bytes, until the call below.
            let bytes = unsafe { std::slice::from_raw_parts(block, layout.size()) };
            if holds(bytes, decoded) {
                BYTES_FOUND.fetch_add(1, Ordering::Relaxed);
            }
            if holds(bytes, base64) {
                BASE64_FOUND.fetch_add(1, Ordering::Relaxed);
            }
        }
        // SAFETY: as the system allocator's contract.
        unsafe { System.dealloc(block, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Scanning = Scanning;

/// The scan sees every thread's frees: each test runs alone, from its first allocation.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn alone() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The copies of the canary left in blocks freed by `work`: decoded, and as base64.
fn copies_left(work: impl FnOnce()) -> (usize, usize) {
    needles();
    BYTES_FOUND.store(0, Ordering::Relaxed);
    BASE64_FOUND.store(0, Ordering::Relaxed);
    SCANNING.store(true, Ordering::Relaxed);
    work();
    SCANNING.store(false, Ordering::Relaxed);
    (
        BYTES_FOUND.load(Ordering::Relaxed),
        BASE64_FOUND.load(Ordering::Relaxed),
    )
}

/// A record that holds fingerprints, with the first impression the canary, as JSON; and the
/// record's name.
fn json() -> (String, String) {
    let place = place_of(&model(), "Fingerprints");
    let impression = Impression::new(ImpressionFormat::Wsq, canary()).unwrap();
    let mut json = support::records::named(&place.record).complete();
    let mut captures = place.get(&json).unwrap().clone();
    captures[0] = serde_json::json!({
        "position": captures[0]["position"].clone(),
        "impression": serde_json::to_value(&impression).unwrap(),
    });
    place.set(&mut json, captures);
    let text = serde_json::to_string(&json).unwrap();
    assert!(text.contains(std::str::from_utf8(&needles().1).unwrap()));
    (place.record, text)
}

/// A test run on the record type that holds the canary.
trait Scan {
    fn scan<R: Record>(&self, json: &str);
}

struct On<'a, S> {
    record: &'a str,
    json: &'a str,
    scan: &'a S,
    scanned: bool,
}

impl<S: Scan> EachRecord for On<'_, S> {
    fn record<R: Record>(&mut self) {
        if R::NAME == self.record {
            self.scan.scan::<R>(self.json);
            self.scanned = true;
        }
    }
}

/// Runs `scan` on the canary's record, alone.
fn run(scan: &impl Scan) {
    let _alone = alone();
    let (record, json) = json();
    let mut on = On {
        record: &record,
        json: &json,
        scan,
        scanned: false,
    };
    each_record(&mut on);
    assert!(
        on.scanned,
        "no record type is named `{record}`: nothing was scanned"
    );
}

/// The JSON with the canary's base64 written in escapes (`\u0041` for `A`), as writers that
/// escape `/` do for some of it, so that the plain text is not in the input.
fn escaped(json: &str) -> String {
    let impression = Impression::new(ImpressionFormat::Wsq, canary()).unwrap();
    let text = serde_json::to_value(&impression).unwrap()["data"]
        .as_str()
        .unwrap()
        .to_owned();
    let escapes: String = text
        .chars()
        .map(|c| format!("\\u{:04X}", u32::from(c)))
        .collect();
    json.replace(&text, &escapes)
}

fn read<R: Record>(text: &str) -> R {
    serde_json::from_str(text).unwrap()
}

struct FromStrOrSlice;

impl Scan for FromStrOrSlice {
    fn scan<R: Record>(&self, json: &str) {
        assert_eq!(copies_left(|| drop(read::<R>(json))), (0, 0));
        let bytes = json.as_bytes();
        let from_slice = || drop(serde_json::from_slice::<R>(bytes).unwrap());
        assert_eq!(copies_left(from_slice), (0, 0));
    }
}

#[test]
fn reading_from_a_str_or_slice_leaves_no_copy() {
    run(&FromStrOrSlice);
}

struct FromValue;

impl Scan for FromValue {
    fn scan<R: Record>(&self, json: &str) {
        let value: Value = serde_json::from_str(json).unwrap();
        let (bytes, _) = copies_left(|| drop(serde_json::from_value::<R>(value).unwrap()));
        assert_eq!(bytes, 0);
        // The value's own string was the caller's; the crate took it over and wiped it.
        let value: Value = serde_json::from_str(json).unwrap();
        assert_eq!(
            copies_left(|| drop(serde_json::from_value::<R>(value).unwrap())),
            (0, 0)
        );
    }
}

#[test]
fn reading_from_a_value_leaves_no_copy() {
    run(&FromValue);
}

/// A change to a record's JSON, given its first key and the place of its fingerprints.
type Damage = fn(&mut Value, &str, &Place);

/// `from_value` of JSON the record refuses before it reaches the impression, or within the
/// impression's entry: the strings not yet read are the crate's to wipe all the same.
struct FromRefusedValue;

impl Scan for FromRefusedValue {
    fn scan<R: Record>(&self, json: &str) {
        let place = place_of(&model(), "Fingerprints");
        let value: Value = serde_json::from_str(json).unwrap();
        // A `serde_json::Value` is read in the order of its keys: its first comes first.
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        let first = keys[0];
        assert_ne!(
            first, &place.path[0],
            "the damage must come before the impression"
        );
        let damages: [(&str, Damage); 3] = [
            ("a refused first field", |value, first, _| {
                value[first] = Value::Bool(true);
            }),
            (
                "an unknown key before the impression in its entry",
                |value, _, place| {
                    let mut captures = place.get(value).unwrap().clone();
                    captures[0]["absence_reason"] = Value::from("XX");
                    place.set(value, captures);
                },
            ),
            ("a list where the entry should be", |value, _, place| {
                let mut captures = place.get(value).unwrap().clone();
                captures[0] = Value::Array(vec![captures[0].take()]);
                place.set(value, captures);
            }),
        ];
        for (what, damage) in damages {
            let mut value: Value = serde_json::from_str(json).unwrap();
            damage(&mut value, first, &place);
            let mut refused = false;
            let copies = copies_left(|| refused = serde_json::from_value::<R>(value).is_err());
            assert!(refused, "{what} is read");
            assert_eq!(copies, (0, 0), "{what} leaves copies");
        }
    }
}

#[test]
fn reading_from_a_value_that_is_refused_leaves_no_copy() {
    run(&FromRefusedValue);
}

struct FromReaderOrEscapes;

impl Scan for FromReaderOrEscapes {
    fn scan<R: Record>(&self, json: &str) {
        let from_reader = || drop(serde_json::from_reader::<_, R>(json.as_bytes()).unwrap());
        let (bytes, base64) = copies_left(from_reader);
        assert_eq!(bytes, 0, "the decoded bytes are always wiped");
        assert!(base64 > 0, "serde_json's buffer of the text is not wiped");

        // The input holds escapes where the text has letters: a copy found is serde_json's
        // unescaped one.
        let escaped = escaped(json);
        assert!(!escaped.contains(std::str::from_utf8(&needles().1).unwrap()));
        let (bytes, base64) = copies_left(|| drop(read::<R>(&escaped)));
        assert_eq!(bytes, 0);
        assert!(
            base64 > 0,
            "serde_json's buffer of the unescaped text is not wiped"
        );
    }
}

#[test]
fn reading_from_a_reader_or_with_escapes_leaves_copies_of_the_text() {
    run(&FromReaderOrEscapes);
}

struct IntoABuffer;

impl Scan for IntoABuffer {
    fn scan<R: Record>(&self, json: &str) {
        let record = read::<R>(json);
        let size = serde_json::to_vec(&record).unwrap().len();
        let mut buffer = Vec::with_capacity(size);
        let (bytes, base64) = copies_left(|| serde_json::to_writer(&mut buffer, &record).unwrap());
        assert_eq!((bytes, base64), (0, 0));
        assert_eq!(buffer.len(), size);
        // The output itself is the caller's, dropped after the scan; what is found is in the
        // buffers it outgrew.
        let mut output = None;
        let (_, base64) = copies_left(|| output = Some(serde_json::to_vec(&record).unwrap()));
        drop(output);
        assert!(base64 > 0, "to_vec's outgrown buffers are not wiped");
    }
}

#[test]
fn writing_into_a_buffer_large_enough_leaves_no_copy() {
    run(&IntoABuffer);
}

/// The scan finds a copy where there is one: a plain vector of the bytes, freed unwiped, and
/// not an impression, which wipes its bytes when dropped.
#[test]
fn the_scan_finds_what_it_looks_for() {
    let _alone = alone();
    assert_eq!(copies_left(|| drop(std::hint::black_box(canary()))), (1, 0));
    let impression = Impression::new(ImpressionFormat::Wsq, canary()).unwrap();
    assert_eq!(copies_left(|| drop(impression)), (0, 0));
}
