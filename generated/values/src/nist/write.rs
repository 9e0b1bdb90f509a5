//! Writing a transaction: the Type-1 record from the [`TransactionInfo`], the Type-2 record from
//! the fields a record's `to_nist` puts, and the image records from its captures and images.

use super::images::{self, Image};
use super::separator::{FS, GS, RS, US, is_separator};
use super::{
    Domain, INFO_TEXT_LIMIT, NistError, NistProblem, NistText, RECORDS_LIMIT, TEXT_LIMIT,
    TRANSACTION_LIMIT, TransactionInfo, VERSION,
};
use crate::{Fingerprints, FingerprintsAndPalms, Photo, Signature};

/// A transaction being put together by a record's `to_nist`: the Type-2 fields, then the images,
/// in the order of the record's items. [`Transaction::write`] writes it. `Debug` shows the
/// domain, the Type-2 field numbers and the image items, never a value.
pub struct Transaction<'r> {
    domain: Domain,
    /// The Type-2 fields' texts, one after the other in `text_bytes`: one buffer for all.
    text: Vec<(u32, std::ops::Range<usize>)>,
    text_bytes: Vec<u8>,
    images: Vec<Image<'r>>,
}

/// A record of the traditional encoding before its LEN is known: its type, its IDC (but for
/// Type-1) and its fields, by number, in the order written.
pub(crate) struct Tagged<'r> {
    pub(crate) record_type: u16,
    pub(crate) idc: Option<u64>,
    pub(crate) fields: Vec<(u32, Value<'r>)>,
}

/// A field's value, written without formatting it into a string of its own first.
pub(crate) enum Value<'r> {
    /// Text or image data, as given.
    Bytes(&'r [u8]),
    /// Text made for the transaction.
    Owned(Vec<u8>),
    /// A number, in decimal.
    Number(u64),
}

impl Value<'_> {
    fn len(&self) -> usize {
        match self {
            Value::Bytes(bytes) => bytes.len(),
            Value::Owned(bytes) => bytes.len(),
            Value::Number(number) => digits(*number),
        }
    }

    fn write_into(&self, out: &mut Vec<u8>) {
        match self {
            Value::Bytes(bytes) => out.extend_from_slice(bytes),
            Value::Owned(bytes) => out.extend_from_slice(bytes),
            Value::Number(number) => push_number(out, *number),
        }
    }
}

impl<'r> Tagged<'r> {
    pub(crate) fn new(record_type: u16) -> Tagged<'r> {
        Tagged {
            record_type,
            idc: None,
            fields: Vec::with_capacity(16),
        }
    }

    pub(crate) fn text(&mut self, field: u32, text: &'r str) {
        self.fields.push((field, Value::Bytes(text.as_bytes())));
    }

    pub(crate) fn owned(&mut self, field: u32, text: String) {
        self.fields.push((field, Value::Owned(text.into_bytes())));
    }

    pub(crate) fn number(&mut self, field: u32, number: impl Into<u64>) {
        self.fields.push((field, Value::Number(number.into())));
    }

    pub(crate) fn binary(&mut self, field: u32, bytes: &'r [u8]) {
        self.fields.push((field, Value::Bytes(bytes)));
    }

    fn tag_length(&self, field: u32) -> usize {
        digits(u64::from(self.record_type)) + 1 + digits(u64::from(field)).max(3) + 1
    }

    /// The record's length with LEN in it: the fields, each with its tag and its separator, and
    /// LEN's own digits.
    pub(crate) fn length(&self) -> usize {
        let idc = self
            .idc
            .map_or(0, |idc| self.tag_length(2) + digits(idc) + 1);
        let rest: usize = self
            .fields
            .iter()
            .map(|(field, value)| self.tag_length(*field) + value.len() + 1)
            .sum();
        let fixed = idc + rest + self.tag_length(1) + 1;
        (1..=20)
            .map(|own| fixed + own)
            .find(|length| digits(*length as u64) == length - fixed)
            .unwrap_or(fixed)
    }

    /// Writes the record, whose [`Tagged::length`] is `length`.
    fn write_into(&self, out: &mut Vec<u8>, length: usize) {
        let start = out.len();
        self.write_tag(out, 1);
        push_number(out, length as u64);
        if let Some(idc) = self.idc {
            out.push(GS);
            self.write_tag(out, 2);
            push_number(out, idc);
        }
        for (field, value) in &self.fields {
            out.push(GS);
            self.write_tag(out, *field);
            value.write_into(out);
        }
        out.push(FS);
        debug_assert_eq!(out.len() - start, length);
    }

    /// `<type>.<field>:`, the field in three digits at least. Record types and fields have at
    /// most two and three digits (the reader refuses more), written without a call to copy
    /// memory: a tag is a few bytes, and a transaction has hundreds.
    fn write_tag(&self, out: &mut Vec<u8>, field: u32) {
        let digit = |number: u32| b'0' + (number % 10) as u8;
        let record_type = u32::from(self.record_type);
        if record_type >= 10 {
            out.extend_from_slice(&[digit(record_type / 10), digit(record_type), b'.']);
        } else {
            out.extend_from_slice(&[digit(record_type), b'.']);
        }
        out.extend_from_slice(&[digit(field / 100), digit(field / 10), digit(field), b':']);
    }
}

