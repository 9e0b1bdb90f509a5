//! Every record type of the spec behind one object-safe trait, so that a test can read and
//! write any record's JSON by the record's name, with no type of the spec named in the test.

use std::marker::PhantomData;

use dactylo_tests::fixtures::{EachRecord, Record, each_record};
use dactylo_tests::{Random, complete};
use serde_json::Value;

/// A record type, seen through its JSON.
pub trait Wire {
    /// The record's name.
    fn name(&self) -> &'static str;
    /// The file of its JSON Schema, in `generated/schema/`.
    fn schema(&self) -> &'static str;
    /// The JSON of a record with every item, the same on every call.
    fn complete(&self) -> Value;
    /// The JSON of the record with its required items only, drawn from `seed`.
    fn required_only(&self, seed: u64) -> Value;
    /// The JSON of a record drawn from `seed`.
    fn drawn(&self, seed: u64) -> Value;
    /// `json` read as this record, and written again; or the error, as text.
    fn read(&self, json: Value) -> Result<Value, String>;
    /// `text` read as this record with `serde_json::from_str`; or the error, as text.
    fn read_str(&self, text: &str) -> Result<Value, String>;
    /// `bytes` read as this record with `serde_json::from_slice`; or the error, as text.
    fn read_slice(&self, bytes: &[u8]) -> Result<Value, String>;
    /// `bytes` read as this record with `serde_json::from_reader`; or the error, as text.
    fn read_reader(&self, bytes: &[u8]) -> Result<Value, String>;
}

struct Typed<R>(PhantomData<R>);

impl<R: Record> Wire for Typed<R> {
    fn name(&self) -> &'static str {
        R::NAME
    }

    fn schema(&self) -> &'static str {
        R::SCHEMA
    }

    fn complete(&self) -> Value {
        serde_json::to_value(complete::<R>()).unwrap()
    }

    fn required_only(&self, seed: u64) -> Value {
        serde_json::to_value(R::required_only(&mut Random::new(seed))).unwrap()
    }

    fn drawn(&self, seed: u64) -> Value {
        serde_json::to_value(R::draw(&mut Random::new(seed), R::NAME)).unwrap()
    }

    fn read(&self, json: Value) -> Result<Value, String> {
        serde_json::from_value::<R>(json)
            .map(|record| serde_json::to_value(record).unwrap())
            .map_err(|error| error.to_string())
    }

    fn read_str(&self, text: &str) -> Result<Value, String> {
        serde_json::from_str::<R>(text)
            .map(|record| serde_json::to_value(record).unwrap())
            .map_err(|error| error.to_string())
    }

    fn read_slice(&self, bytes: &[u8]) -> Result<Value, String> {
        serde_json::from_slice::<R>(bytes)
            .map(|record| serde_json::to_value(record).unwrap())
            .map_err(|error| error.to_string())
    }

    fn read_reader(&self, bytes: &[u8]) -> Result<Value, String> {
        serde_json::from_reader::<_, R>(std::io::Cursor::new(bytes))
            .map(|record| serde_json::to_value(record).unwrap())
            .map_err(|error| error.to_string())
    }
}

struct Collect(Vec<Box<dyn Wire>>);

impl EachRecord for Collect {
    fn record<R: Record>(&mut self) {
        self.0.push(Box::new(Typed::<R>(PhantomData)));
    }
}

/// Every record type of the spec, in the spec's order.
pub fn all() -> Vec<Box<dyn Wire>> {
    let mut collect = Collect(Vec::new());
    each_record(&mut collect);
    collect.0
}

/// The record type named `name`.
pub fn named(name: &str) -> Box<dyn Wire> {
    all()
        .into_iter()
        .find(|record| record.name() == name)
        .unwrap_or_else(|| panic!("the spec has no record `{name}`"))
}