fn digits(number: u64) -> usize {
    number.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// Appends `number` in decimal, digit by digit: the numbers of a transaction are short.
fn push_number(out: &mut Vec<u8>, number: u64) {
    let mut divisor = 10u64.pow(digits(number) as u32 - 1);
    while divisor > 0 {
        out.push(b'0' + (number / divisor % 10) as u8);
        divisor /= 10;
    }
}

impl std::fmt::Debug for Transaction<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let fields: Vec<u32> = self.text.iter().map(|(field, _)| *field).collect();
        f.debug_struct("Transaction")
            .field("domain", &self.domain)
            .field("type_2_fields", &fields)
            .field("images", &self.images)
            .finish()
    }
}

impl<'r> Transaction<'r> {
    /// A transaction of `domain`'s Type-2 record, with nothing in it yet.
    pub fn new(domain: Domain) -> Transaction<'r> {
        Transaction {
            domain,
            text: Vec::with_capacity(64),
            text_bytes: Vec::with_capacity(1024),
            images: Vec::new(),
        }
    }

    /// Puts `value` in Type-2 field `field`, for the record's item `item`.
    ///
    /// # Errors
    ///
    /// When the value's text holds a separator of the traditional encoding.
    pub fn text<T: NistText>(
        &mut self,
        field: u32,
        value: &T,
        item: &'static str,
    ) -> Result<(), NistError> {
        let start = self.text_bytes.len();
        value.write_nist(&mut self.text_bytes);
        let text = &self.text_bytes[start..];
        if text.is_empty() || text.iter().any(|byte| is_separator(*byte)) {
            self.text_bytes.truncate(start);
            return Err(NistError::new(NistProblem::Form(
                "text with a character and without separators",
            ))
            .at_field(2, field)
            .for_item(item));
        }
        self.text.push((field, start..self.text_bytes.len()));
        Ok(())
    }

    /// Puts `value`, when given, in Type-2 field `field`.
    ///
    /// # Errors
    ///
    /// As [`Transaction::text`].
    pub fn optional_text<T: NistText>(
        &mut self,
        field: u32,
        value: Option<&T>,
        item: &'static str,
    ) -> Result<(), NistError> {
        match value {
            Some(value) => self.text(field, value, item),
            None => Ok(()),
        }
    }

    /// Puts a Type-14 record per finger.
    pub fn fingerprints(&mut self, fingers: &'r Fingerprints, item: &'static str) {
        self.images.push(Image::Fingers(fingers, item));
    }

    /// Puts a Type-14 record per finger and a Type-15 record per full palm.
    pub fn fingerprints_and_palms(
        &mut self,
        captures: &'r FingerprintsAndPalms,
        item: &'static str,
    ) {
        self.images.push(Image::FingersAndPalms(captures, item));
    }

    /// Puts the Type-10 record of the photograph.
    pub fn photo(&mut self, photo: &'r Photo, item: &'static str) {
        self.images.push(Image::Photo(photo, item));
    }

    /// Puts the Type-20 record of the signature.
    pub fn signature(&mut self, signature: &'r Signature, item: &'static str) {
        self.images.push(Image::Signature(signature, item));
    }

    /// The transaction, as the traditional encoding writes it.
    ///
    /// # Errors
    ///
    /// When a field of `info` breaks its rule, an image's header does not give what its record
    /// needs, an impression is not an image, or the transaction would exceed its limits.
    pub fn write(self, info: &TransactionInfo) -> Result<Vec<u8>, NistError> {
        check_info(info)?;
        let mut descriptive = Tagged::new(2);
        descriptive.idc = Some(0);
        let mut text = self.text;
        text.sort_by_key(|(field, _)| *field);
        if text.windows(2).any(|pair| pair[0].0 == pair[1].0) {
            return Err(NistError::new(NistProblem::DuplicateField).in_record(2));
        }
        let text_bytes = self.text_bytes;
        descriptive.fields.extend(
            text.into_iter()
                .map(|(field, range)| (field, Value::Bytes(&text_bytes[range]))),
        );
        if descriptive.length() > TEXT_LIMIT {
            return Err(NistError::new(NistProblem::TooLarge { limit: TEXT_LIMIT }).in_record(2));
        }
        let capture_date = date(info.capture_date);
        let mut records = vec![descriptive];
        for image in &self.images {
            images::write(image, info, &capture_date, &mut records)?;
        }
        if records.len() + 1 > RECORDS_LIMIT {
            return Err(NistError::new(NistProblem::TooManyRecords));
        }
        let date = date(info.date);
        let first = type_1(info, &date, self.domain, &records);
        let first_length = first.length();
        let lengths: Vec<usize> = records.iter().map(Tagged::length).collect();
        let total: usize = first_length + lengths.iter().sum::<usize>();
        if total > TRANSACTION_LIMIT {
            return Err(NistError::new(NistProblem::TooLarge {
                limit: TRANSACTION_LIMIT,
            }));
        }
        let mut out = Vec::with_capacity(total);
        first.write_into(&mut out, first_length);
        for (record, length) in records.iter().zip(lengths) {
            record.write_into(&mut out, length);
        }
        Ok(out)
    }
}

/// The Type-1 record: the fields in the order of their numbers, the records in CNT with the IDC
/// each was written with.
fn type_1<'a>(
    info: &'a TransactionInfo,
    date: &'a [u8; 8],
    domain: Domain,
    records: &[Tagged<'_>],
) -> Tagged<'a> {
    let mut first = Tagged::new(1);
    first.text(2, VERSION);
    let mut contents = format!("1{}{}", char::from(US), records.len());
    for record in records {
        let idc = record.idc.unwrap_or_default();
        contents.push_str(&format!(
            "{}{}{}{idc}",
            char::from(RS),
            record.record_type,
            char::from(US)
        ));
    }
    first.owned(3, contents);
    first.text(4, &info.transaction_type);
    first.binary(5, date);
    if let Some(priority) = info.priority {
        first.number(6, priority);
    }
    first.text(7, &info.destination_agency);
    first.text(8, &info.originating_agency);
    first.text(9, &info.control_number);
    if let Some(reference) = &info.control_reference {
        first.text(10, reference);
    }
    first.text(11, "00.00");
    first.text(12, "00.00");
    first.owned(
        13,
        format!("{}{}{}", domain.name, char::from(US), domain.version),
    );
    first.text(15, "003\u{1f}UTF-8");
    first
}

/// `date` as the standard writes dates, `YYYYMMDD`.
pub(crate) fn date(date: crate::Date) -> [u8; 8] {
    let mut out = Vec::with_capacity(8);
    date.write_nist(&mut out);
    out.try_into().unwrap_or([b'0'; 8])
}

fn check_info(info: &TransactionInfo) -> Result<(), NistError> {
    let refuse = |rule| Err(NistError::new(NistProblem::TransactionInfo(rule)).in_record(1));
    let printable = |text: &str| {
        !text.is_empty()
            && text.len() <= INFO_TEXT_LIMIT
            && text.bytes().all(|byte| (0x20..=0x7E).contains(&byte))
    };
    let tot = &info.transaction_type;
    if tot.is_empty() || tot.len() > 16 || !tot.bytes().all(|byte| byte.is_ascii_alphabetic()) {
        return refuse("`transaction_type` is not 1 to 16 ASCII letters");
    }
    if info
        .priority
        .is_some_and(|priority| !(1..=9).contains(&priority))
    {
        return refuse("`priority` is not from 1 to 9");
    }
    let texts = [
        (
            &info.destination_agency,
            "`destination_agency` is not 1 to 40 printable ASCII characters",
        ),
        (
            &info.originating_agency,
            "`originating_agency` is not 1 to 40 printable ASCII characters",
        ),
        (
            &info.control_number,
            "`control_number` is not 1 to 40 printable ASCII characters",
        ),
        (
            &info.capturing_agency,
            "`capturing_agency` is not 1 to 40 printable ASCII characters",
        ),
    ];
    for (text, rule) in texts {
        if !printable(text) {
            return refuse(rule);
        }
    }
    if info
        .control_reference
        .as_deref()
        .is_some_and(|reference| !printable(reference))
    {
        return refuse("`control_reference` is not 1 to 40 printable ASCII characters");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn len_counts_its_own_digits() {
        for filler in 0..2_000 {
            let filler = "x".repeat(filler);
            let mut record = Tagged::new(2);
            record.idc = Some(0);
            record.text(3, &filler);
            let mut out = Vec::new();
            record.write_into(&mut out, record.length());
            let len: usize =
                std::str::from_utf8(&out[6..out.iter().position(|b| *b == GS).unwrap()])
                    .unwrap()
                    .parse()
                    .unwrap();
            assert_eq!(len, out.len(), "filler {filler}");
        }
    }
}
